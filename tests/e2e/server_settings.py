"""Settings of the browser suite's server process (see tests/e2e/conftest.py).

The embedded default (DEBUG on, SQLite from DATABASE_URL, eager Celery) with email written by
the file backend to E2E_MAIL_DIR, where the tests read it, and a cache in files beside it: the
server and the processes of ``run_python``/``manage`` share it, as the web servers and the beat
worker share Redis in production (a task run there, e.g. refreshing the home counters, is seen
by the server).
"""

import os
from pathlib import Path

from portal.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["E2E_MAIL_DIR"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(Path(EMAIL_FILE_PATH).parent / "cache"),
    }
}
# Every browser submission comes from 127.0.0.1: the per-address limit (tested in
# tests/home/test_contact_form.py) must not turn later form tests into 429s.
FORM_SUBMISSIONS_PER_HOUR = 10_000
