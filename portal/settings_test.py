"""Test settings: the embedded default plus a fast hasher and in-memory email.

DATABASE_URL, REDIS_URL and CELERY_BROKER_URL still come from the environment, so the same
suite runs against PostgreSQL + Redis + a real worker in CI's services leg.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")  # noqa: S105

from portal.settings import *  # noqa: E402,F403
from portal.settings import VAR_DIR  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One media folder per database engine: CI runs the SQLite and PostgreSQL legs side by side.
MEDIA_ROOT = str(VAR_DIR / f"test-media-{DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
CSRF_COOKIE_SECURE = False
# Eager everywhere; tests marked celery_worker switch to the real broker + worker.
CELERY_TASK_ALWAYS_EAGER = True

# Pages and needs change within tests: tests of these caches turn them on themselves.
PAGE_CACHE_SECONDS = 0
NEARBY_CACHE_SECONDS = 0
DIRECTORY_CACHE_SECONDS = 0
PUBLICATION_MEMO_SECONDS = 0
# API limits are tested by tests/test_api_throttling.py with their own rates; schemathesis and
# hypothesis send many requests a minute.
API_RATE_ANONYMOUS = "100000/minute"
API_RATE_ACCOUNT = "100000/minute"
