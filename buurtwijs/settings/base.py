"""Settings shared by every environment. Deploy-specific values come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

INSTALLED_APPS = [
    # The project's floors, top to bottom (docs/architecture.md); the project package itself, the demo content
    # and the operations commands stand beside them.
    "buurtwijs",
    "home",
    "search",
    "follows",
    "reach",
    "community",
    "stories",
    "correspondents",
    "core",
    "demo",
    "operations",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A repeated anonymous request is answered from the page cache before anything below runs (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    # Before the session, CSRF and locale middleware: it must see the cookies and Vary headers they add.
    "buurtwijs.middleware.PublicCacheControlMiddleware",
    # Inside PublicCacheControlMiddleware: a response whose template used a CSP nonce is private before it decides.
    "buurtwijs.security.ContentSecurityPolicyMiddleware",
    "buurtwijs.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A page refuses methods it does not take (405) before the CSRF check would (403).
    "buurtwijs.middleware.PageMethodMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "buurtwijs.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "buurtwijs.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "buurtwijs.wsgi.application"

# DATABASE_URL switches every command, tests included, to another database (PostgreSQL in
# production). Without it (or with it empty, as an env file may leave it) the embedded SQLite database under
# var/ is used; production settings refuse that.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{VAR_DIR / 'buurtwijs.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# Production refuses SQLite unless told (buurtwijs/checks.py); everywhere else it is the default.
BUURTWIJS_ALLOW_SQLITE = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wagtail's editor autosaves in the background; wait for a busy database instead of failing a save.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes). Failures count per username AND address together, so nobody can lock an
# editor out from elsewhere by guessing their username. Redis is shared by every app server; without it the
# database is (a local-memory cache would count per process).
AXES_HANDLER = (
    "buurtwijs.auth_security.ResilientAxesCacheHandler"
    if os.environ.get("REDIS_URL")
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_DISABLE_ACCESS_LOG = True  # buurtwijs.auth_security logs every login instead
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_LOCKOUT_CALLABLE = "buurtwijs.auth_security.lockout_response"
# Number of reverse proxies in front of the app that append the client address to X-Forwarded-For. Without
# one (0) the header is ignored: anyone can send it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Public forms (core/antispam.py): a form posted sooner than the minimum after it was shown is refused as too fast,
# later than the maximum as too old (a replayed stamp); each address may post each kind of form at most
# (count, per seconds).
PUBLIC_FORM_MIN_SECONDS = 3
PUBLIC_FORM_MAX_SECONDS = 24 * 60 * 60
PUBLIC_FORM_RATE_LIMITS = {
    "story_submission": (10, 60 * 60),
    "reaction": (10, 10 * 60),
    "registration": (10, 60 * 60),
    "follow": (10, 60 * 60),
    # Bereik's beacon (reach/collect.py): two per page read; generous, as a school or office shares one address.
    "reach": (300, 60),
}

# Two-factor authentication (TOTP, django-otp): every editor can turn it on; with BUURTWIJS_REQUIRE_2FA the
# central team and administrators must (buurtwijs.two_factor).
BUURTWIJS_REQUIRE_2FA = os.environ.get("BUURTWIJS_REQUIRE_2FA", "false").lower() == "true"
OTP_TOTP_ISSUER = "Buurtwijs"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def object_storage(environ):
    """STORAGES entries for media on S3-compatible object storage, from AWS_STORAGE_BUCKET_NAME (with
    AWS_S3_ENDPOINT_URL for a store other than Amazon's, AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY, else boto3's own credentials); {} without a bucket. Originals and documents
    ("default") are private: signed, expiring URLs. Renditions ("renditions", WAGTAILIMAGES_RENDITION_STORAGE) get
    plain URLs, to be public under images/ (a bucket policy) or served through AWS_S3_CUSTOM_DOMAIN (a CDN)."""
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("AWS_S3_REGION_NAME", "").strip() or None,
        "access_key": environ.get("AWS_ACCESS_KEY_ID", "").strip() or None,
        "secret_key": environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
        "file_overwrite": False,
    }
    public = {"querystring_auth": False, "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None}
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**options, "querystring_auth": True}},
        "renditions": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**options, **public}},
    }


# Media in a bucket instead of MEDIA_ROOT, for every settings module but the tests' (like DATABASE_URL): the app
# servers, the worker and backup/restore then share them (docs/deployment.md, "Scaling out").
if _object_storage := object_storage(os.environ):
    STORAGES = {**STORAGES, **_object_storage}
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Wagtail's page editor posts many fields for pages with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Buurtwijs <redactie@buurtwijs.nl>")
# A hanging mail server must not hold an editor's request: notifications give up after this many seconds.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# Wagtail

WAGTAIL_SITE_NAME = "Buurtwijs"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.BuurtwijsImage"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# No avatars from gravatar.com: it would tell a third party who uses the admin (and cannot load offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "home.forms.DutchLoginForm"
# The central team approves the chain's last step without holding Wagtail's plain publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "correspondents.chain.publishing.publish_approved_revision"

# Wagtail's database backend (modelsearch), knowing prefixes (search/query.py); on SQLite with its ranking made one
# query (search/sqlite_backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.sqlite_backend"
        if DATABASES["default"]["ENGINE"].endswith("sqlite3")
        else "search.postgres_backend",
        "SEARCH_CONFIG": "dutch",
    }
}
# OPENSEARCH_URL (https://user:password@search.internal:9200) puts search on OpenSearch 3 instead (modelsearch's
# backend; build the index with `manage.py update_index`, docs/deployment.md). Not in the tests' settings.
if OPENSEARCH_URL := os.environ.get("OPENSEARCH_URL", "").strip():
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "modelsearch.backends.opensearch3",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "buurtwijs_"),
            "TIMEOUT": 5,
        }
    }

# Background work (image renditions, search index, reference index, frontend cache purges) is queued in the
# database and done by a worker process, `manage.py db_worker` (docs/deployment.md; `make run` starts one).
# TASKS_BACKEND names another django-tasks backend: django_tasks.backends.immediate.ImmediateBackend does the work
# inline instead, in the request that queues it.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "").strip() or "django_tasks_db.DatabaseBackend"}}

# Volg de buurt (follows/sending.py): an edition goes out in batch tasks of DIGEST_BATCH_SIZE digests, that many
# side by side; a batch holds its digests for DIGEST_CLAIM_SECONDS (after a killed worker, the rest goes out once that
# has passed); a failing mail server is tried again after DIGEST_RETRY_SECONDS × 4^(attempts − 1), at most
# DIGEST_MAX_ATTEMPTS times.
DIGEST_BATCH_SIZE = int(os.environ.get("DIGEST_BATCH_SIZE", "100"))
DIGEST_PARALLEL_BATCHES = int(os.environ.get("DIGEST_PARALLEL_BATCHES", "2"))
DIGEST_CLAIM_SECONDS = int(os.environ.get("DIGEST_CLAIM_SECONDS", "1800"))
DIGEST_RETRY_SECONDS = int(os.environ.get("DIGEST_RETRY_SECONDS", "60"))
DIGEST_MAX_ATTEMPTS = int(os.environ.get("DIGEST_MAX_ATTEMPTS", "5"))

# With REDIS_URL, Redis is the cache every app server shares: the default cache (rate limits), Wagtail's
# renditions, the page cache (core/pagecache.py) and sessions (cached_db: kept in the database too, so an outage
# logs nobody out). An outage empties the cache and slows nothing down (buurtwijs.cache). Without it each process
# caches in its own memory, except the page cache: every process must see an invalidation, so it lives in files.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": Path(os.environ.get("PAGE_CACHE_DIR", VAR_DIR / "page-cache")),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
if os.environ.get("REDIS_URL"):
    from buurtwijs.cache import redis_caches  # only then: it loads Django's cache backends

    CACHES = redis_caches(os.environ["REDIS_URL"])
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Caching in front of the site. Anonymous public pages may be kept CACHE_S_MAXAGE seconds by a shared cache
# (CDN, Varnish) and CACHE_MAX_AGE seconds by a browser (buurtwijs.middleware). Publishing or unpublishing
# purges the shared cache of the page and every page that lists it (stories.purging), through the backends
# configured here; with none configured nothing is purged.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "600"))
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    if not os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"):
        raise ImproperlyConfigured("FRONTEND_CACHE_CLOUDFLARE_ZONEID needs FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN.")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"],
    }

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always come through Wagtail's view as a download (Content-Disposition: attachment, nosniff and
# "default-src 'none'"), never from the media URL or inline: an uploaded file cannot run in the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: it can carry script.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]

# Security headers. Content-Security-Policy (django-csp, buurtwijs.security): public pages have no inline script
# or style, so every visitor gets the same header and a shared cache may keep the page. A template that needs an
# inline script gives it nonce="{{ request.csp_nonce }}"; only then does the header carry a nonce, and the response
# turns private. Video blocks embed these players.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        # The admin shows its page previews in a frame; X-Frame-Options stays DENY for older browsers.
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin (and its previews) needs inline scripts and styles, blob: and data: images, and frames its
# own previews. No nonce here: a nonce would switch 'unsafe-inline' off. The dashboard asks releases.wagtail.org
# for the newest Wagtail version.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "connect-src": [SELF, "https://releases.wagtail.org"],
    }
}
# Features the site never uses (buurtwijs.security.PermissionsPolicyMiddleware). Fullscreen and picture-in-picture
# stay at the browser's default, so video players can still use them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's admin reads the CSRF token from the page, never from the cookie: no script needs to read either cookie.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Rich text in stories allows headings h2-h4 only: h1 is the page title.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
