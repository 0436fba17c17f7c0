"""Simultaneous takers of one slot on PostgreSQL, each in its own connection and transaction:
never more bookings than places; the losers wait in line, and each freed place goes to exactly
one of them, with exactly one email. Same committed-rows pattern as test_pledging_concurrency."""

import datetime
import threading

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.utils import timezone

import pytest

from matching.models import (
    Need,
    Place,
    Slot,
    SlotBooking,
    SlotBookingStatus,
    SlotWaitlistEntry,
    WaitlistStatus,
)
from matching.services import slots
from tests.matching.factories import NeedFactory, VolunteerProfileFactory
from tests.matching.test_pledging_concurrency import in_own_connection

pytestmark = [pytest.mark.services, pytest.mark.django_db]

THREADS = 10
PLACES = 3


def _create():
    need = NeedFactory()
    starts = timezone.now() + datetime.timedelta(days=2)
    slot = Slot.objects.create(
        need=need, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), places=PLACES
    )
    return slot.pk, [VolunteerProfileFactory() for _ in range(THREADS)]


def _delete(slot_id, volunteers):
    slot = Slot.objects.get(pk=slot_id)
    need = Need.objects.get(pk=slot.need_id)
    SlotBooking.objects.filter(slot_id=slot_id).delete()
    SlotWaitlistEntry.objects.filter(slot_id=slot_id).delete()
    slot.delete()
    get_user_model().objects.filter(pk__in=[v.user_id for v in volunteers]).delete()
    need.delete()
    Place.objects.filter(pk=need.place_id).delete()


@pytest.fixture
def committed_slot():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions need PostgreSQL (SQLite serialises writers)")
    slot_id, volunteers = in_own_connection(_create)
    yield slot_id, volunteers
    in_own_connection(_delete, slot_id, volunteers)


def _all_at_once(function, items):
    barrier = threading.Barrier(len(items))
    outcomes, lock = [], threading.Lock()

    def run(item):
        try:
            barrier.wait(timeout=10)
            result = function(item)
        except Exception as error:  # noqa: BLE001 - counted by the test
            result = error
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _take_or_wait(slot_id):
    def attempt(volunteer):
        try:
            slots.take_place(volunteer=volunteer, slot_id=slot_id)
            return "booked"
        except slots.SlotFull:
            slots.join_waitlist(volunteer=volunteer, slot_id=slot_id)
            return "waiting"

    return attempt


def _state(slot_id):
    slot = Slot.objects.get(pk=slot_id)
    booked = SlotBooking.objects.filter(slot_id=slot_id, status=SlotBookingStatus.BOOKED)
    offered = SlotWaitlistEntry.objects.filter(slot_id=slot_id, status=WaitlistStatus.OFFERED)
    return {
        "taken": slot.places_taken,
        "booked": booked.count(),
        "booked_people": booked.values("volunteer").distinct().count(),
        "offered": offered.count(),
        "waiting": SlotWaitlistEntry.objects.filter(
            slot_id=slot_id, status=WaitlistStatus.WAITING
        ).count(),
    }


def test_many_takers_at_once_never_exceed_the_places_and_freed_places_go_once(
    committed_slot, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    slot_id, volunteers = committed_slot

    outcomes = _all_at_once(_take_or_wait(slot_id), volunteers)

    assert outcomes.count("booked") == PLACES, outcomes
    assert outcomes.count("waiting") == THREADS - PLACES, outcomes
    assert in_own_connection(_state, slot_id) == {
        "taken": PLACES,
        "booked": PLACES,
        "booked_people": PLACES,
        "offered": 0,
        "waiting": THREADS - PLACES,
    }

    # Every holder cancels at the same instant: each freed place goes to one waiting person.
    bookings = in_own_connection(
        lambda: list(SlotBooking.objects.filter(slot_id=slot_id).values_list("pk", flat=True))
    )
    cancels = _all_at_once(lambda pk: slots.cancel_booking(booking_id=pk), bookings)
    assert not [c for c in cancels if isinstance(c, Exception)], cancels
    # The same cancellations again: nothing more is offered.
    again = _all_at_once(lambda pk: slots.cancel_booking(booking_id=pk), bookings)
    assert all(isinstance(c, slots.SlotError) for c in again)

    assert in_own_connection(_state, slot_id) == {
        "taken": PLACES,
        "booked": PLACES,
        "booked_people": PLACES,
        "offered": PLACES,
        "waiting": THREADS - 2 * PLACES,
    }
    offered_emails = sorted(
        in_own_connection(
            lambda: list(
                SlotBooking.objects.filter(slot_id=slot_id, status="booked").values_list(
                    "volunteer__user__email", flat=True
                )
            )
        )
    )
    assert sorted(address for m in mail.outbox for address in m.to) == offered_emails
