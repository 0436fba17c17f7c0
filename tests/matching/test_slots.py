"""Slots: places never over-committed, overlaps refused, the waiting list served once."""

import datetime
from decimal import Decimal

from django.core import mail
from django.utils import timezone

import pytest

from matching.models import (
    NeedStatus,
    Slot,
    SlotBooking,
    SlotBookingStatus,
    SlotWaitlistEntry,
    WaitlistStatus,
)
from matching.services import slots
from tests.matching.factories import NeedFactory
from tests.matching.slot_factories import make_slot, volunteer

pytestmark = pytest.mark.django_db


def test_taking_a_place_counts_it_and_the_last_place_goes_once():
    slot = make_slot(places=1)
    ada, bob = volunteer("Ada"), volunteer("Bob")

    booking = slots.take_place(volunteer=ada, slot_id=slot.pk)
    with pytest.raises(slots.SlotFull):
        slots.take_place(volunteer=bob, slot_id=slot.pk)

    slot.refresh_from_db()
    assert booking.status == SlotBookingStatus.BOOKED
    assert (slot.places_taken, slot.places_left) == (1, 0)


def test_the_same_slot_twice_is_refused_with_a_clear_message():
    slot = make_slot(places=3)
    ada = volunteer()
    slots.take_place(volunteer=ada, slot_id=slot.pk)

    with pytest.raises(slots.SlotError, match="déjà une place"):
        slots.take_place(volunteer=ada, slot_id=slot.pk)
    slot.refresh_from_db()
    assert slot.places_taken == 1


def test_an_overlapping_slot_of_the_same_volunteer_is_refused_naming_the_other():
    first = make_slot(in_hours=48, length_hours=3)
    overlapping = make_slot(in_hours=50, length_hours=2)
    after = make_slot(in_hours=51, length_hours=1)  # starts when the first ends: no overlap
    ada = volunteer()
    slots.take_place(volunteer=ada, slot_id=first.pk)

    with pytest.raises(slots.SlotError, match="chevauche") as refused:
        slots.take_place(volunteer=ada, slot_id=overlapping.pk)
    assert first.need.title in str(refused.value)
    slots.take_place(volunteer=ada, slot_id=after.pk)
    overlapping.refresh_from_db()
    assert overlapping.places_taken == 0


def test_a_started_slot_or_a_closed_need_takes_no_one():
    started = make_slot(in_hours=-1, length_hours=3)
    closed = make_slot(NeedFactory(status=NeedStatus.CLOSED))
    with pytest.raises(slots.SlotError, match="commencé"):
        slots.take_place(volunteer=volunteer(), slot_id=started.pk)
    with pytest.raises(slots.SlotError, match="plus ouvert"):
        slots.take_place(volunteer=volunteer(), slot_id=closed.pk)


def test_the_waiting_list_is_only_for_full_slots_and_keeps_one_entry_per_person():
    slot = make_slot(places=1)
    ada = volunteer()
    with pytest.raises(slots.SlotError, match="Il reste des places"):
        slots.join_waitlist(volunteer=ada, slot_id=slot.pk)
    slots.take_place(volunteer=volunteer("Bob"), slot_id=slot.pk)

    first = slots.join_waitlist(volunteer=ada, slot_id=slot.pk)
    again = slots.join_waitlist(volunteer=ada, slot_id=slot.pk)

    assert first.pk == again.pk
    assert slots.waitlist_position(first) == 1


def test_a_cancelled_place_goes_to_the_first_in_line_with_one_email_in_their_language(
    django_capture_on_commit_callbacks,
):
    slot = make_slot(places=1)
    holder = volunteer("Holder")
    booking = slots.take_place(volunteer=holder, slot_id=slot.pk)
    first, second = volunteer("Ada", language="en"), volunteer("Bob")
    first_entry = slots.join_waitlist(volunteer=first, slot_id=slot.pk)
    slots.join_waitlist(volunteer=second, slot_id=slot.pk)

    with django_capture_on_commit_callbacks(execute=True):
        slots.cancel_booking(booking_id=booking.pk)
    # A second cancel of the same place offers nothing.
    with pytest.raises(slots.SlotError), django_capture_on_commit_callbacks(execute=True):
        slots.cancel_booking(booking_id=booking.pk)

    slot.refresh_from_db()
    assert slot.places_taken == 1  # the place moved, it was not freed
    offered = SlotBooking.objects.get(slot=slot, status=SlotBookingStatus.BOOKED)
    assert offered.volunteer == first and offered.from_waiting_list
    first_entry.refresh_from_db()
    assert first_entry.status == WaitlistStatus.OFFERED
    assert [m.to for m in mail.outbox] == [[first.user.email]]
    assert mail.outbox[0].subject.startswith("A place freed up")
    assert "Bob" not in mail.outbox[0].body


def test_a_cancelled_place_without_anyone_waiting_is_free_again():
    slot = make_slot(places=1)
    booking = slots.take_place(volunteer=volunteer(), slot_id=slot.pk)
    slots.cancel_booking(booking_id=booking.pk)
    slot.refresh_from_db()
    assert slot.places_taken == 0
    slots.take_place(volunteer=volunteer("Bob"), slot_id=slot.pk)


def test_the_first_in_line_busy_at_that_time_keeps_waiting_and_the_next_gets_the_place():
    slot = make_slot(places=1, in_hours=48)
    booking = slots.take_place(volunteer=volunteer("Holder"), slot_id=slot.pk)
    busy, free = volunteer("Busy"), volunteer("Free")
    slots.join_waitlist(volunteer=busy, slot_id=slot.pk)
    slots.join_waitlist(volunteer=free, slot_id=slot.pk)
    slots.take_place(volunteer=busy, slot_id=make_slot(in_hours=49).pk)

    slots.cancel_booking(booking_id=booking.pk)

    assert SlotBooking.objects.get(slot=slot, status="booked").volunteer == free
    assert SlotWaitlistEntry.objects.get(volunteer=busy).status == WaitlistStatus.WAITING


def test_a_done_booking_counts_the_slot_hours_only_once_started():
    slot = make_slot(in_hours=-4, length_hours=2.5)
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    ada = volunteer()
    booking = SlotBooking.objects.create(slot=slot, volunteer=ada)
    future = SlotBooking.objects.create(slot=make_slot(), volunteer=ada)

    slots.complete_booking(booking_id=booking.pk)
    with pytest.raises(slots.SlotError, match="pas encore commencé"):
        slots.complete_booking(booking_id=future.pk)
    with pytest.raises(slots.SlotError, match="en cours"):
        slots.complete_booking(booking_id=booking.pk)

    assert slots.hours_done([ada.pk]) == Decimal("2.50")
    assert slots.hours_done(user_ids=[ada.user_id]) == Decimal("2.50")


def _pattern(**changes):
    today = timezone.localdate()
    fields = {
        "first_date": today + datetime.timedelta(days=1),
        "last_date": today + datetime.timedelta(days=28),
        "weekdays": (1, 5),
        "start_time": datetime.time(9),
        "end_time": datetime.time(12),
        "places": 6,
    }
    return slots.WeeklyPattern(**{**fields, **changes})


def test_a_weekly_series_makes_one_slot_per_chosen_weekday_in_paris_time():
    need = NeedFactory()
    made = slots.create_series(need=need, pattern=_pattern())

    assert 7 <= len(made) <= 9
    assert len({slot.series for slot in made}) == 1
    for slot in Slot.objects.filter(need=need):
        local = timezone.localtime(slot.starts_at, slots.zone())
        assert local.weekday() in (1, 5) and local.time() == datetime.time(9)
        assert slot.hours == Decimal("3.00") and slot.places == 6


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekdays": ()}, "au moins un jour"),
        ({"end_time": datetime.time(8)}, "heure de fin"),
        ({"first_date": timezone.localdate() - datetime.timedelta(days=1)}, "passée"),
        ({"last_date": timezone.localdate() + datetime.timedelta(days=400)}, "un an"),
        (
            {
                "weekdays": tuple(range(7)),
                "last_date": timezone.localdate() + datetime.timedelta(days=200),
            },
            "au plus",
        ),
        ({"places": 0}, "entre 1 et 500"),
    ],
)
def test_a_series_out_of_bounds_is_refused_and_makes_nothing(changes, message):
    need = NeedFactory()
    with pytest.raises(slots.SlotError, match=message):
        slots.create_series(need=need, pattern=_pattern(**changes))
    assert not Slot.objects.filter(need=need).exists()


def test_a_slot_with_bookings_cannot_be_deleted():
    slot = make_slot()
    slots.take_place(volunteer=volunteer(), slot_id=slot.pk)
    with pytest.raises(slots.SlotError):
        slots.delete_slot(slot_id=slot.pk)
    empty = make_slot()
    slots.delete_slot(slot_id=empty.pk)
    assert not Slot.objects.filter(pk=empty.pk).exists()
