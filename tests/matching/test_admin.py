"""Editors manage places, needs, volunteers and pledges as Wagtail snippets, with filters and
search; a pledge's status changes through the services."""

import pytest

from matching import services
from matching.models import Need, NeedStatus, Place, Pledge, PledgeStatus
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="editrice", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("model", "query"),
    [
        ("place", {"q": "Centre hospitalier", "kind": "hospital"}),
        ("need", {"q": "Visières", "status": "open", "urgency": "3"}),
        ("volunteerprofile", {"q": "editrice", "language": "fr"}),
        ("pledge", {"status": "pledged"}),
    ],
)
def test_each_list_filters_and_searches(editor, model, query):
    VolunteerProfileFactory(user=UserFactory(username="editrice"))
    response = editor.get(f"/admin/snippets/matching/{model}/", query)
    assert response.status_code == 200


def test_a_place_can_be_created_from_the_admin_and_is_geocoded(
    editor, django_capture_on_commit_callbacks
):
    data = {
        "kind": "farm",
        "name": "Ferme de la Source",
        "address": "",
        "postcode": "15100",
        "town": "Saint-Flour",
        "latitude": "",
        "longitude": "",
        "public_precision": "2",
        "partner": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post("/admin/snippets/matching/place/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    place = Place.objects.get(name="Ferme de la Source")
    assert place.geocoding_status == "ok" and place.has_point


def test_pledges_cannot_be_added_or_deleted_in_the_admin(editor):
    need = NeedFactory()
    pledge = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    for url in (
        "/admin/snippets/matching/pledge/add/",
        f"/admin/snippets/matching/pledge/delete/{pledge.pk}/",
    ):
        assert editor.get(url).status_code in (302, 403)  # Wagtail's "permission denied"
        assert editor.post(url, {"need": need.pk, "quantity": 1}).status_code in (302, 403)
    assert Pledge.objects.filter(need=need).count() == 1
    listing = editor.get("/admin/snippets/matching/pledge/").content.decode()
    assert "/admin/snippets/matching/pledge/add/" not in listing


def test_an_editor_saving_a_need_never_undoes_a_pledge_made_meanwhile(editor):
    place = PlaceFactory()
    need = NeedFactory(place=place, quantity_wanted=5)
    stale = Need.objects.get(pk=need.pk)  # the editor's form is loaded here
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=3)
    stale.title = "Titre corrigé"
    stale.save()
    need.refresh_from_db()
    assert (need.title, need.quantity_pledged) == ("Titre corrigé", 3)


def test_marking_a_pledge_done_in_the_admin_fulfils_the_need(editor):
    need = NeedFactory(quantity_wanted=2)
    pledge = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=2)
    response = editor.post(f"/admin/snippets/matching/pledge/edit/{pledge.pk}/", {"status": "done"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedStatus.FULFILLED and need.quantity_fulfilled == 2


def test_a_done_pledge_cannot_be_reopened_in_the_admin(editor):
    need = NeedFactory(quantity_wanted=2)
    pledge = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    services.complete_pledge(pledge_id=pledge.pk)
    response = editor.post(
        f"/admin/snippets/matching/pledge/edit/{pledge.pk}/", {"status": "pledged"}
    )
    assert response.status_code == 200
    assert "ne change plus de statut" in response.content.decode()
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.DONE


def test_lowering_a_need_below_its_pledges_is_refused_in_the_admin(editor):
    place = PlaceFactory()
    need = NeedFactory(place=place, quantity_wanted=5)
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=4)
    data = {
        "place": place.pk,
        "challenge": "",
        "title": need.title,
        "description": "",
        "quantity_wanted": "3",
        "unit": "kits",
        "urgency": "2",
        "skill": "",
        "starts_at": "",
        "ends_at": "",
        "status": "open",
    }
    response = editor.post(f"/admin/snippets/matching/need/edit/{need.pk}/", data)
    assert response.status_code == 200
    assert "déjà promise" in response.content.decode()
    assert Need.objects.get(pk=need.pk).quantity_wanted == 5
