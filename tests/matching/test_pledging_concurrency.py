"""Simultaneous pledges on PostgreSQL, each thread in its own connection and transaction,
never promise more than a need wants.

The rows are committed for real by a thread of their own (the racing connections must see
them) and deleted the same way after the test, instead of using ``transactional_db``: its
flush would wipe the demo site the whole session shares.
"""

import threading

from django.contrib.auth import get_user_model
from django.db import connection

import pytest

from matching import services
from matching.models import Need, Place, Pledge, VolunteerProfile
from tests.matching.factories import NeedFactory, VolunteerProfileFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]

THREADS = 8


def in_own_connection(function, *args):
    """Run ``function`` in a thread with its own connection (autocommit) and return its result."""
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


def _create(quantity_wanted: int):
    need = NeedFactory(quantity_wanted=quantity_wanted)
    return need.pk, [VolunteerProfileFactory() for _ in range(THREADS)]


def _delete(need_id: int, volunteers) -> None:
    place_id = Need.objects.get(pk=need_id).place_id
    Pledge.objects.filter(need_id=need_id).delete()
    get_user_model().objects.filter(pk__in=[v.user_id for v in volunteers]).delete()
    Need.objects.filter(pk=need_id).delete()
    Place.objects.filter(pk=place_id).delete()


@pytest.fixture
def committed_need():
    """Make (need id, volunteers) committed for real; removed after the test."""
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions need PostgreSQL (SQLite serialises writers)")
    made = []

    def make(quantity_wanted: int):
        need_id, volunteers = in_own_connection(_create, quantity_wanted)
        made.append((need_id, volunteers))
        return need_id, volunteers

    yield make
    for need_id, volunteers in made:
        in_own_connection(_delete, need_id, volunteers)


def _race(need_id: int, volunteers: list[VolunteerProfile], quantity: int) -> list[str]:
    """Every volunteer pledges at the same instant, each in a connection of its own."""
    barrier = threading.Barrier(len(volunteers))
    outcomes, lock = [], threading.Lock()

    def attempt(volunteer):
        try:
            barrier.wait(timeout=10)
            services.pledge(volunteer=volunteer, need_id=need_id, quantity=quantity)
            result = "pledged"
        except services.PledgeError:
            result = "refused"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _pledged(need_id: int) -> tuple[int, int]:
    need = Need.objects.get(pk=need_id)
    total = sum(Pledge.objects.filter(need_id=need_id).values_list("quantity", flat=True))
    return need.quantity_pledged, total


def test_simultaneous_pledges_never_over_commit_a_need(committed_need):
    need_id, volunteers = committed_need(quantity_wanted=10)
    outcomes = _race(need_id, volunteers, quantity=3)
    assert outcomes.count("pledged") == 3  # 3 × 3 = 9 ≤ 10; a fourth would make 12
    assert outcomes.count("refused") == THREADS - 3
    assert in_own_connection(_pledged, need_id) == (9, 9)


def test_simultaneous_pledges_for_the_last_unit_let_exactly_one_through(committed_need):
    need_id, volunteers = committed_need(quantity_wanted=1)
    outcomes = _race(need_id, volunteers, quantity=1)
    assert outcomes.count("pledged") == 1
    assert in_own_connection(_pledged, need_id) == (1, 1)
