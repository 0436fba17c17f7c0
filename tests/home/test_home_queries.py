"""The home page's queries: as many whatever its cards, the cards reading only the columns they
show, and the directory's and sponsors' index links read once per publication."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

import pytest

from challenges.models import PartnerPage
from home.models import StoryIndexPage
from tests.factories import (
    ChallengePageFactory,
    ImageFactory,
    PartnerPageFactory,
    StoryPageFactory,
)
from tests.sponsors.factories import SponsorPageFactory

pytestmark = pytest.mark.django_db


def home_queries(client) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/")
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries], response.content.decode()


def test_the_home_page_costs_the_same_queries_whatever_its_cards(client, fr):
    client.get("/fr/")  # the site root paths, the counters
    before, _ = home_queries(client)
    added = [
        ChallengePageFactory(title="Défi des quais", image=ImageFactory()),
        StoryPageFactory(
            parent=StoryIndexPage.objects.get(locale=fr),
            title="Histoire du canal",
            image=ImageFactory(),
        ),
        PartnerPageFactory(title="Les Amis du Canal", logo=ImageFactory()),
        SponsorPageFactory(title="Péniches Réunies"),
    ]
    client.get("/fr/")  # the new images' renditions
    after, html = home_queries(client)
    assert len(after) == len(before)
    for page in added:
        assert f'href="{page.url}"' in html
        assert escape(page.title) in html
    assert html.count("<img") >= 4  # the challenge's, the story's and the two logos


def test_the_cards_read_only_the_columns_they_show(client):
    queries, _ = home_queries(client)
    partners = next(sql for sql in queries if '"challenges_partnerpage"."logo_id" IS NULL' in sql)
    assert '"challenges_partnerpage"."description"' not in partners
    assert '"wagtailcore_page"."url_path"' in partners
    assert not any('"challenges_challengepage"."body"' in sql for sql in queries)


def test_the_index_links_are_read_once_per_publication(client, memo_on):
    SponsorPageFactory(title="Péniches Réunies")
    first, html = home_queries(client)
    again, html_again = home_queries(client)
    for table in ("actions_actionindexpage", "sponsors_sponsorindexpage"):
        assert any(f'"{table}"' in sql for sql in first)
        assert not any(f'"{table}"' in sql for sql in again)
    assert html_again == html
    sponsors = html[html.index('id="sponsors-title"') :]
    assert '<p><a href="/fr/sponsors/">' in sponsors


def test_a_partner_without_logo_stays_off_the_logo_list(client):
    PartnerPageFactory(title="Sans Logo Associés", logo=None)
    _, html = home_queries(client)
    section = html[html.index('id="partners-title"') :]
    assert "Sans Logo Associés" not in section
    assert PartnerPage.objects.live().exclude(logo=None).exists()
