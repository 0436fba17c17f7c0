"""The volunteer space lists the volunteer's own pledges and lets them withdraw pending ones."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from matching.models import Need, PledgeStatus
from matching.services import pledge
from tests.matching.factories import NeedFactory, VolunteerProfileFactory
from volunteers.views.space import PLEDGES_PER_PAGE

pytestmark = pytest.mark.django_db

PRIVATE_PAGES = ["space", "profile", "notifications", "export", "delete"]


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name):
    response = client.get(reverse(f"volunteers:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_space_answers_on_translated_paths(client):
    assert reverse("volunteers:space") == "/fr/mon-espace/"


def test_the_space_lists_the_volunteers_pledges_with_a_link_status_town_and_quantity(
    person_client, person
):
    html = person_client.get(reverse("volunteers:space")).content.decode()
    assert person.values["pending_need"] in html
    assert person.values["done_need"] in html
    assert f'href="{person.pending.need.get_absolute_url()}"' in html
    assert person.values["town"] in html
    assert "Promis" in html and "Réalisé" in html
    assert reverse("volunteers:cancel_pledge", args=[person.pending.pk]) in html
    assert reverse("volunteers:cancel_pledge", args=[person.done.pk]) not in html
    assert reverse("programme:space") in html


def test_the_space_never_shows_someone_elses_pledge(person_client):
    other = VolunteerProfileFactory()
    need = NeedFactory(title="Besoin d'une autre personne")
    pledge(volunteer=other, need_id=need.pk, quantity=1)
    html = person_client.get(reverse("volunteers:space")).content.decode()
    assert "Besoin d'une autre personne" not in html


def test_a_volunteer_cancels_their_pending_pledge_and_the_quantity_is_free_again(
    person_client, person
):
    need_before = Need.objects.get(pk=person.pending.need_id).quantity_pledged
    response = person_client.post(reverse("volunteers:cancel_pledge", args=[person.pending.pk]))
    assert response.status_code == 302
    person.pending.refresh_from_db()
    assert person.pending.status == PledgeStatus.CANCELLED
    assert Need.objects.get(pk=person.pending.need_id).quantity_pledged == need_before - 2


def test_cancelling_another_volunteers_pledge_answers_404_and_changes_nothing(person_client):
    other = VolunteerProfileFactory()
    need = NeedFactory()
    theirs = pledge(volunteer=other, need_id=need.pk, quantity=1)
    response = person_client.post(reverse("volunteers:cancel_pledge", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == PledgeStatus.PLEDGED


def test_a_done_pledge_cannot_be_cancelled(person_client, person):
    response = person_client.post(
        reverse("volunteers:cancel_pledge", args=[person.done.pk]), follow=True
    )
    person.done.refresh_from_db()
    assert person.done.status == PledgeStatus.DONE
    assert "Seul un engagement en cours peut être annulé." in response.content.decode()


def test_cancelling_needs_a_post(person_client, person):
    response = person_client.get(reverse("volunteers:cancel_pledge", args=[person.pending.pk]))
    assert response.status_code == 405


def test_the_account_menu_links_to_the_volunteer_space(person_client):
    html = person_client.get(reverse("volunteers:profile")).content.decode()
    assert f'href="{reverse("volunteers:space")}"' in html


def test_the_space_costs_the_same_queries_whatever_the_number_of_pledges(
    person_client, person, django_assert_num_queries
):
    person_client.get(reverse("volunteers:space"))  # warm caches (menu, site)
    with CaptureQueriesContext(connection) as few:
        person_client.get(reverse("volunteers:space"))
    for _ in range(5):
        pledge(volunteer=person.profile, need_id=NeedFactory().pk, quantity=1)
    with django_assert_num_queries(len(few.captured_queries)):
        response = person_client.get(reverse("volunteers:space"))
    assert response.content.decode().count("pledge-list") == 1


def test_the_space_shows_the_pledges_a_page_at_a_time_latest_first(person_client, person):
    needs = [NeedFactory(title=f"Besoin numéro {n:02d}") for n in range(PLEDGES_PER_PAGE + 3)]
    for need in needs:
        pledge(volunteer=person.profile, need_id=need.pk, quantity=1)
    first = person_client.get(reverse("volunteers:space")).content.decode()
    assert first.count("Annuler mon engagement") == PLEDGES_PER_PAGE
    latest, first_left_out = PLEDGES_PER_PAGE + 2, 2
    assert f"Besoin numéro {latest:02d}" in first
    assert f"Besoin numéro {first_left_out:02d}" not in first
    assert 'rel="next" href="?page=2#pledges-title"' in first and 'rel="prev"' not in first
    second = person_client.get(reverse("volunteers:space"), {"page": 2}).content.decode()
    assert [f"Besoin numéro {n:02d}" in second for n in range(4)] == [True, True, True, False]
    assert 'rel="prev" href="?page=1#pledges-title"' in second and 'rel="next"' not in second
    assert "page 2 sur 2" in second


@pytest.mark.parametrize("page", ["abc", "99", "-1", ""])
def test_a_wrong_page_number_in_the_space_shows_a_page_not_an_error(person_client, person, page):
    pledge(volunteer=person.profile, need_id=NeedFactory(title="Soupe chaude").pk, quantity=1)
    response = person_client.get(reverse("volunteers:space"), {"page": page})
    assert response.status_code == 200
    assert "Soupe chaude" in response.content.decode()
