"""One environment-driven settings module.

Every variable is declared once in ``env`` below with its type and embedded default, and
documented in the README. Unset, the portal runs with no service at all: SQLite, eager
Celery, a local-memory cache and file email. Production sets DATABASE_URL, REDIS_URL,
SECRET_KEY, ALLOWED_HOSTS and DEBUG=0; the portal refuses to start without SECRET_KEY
when DEBUG is off.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent
PORTAL_DIR = BASE_DIR / "portal"
VAR_DIR = BASE_DIR / "var"

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", "testserver"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    DB_CONN_MAX_AGE=(int, 60),
    DB_POOL_MAX_SIZE=(int, 0),
    MEDIA_STORAGE=(str, "local"),
    S3_BUCKET=(str, ""),
    S3_ENDPOINT_URL=(str, ""),
    S3_REGION=(str, ""),
    S3_ACCESS_KEY_ID=(str, ""),
    S3_SECRET_ACCESS_KEY=(str, ""),
    SEARCH_BACKEND=(str, "database"),
    SEARCH_URL=(str, ""),
    GEOCODER=(str, "offline"),
    GEOCODER_BAN_DOMAIN=(str, "data.geopf.fr/geocodage"),
    GEOCODER_NOMINATIM_DOMAIN=(str, "nominatim.openstreetmap.org"),
    GEOCODER_USER_AGENT=(str, "reaction-portal/1.0"),
    GEOCODER_TIMEOUT_S=(int, 5),
    GEOCODER_CACHE_S=(int, 30 * 24 * 3600),
    GEOCODER_QUERIES_PER_HOUR=(int, 60),
    MAP_TILES_URL=(str, ""),
    MAP_TILES_ATTRIBUTION=(str, ""),
    REDIS_URL=(str, ""),
    CELERY_BROKER_URL=(str, ""),
    CELERY_TASK_ALWAYS_EAGER=(bool, None),
    EMAIL_BACKEND=(str, ""),
    EMAIL_RELAY_BACKEND=(str, "django.core.mail.backends.smtp.EmailBackend"),
    EMAIL_HOST=(str, "localhost"),
    EMAIL_PORT=(int, 25),
    EMAIL_HOST_USER=(str, ""),
    EMAIL_HOST_PASSWORD=(str, ""),
    EMAIL_USE_TLS=(bool, False),
    DEFAULT_FROM_EMAIL=(str, "ré_action <bonjour@reaction.example>"),
    STAFF_EMAIL=(str, "partenariats@reaction.example"),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    URGENT_ALERTS_CHUNK_SIZE=(int, 500),
    URGENT_ALERTS_DAILY_CAP=(int, 3),
    URGENT_ALERTS_CLAIM_LEASE_S=(int, 900),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    LOG_LEVEL=(str, "INFO"),
    SECURE_SSL_REDIRECT=(bool, None),
    PAGE_CACHE_SECONDS=(int, 60),
    API_RATE_ANONYMOUS=(str, "300/minute"),
    API_RATE_ACCOUNT=(str, "1200/minute"),
    PLEDGES_PER_HOUR=(int, 20),
    NEARBY_CACHE_SECONDS=(int, 30),
    DIRECTORY_CACHE_SECONDS=(int, 300),
    PUBLICATION_MEMO_SECONDS=(int, 300),
    NEARBY_ENGINE=(str, "auto"),
)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see README, 'Environment variables')."
        )
    SECRET_KEY = "insecure-embedded-default-for-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "challenges",
    "programme",
    "actions",
    "matching",
    "partners",
    "volunteers",
    "sponsors",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL in production (DATABASE_URL=postgres://…).
DATABASES = {"default": env.db_url_config(env("DATABASE_URL"))}
# Database errors roll back whole requests on PostgreSQL. On SQLite (the embedded default) the
# portal opens transactions with BEGIN IMMEDIATE, which takes the write lock at once: wrapping
# every request (reads included) would serialise them all; services are atomic there.
DATABASES["default"]["ATOMIC_REQUESTS"] = (
    DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Kept open between requests as on PostgreSQL: opening the file, setting the journal mode
    # and losing SQLite's page cache on every request was a sixth of a near-me page's time.
    DATABASES["default"]["CONN_MAX_AGE"] = env("DB_CONN_MAX_AGE")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif env("DB_POOL_MAX_SIZE"):
    # psycopg's connection pool (Django >= 5.1): persistent connections must then be off.
    DATABASES["default"]["OPTIONS"] = {
        "pool": {"min_size": 2, "max_size": env("DB_POOL_MAX_SIZE"), "timeout": 10}
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env("DB_CONN_MAX_AGE")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "reaction",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
_eager = env("CELERY_TASK_ALWAYS_EAGER")
CELERY_TASK_ALWAYS_EAGER = (CELERY_BROKER_URL == "memory://") if _eager is None else _eager
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Paris"
CELERY_BEAT_SCHEDULE = {
    "refresh-impact-counters": {"task": "home.tasks.refresh_impact_counters", "schedule": 60.0},
    "send-cohort-emails": {"task": "programme.tasks.send_due_cohort_emails", "schedule": 60.0},
    "send-weekly-digest": {
        "task": "actions.tasks.send_weekly_digest",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
    "expire-stale-needs": {"task": "matching.tasks.expire_stale_needs", "schedule": 15 * 60.0},
    # A day before a need ends, its volunteers with a pending pledge are reminded (once each).
    "send-pledge-reminders": {
        "task": "matching.tasks.send_pledge_reminders",
        "schedule": 15 * 60.0,
    },
    "purge-unconfirmed-sign-ups": {
        "task": "programme.tasks.purge_unconfirmed_sign_ups",
        "schedule": 24 * 3600.0,
    },
    "resume-urgent-alerts": {"task": "matching.tasks.resume_urgent_alerts", "schedule": 300.0},
    "send-partner-daily-summaries": {
        "task": "partners.tasks.send_daily_summaries",
        "schedule": crontab(minute=0, hour=18),  # CELERY_TIMEZONE: Paris time
    },
    # Task calls kept while the broker was down (portal.outbox), sent again oldest first.
    "flush-outbox": {"task": "portal.tasks.flush_outbox", "schedule": 60.0},
    # Emails committed to the outbox (EMAIL_BACKEND=portal.mail.OutboxEmailBackend) relayed.
    "relay-outbox-emails": {"task": "portal.tasks.relay_outbox_emails", "schedule": 10.0},
}
# Urgent-need alerts: volunteers per chunk task, alerts per volunteer per day at most, and how
# long a chunk's claim on its rows holds before another worker may take them over.
URGENT_ALERTS_CHUNK_SIZE = env("URGENT_ALERTS_CHUNK_SIZE")
URGENT_ALERTS_DAILY_CAP = env("URGENT_ALERTS_DAILY_CAP")
URGENT_ALERTS_CLAIM_LEASE_S = env("URGENT_ALERTS_CLAIM_LEASE_S")

# Email: written to var/mail/ unless a backend is configured.
EMAIL_BACKEND = env("EMAIL_BACKEND") or "django.core.mail.backends.filebased.EmailBackend"
# With EMAIL_BACKEND=portal.mail.OutboxEmailBackend, emails are committed to the outbox table with
# the change they announce and relayed through this backend (portal.tasks.relay_outbox_emails).
EMAIL_RELAY_BACKEND = env("EMAIL_RELAY_BACKEND")
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env("EMAIL_PORT")
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_EMAIL = env("STAFF_EMAIL")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source and default language, English the second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" (wagtail-localize) creates the English page as a DRAFT holding the
# French text until translated: editors translate it, then publish it. (Left at its default,
# wagtail-localize publishes the copy of a live page at once: French text on /en/.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PORTAL_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "portal.static_storage.StaticFiles"
    },
}
if env("MEDIA_STORAGE") == "s3":
    # S3-compatible object storage for uploads: `pip install -e ".[s3]"` (django-storages).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL") or None,
            "region_name": env("S3_REGION") or None,
            "access_key": env("S3_ACCESS_KEY_ID"),
            "secret_key": env("S3_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
elif env("MEDIA_STORAGE") != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")
WHITENOISE_USE_FINDERS = DEBUG
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "ré_action"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL")
SITE_BASE_URL = env("SITE_BASE_URL")
# Wagtail search: the database backend (PostgreSQL full text on PostgreSQL), or Elasticsearch /
# OpenSearch by setting (SEARCH_BACKEND=elasticsearch8|elasticsearch9|opensearch2|opensearch3).
if env("SEARCH_BACKEND") == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # French stemming ("collecter" finds "collecte"): French is the source language.
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french"
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{env('SEARCH_BACKEND')}",
            "URLS": [env("SEARCH_URL")],
            "INDEX": "reaction",
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # pages restricted to signed-in users: the portal's sign-in
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# API
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.api_throttles.AnonymousApiThrottle",
        "portal.api_throttles.AccountApiThrottle",
    ],
    "EXCEPTION_HANDLER": "portal.api.exception_handler",
}
# API requests allowed per client address (anonymous) and per account (signed in).
API_RATE_ANONYMOUS = env("API_RATE_ANONYMOUS")
API_RATE_ACCOUNT = env("API_RATE_ACCOUNT")
# Pledges allowed per account and hour (then 429): enough for a busy volunteer, too few for a
# script.
PLEDGES_PER_HOUR = env("PLEDGES_PER_HOUR")
SPECTACULAR_SETTINGS = {
    "TITLE": "ré_action portal API",
    "DESCRIPTION": "Actions, needs near a point, geocoding.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["portal.api_schema.only_portal_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api_schema.document_error_answers",
    ],
}

# Geocoding: offline gazetteer by default; BAN France or Nominatim in production (geopy).
GEOCODER = env("GEOCODER")
GEOCODER_BAN_DOMAIN = env("GEOCODER_BAN_DOMAIN")
GEOCODER_NOMINATIM_DOMAIN = env("GEOCODER_NOMINATIM_DOMAIN")
GEOCODER_USER_AGENT = env("GEOCODER_USER_AGENT")
GEOCODER_TIMEOUT_S = env("GEOCODER_TIMEOUT_S")
GEOCODER_CACHE_S = env("GEOCODER_CACHE_S")
GEOCODER_QUERIES_PER_HOUR = env("GEOCODER_QUERIES_PER_HOUR")
# Map tiles (Leaflet): no tiles unless configured; also list the origin in MAP_TILES_ORIGIN.
MAP_TILES_URL = env("MAP_TILES_URL")
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION")

# Forms: rate limit of contact / partnership submissions per client address.
FORM_SUBMISSIONS_PER_HOUR = 10
# Sign-in lock-out: failures allowed per account and per address within the window.
LOGIN_FAILURES_PER_ACCOUNT = 5
LOGIN_FAILURES_PER_ADDRESS = 30
LOGIN_LOCKOUT_S = 15 * 60
# Partner staff invitations: one-time links valid this many days.
PARTNER_INVITATION_DAYS = 7

# Security: production-safe; the embedded default (DEBUG on, plain HTTP) relaxes it.
# Django's database sessions and accounts, each read with a query compiled once
# (portal/sessions.py, portal/auth_backends.py).
SESSION_ENGINE = "portal.sessions"
AUTHENTICATION_BACKENDS = ["portal.auth_backends.ModelBackend"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
_ssl_redirect = env("SECURE_SSL_REDIRECT")
SECURE_SSL_REDIRECT = (not DEBUG) if _ssl_redirect is None else _ssl_redirect
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# Content-Security-Policy: no inline script or style anywhere on the public site. The Wagtail
# admin (its own inline scripts) is excluded; map tiles come from MAP_TILES_ORIGIN when set.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env.list("MAP_TILES_ORIGIN", default=[])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Wagtail's live preview shows the page in a same-origin iframe: SAMEORIGIN, not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Whole-page cache of the hot pages for first-time anonymous visitors (portal.page_cache);
# 0 turns it off.
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
# Rankings of the nearest needs per searched point (matching.services.nearest_cache); 0: off.
NEARBY_CACHE_SECONDS = env("NEARBY_CACHE_SECONDS")
# The action directory's facet counts per language and filters (actions.services); 0: off.
DIRECTORY_CACHE_SECONDS = env("DIRECTORY_CACHE_SECONDS")
# Values shared by every visitor kept per process until a publication (portal.publication_memo:
# the site, menu and footer, challenge links, filter choices); 0: off.
PUBLICATION_MEMO_SECONDS = env("PUBLICATION_MEMO_SECONDS")
# Nearest-needs engine: "auto" (PostGIS when the database has it, else portable), "portable",
# or "postgis".
NEARBY_ENGINE = env("NEARBY_ENGINE")
