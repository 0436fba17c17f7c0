"""The sponsor dashboard counts the hours its employees gave on slots (a sum, no person), and
only those of people placed in the sponsor's own cohorts."""

from decimal import Decimal

import pytest

from matching.models import Slot, SlotBooking
from matching.services import slots
from sponsors.services.hours import employee_hours
from tests.matching.slot_factories import make_slot, place_in_a_cohort, volunteer
from tests.sponsors.conftest import path_in

pytestmark = pytest.mark.django_db


def _placed_with_hours(cohort, hours: float):
    profile = volunteer("Employée")
    place_in_a_cohort(profile, cohort)
    slot = make_slot(in_hours=-hours - 1, length_hours=hours)
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    booking = SlotBooking.objects.create(slot=slot, volunteer=profile)
    slots.complete_booking(booking_id=booking.pk)
    return profile


def test_the_dashboard_shows_the_employees_hours_and_no_name(
    client, sponsor, contact, caregivers, week, make_cohort
):
    own = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    public = make_cohort(caregivers, week, area="75")
    employee = _placed_with_hours(own, 2.5)
    _placed_with_hours(public, 4)

    assert employee_hours(sponsor.sponsor_key) == Decimal("2.50")
    client.force_login(contact)
    html = client.get(path_in("fr", "dashboard", sponsor.pk)).content.decode()
    assert "2,5</span>" in html and "heures de bénévolat sur des créneaux" in html
    assert employee.user.email not in html
