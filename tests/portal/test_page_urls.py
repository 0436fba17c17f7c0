"""portal.page_urls: an address that reached Wagtail's page view once reaches it again
without every app route tried first, in its own language only."""

from django.urls import LocalePrefixPattern, URLResolver, resolve
from django.utils import translation

import pytest

from portal import page_urls, urls


@pytest.fixture(autouse=True)
def fresh():
    page_urls.forget()
    yield
    page_urls.forget()


def resolved(path: str, language: str = "fr"):
    with translation.override(language):
        match = resolve(path)
    return match.url_name, match.kwargs, match.route


def test_a_page_address_resolves_the_same_once_remembered(monkeypatch):
    first = resolved("/fr/actions/")
    assert first[0] == "wagtail_serve"
    assert ("fr", "actions/") in page_urls._known

    def no_app_route(path):
        raise AssertionError(f"app routes tried for {path}")

    [pages] = [url for url in urls.urlpatterns if isinstance(url.pattern, LocalePrefixPattern)]
    apps = [url for url in pages.url_patterns if isinstance(url, URLResolver)]
    assert len(apps) >= 7
    for app in apps:
        monkeypatch.setattr(app, "resolve", no_app_route)
    assert resolved("/fr/actions/") == first
    with pytest.raises(AssertionError, match="app routes tried"):
        resolved("/fr/pas-encore-vue/")  # an address never seen walks them as before


def test_app_routes_keep_their_addresses_in_their_own_language():
    need_path = "/fr/besoins/123/"
    assert resolved(need_path)[0] == "need_detail"
    # The same address in English is no app route: it falls to the page view, remembered...
    assert resolved("/en/besoins/123/", "en")[0] == "wagtail_serve"
    # ...for English only: in French it is still the need's page.
    assert resolved(need_path)[0] == "need_detail"
    assert ("fr", "besoins/123/") not in page_urls._known


def test_what_is_remembered_stays_bounded(monkeypatch):
    monkeypatch.setattr(page_urls, "REMEMBERED", 2)
    for path in ("/fr/a/", "/fr/b/", "/fr/c/"):
        assert resolved(path)[0] == "wagtail_serve"
    assert list(page_urls._known) == [("fr", "b/"), ("fr", "c/")]
