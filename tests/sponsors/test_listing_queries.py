"""Sponsors grouped by tier: the tiers of another language are read in the page's language,
in one more query only when a sponsor points to one."""

import pytest

from sponsors.services.selectors import sponsors_by_tier

pytestmark = pytest.mark.django_db


def test_sponsors_with_tiers_of_their_language_cost_one_query(
    sponsor, fr, django_assert_num_queries
):
    with django_assert_num_queries(1):
        groups = sponsors_by_tier(fr.pk)
    tiers = {group.tier.name: [s.title for s in group.sponsors] for group in groups}
    assert "Officines Solidaires" in tiers["Mécénat thématique"]


def test_a_tier_of_another_language_is_shown_translated(sponsor_en, en, django_assert_num_queries):
    assert sponsor_en.tier.locale_id != en.pk  # the translation points to the French tier
    with django_assert_num_queries(2):
        groups = sponsors_by_tier(en.pk)
    tiers = {group.tier.name: [s.title for s in group.sponsors] for group in groups}
    assert sponsor_en.title in tiers["Thematic patronage"]
    assert all(
        group.tier.locale_id == en.pk for group in groups if group.tier.name == "Thematic patronage"
    )
