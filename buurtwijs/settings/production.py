"""Production: everything from the environment; refuses to start without the essentials."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} for production (see README).")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
required_env("DATABASE_URL")  # base.py reads it; without it production would use SQLite
# A sqlite:// DATABASE_URL stops migrate, check and the worker (buurtwijs/checks.py), except on a trial machine.
BUURTWIJS_ALLOW_SQLITE = os.environ.get("BUURTWIJS_ALLOW_SQLITE", "false").lower() == "true"
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

# WhiteNoise serves the static files from gunicorn: gzipped, under hashed names, cached for a year (the name
# changes with the content). Right after SecurityMiddleware, so a static file skips everything below it.
# New list and dict, not changed in place: base's own would change with them in a process that imports both.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],  # noqa: F405
]
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise to browsers, hard to take back, that buurtwijs.nl and every subdomain speak HTTPS
# only: the operator decides, after HTTPS runs everywhere, by setting SECURE_HSTS_PRELOAD=true and submitting
# the domain at hstspreload.org. Until then check --deploy's reminder (W021) is silenced.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "false").lower() == "true"
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"

# The central team and administrators must use two-factor authentication unless this is explicitly set to false.
BUURTWIJS_REQUIRE_2FA = os.environ.get("BUURTWIJS_REQUIRE_2FA", "true").lower() == "true"
