"""A challenge page's queries: as many whatever its expert partners and sponsors, whose cards
read only the columns they show."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

import pytest

from challenges.models import PartnerIndexPage
from tests.factories import ChallengePageFactory, ImageFactory, PartnerPageFactory
from tests.sponsors.factories import SponsorPageFactory, SponsorTierFactory

pytestmark = pytest.mark.django_db


def page_queries(client, url) -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries], response.content.decode()


def add_partner(challenge, fr, title):
    partner = PartnerPageFactory(
        parent=PartnerIndexPage.objects.get(locale=fr), title=title, logo=ImageFactory()
    )
    partner.challenges.add(challenge)
    partner.save()
    return partner


def test_a_challenge_page_costs_the_same_queries_whatever_its_partners_and_sponsors(client, fr):
    challenge = ChallengePageFactory(title="Défi des écluses")
    added = [add_partner(challenge, fr, "Éclusiers Associés")]
    client.get(challenge.url)  # renditions, site root paths
    before, _ = page_queries(client, challenge.url)
    added += [add_partner(challenge, fr, f"Partenaire des berges {n}") for n in range(2)]
    added += [
        SponsorPageFactory(
            title=f"Mécène des quais {n}", tier=SponsorTierFactory(thematic=True), theme=challenge
        )
        for n in range(2)
    ]
    client.get(challenge.url)
    after, html = page_queries(client, challenge.url)
    assert len(after) == len(before)
    for page in added:
        assert f'href="{page.url}"' in html
        assert escape(page.title) in html
    partners = next(sql for sql in after if '"challenges_partnerpage_challenges"' in sql)
    assert '"challenges_partnerpage"."description"' not in partners
    sponsors = next(sql for sql in after if 'FROM "sponsors_sponsorpage"' in sql)
    assert '"sponsors_sponsorpage"."message"' not in sponsors
