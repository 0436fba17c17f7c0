"""Wagtail pages routed from a memo kept per publication (portal.page_routes): a second visit
reads the page in one query instead of walking the tree, reads it afresh (counts changed
without a publication show), and a page unpublished, renamed or deleted stops answering at
once. A page class that keeps its fields (the directory's index) is not even read again for an
anonymous visitor: a draft saved changes nothing they see, a publication shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from actions.models import ActionIndexPage, ActionPage
from home.models import StandardPage
from tests.factories import UserFactory

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


def index_page_queries(client, path: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    sql = [query["sql"] for query in queries if "actions_actionindexpage" in query["sql"]]
    return response, sql


def test_an_anonymous_second_visit_of_a_page_that_keeps_its_fields_reads_no_page(client, memo_on):
    first, _sql = index_page_queries(client, "/fr/actions/")
    second, sql = index_page_queries(client, "/fr/actions/")
    assert sql == []
    assert second.status_code == 200 and second.content == first.content


def test_each_request_gets_a_fresh_instance_of_a_kept_page(client, memo_on):
    first = client.get("/fr/actions/").context["page"]
    first.title = "Changé en mémoire par une requête"
    second = client.get("/fr/actions/")
    assert second.context["page"] is not first
    assert "Changé en mémoire" not in second.content.decode()


def test_a_draft_saved_changes_nothing_an_anonymous_reader_sees(client, memo_on):
    index = ActionIndexPage.objects.get(locale__language_code="fr")
    before = client.get(index.url)
    index.title, index.intro = "Titre en brouillon", "Introduction en brouillon"
    index.save_revision()  # the row changes (draft title, latest revision), nothing published
    assert ActionIndexPage.objects.get(pk=index.pk).has_unpublished_changes
    after = client.get(index.url)
    assert after.content == before.content
    assert "brouillon" not in after.content.decode()


def test_a_publication_of_a_kept_page_shows_at_the_next_request(client, memo_on):
    index = ActionIndexPage.objects.get(locale__language_code="fr")
    client.get(index.url)
    index.title, index.intro = "Toutes les actions publiées", "Une introduction publiée"
    index.save_revision().publish()
    html = client.get(index.url).content.decode()
    assert "<h1>Toutes les actions publiées</h1>" in html
    assert "Une introduction publiée" in html


def test_signed_in_visitors_read_a_kept_page_afresh(client, memo_on):
    client.force_login(UserFactory())
    client.get("/fr/actions/")
    response, sql = index_page_queries(client, "/fr/actions/")
    assert response.status_code == 200 and len(sql) == 1


def test_a_page_with_values_that_could_change_in_place_is_read_every_time(
    client, memo_on, monkeypatch, standard_page
):
    """A StreamField's value is an object of its own: it is never kept, shared by requests."""
    monkeypatch.setattr(StandardPage, "route_keeps_fields", True, raising=False)
    client.get("/fr/page-de-passage/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/page-de-passage/").status_code == 200
    assert any("home_standardpage" in query["sql"] for query in queries)
