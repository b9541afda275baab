# syntax=docker/dockerfile:1
# Buurtwijs: gunicorn serving the site and its static files (WhiteNoise) on port 8000, as a non-root user.
# Build:  docker build -t buurtwijs .
# Run:    see compose.yaml and docs/deployment.md (migrate and setup_site before the first start; migrate after
#         each upgrade). compose.yaml runs both before gunicorn.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: a virtualenv with the runtime dependencies at the versions CI tested ---------------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /build
COPY pyproject.toml requirements.lock ./
# pyproject.toml lists what the site needs at run time; requirements.lock pins each (and their dependencies) to
# the tested version. The development tools in the lock (pytest, Playwright, ruff) stay out of the image.
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > requirements.txt \
    && python -m venv /venv \
    && /venv/bin/pip install --requirement requirements.txt --constraint requirements.lock

# --- runtime -------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=buurtwijs.settings.production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/app/media \
    GUNICORN_BIND=0.0.0.0:8000

# pg_dump and pg_restore for `manage.py backup` and `restore` (docs/backups.md); Debian bookworm's are version 15.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 buurtwijs \
    && useradd --system --uid 10001 --gid buurtwijs --no-create-home --home-dir /nonexistent buurtwijs

COPY --from=build /venv /venv
WORKDIR /app
COPY . .

# Static files are part of the image: hashed and gzipped once, at build time. Production settings insist on
# these three variables; the throwaway values exist only during this step and are not stored in the image.
RUN SECRET_KEY=collectstatic-only-not-used-at-run-time ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/unused.sqlite3 \
        python manage.py collectstatic --noinput \
    && python -m compileall -q /app \
    && mkdir -p /app/media \
    && chown buurtwijs:buurtwijs /app/media

# The code stays owned by root: the app can read it, not change it. Uploads go to /app/media (mount a volume).
# The user buurtwijs by number, so an orchestrator can verify that it is not root.
USER 10001:10001
VOLUME ["/app/media"]
EXPOSE 8000

# Asks for robots.txt as the proxy would: with the site's host name (the first of ALLOWED_HOSTS, without a
# leading dot) and HTTPS already terminated, so neither ALLOWED_HOSTS nor the HTTPS redirect turns it down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-c", "import os, urllib.request as r; host = os.environ['ALLOWED_HOSTS'].split(',')[0].strip().lstrip('.'); r.urlopen(r.Request('http://127.0.0.1:8000/robots.txt', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=4)"]

# gunicorn reads gunicorn.conf.py in /app: workers from WEB_CONCURRENCY, logs to stdout.
CMD ["gunicorn"]
