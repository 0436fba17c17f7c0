"""The layout's values kept per process until a publication (portal.publication_memo,
portal.shell): a second page costs no query for the site, the menu or the footer, and a
publication, a footer change or a moved page shows at the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

import pytest

from home.models import StandardPage
from portal import publication_memo
from portal.models import FooterLinks

pytestmark = pytest.mark.django_db


def nav(html: str) -> str:
    return html.split('class="site-nav"')[1].split("</nav>")[0]


def layout_queries(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    layout_tables = ("wagtailcore_site", "portal_footerlinks")
    return [q["sql"] for q in queries if any(table in q["sql"] for table in layout_tables)]


def test_a_second_page_reads_neither_the_site_nor_the_footer_setting(client, memo_on):
    client.get("/fr/")
    assert layout_queries(client, "/fr/pres-de-chez-moi/") == []


def test_without_the_memo_every_page_reads_them(client, settings):
    settings.PUBLICATION_MEMO_SECONDS = 0
    client.get("/fr/")
    assert layout_queries(client, "/fr/pres-de-chez-moi/")


def test_a_page_published_in_the_menu_shows_at_the_next_request(client, memo_on):
    assert "Page du menu publiée" not in nav(client.get("/fr/").content.decode())
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Page du menu publiée", slug="menu-publiee", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Page du menu publiée" in nav(client.get("/fr/").content.decode())


def test_a_menu_page_unpublished_or_deleted_leaves_the_menu(client, memo_on):
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Page éphémère", slug="ephemere", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Page éphémère" in nav(client.get("/fr/").content.decode())
    page.unpublish()
    assert "Page éphémère" not in nav(client.get("/fr/").content.decode())
    page.save_revision().publish()
    assert "Page éphémère" in nav(client.get("/fr/").content.decode())
    Page.objects.get(pk=page.pk).delete()
    assert "Page éphémère" not in nav(client.get("/fr/").content.decode())


def test_a_changed_footer_setting_shows_at_the_next_request(client, memo_on):
    assert 'data-footer-link="contact"' in client.get("/fr/").content.decode()
    setting = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    setting.contact = None
    setting.save()
    assert 'data-footer-link="contact"' not in client.get("/fr/").content.decode()


def test_the_memo_keeps_a_value_only_until_the_next_publication(memo_on):
    calls = []
    assert publication_memo.remembered("k", lambda: calls.append(1) or len(calls)) == 1
    assert publication_memo.remembered("k", lambda: calls.append(1) or len(calls)) == 1
    home = Site.objects.get(is_default_site=True).root_page.specific
    home.save_revision().publish()
    assert publication_memo.remembered("k", lambda: calls.append(1) or len(calls)) == 2


def test_a_page_url_is_kept_per_host_and_language(memo_on, rf):
    home = Site.objects.get(is_default_site=True).root_page.specific
    finds = []

    def find():
        finds.append(1)
        return home

    def url(host: str, locale_id: int) -> str | None:
        return publication_memo.page_url("home", locale_id, rf.get("/", HTTP_HOST=host), find)

    first = url("localhost", home.locale_id)
    assert first == home.get_url(request=rf.get("/", HTTP_HOST="localhost"))
    assert url("localhost", home.locale_id) == first
    assert len(finds) == 1
    url("testserver", home.locale_id)
    url("localhost", home.locale_id + 1)
    assert len(finds) == 3
    assert publication_memo.page_url("home", home.locale_id, None, lambda: None) is None
