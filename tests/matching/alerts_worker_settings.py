"""Settings of the alert tests' own Celery worker: the test settings, except that a task sent
from inside a task goes through the broker (portal.settings_test runs it eagerly, in the
sending task, which would hide the chunks from the broker)."""

import os

from portal.settings_test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
# The kill test runs the worker once with the transactional outbox (portal.mail).
EMAIL_BACKEND = os.environ.get("TEST_WORKER_EMAIL_BACKEND", EMAIL_BACKEND)  # noqa: F405
