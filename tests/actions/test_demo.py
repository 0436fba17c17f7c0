"""The demo directory: every action of the seed, in French and English, over several weeks."""

from django.utils.html import escape

import pytest

from actions import weeks
from actions.demo import ACTIONS
from actions.models import ActionPage
from tests.actions.conftest import SEED_ACTIONS

pytestmark = pytest.mark.django_db

SEED_TITLES = {
    "Collecter des kits d'hygiène avec ses voisins et les pharmacies",
    "Inciter les commerçants à devenir points de collecte des kits",
    "Distribuer les kits via des associations et créer du lien",
    "Sensibiliser les personnes sans abri aux gestes barrières",
    "Aider les soignants dans leur vie de tous les jours",
    "Répondre aux besoins pressants des hôpitaux",
    "Passer du temps au téléphone avec des seniors isolés",
    "Faire les courses pour des seniors isolés",
    "Trouver des partenariats avec de nouveaux établissements",
    "Soutenir ou créer un réseau local de distribution",
    "Promouvoir les producteurs locaux dans ses achats et son entourage",
    "Contribuer aux travaux de récolte des agriculteurs",
}


def test_every_action_of_the_seed_is_in_the_directory_in_both_languages(fr, en):
    assert len(ACTIONS) == SEED_ACTIONS
    french = ActionPage.objects.live().filter(locale=fr)
    assert set(french.values_list("title", flat=True)) == SEED_TITLES
    for action in french.select_related("challenge"):
        translation = action.get_translation(en)
        assert translation.live and translation.title != action.title
        assert translation.challenge.locale == en
        assert translation.challenge.translation_key == action.challenge.translation_key
        assert {p.locale_id for p in translation.partners.all()} == {en.pk}
        assert translation.published_week == action.published_week


def test_actions_have_a_step_by_step_guide(fr):
    for action in ActionPage.objects.filter(locale=fr):
        kinds = [block.block_type for block in action.guide]
        assert kinds.count("step") >= 2 and "tip" in kinds and "checklist" in kinds, action.title


def test_the_collection_poster_is_a_downloadable_document(client):
    html = client.get("/fr/actions/collecter-kits-hygiene/").content.decode()
    assert escape("Télécharger l'affiche de collecte") in html
    action = ActionPage.objects.get(slug="collecter-kits-hygiene")
    poster = next(
        block.value["document"] for block in action.guide if block.block_type == "download"
    )
    assert poster.file.name.endswith(".pdf")
    assert client.get(poster.url).status_code == 200


def test_actions_are_spread_over_several_weeks_including_this_one(fr):
    published = set(ActionPage.objects.filter(locale=fr).values_list("published_week", flat=True))
    assert weeks.current_week_start() in published
    assert len(published) == 4


def test_an_action_page_shows_its_facts_guide_and_safety_notes(client):
    html = client.get("/en/actions/collect-hygiene-kits/").content.decode()
    assert html.count("<h1>") == 1
    assert "Warmth for homeless people" in html
    assert 'href="/en/partners/la-cloche/"' in html
    assert "Quarantine donations" in html
    assert 'class="guide-step"' in html
    assert 'href="/en/actions/?challenge=homeless"' in html
