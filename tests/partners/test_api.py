"""Partner API (/api/v1/partner/): a partner's own places, needs and pledges through DRF, with
the pages' validation and privacy rules."""

from django.urls import reverse
from rest_framework.test import APIClient

import pytest

from matching.models import ContactChannel, Need, NeedStatus, Place, PledgeStatus
from tests.api_errors import assert_the_api_error_format
from tests.matching.factories import PlaceFactory
from tests.partners.pledge_factories import make_pledge, partner_need, volunteer

pytestmark = pytest.mark.django_db

PLACES = "/api/v1/partner/places/"
NEEDS = "/api/v1/partner/needs/"
PLEDGES = "/api/v1/partner/pledges/"


@pytest.fixture
def api(partner_member):
    client = APIClient()
    client.force_login(partner_member.user)
    return client


@pytest.fixture
def place(partner_page):
    return PlaceFactory(partner=partner_page, name="Foyer de la Cloche")


def valid_place(**fields):
    return {"kind": "shelter", "name": "Accueil de jour", "postcode": "75011", "town": "Paris"} | (
        fields
    )


def valid_need(place, **fields):
    return {
        "place": place.pk,
        "title": "Couvertures",
        "quantity_wanted": 5,
        "unit": "couvertures",
    } | (fields)


def test_the_routes_are_where_the_brief_puts_them():
    assert reverse("partner-api-place-list") == PLACES
    assert reverse("partner-api-pledge-done", kwargs={"pk": 7}) == PLEDGES + "7/done/"


def test_a_partner_lists_only_its_own_places(api, place, other_partner_page):
    PlaceFactory(partner=other_partner_page, name="Lieu d'un autre")

    response = api.get(PLACES, {"page_size": 100})

    names = {row["name"] for row in response.json()["results"]}
    assert response.status_code == 200
    assert "Foyer de la Cloche" in names and "Lieu d'un autre" not in names


def test_a_partner_creates_a_place_for_itself_and_it_is_geocoded_from_the_postcode(
    api, partner_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(PLACES, valid_place(), format="json")

    assert response.status_code == 201, response.json()
    place = Place.objects.get(pk=response.json()["id"])
    assert place.partner_id == partner_page.pk
    assert place.latitude is not None and place.longitude is not None


def test_a_partner_cannot_give_its_place_to_another_partner(api, other_partner_page):
    response = api.post(PLACES, valid_place(partner=other_partner_page.pk), format="json")

    assert Place.objects.get(pk=response.json()["id"]).partner_id != other_partner_page.pk


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"latitude": 91, "longitude": 2}, "latitude"),
        ({"latitude": 48, "longitude": -181}, "longitude"),
        ({"latitude": 48}, "longitude"),
        ({"name": ""}, "name"),
        ({"kind": "castle"}, "kind"),
    ],
)
def test_an_invalid_place_answers_400_with_the_field_error(api, fields, field):
    before = Place.objects.count()

    response = api.post(PLACES, valid_place(**fields), format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert_the_api_error_format(response.json())
    assert Place.objects.count() == before


def test_a_partner_updates_its_place(api, place):
    response = api.patch(f"{PLACES}{place.pk}/", {"name": "Nouveau nom"}, format="json")

    assert response.status_code == 200
    place.refresh_from_db()
    assert place.name == "Nouveau nom"


def test_a_partner_publishes_a_need_at_its_place(api, place, partner_member):
    response = api.post(NEEDS, valid_need(place, status="open"), format="json")

    assert response.status_code == 201, response.json()
    need = Need.objects.get(pk=response.json()["id"])
    assert need.place == place
    assert need.status == NeedStatus.OPEN and need.published_at is not None
    assert need.created_by == partner_member.user


def test_a_new_need_is_a_draft_unless_published_as_on_the_page(api, place):
    response = api.post(NEEDS, valid_need(place), format="json")

    assert Need.objects.get(pk=response.json()["id"]).status == NeedStatus.DRAFT


def test_a_moderated_partners_first_need_waits_for_review(api, place, partner_page):
    partner_page.review_first_needs = 1000
    partner_page.save_revision().publish()

    response = api.post(NEEDS, valid_need(place, status="open"), format="json")

    assert response.json()["status"] == NeedStatus.REVIEW


def test_a_need_at_another_partners_place_is_refused(api, other_partner_page):
    foreign = PlaceFactory(partner=other_partner_page)
    before = Need.objects.count()

    response = api.post(NEEDS, valid_need(foreign), format="json")

    assert response.status_code == 400
    assert "place" in response.json()["errors"]
    assert Need.objects.count() == before


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"quantity_wanted": 0}, "quantity_wanted"),
        ({"quantity_wanted": -2}, "quantity_wanted"),
        ({"title": ""}, "title"),
        ({"urgency": 9}, "urgency"),
        ({"starts_at": "2030-01-02T10:00:00Z", "ends_at": "2030-01-01T10:00:00Z"}, "ends_at"),
        ({"status": "fulfilled"}, "status"),
    ],
)
def test_an_invalid_need_answers_400_with_the_field_error(api, place, fields, field):
    response = api.post(NEEDS, valid_need(place, **fields), format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_needs_filter_by_status(api, partner_page):
    paused = partner_need(partner_page, status=NeedStatus.PAUSED)

    response = api.get(NEEDS, {"status": "paused", "page_size": 100})

    ids = [row["id"] for row in response.json()["results"]]
    assert paused.pk in ids
    assert all(row["status"] == "paused" for row in response.json()["results"])


def test_a_need_is_paused_then_reopened(api, partner_page):
    need = partner_need(partner_page)

    paused = api.patch(f"{NEEDS}{need.pk}/", {"status": "paused"}, format="json")
    reopened = api.patch(f"{NEEDS}{need.pk}/", {"status": "open"}, format="json")

    assert (paused.json()["status"], reopened.json()["status"]) == ("paused", "open")


def test_a_need_cannot_want_less_than_already_promised(api, partner_page):
    need = partner_need(partner_page, quantity_wanted=10)
    make_pledge(need, quantity=6)

    response = api.patch(f"{NEEDS}{need.pk}/", {"quantity_wanted": 5}, format="json")

    assert response.status_code == 400
    assert "quantity_wanted" in response.json()["errors"]
    need.refresh_from_db()
    assert need.quantity_wanted == 10


def test_updating_a_need_never_moves_it_to_another_partners_place(
    api, partner_page, other_partner_page
):
    need = partner_need(partner_page)
    foreign = PlaceFactory(partner=other_partner_page)

    response = api.patch(f"{NEEDS}{need.pk}/", {"place": foreign.pk}, format="json")

    assert response.status_code == 400
    need.refresh_from_db()
    assert need.place.partner_id == partner_page.pk


def test_pledges_show_the_first_name_and_only_the_shared_contact(api, partner_page):
    need = partner_need(partner_page)
    make_pledge(
        need,
        profile=volunteer("Alice", email="alice@example.org", phone="06 11 11 11 11"),
        channel=ContactChannel.EMAIL,
    )
    make_pledge(
        need,
        profile=volunteer("Bruno", email="bruno@example.org", phone="06 22 22 22 22"),
        channel=ContactChannel.PHONE,
    )
    make_pledge(
        need,
        profile=volunteer("Chloé", email="chloe@example.org", phone="06 33 33 33 33"),
        channel=ContactChannel.NONE,
    )

    response = api.get(PLEDGES, {"need": need.pk})

    rows = {row["volunteer_first_name"]: row for row in response.json()["results"]}
    assert (rows["Alice"]["email"], rows["Alice"]["phone"]) == ("alice@example.org", None)
    assert (rows["Bruno"]["email"], rows["Bruno"]["phone"]) == (None, "06 22 22 22 22")
    assert (rows["Chloé"]["email"], rows["Chloé"]["phone"]) == (None, None)
    assert "volunteer" not in rows["Alice"]


def test_pledges_filter_by_status(api, partner_page):
    need = partner_need(partner_page)
    done = make_pledge(need)
    make_pledge(need)
    api.post(f"{PLEDGES}{done.pk}/done/")

    response = api.get(PLEDGES, {"need": need.pk, "status": "done"})

    assert [row["id"] for row in response.json()["results"]] == [done.pk]


def test_marking_a_pledge_done_through_the_api(api, partner_page):
    need = partner_need(partner_page)
    pledge = make_pledge(need, quantity=4)

    response = api.post(f"{PLEDGES}{pledge.pk}/done/")

    assert response.status_code == 200
    assert response.json()["status"] == PledgeStatus.DONE
    need.refresh_from_db()
    assert need.quantity_fulfilled == 4


def test_marking_a_done_pledge_again_answers_400(api, partner_page):
    pledge = make_pledge(partner_need(partner_page))
    api.post(f"{PLEDGES}{pledge.pk}/done/")

    response = api.post(f"{PLEDGES}{pledge.pk}/done/")

    assert response.status_code == 400
    assert "Seul un engagement en cours" in response.json()["detail"]
    assert_the_api_error_format(response.json())


def test_writes_need_the_csrf_token_with_a_session(partner_member, place):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(partner_member.user)

    response = client.post(PLACES, valid_place(), format="json")

    assert response.status_code == 403


@pytest.mark.parametrize("url", [PLACES, NEEDS, PLEDGES])
def test_anonymous_and_non_partner_users_get_403(url, django_user_model):
    anonymous = APIClient()
    outsider = APIClient()
    outsider.force_login(django_user_model.objects.create_user("outsider", password="x" * 12))

    assert anonymous.get(url).status_code == 403
    assert outsider.get(url).status_code == 403
    assert outsider.post(url, {}, format="json").status_code == 403


def test_the_partner_api_is_in_the_openapi_schema_with_its_tag(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()

    for path in (PLACES, NEEDS, PLEDGES, PLEDGES + "{id}/", PLEDGES + "{id}/done/"):
        assert path in schema["paths"], path
    assert schema["paths"][PLEDGES + "{id}/done/"]["post"]["tags"] == ["partner"]
    pledge = schema["components"]["schemas"]["Pledge"]["properties"]
    assert "email" in pledge and "volunteer" not in pledge
