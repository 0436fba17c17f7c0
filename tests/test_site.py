"""The site runs: languages, redirects, every page type renders in both languages."""

from django.utils.html import escape

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_to_english_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        (
            "/fr/",
            [
                "De la chaleur pour les sans-abri",
                "De l'aide pour les soignants",
                "Maillages, du lien avec nos aîné·es",
                "Donnons la pêche à nos fermier·es",
            ],
        ),
        (
            "/en/",
            [
                "Warmth for homeless people",
                "Help for caregivers",
                "Ties with our elders",
                "Let's back our farmers",
            ],
        ),
    ],
)
def test_home_shows_the_four_challenges_in_its_language(client, url, titles):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for title in titles:
        assert escape(title) in html


def test_every_live_page_renders_in_both_languages(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    languages = {page.locale.language_code for page in pages}
    assert languages == {"fr", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{page.locale.language_code}">' in response.content.decode()


def test_every_french_page_has_a_live_english_translation(fr, en):
    french = Page.objects.live().filter(locale=fr, depth__gt=1)
    assert french.count() >= 20
    for page in french:
        assert page.get_translation_or_none(en) is not None, page.url_path


def test_language_switcher_links_to_the_same_page_in_the_other_language(client):
    html = client.get("/fr/defis/soignants/").content.decode()
    assert 'href="/en/challenges/caregivers/" hreflang="en"' in html
    html = client.get("/en/partners/entoureo/").content.decode()
    assert 'href="/fr/partenaires/entoureo/" hreflang="fr"' in html


def test_ui_strings_are_translated_in_english(client):
    html = client.get("/en/").content.decode()
    assert "Skip to content" in html
    assert "Aller au contenu" not in html


def test_unknown_page_answers_404(client):
    assert client.get("/fr/nulle-part/").status_code == 404


def test_404_page_is_translated_and_links_home(client):
    response = client.get("/en/nowhere/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert '<html lang="en">' in html
