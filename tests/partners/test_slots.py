"""The partner space's slots: weekly series from the page and the API, bad input refused with a
message, a volunteer's presence confirmed (their hours count), first names only."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

import pytest

from matching.models import Slot, SlotBooking, SlotBookingStatus
from matching.services import slots
from tests.matching.slot_factories import make_slot
from tests.partners.pledge_factories import partner_need, volunteer

pytestmark = pytest.mark.django_db


def _series_data(**changes):
    today = timezone.localdate()
    data = {
        "weekdays": ["5"],
        "start_time": "09:00",
        "end_time": "12:00",
        "places": "6",
        "first_date": (today + datetime.timedelta(days=1)).isoformat(),
        "last_date": (today + datetime.timedelta(days=21)).isoformat(),
    }
    data.update(changes)
    return data


def test_a_partner_creates_a_weekly_series_from_its_need_page(partner_client, partner_page):
    need = partner_need(partner_page)
    url = reverse("partners:need_slots", kwargs={"pk": need.pk})

    response = partner_client.post(url, _series_data())

    assert response.status_code == 302
    made = list(Slot.objects.filter(need=need))
    assert len(made) == 3
    assert {timezone.localtime(s.starts_at).weekday() for s in made} == {5}
    page = partner_client.get(url).content.decode()
    assert "0 place prise sur 6" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekdays": []}, "obligatoire"),
        ({"end_time": "08:00"}, "heure de fin"),
        ({"places": "0"}, "supérieure ou égale à 1"),
        ({"first_date": "pas une date"}, "date valide"),
        ({"weekdays": ["0", "1", "2", "3", "4", "5", "6"], "last_date": "2099-01-01"}, "un an"),
    ],
)
def test_bad_series_input_answers_400_with_a_message_and_creates_nothing(
    partner_client, partner_page, changes, message
):
    need = partner_need(partner_page)
    url = reverse("partners:need_slots", kwargs={"pk": need.pk})

    response = partner_client.post(url, _series_data(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Slot.objects.filter(need=need).exists()


def test_confirming_a_presence_counts_the_hours_and_shows_first_names_only(
    partner_client, partner_page
):
    need = partner_need(partner_page)
    slot = make_slot(need, in_hours=-3, length_hours=2)
    ada = volunteer("Ada", email="ada@example.org")
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    booking = SlotBooking.objects.create(slot=slot, volunteer=ada)

    page = partner_client.get(reverse("partners:need_slots", kwargs={"pk": need.pk}))
    assert "Ada" in page.content.decode() and "ada@example.org" not in page.content.decode()
    response = partner_client.post(reverse("partners:slot_booking_done", kwargs={"pk": booking.pk}))

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == SlotBookingStatus.DONE and booking.hours == Decimal("2.00")
    assert slots.hours_done([ada.pk]) == Decimal("2.00")


def test_a_presence_cannot_be_confirmed_before_the_slot_starts(partner_client, partner_page):
    need = partner_need(partner_page)
    booking = SlotBooking.objects.create(slot=make_slot(need), volunteer=volunteer())

    response = partner_client.post(reverse("partners:slot_booking_done", kwargs={"pk": booking.pk}))

    assert response.status_code == 400
    assert "pas encore commencé" in response.content.decode()


def test_an_empty_slot_is_deleted_one_with_a_volunteer_is_kept(partner_client, partner_page):
    need = partner_need(partner_page)
    empty, taken = make_slot(need), make_slot(need, in_hours=72)
    slots.take_place(volunteer=volunteer(), slot_id=taken.pk)

    ok = partner_client.post(reverse("partners:slot_delete", kwargs={"pk": empty.pk}))
    refused = partner_client.post(reverse("partners:slot_delete", kwargs={"pk": taken.pk}))

    assert ok.status_code == 302 and refused.status_code == 400
    assert list(Slot.objects.filter(need=need)) == [taken]


# --- The API -------------------------------------------------------------------------------


def test_the_api_creates_a_series_and_lists_it(partner_client, partner_page):
    need = partner_need(partner_page)
    body = {**_series_data(), "weekdays": [1, 5], "need": need.pk, "places": 4}

    response = partner_client.post(
        "/api/v1/partner/slots/series/", body, content_type="application/json"
    )

    assert response.status_code == 201, response.content
    assert len(response.json()) == len(Slot.objects.filter(need=need)) >= 5
    listed = partner_client.get("/api/v1/partner/slots/", {"need": need.pk}).json()
    assert listed["count"] == len(response.json())
    assert listed["results"][0]["places_left"] == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"need": 0}, "need"),
        ({"weekdays": []}, "weekdays"),
        ({"end_time": "08:00"}, "non_field_errors"),
        ({"places": "beaucoup"}, "places"),
    ],
)
def test_bad_api_series_input_answers_400_naming_the_field(
    partner_client, partner_page, changes, field
):
    need = partner_need(partner_page)
    body = {**_series_data(), "weekdays": [5], "need": need.pk, **changes}

    response = partner_client.post(
        "/api/v1/partner/slots/series/", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert field in response.json()["errors"] and response.json()["detail"]
    assert not Slot.objects.filter(need=need).exists()


def test_another_partners_need_cannot_get_slots_through_the_api(
    client, other_partner_member, partner_page
):
    need = partner_need(partner_page)
    client.force_login(other_partner_member.user)
    body = {**_series_data(), "weekdays": [5], "need": need.pk}

    response = client.post("/api/v1/partner/slots/series/", body, content_type="application/json")

    assert response.status_code == 400
    assert not Slot.objects.filter(need=need).exists()


def test_the_api_marks_a_booking_done(partner_client, partner_page):
    need = partner_need(partner_page)
    slot = make_slot(need, in_hours=-2, length_hours=1.5)
    booking = SlotBooking.objects.create(slot=slot, volunteer=volunteer("Ada"))

    response = partner_client.post(f"/api/v1/partner/slot-bookings/{booking.pk}/done/")

    assert response.status_code == 200
    assert response.json()["hours"] == "1.50"
    assert response.json()["volunteer_first_name"] == "Ada"
    assert "email" not in response.json()
