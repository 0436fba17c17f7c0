"""The beat task through the real broker and worker: it fans out per cohort and stays
idempotent (CI's services leg; skipped on the embedded default).

The cohort and its challenge are committed for real by a thread of its own (the worker must see
them) and deleted the same way afterwards: a ``transactional_db`` flush would wipe the demo site
other tests share.
"""

import threading
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

import pytest

from portal.weeks import week_start
from programme.models import Cohort, Coordinator, DailyEmail, Membership
from programme.services import schedule
from programme.tasks import send_due_cohort_emails
from tests.factories import ChallengePageFactory

MEMBERS = 3


def in_own_connection(function):
    result, errors = [], []

    def run():
        try:
            result.append(function())
        except Exception as error:  # noqa: BLE001 - re-raised in the caller's thread
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if errors:
        raise errors[0]
    return result[0]


def _create() -> int:
    challenge = ChallengePageFactory()
    users = get_user_model().objects
    coordinator = Coordinator.objects.create(
        user=users.create_user(
            username="worker-coord@example.org", email="worker-coord@example.org"
        ),
        language="fr",
        area="69",
    )
    monday = week_start(timezone.localdate())
    cohort = Cohort.objects.create(
        challenge=challenge,
        language="fr",
        area="69",
        start_date=monday,
        coordinator=coordinator,
        send_hour=0,
    )
    for n in range(MEMBERS):
        email = f"worker{n}@example.org"
        Membership.objects.create(
            user=users.create_user(username=email, email=email),
            challenge=challenge,
            language="fr",
            area="69",
            start_date=monday,
            cohort=cohort,
            status="placed",
        )
    return cohort.pk


def _delete(cohort_id: int) -> None:
    cohort = Cohort.objects.select_related("coordinator", "challenge").get(pk=cohort_id)
    user_ids = [cohort.coordinator.user_id, *cohort.memberships.values_list("user_id", flat=True)]
    Membership.objects.filter(cohort=cohort).delete()
    cohort.delete()
    Coordinator.objects.filter(pk=cohort.coordinator_id).delete()
    get_user_model().objects.filter(pk__in=user_ids).delete()
    cohort.challenge.delete()


def _sent(cohort_id: int) -> int:
    return DailyEmail.objects.filter(membership__cohort_id=cohort_id, sent_at__isnull=False).count()


def _snapshot():
    last = DailyEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return last, list(Cohort.objects.values_list("pk", "days_sent", "status"))


def _restore(snapshot) -> None:
    """The worker also serves the demo's running cohort: undo that for the tests that follow."""
    last, cohorts = snapshot
    DailyEmail.objects.filter(pk__gt=last).delete()
    for pk, days_sent, status in cohorts:
        Cohort.objects.filter(pk=pk).update(days_sent=days_sent, status=status)


@pytest.fixture
def committed_cohort():
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    snapshot = in_own_connection(_snapshot)
    cohort_id = in_own_connection(_create)
    yield cohort_id
    in_own_connection(lambda: _delete(cohort_id))
    in_own_connection(lambda: _restore(snapshot))


@pytest.mark.celery_worker
@pytest.mark.services
@pytest.mark.django_db
def test_the_beat_task_sends_the_due_days_once_through_a_real_worker(committed_cohort):
    cohort = in_own_connection(lambda: Cohort.objects.get(pk=committed_cohort))
    due = schedule.days_due(cohort, timezone.now())
    assert due >= 1  # send hour 0: at least the launch email is due

    send_due_cohort_emails.delay()
    deadline = time.monotonic() + 30
    while in_own_connection(lambda: _sent(committed_cohort)) < MEMBERS * due:
        assert time.monotonic() < deadline, "the worker did not send within 30 s"
        time.sleep(0.3)
    send_due_cohort_emails.delay()
    send_due_cohort_emails.delay()
    time.sleep(2)
    rows = in_own_connection(
        lambda: DailyEmail.objects.filter(membership__cohort_id=committed_cohort).count()
    )
    assert rows == MEMBERS * due
