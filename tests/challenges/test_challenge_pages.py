"""Challenge and partner pages: expert partners, phases, metrics, in each language."""

from django.utils.html import escape

import pytest

from challenges.models import ChallengeIndexPage, PartnerIndexPage
from home.models import StoryIndexPage
from tests.factories import ChallengePageFactory, PartnerPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge_index(fr):
    return ChallengeIndexPage.objects.get(locale=fr)


@pytest.fixture
def partner_index(fr):
    return PartnerIndexPage.objects.get(locale=fr)


def test_a_new_partner_appears_on_the_challenges_it_vouches_for(
    client, challenge_index, partner_index
):
    challenge = ChallengePageFactory(parent=challenge_index, title="Défi des voisins")
    partner = PartnerPageFactory(parent=partner_index, title="Les Voisins Solidaires")
    partner.challenges.add(challenge)
    partner.save()
    html = client.get(challenge.url).content.decode()
    assert escape(partner.title) in html
    assert escape(challenge.title) in client.get(partner.url).content.decode()


def test_a_draft_partner_is_not_listed(client, challenge_index, partner_index):
    challenge = ChallengePageFactory(parent=challenge_index)
    partner = PartnerPageFactory(parent=partner_index, title="Brouillon Associé", live=False)
    partner.challenges.add(challenge)
    partner.save()
    assert "Brouillon Associé" not in client.get(challenge.url).content.decode()
    assert client.get("/fr/partenaires/").status_code == 200
    assert "Brouillon Associé" not in client.get("/fr/partenaires/").content.decode()


def test_challenge_page_shows_the_three_phases_and_its_metrics(client):
    html = client.get("/fr/defis/seniors-isoles/").content.decode()
    for phase in ("Comprendre", "Faire", "Faire durer"):
        assert f"</span>{phase}</h3>" in html
    assert "EHPAD contactés" in html
    html = client.get("/en/challenges/isolated-seniors/").content.decode()
    assert "care homes contacted" in html


def test_story_index_lists_newest_first(client, fr):
    index = StoryIndexPage.objects.get(locale=fr)
    StoryPageFactory(parent=index, title="Une histoire toute neuve")
    html = client.get(index.url).content.decode()
    assert html.index("Une histoire toute neuve") < html.index("Des repas gratuits")
