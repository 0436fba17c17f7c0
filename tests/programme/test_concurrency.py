"""On PostgreSQL, simultaneous sign-ups never overfill a cohort nor duplicate a waiting
position, and simultaneous schedule runs never send a day twice.

Rows are committed for real by a thread of their own (the racing connections must see them)
and deleted the same way afterwards, the challenge they sign up for with them
(``transactional_db`` would flush the shared demo site).
"""

import datetime
import threading
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

import pytest

from programme.models import (
    Cohort,
    Coordinator,
    CoordinatorTraining,
    DailyEmail,
    Membership,
    ProgrammeCounter,
)
from programme.services import schedule, signup
from tests.factories import ChallengePageFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]

WEEK = datetime.date(2031, 1, 6)  # a Monday
AREA = "2A"
PEOPLE = 20


def in_own_connection(function, *args):
    result, errors = [], []

    def run():
        try:
            result.append(function(*args))
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


def race(function, arguments) -> None:
    barrier = threading.Barrier(len(arguments))
    errors = []

    def attempt(argument):
        try:
            barrier.wait(timeout=10)
            function(argument)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def _create():
    challenge = ChallengePageFactory()
    users = get_user_model()
    coordinator_user = users.objects.create_user(
        username="race-coord@example.org", email="race-coord@example.org"
    )
    coordinator = Coordinator.objects.create(user=coordinator_user, language="fr", area=AREA)
    CoordinatorTraining.objects.create(
        coordinator=coordinator, challenge=challenge, completed_on=datetime.date(2030, 1, 1)
    )
    people = [
        users.objects.create_user(username=f"race{n}@example.org", email=f"race{n}@example.org")
        for n in range(PEOPLE)
    ]
    return challenge, coordinator, people


def _delete(challenge, coordinator, people):
    volunteers = ProgrammeCounter.objects.get(name="volunteers")
    joined = Membership.objects.filter(user__in=people).exclude(confirmed_at=None).count()
    DailyEmail.objects.filter(membership__user__in=people).delete()
    Membership.objects.filter(user__in=people).delete()
    Cohort.objects.filter(coordinator=coordinator).delete()
    get_user_model().objects.filter(pk__in=[coordinator.user_id, *[p.pk for p in people]]).delete()
    volunteers.value -= joined
    volunteers.save()
    challenge.delete()


@pytest.fixture
def committed():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions need PostgreSQL (SQLite serialises writers)")
    challenge, coordinator, people = in_own_connection(_create)
    yield challenge, coordinator, people
    in_own_connection(_delete, challenge, coordinator, people)


def _state(coordinator, people):
    cohorts = list(Cohort.objects.filter(coordinator=coordinator))
    placed = Membership.objects.filter(user__in=people, status="placed").count()
    positions = sorted(
        Membership.objects.filter(user__in=people, status="waiting").values_list(
            "waiting_position", flat=True
        )
    )
    return len(cohorts), placed, positions


def test_simultaneous_sign_ups_fill_one_cohort_of_15_and_queue_the_rest(committed):
    challenge, coordinator, people = committed
    choice = signup.Choice(challenge=challenge, start_date=WEEK, language="fr", area=AREA)
    race(lambda user: signup.join(user, choice), people)
    assert in_own_connection(_state, coordinator, people) == (1, 15, [1, 2, 3, 4, 5])


def test_simultaneous_schedule_runs_send_each_member_one_email(committed):
    challenge, coordinator, people = committed
    choice = signup.Choice(challenge=challenge, start_date=WEEK, language="fr", area=AREA)
    in_own_connection(lambda: [signup.join(user, choice) for user in people[:15]])
    cohort_id = in_own_connection(lambda: Cohort.objects.get(coordinator=coordinator).pk)
    now = datetime.datetime(2031, 1, 6, 8, 0, tzinfo=ZoneInfo("Europe/Paris"))
    mail.outbox = []
    race(lambda _n: schedule.send_cohort_due(cohort_id, now=now), list(range(6)))
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(p.email for p in people[:15])
    assert (
        in_own_connection(
            lambda: DailyEmail.objects.filter(membership__cohort_id=cohort_id).count()
        )
        == 15
    )
