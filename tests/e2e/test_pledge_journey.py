"""A volunteer's journey in a real browser, in French and English, at a phone and a desktop
width, with and without JavaScript: home → "find a need near me" → a postcode → a need → an
account created from the need page → back on the need → a pledge → its confirmation page and
email. With JavaScript the map shows the offline basemap, numbered markers matching the list
and "you are here"; without it the map stays hidden and the list and forms do the work.

Screenshots (var/screenshots/): home, near-me (basemap visible), need and confirmation, at both
widths, in both languages, with JavaScript.

``test_the_journey_from_the_home_page`` creates the account through the emailed confirmation
link, which keeps ``?next=``; ``test_a_volunteer_signs_in_from_the_need_and_pledges`` covers the
same steps from the near-me page with an existing account.
"""

import re
import time
import uuid

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import axe
from tests.e2e.accounts import create_account
from tests.e2e.browser import problems_of
from tests.e2e.screens import VIEWPORTS, save_screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Une-phrase-de-passe-solide-42"
POSTCODE = "75011"
CONFIRMED = {"fr": "Merci, votre engagement est enregistré", "en": "Thank you, your pledge is"}
CASES = [
    pytest.param(lang, width, javascript, id=f"{lang}-{width}-{'js' if javascript else 'nojs'}")
    for lang in ("fr", "en")
    for width in VIEWPORTS
    for javascript in (True, False)
]


def path(name: str, lang: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def check_axe(page: Page) -> None:
    """Mid-journey accessibility check (the fixture's, which may skip, comes last)."""
    if axe.AXE_JS.exists():
        axe.assert_no_serious_axe_violations(page)


def no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px"


def search(page: Page, lang: str, javascript: bool, card: int) -> str:
    """A postcode with demo needs; with JavaScript, the map is checked. Returns the need's URL."""
    page.locator("#id_q").fill(POSTCODE)
    page.locator("main form.near-me__form button[type=submit]").click()
    cards = page.locator("ol.need-list > li")
    expect(cards.first).to_be_visible()
    ranks = page.locator(".need-card__rank").all_inner_texts()
    assert ranks[:3] == ["1", "2", "3"], "the cards carry their numbers on the map"
    map_element = page.locator("#need-map")
    if javascript:
        expect(map_element).to_have_attribute("data-ready", "true")
        expect(map_element).to_have_attribute("data-basemap", "ready")
        assert page.locator("#need-map path.leaflet-interactive, #need-map path").count() > 50
        badges = page.locator("#need-map .map-badge--need")
        assert badges.count() >= 1
        labels = [text.rstrip("+") for text in badges.all_inner_texts()]
        assert "1" in labels, "marker 1 is the first card"
        expect(page.locator("#need-map .map-badge--here")).to_have_count(1)
        expect(map_element).to_contain_text("CC BY 4.0")
    else:
        expect(map_element).to_be_hidden()
    no_horizontal_overflow(page)
    check_axe(page)
    if javascript:
        page.locator("#need-map").scroll_into_view_if_needed()
        save_screenshot(page, "near-me")
    link = page.locator(".need-card__title a").nth(card)
    link.click()
    expect(page.locator(".need-detail__facts").first).to_be_visible()
    return page.url


def check_need_page(page: Page, lang: str, javascript: bool) -> None:
    expect(page.locator(".need-detail__where")).to_be_visible()
    if javascript:
        expect(page.locator("#need-map")).to_have_attribute("data-ready", "true")
        expect(page.locator("#need-map")).to_be_visible()
    else:
        expect(page.locator("#need-map")).to_be_hidden()
    no_horizontal_overflow(page)
    check_axe(page)


def pledge_and_confirm(page: Page, server, lang: str, javascript: bool, email: str) -> None:
    title = page.locator("h1").inner_text()
    page.locator("#id_quantity").fill("1")
    page.locator(".need-detail__pledge button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/(engagements|pledges)/\d+/$"))
    expect(page.locator("h1")).to_contain_text(CONFIRMED[lang])
    expect(page.locator(".pledge-confirmation .lead")).to_contain_text(title)
    expect(page.locator(".pledge-confirmation__cancel button[type=submit]")).to_be_visible()
    if javascript:
        save_screenshot(page, "confirmation")
    no_horizontal_overflow(page)
    for _ in range(50):  # the eager task writes the email after the request's commit
        sent = [m for m in server.emails_containing(title) if m["To"] == email]
        if sent:
            break
        time.sleep(0.1)
    assert len(sent) == 1, "one confirmation email"
    body = sent[0].get_body(preferencelist=("plain",)).get_content()
    assert f"/{lang}/" in body, "the email is in the volunteer's language"


def make_volunteer(server, email: str) -> None:
    server.run_python(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        f"user = User.objects.create(username={email!r}, email={email!r}, first_name='Lou')\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
    )


def sign_in(page: Page, email: str) -> None:
    form = page.locator("main form").first
    username = form.locator("input[name=username]")
    username.fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit], input[type=submit]").first.click()


@pytest.mark.parametrize(("lang", "width", "javascript"), CASES)
def test_a_volunteer_signs_in_from_the_need_and_pledges(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, width, javascript
):
    page = new_page(javascript=javascript, viewport=VIEWPORTS[width])
    email = f"lou-{uuid.uuid4().hex[:8]}@example.org"
    make_volunteer(live_server_process, email)
    page.goto(f"/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    no_horizontal_overflow(page)
    if javascript:
        save_screenshot(page, "home")
    page.goto(path("matching:near_me", lang))
    index = CASES.index(next(c for c in CASES if c.values == (lang, width, javascript)))
    need_url = search(page, lang, javascript, card=index % 5)
    page.locator("a[data-cta=login]").click()
    sign_in(page, email)
    expect(page).to_have_url(need_url)
    if javascript:
        expect(page.locator("#need-map")).to_have_attribute("data-ready", "true")
        save_screenshot(page, "need")
    check_need_page(page, lang, javascript)
    pledge_and_confirm(page, live_server_process, lang, javascript, email)
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)


@pytest.mark.parametrize(("lang", "width", "javascript"), CASES)
def test_the_journey_from_the_home_page(
    new_page, live_server_process, assert_no_serious_axe_violations, lang, width, javascript
):
    page = new_page(javascript=javascript, viewport=VIEWPORTS[width])
    page.goto(f"/{lang}/")
    page.locator('a[data-cta="near-me"]').first.click()
    expect(page.locator("#id_q")).to_be_visible()
    index = CASES.index(next(c for c in CASES if c.values == (lang, width, javascript)))
    need_url = search(page, lang, javascript, card=5 + index % 5)
    page.locator("a[data-cta=signup]").click()
    email = f"lou-{uuid.uuid4().hex[:8]}@example.org"
    create_account(page, live_server_process, email, postcode=POSTCODE)
    expect(page).to_have_url(need_url)  # ?next= kept through the emailed confirmation link
    check_need_page(page, lang, javascript)
    pledge_and_confirm(page, live_server_process, lang, javascript, email)
    assert problems_of(page) == []
    assert_no_serious_axe_violations(page)
