"""The sponsor's figures are the sum of its employees' reports; the branded page shows them,
themed through a stylesheet (no inline style), in both languages."""

from django.utils.html import escape

import pytest

from programme.models import ImpactReport, Membership, MembershipStatus, ReportStatus
from programme.services import impact
from sponsors.regions import Region
from sponsors.services import figures
from sponsors.views.theme import theme_colours
from tests.factories import ChallengePageFactory
from tests.sponsors.conftest import DOMAIN, path_in
from tests.sponsors.factories import SponsorPageFactory, SponsorTierFactory

pytestmark = pytest.mark.django_db


def reports_of(sponsor):
    return ImpactReport.objects.filter(
        cohort__sponsor_key=sponsor.sponsor_key, status=ReportStatus.COUNTED
    )


def test_the_sponsor_figures_equal_the_sum_of_its_employees_reports(sponsor, dedicated_cohort):
    result = figures.sponsor_figures(sponsor.sponsor_key)
    reports = reports_of(sponsor)
    assert result.actions == reports.count() == 3
    assert {f.unit: f.quantity for f in result.impacts} == {"visieres": 65, "respirateurs": 1}
    assert result.cohorts == 1
    assert result.employees == 3


def test_a_new_report_by_an_employee_adds_up_and_a_rejected_one_leaves(
    sponsor, caregivers, dedicated_cohort
):
    employee = (
        Membership.objects.filter(
            cohort__sponsor_key=sponsor.sponsor_key, status=MembershipStatus.PLACED
        )
        .first()
        .user
    )
    report = impact.record_report(user=employee, challenge=caregivers, unit="visieres", quantity=7)
    assert report.sponsor_key == sponsor.sponsor_key
    result = figures.sponsor_figures(sponsor.sponsor_key)
    visors = sum(r.quantity for r in reports_of(sponsor).filter(unit="visieres"))
    assert {f.unit: f.quantity for f in result.impacts}["visieres"] == visors == 72
    assert result.actions == reports_of(sponsor).count() == 4
    impact.set_report_status(report, ReportStatus.REJECTED)
    assert figures.sponsor_figures(sponsor.sponsor_key).actions == 3


def test_weekly_figures_add_up_to_the_totals(sponsor, dedicated_cohort):
    rows, units = figures.weekly_figures(sponsor.sponsor_key)
    result = figures.sponsor_figures(sponsor.sponsor_key)
    assert sum(row.actions for row in rows) == result.actions
    assert sum(row.cohorts for row in rows) == result.cohorts
    assert sum(row.employees for row in rows) == result.employees
    assert units == ["respirateurs", "visieres"]
    assert all(row.week.weekday() == 0 for row in rows)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_branded_page_shows_logo_figures_and_the_sign_up_entry(
    client, sponsor, sponsor_en, dedicated_cohort, language
):
    page = sponsor if language == "fr" else sponsor_en
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'style="' not in html and "<style" not in html
    assert f"/{language}/sponsors/{sponsor.pk}/theme.css?v={sponsor.theme_version()}" in html
    alt = f"Logo : {sponsor.title}" if language == "fr" else f"{sponsor.title} logo"
    assert f'alt="{alt}"' in html
    assert path_in(language, "employee_sign_up", page.pk) in html
    assert ">65<" in html  # face shields delivered by the employees
    assert DOMAIN not in html  # no domain, code or address shown
    assert sponsor.company_code_hash not in html


def test_the_theme_stylesheet_carries_the_checked_colours_and_is_cacheable(client, sponsor):
    response = client.get(path_in("fr", "theme_css", sponsor.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "max-age=604800" in response["Cache-Control"]
    css = response.content.decode()
    assert "--sponsor-brand: #ffd166;" in css
    assert "--sponsor-on-brand: #1b1b1f;" in css
    # Yellow does not read on white: links take the dark text colour instead.
    assert "--sponsor-link: #1b1b1f;" in css


def test_a_failing_pair_stored_outside_the_admin_falls_back_to_the_site_colours(sponsor):
    sponsor.brand_colour, sponsor.text_colour = "#ffd166", "#ffffff"
    colours = theme_colours(sponsor)
    assert (colours["brand"], colours["on-brand"]) == ("#1b1b1f", "#ffffff")


def test_the_home_page_lists_sponsors_by_tier(client, home_fr, home_en, sponsor):
    simple = SponsorPageFactory(title="Fournil & Compagnie", tier__name="Mécénat")
    html = client.get(home_fr.url).content.decode()
    section = html[html.index('id="sponsors-title"') :]
    thematic_tier = section.index("<h3>Mécénat thématique</h3>")
    simple_tier = section.index("<h3>Mécénat</h3>")
    assert thematic_tier < section.index("Officines Solidaires") < simple_tier
    assert simple_tier < section.index(escape(simple.title))
    html_en = client.get(home_en.url).content.decode()
    assert "<h3>Thematic patronage</h3>" in html_en


def test_thematic_and_geographic_sponsors_join_their_challenge_pages(rf, caregivers, sponsor):
    context = caregivers.get_context(rf.get(caregivers.url))
    assert [s.title for s in context["challenge_sponsors"]] == ["Officines Solidaires"]
    elders = ChallengePageFactory()
    SponsorPageFactory(
        title="Rail Solidaire",
        tier__thematic=True,
        region=Region.AUVERGNE_RHONE_ALPES,
        sponsored_challenges=[elders],
    )
    context = elders.get_context(rf.get(elders.url))
    assert [s.title for s in context["challenge_sponsors"]] == ["Rail Solidaire"]


def test_the_index_lists_tiers_with_their_benefits_and_the_enquiry_link(client):
    from sponsors.models import SponsorIndexPage

    SponsorTierFactory(benefits="<ul><li>Votre nom sur la plaquette du programme</li></ul>")
    index = SponsorIndexPage.objects.get(locale__language_code="fr")
    html = client.get(index.url).content.decode()
    assert "Votre nom sur la plaquette du programme" in html
    assert path_in("fr", "enquiry") in html
    assert html.count("<h1") == 1
