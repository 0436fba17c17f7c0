"""The header kept for visitors not signed in (portal.kept_layout): rendered once per page and
language, it still links each request's own address in the other language (query string kept
and escaped), marks the page being read, and signed-in users get their own account menu."""

from django.core.cache import cache
from django.test.signals import template_rendered

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def header(html: str) -> str:
    return html.split('<header class="site-header"')[1].split("</header>")[0]


def test_each_search_links_its_own_address_in_the_other_language(client, memo_on):
    first = header(client.get("/fr/pres-de-chez-moi/", {"q": "75011"}).content.decode())
    second = header(
        client.get("/fr/pres-de-chez-moi/", {"q": "Lyon", "radius_km": 50}).content.decode()
    )
    assert 'href="/en/near-me/?q=75011" hreflang="en"' in first
    assert 'href="/en/near-me/?q=Lyon&amp;radius_km=50" hreflang="en"' in second
    assert "\x00" not in first + second


def test_the_page_being_read_is_marked_in_the_menu(client, memo_on):
    client.get("/fr/")
    near_me = header(client.get("/fr/pres-de-chez-moi/").content.decode())
    home = header(client.get("/fr/").content.decode())
    assert 'href="/fr/pres-de-chez-moi/" aria-current="page"' in near_me
    assert 'aria-current="page"' not in home.split('class="site-nav__cta"')[1]


def test_a_translated_page_links_its_translation(client, memo_on):
    for _ in range(2):
        html = header(client.get("/fr/defis/soignants/").content.decode())
        assert 'href="/en/challenges/caregivers/" hreflang="en"' in html


def test_a_signed_in_user_gets_their_account_menu_not_the_visitors(client, memo_on):
    assert "Se connecter" in header(client.get("/fr/").content.decode())
    client.force_login(UserFactory())
    signed_in = header(client.get("/fr/").content.decode())
    assert "Se déconnecter" in signed_in and "Se connecter" not in signed_in
    assert "csrfmiddlewaretoken" in signed_in
    client.logout()
    cache.clear()
    assert "Se connecter" in header(client.get("/fr/").content.decode())


def test_the_kept_footer_is_in_each_pages_language(client, memo_on):
    for _ in range(2):
        french = client.get("/fr/").content.decode().split('<footer class="site-footer">')[1]
        english = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]
        assert "API ouverte" in french and "Plan du site" in french
        assert "Open API" in english and "API ouverte" not in english


def rendered_templates(client, path: str) -> list[str]:
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        assert client.get(path).status_code == 200
    finally:
        template_rendered.disconnect(record)
    return names


def test_a_second_visit_renders_neither_the_header_nor_the_footer(client, memo_on):
    first = rendered_templates(client, "/fr/pres-de-chez-moi/")
    second = rendered_templates(client, "/fr/pres-de-chez-moi/")
    layout = {"components/header.html", "components/footer.html"}
    assert layout <= set(first)
    assert not layout & set(second)


def test_signed_in_users_headers_are_rendered_each_time(client, memo_on):
    client.force_login(UserFactory())
    rendered_templates(client, "/fr/")
    assert "components/header.html" in rendered_templates(client, "/fr/")
