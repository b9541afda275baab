"""Production settings, loaded as a server loads them: in a fresh process, from the environment only."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"]
# Variables of the developer's or CI's environment that would change what production settings read.
CONFIGURING = [
    *REQUIRED,
    "REDIS_URL",
    "SECURE_HSTS_PRELOAD",
    "DJANGO_SETTINGS_MODULE",
    "BUURTWIJS_ALLOW_SQLITE",
    "BUURTWIJS_REQUIRE_2FA",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "OPENSEARCH_URL",
]


def production_env(**overrides):
    env = {name: value for name, value in os.environ.items() if name not in CONFIGURING}
    env.update(
        DJANGO_SETTINGS_MODULE="buurtwijs.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="buurtwijs.nl,www.buurtwijs.nl",
        # Not connected to: the checks below need no database.
        DATABASE_URL="postgres://buurtwijs@db.invalid:5432/buurtwijs",
    )
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def run(args, **env):
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_deploy(**env):
    return run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)


@pytest.mark.parametrize("preload", [None, "true"], ids=["hsts-preload-off", "hsts-preload-on"])
def test_check_deploy_passes_with_production_settings(preload):
    result = check_deploy(SECURE_HSTS_PRELOAD=preload)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_on_a_weak_secret_key():
    result = check_deploy(SECRET_KEY="geheim")
    assert result.returncode == 1
    assert "security.W009" in result.stderr


@pytest.mark.parametrize("name", REQUIRED)
@pytest.mark.parametrize("value", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_production_refuses_to_start_without_a_required_variable(name, value):
    result = check_deploy(**{name: value})
    assert result.returncode == 1
    assert f"Set the environment variable {name} for production (see README)." in result.stderr


def test_production_refuses_a_sqlite_database_unless_a_trial_allows_it(tmp_path):
    sqlite = f"sqlite:///{tmp_path / 'proef.sqlite3'}"

    refused = run(["manage.py", "migrate", "--noinput"], DATABASE_URL=sqlite)
    assert refused.returncode == 1
    assert "buurtwijs.E001" in refused.stderr and "BUURTWIJS_ALLOW_SQLITE=true" in refused.stderr
    assert "Applying" not in refused.stdout

    trial = run(["manage.py", "check", "--database", "default"], DATABASE_URL=sqlite, BUURTWIJS_ALLOW_SQLITE="true")
    assert trial.returncode == 0, trial.stderr


def test_production_asks_for_two_factor_authentication_unless_switched_off():
    assert production_settings("BUURTWIJS_REQUIRE_2FA") == {"BUURTWIJS_REQUIRE_2FA": True}
    assert production_settings("BUURTWIJS_REQUIRE_2FA", BUURTWIJS_REQUIRE_2FA="false") == {
        "BUURTWIJS_REQUIRE_2FA": False
    }


def production_settings(*names, **env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}, default=str))"
    )
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_redis_url_puts_caches_and_sessions_in_redis():
    found = production_settings("CACHES", "SESSION_ENGINE", "MIDDLEWARE", REDIS_URL="redis://redis:6379/0")
    assert {alias: cache["BACKEND"] for alias, cache in found["CACHES"].items()} == {
        "default": "buurtwijs.cache.ResilientRedisCache",
        "renditions": "buurtwijs.cache.ResilientRedisCache",
        "pages": "buurtwijs.cache.ResilientRedisCache",
    }
    assert {cache["LOCATION"] for cache in found["CACHES"].values()} == {"redis://redis:6379/0"}
    assert all(0 < timeout <= 0.5 for cache in found["CACHES"].values() for timeout in cache["OPTIONS"].values())
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    middleware = found["MIDDLEWARE"]
    assert middleware[:4] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "core.pagecache.PageCacheMiddleware",  # a static file never reaches it; a page cache hit skips the rest
        "buurtwijs.middleware.PublicCacheControlMiddleware",
    ]
    assert middleware.index("buurtwijs.middleware.PublicCacheControlMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


def test_without_redis_url_each_process_caches_in_memory():
    found = production_settings("CACHES", "SESSION_ENGINE")
    assert found["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "renditions" not in found["CACHES"]
    # The page cache must see every process's invalidations: files, not a process's memory.
    assert found["CACHES"]["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
