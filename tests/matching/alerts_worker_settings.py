"""Settings of the alert tests' own Celery worker: the test settings, except that a task sent
from inside a task goes through the broker (portal.settings_test runs it eagerly, in the
sending task, which would hide the chunks from the broker)."""

from portal.settings_test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
