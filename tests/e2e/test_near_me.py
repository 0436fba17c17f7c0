"""A volunteer looks for needs near them in a real browser, in French and English, with and
without JavaScript: the list works alone, the Leaflet map (served by the portal, no tiles in
tests) appears only with JavaScript, bad input is explained, every state passes axe-core."""

import re

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import problems_of

pytestmark = pytest.mark.browser

TITLE = {"fr": "Des besoins près de chez moi"}  # English chrome comes from the catalogue
QUERY = {"fr": "75011", "en": "Lyon 3e"}


def near_me_path(lang: str) -> str:
    with translation.override(lang):
        return reverse("matching:near_me")


def search(page: Page, lang: str, query: str, *, radius: str = "20") -> None:
    page.goto(near_me_path(lang))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    page.locator("#id_q").fill(query)
    page.locator("#id_radius_km").select_option(radius)
    page.locator("main form button[type=submit]").click()


def expect_results(page: Page) -> int:
    items = page.locator("ol.need-list > li")
    expect(items.first).to_be_visible()
    count = items.count()
    assert 1 <= count <= 20
    distances = [
        float(re.search(r"(\d+(?:[.,]\d+)?)\s*km", text).group(1).replace(",", "."))
        for text in page.locator(".need-card__distance").all_inner_texts()
    ]
    assert distances == sorted(distances) and distances[-1] <= 20
    return count


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_list_works_without_javascript(page_without_js, assert_no_serious_axe_violations, lang):
    page = page_without_js
    page.goto(near_me_path(lang))
    if lang in TITLE:
        expect(page.locator("h1")).to_have_text(TITLE[lang])
    expect(page.locator("[data-geolocate-wrapper]")).to_be_hidden()
    assert_no_serious_axe_violations(page)
    search(page, lang, QUERY[lang])
    expect_results(page)
    expect(page.locator("#need-map")).to_be_hidden()
    assert_no_serious_axe_violations(page)
    page.locator(".need-card__title a").first.click()
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".need-detail__facts").first).to_be_visible()
    assert_no_serious_axe_violations(page)
    assert problems_of(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_map_shows_the_listed_needs_with_javascript(
    page, assert_no_serious_axe_violations, lang
):
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:"))
            else None
        ),
    )
    search(page, lang, QUERY[lang])
    count = expect_results(page)
    expect(page.locator("#need-map")).to_have_attribute("data-ready", "true")
    expect(page.locator("#need-map")).to_be_visible()
    points = page.evaluate(
        "() => new Set(JSON.parse(document.getElementById('need-map-data').textContent)"
        ".features.map((f) => f.geometry.coordinates.join(','))).size"
    )
    markers = page.locator("#need-map .map-badge--need")
    assert markers.count() == points <= count  # one marker per place, its needs in its popup
    expect(page.locator("#need-map .map-badge--here")).to_have_count(1)  # the searched point
    assert page.locator("#need-map .leaflet-tile").count() == 0, "no tile layer in tests"
    markers.first.focus()  # keyboard users open a marker's popup too
    page.keyboard.press("Enter")
    popup_links = page.locator(".leaflet-popup-content a")
    expect(popup_links.first).to_be_visible()
    linked = popup_links.first.get_attribute("href")
    assert linked in [a.get_attribute("href") for a in page.locator(".need-card__title a").all()]
    assert_no_serious_axe_violations(page)
    assert outside == [], "nothing is fetched from outside the portal (no CDN, no tiles)"
    assert problems_of(page) == []


def test_use_my_position_searches_around_the_browser_position(new_page):
    page = new_page(
        javascript=True,
        geolocation={"latitude": 43.2965, "longitude": 5.3698},  # Marseille
        permissions=["geolocation"],
    )
    page.goto(near_me_path("fr"))
    button = page.locator("[data-geolocate]")
    expect(button).to_be_visible()
    button.click()
    expect(page).to_have_url(re.compile(r"lat=43\.29650&lon=5\.36980"))
    expect_results(page)
    expect(page.locator("#results-title")).to_contain_text("votre position")
    assert problems_of(page) == []


@pytest.mark.parametrize("javascript", [False, True])
def test_an_unknown_postcode_is_explained_beside_the_field(
    new_page, assert_no_serious_axe_violations, javascript
):
    page = new_page(javascript=javascript)
    search(page, "fr", "75999")
    error = page.locator("#id_q_error")
    expect(error).to_contain_text("Code postal inconnu : 75999.")
    expect(page.locator("[role=alert]")).to_be_visible()
    expect(page.locator("ol.need-list")).to_have_count(0)
    assert_no_serious_axe_violations(page)


def test_a_volunteer_signs_in_and_pledges_without_javascript(page_without_js, live_server_process):
    live_server_process.run_python(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='benevole-e2e', "
        "defaults={'email': 'benevole-e2e@example.org'})\n"
        "user.set_password('Un-mot-de-passe-solide-42')\n"
        "user.save()\n"
        "result = user.pk"
    )
    page = page_without_js
    search(page, "fr", "75011")
    page.locator(".need-card__title a").first.click()
    need_path = page.url
    page.locator("a[data-cta=login]").click()
    page.locator("input[name=username]").fill("benevole-e2e")
    page.locator("input[name=password]").fill("Un-mot-de-passe-solide-42")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page).to_have_url(need_path)
    remaining = int(page.locator(".need-detail__facts dd").nth(1).inner_text().split()[0])
    page.locator("#id_quantity").fill("1")
    page.locator(".need-detail__pledge button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Votre engagement de 1")
    expect(page.locator("h1")).to_contain_text("votre engagement est enregistré")
    page.goto(need_path)
    after = int(page.locator(".need-detail__facts dd").nth(1).inner_text().split()[0])
    assert after == remaining - 1
    assert problems_of(page) == []
