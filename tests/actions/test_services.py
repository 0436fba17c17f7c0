"""Services of the directory: search through Wagtail's backend, counters across languages, what
is built once per publication (the base queryset, the options of the filters)."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from actions import services
from actions.models import ActionPage
from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite search backend only")
@pytest.mark.parametrize("query", ["kits", "kits hygiène", "paillassons", "seniors -courses", "zz"])
def test_sqlite_fts_first_search_finds_what_the_backend_finds(query):
    backend_results = get_search_backend().search(
        query, ActionPage.objects.all(), operator="and", order_by_relevance=False
    )
    expected = set(backend_results.get_queryset().values_list("pk", flat=True))
    found = set(
        ActionPage.objects.filter(pk__in=services.search_matches(query)).values_list(
            "pk", flat=True
        )
    )
    assert found == expected


def test_a_search_engine_answering_with_objects_still_filters_the_directory(monkeypatch, fr):
    """Elasticsearch/OpenSearch results have no queryset: their ids are used instead."""
    wanted = ActionPage.objects.get(slug="collecter-kits-hygiene")

    class EngineResults(list):
        pass

    class Engine:
        def search(self, *args, **kwargs):
            return EngineResults([wanted])

    monkeypatch.setattr(services, "get_search_backend", lambda: Engine())
    found = services.directory_actions(
        locale_id=fr.pk, filters=services.DirectoryFilters(q="n'importe")
    )
    assert list(found) == [wanted]


def test_recording_an_action_done_counts_in_every_language(en):
    action = ActionPage.objects.get(slug="collecter-kits-hygiene")
    services.record_action_done(action, times=2)
    assert action.get_translation(en).times_done == 50
    action.refresh_from_db()
    assert action.times_done == 50


def test_the_directory_of_each_language(fr, en, directory_fr, directory_en):
    assert services.directory_index(fr.pk) == directory_fr
    assert services.directory_index(en.pk) == directory_en


def test_a_challenge_recommends_its_most_done_actions_first(homeless_fr, directory_fr):
    ActionPageFactory(parent=directory_fr, challenge=homeless_fr, title="Très faite")
    ActionPage.objects.filter(title="Très faite").update(times_done=1000)
    recommended = list(services.actions_for_challenge(homeless_fr, limit=3))
    assert recommended[0].title == "Très faite"
    assert [a.times_done for a in recommended] == sorted(
        (a.times_done for a in recommended), reverse=True
    )


def test_published_actions_are_a_fresh_queryset_each_time(fr, directory_fr, memo_on):
    """Built once per publication, copied for each caller: one caller's evaluation or filters
    never reach another's."""
    first = services.published_actions(fr.pk)
    first_pks = set(first.values_list("pk", flat=True))
    list(first)
    second = services.published_actions(fr.pk)
    assert second is not first and second._result_cache is None
    action = ActionPageFactory(parent=directory_fr, title="Publiée après la première lecture")
    assert action.pk in set(second.values_list("pk", flat=True)) - first_pks


def test_published_actions_stay_in_their_language(fr, en, memo_on):
    french = services.published_actions(fr.pk)
    english = services.published_actions(en.pk)
    assert set(french.values_list("locale_id", flat=True)) == {fr.pk}
    assert set(english.values_list("locale_id", flat=True)) == {en.pk}


def test_directory_options_are_read_once_per_publication(
    fr, homeless_fr, memo_on, settings, django_assert_num_queries
):
    settings.DIRECTORY_CACHE_SECONDS = 300
    first = services.directory_options(fr.pk)
    with django_assert_num_queries(0):
        assert services.directory_options(fr.pk) is first
    homeless_fr.title = "Sans-abri, publié de nouveau"
    homeless_fr.save_revision().publish()
    again = services.directory_options(fr.pk)
    assert again.challenge_by_slug("sans-abri").title == "Sans-abri, publié de nouveau"


def test_a_search_is_matched_once_per_language_and_publication(
    fr, directory_fr, homeless_fr, settings, monkeypatch
):
    settings.DIRECTORY_CACHE_SECONDS = 300
    searches = []
    real_search = services.search_matches
    monkeypatch.setattr(
        services, "search_matches", lambda query: searches.append(query) or real_search(query)
    )

    def found(query: str) -> set[int]:
        directory = services.Directory(
            locale_id=fr.pk,
            filters=services.DirectoryFilters(q=query),
            options=services.directory_options(fr.pk),
        )
        return set(directory.actions().values_list("pk", flat=True))

    before = found("péniche")
    assert found("péniche") == before and searches == ["péniche"]
    found("kits")
    assert searches == ["péniche", "kits"]
    new = ActionPageFactory(parent=directory_fr, challenge=homeless_fr, title="Une péniche")
    new.save_revision().publish()  # as an editor publishes it: searched again
    assert found("péniche") == before | {new.pk}
    assert searches == ["péniche", "kits", "péniche"]
