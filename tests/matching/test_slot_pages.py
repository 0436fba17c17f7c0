"""Slots on the need page without JavaScript, calendars parsed back with icalendar, hours in the
volunteer, coordinator and sponsor spaces, and the public feeds: never another volunteer."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import icalendar
import pytest

from matching.models import Need, Slot, SlotBooking, SlotBookingStatus, SlotWaitlistEntry
from matching.services import slots
from programme.calendar_feed import cohort_feed_url
from programme.models import Cohort, Coordinator, Membership
from tests.api_errors import assert_the_api_error_format
from tests.matching.slot_factories import make_slot, place_in_a_cohort, volunteer
from tests.queries import per_request
from volunteers.calendar_feed import volunteer_feed_url

pytestmark = pytest.mark.django_db


def signed_in(client, profile):
    client.force_login(profile.user)
    return client


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


# --- The need page, without JavaScript -----------------------------------------------------


def test_the_need_page_lists_slots_and_a_volunteer_takes_then_frees_a_place(client):
    slot = make_slot(places=2)
    ada = volunteer("Ada")
    signed_in(client, ada)
    page = client.get(slot.need.get_absolute_url()).content.decode()
    assert "2 places libres sur 2" in page and "Prendre une place" in page

    taken = client.post(reverse("matching:slot_take", kwargs={"pk": slot.pk}), follow=True)

    assert "vous avez une place" in taken.content.decode()
    booking = SlotBooking.objects.get(slot=slot, volunteer=ada)
    assert "Libérer ma place" in taken.content.decode()
    client.post(reverse("matching:slot_cancel", kwargs={"pk": booking.pk}))
    booking.refresh_from_db()
    assert booking.status == SlotBookingStatus.CANCELLED


def test_a_full_slot_offers_the_waiting_list_and_an_overlap_is_explained(client):
    full = make_slot(places=1)
    slots.take_place(volunteer=volunteer("Bob"), slot_id=full.pk)
    ada = volunteer("Ada")
    mine = make_slot(in_hours=47, length_hours=2)
    slots.take_place(volunteer=ada, slot_id=mine.pk)
    signed_in(client, ada)

    page = client.get(full.need.get_absolute_url()).content.decode()
    assert "Rejoindre la liste d'attente" in page
    refused = client.post(reverse("matching:slot_take", kwargs={"pk": full.pk}), follow=True)
    assert "chevauche" in refused.content.decode()
    signed_in(client, volunteer("Carol"))
    refused = client.post(reverse("matching:slot_take", kwargs={"pk": full.pk}), follow=True)
    assert "Toutes les places" in refused.content.decode()
    signed_in(client, ada)
    waited = client.post(reverse("matching:slot_wait", kwargs={"pk": full.pk}), follow=True)
    assert "chevauche" in waited.content.decode()
    assert not SlotWaitlistEntry.objects.filter(slot=full).exists()


def test_the_need_page_costs_the_same_queries_with_many_slots(
    client, django_assert_max_num_queries
):
    slot = make_slot()
    ada = volunteer()
    signed_in(client, ada)
    url = slot.need.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for hours in range(60, 90, 3):
        make_slot(slot.need, in_hours=hours)
    with django_assert_max_num_queries(per_request(len(few.captured_queries))):
        client.get(url)


def test_someone_elses_place_answers_404(client):
    booking = slots.take_place(volunteer=volunteer("Ada"), slot_id=make_slot().pk)
    signed_in(client, volunteer("Bob"))
    response = client.post(reverse("matching:slot_cancel", kwargs={"pk": booking.pk}))
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == SlotBookingStatus.BOOKED


# --- Calendars -------------------------------------------------------------------------------


def test_the_need_calendar_lists_upcoming_slots_with_places_but_no_volunteer(client):
    slot = make_slot(places=3)
    slots.take_place(volunteer=volunteer("Zéphyrine"), slot_id=slot.pk)
    url = client.get(slot.need.get_absolute_url()).content.decode().split('href="')
    feed = next(part.split('"')[0] for part in url if ".ics" in part.split('"')[0])

    found = events(client.get(feed))

    assert [str(event["summary"]) for event in found] == [slot.need.title]
    assert found[0].decoded("dtstart") == slot.starts_at.replace(microsecond=0)
    assert "2 places libres sur 3" in str(found[0]["description"])
    assert "Zéphyrine" not in client.get(feed).content.decode()


def test_a_volunteer_calendar_has_their_slots_and_cohort_days_and_nothing_of_others(client):
    ada, bob = volunteer("Ada"), volunteer("Bobette")
    mine, theirs = make_slot(), make_slot(in_hours=100)
    slots.take_place(volunteer=ada, slot_id=mine.pk)
    slots.take_place(volunteer=bob, slot_id=theirs.pk)
    slots.take_place(volunteer=bob, slot_id=mine.pk)
    cohort = place_in_a_cohort(ada)

    response = client.get(volunteer_feed_url(ada.user))
    found = events(response)

    uids = {str(event["uid"]) for event in found}
    assert any(uid.startswith(f"slot-{mine.pk}@") for uid in uids)
    assert not any(uid.startswith(f"slot-{theirs.pk}@") for uid in uids)
    assert sum(1 for uid in uids if uid.startswith(f"cohort-{cohort.pk}-day")) == 7
    body = response.content.decode()
    assert "Bobette" not in body and bob.user.email not in body and ada.user.email not in body


def test_a_cohort_calendar_has_its_seven_days_and_no_member(client):
    cohort = Cohort.objects.exclude(status="cancelled").first()
    response = client.get(cohort_feed_url(cohort))
    found = events(response)
    assert len(found) == 7
    assert found[0].decoded("dtstart") == cohort.start_date
    members = Membership.objects.filter(cohort=cohort).select_related("user")
    for membership in members:
        assert membership.user.email not in response.content.decode()


@pytest.mark.parametrize("name", ["volunteers:calendar", "programme:cohort_calendar"])
def test_an_altered_or_other_kind_of_token_answers_404(client, name):
    ada = volunteer()
    good = volunteer_feed_url(ada.user).rsplit("/", 1)[-1].removesuffix(".ics")
    for token in (good + "x", "1.abc", good.replace(str(ada.user.pk), str(ada.user.pk + 1))):
        assert client.get(reverse(name, kwargs={"token": token})).status_code == 404
    if name == "programme:cohort_calendar":  # a volunteer's token is not a cohort's
        assert client.get(reverse(name, kwargs={"token": good})).status_code == 404


# --- Hours in the spaces ---------------------------------------------------------------------


def _done(profile, hours=3):
    slot = make_slot(in_hours=-hours - 1, length_hours=hours)
    Slot.objects.filter(pk=slot.pk).update(places_taken=1)
    booking = SlotBooking.objects.create(slot=slot, volunteer=profile)
    return slots.complete_booking(booking_id=booking.pk)


def test_the_volunteer_space_shows_hours_places_to_come_and_the_calendar(client):
    ada = volunteer("Ada")
    _done(ada, hours=3)
    upcoming = slots.take_place(volunteer=ada, slot_id=make_slot().pk)
    signed_in(client, ada)

    page = client.get(reverse("volunteers:space")).content.decode()

    assert "Heures de bénévolat réalisées : 3 h" in page
    assert escape(upcoming.slot.need.title) in page
    assert volunteer_feed_url(ada.user) in page


def test_the_coordinator_sees_the_cohort_members_hours(client):
    profile = volunteer()
    cohort = place_in_a_cohort(profile)
    _done(profile, hours=2)
    coordinator = Coordinator.objects.get(pk=cohort.coordinator_id)
    client.force_login(coordinator.user)

    page = client.get(reverse("programme:cohort", kwargs={"pk": cohort.pk})).content.decode()

    assert "sur des créneaux : 2 h" in page
    assert cohort_feed_url(cohort) in page


# --- Syndication -----------------------------------------------------------------------------


def published_slot(**fields):
    """A slot of a need just published: first in the feeds (newest first)."""
    slot = make_slot(**fields)
    Need.objects.filter(pk=slot.need_id).update(published_at=timezone.now())
    return slot


def test_the_needs_feed_is_schema_org_paginated_cacheable_and_free_of_volunteers(client):
    slot = published_slot(places=4)
    ada = volunteer("Zéphyrine")
    slots.take_place(volunteer=ada, slot_id=slot.pk)

    response = client.get("/api/v1/feeds/needs.json")

    data = response.json()
    assert data["@type"] == "DataFeed" and data["page"] == 1
    item = next(e for e in data["dataFeedElement"] if e["identifier"] == f"need-{slot.need_id}")
    assert item["@type"] == "VolunteerAction"
    assert item["location"]["address"]["addressLocality"] == slot.need.place.town
    assert "streetAddress" not in item["location"]["address"]
    assert item["slots"][0]["placesLeft"] == 3
    body = response.content.decode()
    assert "Zéphyrine" not in body and ada.user.email not in body
    assert slot.need.place.address not in body
    assert response["Cache-Control"] == "public, max-age=300"
    again = client.get("/api/v1/feeds/needs.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_page_beyond_the_feed_answers_400(client):
    response = client.get("/api/v1/feeds/needs.json", {"page": "9999"})
    assert response.status_code == 400 and response.json()["errors"]["page"]
    assert_the_api_error_format(response.json())
    assert client.get("/api/v1/feeds/needs.json", {"page": "abc"}).status_code == 400


def test_the_needs_feed_costs_the_same_queries_whatever_its_length(
    client, django_assert_max_num_queries
):
    make_slot()
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/feeds/needs.json")
    for _ in range(8):
        make_slot(places=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/api/v1/feeds/needs.json")


def test_the_actions_feed_and_the_atom_feed_answer(client):
    actions = client.get("/api/v1/feeds/actions.json").json()
    assert actions["@type"] == "DataFeed" and actions["count"] >= 1
    assert actions["dataFeedElement"][0]["url"].startswith("http")
    slot = published_slot()
    with translation.override("fr"):
        atom = client.get(reverse("matching:needs_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert f"/fr/besoins/{slot.need_id}/" in atom.content.decode()
