"""View restrictions read once per publication (portal.view_restrictions): a site without any
spares Wagtail's two queries per page, and a restriction added or removed takes effect at the
next request, on the page, below it and in the directory."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from actions.models import ActionIndexPage, ActionPage

pytestmark = pytest.mark.django_db


def restriction_queries(client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    read = [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]
    return response.status_code, len(read)


def test_a_site_without_restrictions_serves_pages_without_reading_them(
    client, memo_on, standard_page
):
    client.get("/fr/page-de-passage/")
    assert restriction_queries(client, "/fr/page-de-passage/") == (200, 0)
    assert restriction_queries(client, "/fr/actions/") == (200, 0)


def test_without_the_memo_wagtail_reads_them_on_every_page(client, settings, standard_page):
    settings.PUBLICATION_MEMO_SECONDS = 0
    client.get("/fr/page-de-passage/")
    status, reads = restriction_queries(client, "/fr/page-de-passage/")
    assert status == 200 and reads >= 1


def test_a_password_added_protects_the_page_at_the_next_request(client, memo_on, standard_page):
    assert "Une page de passage" in client.get("/fr/page-de-passage/").content.decode()
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/fr/page-de-passage/")
    assert 'name="password"' in response.content.decode()
    assert "Une page de passage" not in response.content.decode()


def test_a_restriction_to_signed_in_users_covers_the_pages_below(client, memo_on):
    action = ActionPage.objects.live().filter(locale__language_code="fr").first()
    assert client.get(action.url).status_code == 200
    PageViewRestriction.objects.create(
        page=action.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(action.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_the_directory_hides_restricted_actions_then_shows_them_again(client, memo_on):
    action = ActionPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    index = ActionIndexPage.objects.get(locale__language_code="fr")
    total = client.get(index.url).context["results"].paginator.count
    restriction = PageViewRestriction.objects.create(
        page=action, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(index.url).context["results"].paginator.count == total - 1
    restriction.delete()
    assert client.get(index.url).context["results"].paginator.count == total


def test_the_right_password_opens_a_protected_page(client, memo_on, standard_page):
    """The password form posts to Wagtail's own view (not to the page view, which would answer
    404 for its address), which lets the visitor in."""
    PageViewRestriction.objects.create(
        page=standard_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    form = client.get("/fr/page-de-passage/").content.decode()
    action = re.search(r'<form[^>]*action="([^"]+)"', form).group(1)
    wrong = client.post(action, {"password": "wrong", "return_url": "/fr/page-de-passage/"})
    assert wrong.status_code == 200 and "Une page de passage" not in wrong.content.decode()
    right = client.post(action, {"password": "secret", "return_url": "/fr/page-de-passage/"})
    assert right.status_code == 302 and right["Location"] == "/fr/page-de-passage/"
    assert "Une page de passage" in client.get("/fr/page-de-passage/").content.decode()
