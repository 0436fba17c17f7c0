"""Settings of the browser suite's server process (see tests/e2e/conftest.py).

The embedded default (DEBUG on, SQLite from DATABASE_URL, eager Celery, local-memory cache) with
email written by the file backend to E2E_MAIL_DIR, where the tests read it.
"""

import os

from portal.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["E2E_MAIL_DIR"]
# Every browser submission comes from 127.0.0.1: the per-address limit (tested in
# tests/home/test_contact_form.py) must not turn later form tests into 429s.
FORM_SUBMISSIONS_PER_HOUR = 10_000
