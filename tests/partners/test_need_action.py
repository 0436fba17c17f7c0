"""A need may put a directory action into practice: the partner picks one of the live actions
of the need's challenge (page and API), and each pledge marked done counts one completion of
that action, once per pledge. Another partner's need and its link stay out of reach."""

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from rest_framework.test import APIClient

import pytest

from actions.models import ActionPage
from challenges.models import ChallengePage
from matching.models import Need, Pledge
from tests.partners.pledge_factories import make_pledge, partner_need

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/partner/needs/"
PLEDGES = "/api/v1/partner/pledges/"


@pytest.fixture
def homeless():
    return ChallengePage.objects.get(slug="sans-abri", locale__language_code="fr")


@pytest.fixture
def kits_action():
    return ActionPage.objects.get(slug="collecter-kits-hygiene", locale__language_code="fr")


@pytest.fixture
def seniors_action():
    return ActionPage.objects.get(slug="appeler-seniors-isoles", locale__language_code="fr")


@pytest.fixture
def place(partner_page):
    from tests.matching.factories import PlaceFactory

    return PlaceFactory(partner=partner_page, name="Foyer de la Cloche")


@pytest.fixture
def api(partner_member):
    client = APIClient()
    client.force_login(partner_member.user)
    return client


def need_data(place, **fields):
    return {
        "place": place.pk,
        "challenge": "",
        "action": "",
        "title": "Kits d'hygiène",
        "description": "",
        "quantity_wanted": "40",
        "unit": "kits",
        "urgency": "2",
        "skill": "",
        "starts_at": "",
        "ends_at": "",
    } | fields


def action_options(html: str) -> str:
    """The <select> of the action field only."""
    start = html.index('name="action"')
    return html[start : html.index("</select>", start)]


def times_done(action) -> int:
    return ActionPage.objects.get(pk=action.pk).times_done


def test_the_need_form_offers_the_live_actions_of_the_readers_language(partner_client, kits_action):
    html = action_options(partner_client.get(reverse("partners:need_create")).content.decode())
    english = kits_action.get_translation(
        kits_action.locale.__class__.objects.get(language_code="en")
    )
    assert f'value="{kits_action.pk}"' in html
    assert f'value="{english.pk}"' not in html
    assert "Aucune action du répertoire" in html
    assert escape(f"{kits_action.challenge.title} — {kits_action.title}") in html
    ActionPage.objects.filter(pk=kits_action.pk).update(live=False)
    html = action_options(partner_client.get(reverse("partners:need_create")).content.decode())
    assert f'value="{kits_action.pk}"' not in html


def test_a_need_links_an_action_of_its_challenge(partner_client, place, homeless, kits_action):
    response = partner_client.post(
        reverse("partners:need_create"),
        need_data(place, challenge=homeless.pk, action=kits_action.pk),
    )
    assert response.status_code == 302
    assert Need.objects.get(title="Kits d'hygiène").action == kits_action


def test_an_action_chosen_alone_sets_its_challenge(partner_client, place, homeless, kits_action):
    partner_client.post(reverse("partners:need_create"), need_data(place, action=kits_action.pk))
    need = Need.objects.get(title="Kits d'hygiène")
    assert (need.challenge, need.action) == (homeless, kits_action)


def test_an_action_of_another_challenge_is_refused_and_nothing_is_lost(
    partner_client, place, homeless, seniors_action
):
    response = partner_client.post(
        reverse("partners:need_create"),
        need_data(place, challenge=homeless.pk, action=seniors_action.pk),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "relève du défi" in html
    assert "Kits d&#x27;hygiène" in html  # what was typed is still there
    assert not Need.objects.filter(title="Kits d'hygiène").exists()


def test_an_unknown_or_draft_action_is_refused(partner_client, place, kits_action):
    ActionPage.objects.filter(pk=kits_action.pk).update(live=False)
    for value in (kits_action.pk, 999_999, "abc"):
        response = partner_client.post(
            reverse("partners:need_create"), need_data(place, action=value)
        )
        assert response.status_code == 400
    assert not Need.objects.filter(title="Kits d'hygiène").exists()


def test_the_api_reads_and_writes_the_action(api, place, homeless, kits_action, seniors_action):
    response = api.post(
        NEEDS,
        {
            "place": place.pk,
            "title": "Kits",
            "quantity_wanted": 5,
            "unit": "kits",
            "action": kits_action.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["action"] == kits_action.pk
    assert response.json()["challenge"] == homeless.pk

    response = api.patch(
        f"{NEEDS}{response.json()['id']}/", {"action": seniors_action.pk}, format="json"
    )
    assert response.status_code == 400
    assert "action" in response.json()["errors"]


def test_a_partner_never_changes_another_partners_need_action(
    other_partner_member, partner_page, kits_action, seniors_action
):
    need = partner_need(partner_page, action=kits_action)
    intruder = APIClient()
    intruder.force_login(other_partner_member.user)

    response = intruder.patch(f"{NEEDS}{need.pk}/", {"action": seniors_action.pk}, format="json")
    assert response.status_code == 404
    intruder_page = intruder.post(
        reverse("partners:need_edit", kwargs={"pk": need.pk}),
        {"action": seniors_action.pk},
    )
    assert intruder_page.status_code == 404
    assert Need.objects.get(pk=need.pk).action == kits_action


def test_each_pledge_done_counts_one_completion_once(partner_client, partner_page, kits_action):
    need = partner_need(partner_page, action=kits_action)
    first, second = make_pledge(need), make_pledge(need)
    before = times_done(kits_action)
    done_url = "partners:pledge_done"

    assert partner_client.post(reverse(done_url, kwargs={"pk": first.pk})).status_code == 302
    assert partner_client.post(reverse(done_url, kwargs={"pk": first.pk})).status_code == 400
    assert times_done(kits_action) == before + 1

    partner_client.post(reverse(done_url, kwargs={"pk": second.pk}))
    assert times_done(kits_action) == before + 2


def test_a_pledge_done_through_the_api_counts_once(api, partner_page, kits_action):
    need = partner_need(partner_page, action=kits_action)
    pledge = make_pledge(need)
    before = times_done(kits_action)

    assert api.post(f"{PLEDGES}{pledge.pk}/done/").status_code == 200
    assert api.post(f"{PLEDGES}{pledge.pk}/done/").status_code == 400

    assert times_done(kits_action) == before + 1
    english = ActionPage.objects.get(
        translation_key=kits_action.translation_key, locale__language_code="en"
    )
    assert english.times_done == times_done(kits_action)


def test_a_pledge_of_a_need_without_action_counts_no_action(partner_client, partner_page):
    need = partner_need(partner_page)
    pledge = make_pledge(need)
    totals = sum(ActionPage.objects.values_list("times_done", flat=True))
    partner_client.post(reverse("partners:pledge_done", kwargs={"pk": pledge.pk}))
    assert Pledge.objects.get(pk=pledge.pk).status == "done"
    assert sum(ActionPage.objects.values_list("times_done", flat=True)) == totals


def test_an_english_reader_gets_english_actions(partner_client, kits_action):
    with translation.override("en"):
        url = reverse("partners:need_create")
    html = action_options(partner_client.get(url).content.decode())
    english = ActionPage.objects.get(
        translation_key=kits_action.translation_key, locale__language_code="en"
    )
    assert f'value="{english.pk}"' in html
    assert f'value="{kits_action.pk}"' not in html
