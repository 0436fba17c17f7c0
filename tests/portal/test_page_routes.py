"""Wagtail pages routed from a memo kept per publication (portal.page_routes): a second visit
reads the page in one query instead of walking the tree, reads it afresh (counts changed
without a publication show), and a page unpublished, renamed or deleted stops answering at
once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from actions.models import ActionPage

pytestmark = pytest.mark.django_db


def page_queries(client, path: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    sql = [query["sql"] for query in queries if "wagtailcore_page" in query["sql"]]
    return response.status_code, sql


def test_a_second_visit_reads_the_page_once_instead_of_walking_the_tree(
    client, memo_on, standard_page
):
    status, first = page_queries(client, "/fr/page-de-passage/")
    assert status == 200
    status, second = page_queries(client, "/fr/page-de-passage/")
    assert status == 200
    routing = [sql for sql in second if '"wagtailcore_page"."slug" =' in sql]
    assert routing == []  # no walk down the tree by slug
    assert len(second) < len(first)


def test_without_the_memo_wagtail_routes_every_request(client, settings, standard_page):
    settings.PUBLICATION_MEMO_SECONDS = 0
    client.get("/fr/page-de-passage/")
    _status, sql = page_queries(client, "/fr/page-de-passage/")
    assert any('"wagtailcore_page"."slug" =' in query for query in sql)


def test_a_remembered_page_is_read_afresh(client, memo_on):
    action = ActionPage.objects.live().filter(locale__language_code="fr").first()
    client.get(action.url)
    ActionPage.objects.filter(pk=action.pk).update(times_done=4321)  # no publication
    response = client.get(action.url)
    assert response.status_code == 200
    assert response.context["page"].times_done == 4321


def test_an_unpublished_page_stops_answering(client, memo_on, standard_page):
    assert client.get("/fr/page-de-passage/").status_code == 200
    standard_page.unpublish()
    assert client.get("/fr/page-de-passage/").status_code == 404


def test_a_renamed_page_answers_at_its_new_address_only(client, memo_on, standard_page):
    assert client.get("/fr/page-de-passage/").status_code == 200
    standard_page.slug = "nouvelle-adresse"
    standard_page.save_revision().publish()
    assert client.get("/fr/page-de-passage/").status_code == 404
    assert client.get("/fr/nouvelle-adresse/").status_code == 200


def test_a_deleted_page_stops_answering(client, memo_on, standard_page):
    assert client.get("/fr/page-de-passage/").status_code == 200
    standard_page.delete()
    assert client.get("/fr/page-de-passage/").status_code == 404
