"""The header, the hero's call to action and the footer in a real browser, at a phone width
and a desktop width, in French and English: nothing overflows sideways, the menu button opens
the navigation with JavaScript, the navigation is there without it, axe-core finds nothing
serious; screenshots of the home page (menu closed and open) are left in var/screenshots/."""

import re

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import problems_of
from tests.e2e.screens import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

CTA = {"fr": "Trouver un besoin près de chez moi", "en": "Find a need near me"}
SPONSORS = {"fr": "Nos sponsors", "en": "Our sponsors"}
CHALLENGE = {"fr": "/fr/defis/soignants/", "en": "/en/challenges/caregivers/"}
CHALLENGE_SLUG = {"fr": "soignants", "en": "caregivers"}
FOOTER = {
    "fr": ["Mentions légales", "Politique de confidentialité", "Contact"],
    "en": ["Legal notice", "Privacy policy", "Contact"],
}


def near_me_path(lang: str) -> str:
    with translation.override(lang):
        return reverse("matching:near_me")


def assert_no_sideways_scroll(page: Page, width: int) -> None:
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page is {scroll_width}px wide in a {width}px viewport"


def assert_header_inside(page: Page, width: int) -> None:
    """Without running script: every visible link and button of the header ends in the
    viewport."""
    for element in page.locator(".site-header a:visible, .site-header button:visible").all():
        box = element.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_header_fits_and_the_menu_button_opens_the_navigation(
    new_page, assert_no_serious_axe_violations, lang, viewport
):
    size = VIEWPORTS[viewport]
    page = new_page(viewport=size)
    page.goto(f"/{lang}/")
    nav = page.locator(".site-nav")
    button = page.locator(".menu-toggle")
    assert_no_sideways_scroll(page, size["width"])
    assert_header_inside(page, size["width"])
    if viewport == "phone":
        expect(button).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(nav).to_be_hidden()
        header = page.locator(".site-header").bounding_box()
        assert header["height"] < 90, "closed, the header is one line: brand and menu button"
        save_screenshot(page, "home")
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(nav).to_be_visible()
        expect(nav.get_by_role("link", name=SPONSORS[lang], exact=True)).to_be_visible()
        expect(page.locator(".lang-switch")).to_be_visible()
        assert_no_sideways_scroll(page, size["width"])
        assert_header_inside(page, size["width"])
        save_screenshot(page, "home-menu-open")
        assert_no_serious_axe_violations(page)
        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_be_focused()
        expect(nav).to_be_hidden()
    else:
        expect(button).to_be_hidden()
        expect(nav.get_by_role("link", name=CTA[lang], exact=True)).to_be_visible()
        expect(nav.get_by_role("link", name=SPONSORS[lang], exact=True)).to_be_visible()
        save_screenshot(page, "home")
        assert_no_serious_axe_violations(page)
    assert problems_of(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_without_javascript_the_navigation_is_shown_and_works(
    new_page, assert_no_serious_axe_violations, lang, viewport
):
    size = VIEWPORTS[viewport]
    page = new_page(javascript=False, viewport=size)
    page.goto(f"/{lang}/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    assert_header_inside(page, size["width"])
    if viewport == "phone":
        save_screenshot(page, "home-no-js")
    assert_no_serious_axe_violations(page)
    page.locator(".site-nav").get_by_role("link", name=SPONSORS[lang], exact=True).click()
    expect(page.locator("h1")).to_have_text(SPONSORS[lang])
    assert problems_of(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_home_hero_leads_to_the_near_me_search(new_page, lang, viewport):
    page = new_page(viewport=VIEWPORTS[viewport])
    page.goto(f"/{lang}/")
    cta = page.locator('a[data-cta="near-me"]')
    expect(cta).to_have_text(CTA[lang])
    expect(cta).to_be_in_viewport()  # above the fold
    cta.click()
    expect(page).to_have_url(re.compile(re.escape(near_me_path(lang)) + "$"))
    expect(page.locator("#id_q")).to_be_visible()
    assert problems_of(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_challenge_page_leads_to_its_needs_near_me(new_page, lang):
    page = new_page(javascript=False, viewport=VIEWPORTS["phone"])
    page.goto(CHALLENGE[lang])
    page.locator("main a[data-near-me-link]").click()
    expect(page).to_have_url(re.compile(re.escape(near_me_path(lang)) + r"\?challenge="))
    expect(page.locator("#id_challenge")).to_have_value(CHALLENGE_SLUG[lang])
    page.locator("#id_q").fill("75011")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("ol.need-list > li").first).to_be_visible()
    expect(page.locator("#id_challenge")).to_have_value(CHALLENGE_SLUG[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_footer_links_to_the_legal_pages_and_contact(new_page, lang):
    page = new_page(viewport=VIEWPORTS["desktop"])
    page.goto(f"/{lang}/")
    footer = page.locator(".site-footer nav")
    expect(footer.get_by_role("link")).to_have_text(FOOTER[lang])
    footer.get_by_role("link", name=FOOTER[lang][0], exact=True).click()
    expect(page.locator("h1")).to_have_text(FOOTER[lang][0])
    assert problems_of(page) == []
