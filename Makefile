# Buurtwijs: every task starts here; .ci/run uses the same targets.

# The Python that creates .venv: python3 when it is 3.11 (requires-python in pyproject.toml), else python3.11.
PY_VERSION_OK := import sys; sys.exit(sys.version_info[:2] != (3, 11))
PYTHON ?= $(firstword $(foreach p,python3 python3.11,$(shell $(p) -c '$(PY_VERSION_OK)' 2>/dev/null && echo $(p))))
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run worker migrate demo test test-browser lint format bench bench-language backup restore loadtest clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -c '$(PY_VERSION_OK)' 2>/dev/null || { \
		echo "make install needs Python 3.11 to create $(VENV), and found none (tried $(or $(PYTHON),python3 and python3.11))." >&2; \
		echo "Install Python 3.11, or name one: make install PYTHON=/path/to/python3.11" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(BIN)/.installed ## Create .venv (Python 3.11: python3 or python3.11, or PYTHON=…) with the locked dependencies

migrate: install ## Apply database migrations
	mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate ## Load the Dutch demo content and demo users (idempotent; builds on setup_site's empty site)
	$(MANAGE) load_demo_content

# The background worker runs next to the server and stops with it (Ctrl-C): it makes the image renditions and
# updates the search and reference indexes (docs/deployment.md).
run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:8000 with the background worker
	$(MANAGE) db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

worker: migrate ## Run the background worker alone (make run starts one), e.g. next to your own runserver
	$(MANAGE) db_worker

test: install ## Run the whole test suite on every core (SQLite; set DATABASE_URL for PostgreSQL)
	$(BIN)/pytest -m "not e2e" -n auto --dist loadgroup $(PYTEST_ARGS)

test-browser: install ## Run the browser tests in Debian's Chromium (/usr/bin/chromium)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: install ## ruff check, ruff format --check, and the floors of docs/architecture.md (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Background work inline: the warm-up request has the renditions made, so the measured ones see a running site.
bench: install ## Time every page type, search and sitemap at 100, 1,000 and N stories (N=10000; BENCH_DATABASE_URL for PostgreSQL)
	mkdir -p var
	rm -rf var/bench-media
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///$(CURDIR)/var/bench.sqlite3} MEDIA_ROOT=$(CURDIR)/var/bench-media \
		DATABASE_CONN_MAX_AGE=60 TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		$(MANAGE) bench --fresh --stories $(or $(N),10000)

bench-language: demo ## Time the plain-language check on a 2,000-word story (the demo's longest, repeated)
	$(MANAGE) bench_language

backup: install ## Back up the PostgreSQL database (DATABASE_URL) and media into var/backups/buurtwijs-<time>.tar
	$(MANAGE) backup $(if $(BACKUP_DIR),--output-dir $(BACKUP_DIR))

restore: install ## Restore a backup, replacing database and media: make restore ARCHIVE=var/backups/….tar
	@test -n "$(ARCHIVE)" || { echo "Name the archive: make restore ARCHIVE=var/backups/buurtwijs-….tar" >&2; exit 2; }
	$(MANAGE) restore "$(ARCHIVE)"

loadtest: install ## Load test gunicorn on PostgreSQL (buurtwijs_load) on the loopback: LOADTEST_SECONDS=60
	$(BIN)/python loadtest/run.py

clean: ## Remove the virtualenv, the local database and media
	rm -rf $(VENV) var
