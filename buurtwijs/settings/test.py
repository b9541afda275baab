"""Fast, isolated settings for the test suite."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-buurtwijs"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Local media and the database's search, whatever the environment says (tests/test_object_storage.py switches
# to a bucket where it tests that).
STORAGES = {**STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}  # noqa: F405
STORAGES.pop("renditions", None)
globals().pop("WAGTAILIMAGES_RENDITION_STORAGE", None)  # renditions in the default storage, as Wagtail's default
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.sqlite_backend"
        if DATABASES["default"]["ENGINE"].endswith("sqlite3")  # noqa: F405
        else "search.postgres_backend",
        "SEARCH_CONFIG": "dutch",
    }
}
# One media folder per pytest-xdist worker: tests that count the files in it must not see another worker's.
MEDIA_ROOT = VAR_DIR / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Wagtail and django-tasks log every save at INFO; that drowns the output of a failing test.
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
# The same cache headers everywhere, and never a purge of a real CDN from a developer's environment.
CACHE_MAX_AGE = 60
CACHE_S_MAXAGE = 600
WAGTAILFRONTENDCACHE = {}
# Whatever the environment says: the demo's editors log in with a password, attempts are counted in the test
# database, and no proxy header is trusted (tests/security switch each on where they test it).
BUURTWIJS_REQUIRE_2FA = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
TRUSTED_PROXY_COUNT = 0
