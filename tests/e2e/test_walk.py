"""A visitor walks the demo site in a real browser, in French and English, with and without JS.

home → challenges → a challenge → its expert partner → partners → programme → stories → a story
→ contact, by clicking the navigation menu, the cards and the language switcher; every page type
in both languages passes axe-core with no serious or critical violation.
"""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Stop:
    title: str
    path: str


@dataclass(frozen=True)
class Site:
    lang: str
    home: Stop
    challenges: Stop
    challenge: Stop
    challenge_summary: str
    expert_partner: Stop
    partners: Stop
    partner: Stop
    programme: Stop
    first_day: str
    stories: Stop
    story: Stop
    story_figure: str
    contact: Stop


SITES = {
    "fr": Site(
        lang="fr",
        home=Stop("La fabrique de la résilience citoyenne", "/fr/"),
        challenges=Stop("Les défis", "/fr/defis/"),
        challenge=Stop("De l'aide pour les soignants", "/fr/defis/soignants/"),
        challenge_summary="aider le personnel soignant en première ligne",
        expert_partner=Stop("AP-HP", "/fr/partenaires/ap-hp/"),
        partners=Stop("Nos partenaires experts", "/fr/partenaires/"),
        partner=Stop("La Cloche", "/fr/partenaires/la-cloche/"),
        programme=Stop("Le programme en une semaine", "/fr/programme/"),
        first_day="Session de lancement",
        stories=Stop("Histoires de volontaires", "/fr/histoires/"),
        story=Stop("80 kits d'hygiène par jour", "/fr/histoires/cathy-kits-hygiene/"),
        story_figure="80",
        contact=Stop("Travaillons ensemble", "/fr/contact/"),
    ),
    "en": Site(
        lang="en",
        home=Stop("The citizen resilience workshop", "/en/"),
        challenges=Stop("The challenges", "/en/challenges/"),
        challenge=Stop("Help for caregivers", "/en/challenges/caregivers/"),
        challenge_summary="help frontline hospital staff",
        expert_partner=Stop("AP-HP", "/en/partners/ap-hp/"),
        partners=Stop("Our expert partners", "/en/partners/"),
        partner=Stop("La Cloche", "/en/partners/la-cloche/"),
        programme=Stop("The one-week programme", "/en/programme/"),
        first_day="Launch session",
        stories=Stop("Volunteer stories", "/en/stories/"),
        story=Stop("80 hygiene kits a day", "/en/stories/cathy-hygiene-kits/"),
        story_figure="80",
        contact=Stop("Let's work together", "/en/contact/"),
    ),
}
OTHER = {"fr": "en", "en": "fr"}


def expect_at(page: Page, stop: Stop, lang: str) -> None:
    """The page is ``stop``: its URL, its one h1, its language."""
    expect(page).to_have_url(re.compile(re.escape(stop.path) + "$"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(stop.title)
    expect(page.locator("html")).to_have_attribute("lang", lang)


def menu_link(page: Page, title: str):
    return page.locator(".site-nav").get_by_role("link", name=title, exact=True)


def card_link(page: Page, title: str):
    return page.locator("main .card").get_by_role("link", name=title, exact=True)


def follow_menu(page: Page, stop: Stop, lang: str) -> None:
    menu_link(page, stop.title).click()
    expect_at(page, stop, lang)
    expect(menu_link(page, stop.title)).to_have_attribute("aria-current", "page")


def switch_language(page: Page, lang: str) -> None:
    page.locator(f".lang-switch a[hreflang='{lang}']").click()


def walk(page: Page, site: Site) -> None:
    """The core journey, clicking real links only after the first address."""
    lang = site.lang
    page.goto(SITES[OTHER[lang]].home.path)
    switch_language(page, lang)
    expect_at(page, site.home, lang)
    expect(page.locator("main .card--challenge")).to_have_count(4)

    follow_menu(page, site.challenges, lang)
    expect(page.locator("main .card--challenge")).to_have_count(4)
    card_link(page, site.challenge.title).click()
    expect_at(page, site.challenge, lang)
    expect(page.locator(".lead")).to_contain_text(site.challenge_summary)
    expect(page.locator(".phase")).to_have_count(3)
    other = SITES[OTHER[lang]].challenge.path
    expect(page.locator(f".lang-switch a[hreflang='{OTHER[lang]}']")).to_have_attribute(
        "href", other
    )

    card_link(page, site.expert_partner.title).click()
    expect_at(page, site.expert_partner, lang)
    expect(card_link(page, site.challenge.title)).to_be_visible()

    follow_menu(page, site.partners, lang)
    card_link(page, site.partner.title).click()
    expect_at(page, site.partner, lang)

    follow_menu(page, site.programme, lang)
    expect(page.locator(".schedule > li").first).to_contain_text(site.first_day)
    assert page.locator(".schedule > li").count() >= 5

    follow_menu(page, site.stories, lang)
    expect(page.locator("main .card")).to_have_count(4)
    card_link(page, site.story.title).click()
    expect_at(page, site.story, lang)
    expect(page.locator(".figures")).to_contain_text(site.story_figure)

    follow_menu(page, site.contact, lang)
    expect(page.locator("form.form textarea")).to_be_visible()
    switch_language(page, OTHER[lang])
    expect_at(page, SITES[OTHER[lang]].contact, OTHER[lang])
    assert problems_of(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_visitor_walks_from_home_to_contact_with_javascript(page, lang):
    walk(page, SITES[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_visitor_walks_from_home_to_contact_without_javascript(page_without_js, lang):
    walk(page_without_js, SITES[lang])


PAGE_TYPES = {
    "HomePage": "home",
    "ChallengeIndexPage": "challenges",
    "ChallengePage": "challenge",
    "PartnerIndexPage": "partners",
    "PartnerPage": "partner",
    "ProgrammePage": "programme",
    "StoryIndexPage": "stories",
    "StoryPage": "story",
    "ContactFormPage": "contact",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_every_page_type_renders_without_serious_accessibility_violations(
    page, assert_no_serious_axe_violations, page_type, lang
):
    stop = getattr(SITES[lang], PAGE_TYPES[page_type])
    response = page.goto(stop.path)
    assert response.status == 200
    expect_at(page, stop, lang)
    assert_no_serious_axe_violations(page)
    assert problems_of(page) == []


def test_keyboard_users_can_skip_to_the_content(page):
    page.goto(SITES["fr"].challenge.path)
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is shown"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main")).to_be_focused()
