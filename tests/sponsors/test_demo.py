"""The demo's sponsors: one per kind, both languages, a dedicated cohort whose employees'
reports the thematic sponsor shows; loading twice changes nothing."""

from django.core.management import call_command

from wagtail.images import get_image_model

import pytest

from programme.models import Cohort, ImpactReport
from sponsors.models import (
    SponsorMembership,
    SponsorMobiliser,
    SponsorPage,
    SponsorTier,
)
from sponsors.services import figures

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": SponsorPage.objects.count(),
        "tiers": SponsorTier.objects.count(),
        "cohorts": Cohort.objects.exclude(sponsor_key="").count(),
        "links": SponsorMembership.objects.count(),
        "mobilisers": SponsorMobiliser.objects.count(),
        "reports": ImpactReport.objects.exclude(sponsor_key="").count(),
        "images": get_image_model().objects.count(),
    }


def test_the_demo_has_one_sponsor_of_each_kind_in_both_languages(fr, en):
    sponsors = SponsorPage.objects.filter(locale=fr).live()
    simple = sponsors.get(slug="levain-et-compagnie")
    geographic = sponsors.get(slug="rail-rhone-alpes")
    thematic = sponsors.get(slug="pharmacies-du-coeur")
    assert simple.tier.amount_eur == 10_000 and not simple.theme and not simple.region
    assert geographic.tier.amount_eur == 20_000 and geographic.region == "ara"
    assert thematic.tier.amount_eur == 20_000 and thematic.theme.slug == "soignants"
    for page in (simple, geographic, thematic):
        assert page.logo is not None
        translation = page.get_translation(en).specific
        assert translation.live and translation.message != page.message
        assert translation.tier.locale == en
    assert Cohort.objects.filter(sponsor_key=thematic.sponsor_key).count() == 1
    shown = figures.sponsor_figures(thematic.sponsor_key)
    assert (shown.actions, shown.cohorts, shown.employees) == (3, 1, 3)
    assert {f.unit: f.quantity for f in shown.impacts} == {"visieres": 65, "respirateurs": 1}


def test_loading_the_demo_twice_changes_nothing():
    before = counts()
    call_command("load_demo", "--skip-index", verbosity=0)
    assert counts() == before
