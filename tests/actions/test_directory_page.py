"""The directory page: facets with counts, search, sort and pagination, in both languages,
bookmarkable GET URLs, errors next to the fields, and a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from actions.models import ActionPage
from portal import publication_memo
from tests.actions.conftest import SEED_ACTIONS, requires_postgresql
from tests.actions.factories import ActionPageFactory
from tests.queries import per_request

pytestmark = pytest.mark.django_db


def results(response) -> list[str]:
    """The titles of the listed actions, in order (the page lists rows: pk, count, week)."""
    rows = response.context["results"].object_list
    titles = dict(
        ActionPage.objects.filter(pk__in=[row.pk for row in rows]).values_list("pk", "title")
    )
    return [titles[row.pk] for row in rows]


def facet_counts(response, name) -> dict[str, int]:
    facet = next(facet for facet in response.context["facets"] if facet.name == name)
    return {option.value: option.count for option in facet.options}


def test_directory_lists_every_seed_action_in_each_language(client):
    fr = client.get("/fr/actions/")
    en = client.get("/en/actions/")
    assert fr.status_code == en.status_code == 200
    assert fr.context["results"].paginator.count == SEED_ACTIONS
    assert en.context["results"].paginator.count == SEED_ACTIONS
    assert "Collecter des kits d'hygiène avec ses voisins et les pharmacies" in results(fr)
    assert "Collect hygiene kits with neighbours and pharmacies" in results(en)


def test_facets_count_what_each_choice_would_give(client):
    response = client.get("/fr/actions/")
    assert facet_counts(response, "challenge") == {
        "sans-abri": 4,
        "soignants": 2,
        "seniors-isoles": 3,
        "agriculteurs-locaux": 3,
    }
    assert facet_counts(response, "mode") == {"on-site": 8, "remote": 4}
    assert facet_counts(response, "duration") == {
        "under-1h": 4,
        "half-day": 2,
        "day": 2,
        "several-days": 4,
    }
    assert facet_counts(response, "partner")["la-cloche"] == 4
    assert facet_counts(response, "new") == {"true": 4}


def test_a_facet_counts_with_the_other_filters_but_not_its_own(client):
    response = client.get("/fr/actions/", {"challenge": "sans-abri", "mode": "remote"})
    assert results(response) == []
    # Other challenges stay reachable: their counts keep the mode filter, not the challenge.
    assert facet_counts(response, "challenge")["seniors-isoles"] == 2
    assert facet_counts(response, "mode") == {"on-site": 4, "remote": 0}


def test_filters_combine_and_use_the_slugs_of_the_page_language(client):
    response = client.get(
        "/fr/actions/", {"challenge": "agriculteurs-locaux", "duration": "under-1h"}
    )
    assert results(response) == [
        "Promouvoir les producteurs locaux dans ses achats et son entourage"
    ]
    response = client.get("/en/actions/", {"challenge": "isolated-seniors", "mode": "remote"})
    assert sorted(results(response)) == [
        "Find partnerships with new care homes",
        "Spend time on the phone with isolated seniors",
    ]
    response = client.get("/en/actions/", {"partner": "miimosa", "new": "true"})
    assert sorted(results(response)) == [
        "Help farmers with the current harvest",
        "Promote local producers in your shopping and around you",
    ]


def test_new_this_week_keeps_only_the_actions_of_the_current_week(client, this_week):
    response = client.get("/fr/actions/", {"new": "true"})
    actions = response.context["results"].object_list
    assert len(actions) == 4
    assert all(action.published_week == this_week for action in actions)


def test_search_finds_words_of_the_guide_and_summary_in_each_language(client):
    response = client.get("/fr/actions/", {"q": "paillassons"})
    assert results(response) == ["Collecter des kits d'hygiène avec ses voisins et les pharmacies"]
    response = client.get("/en/actions/", {"q": "doormats"})
    assert results(response) == ["Collect hygiene kits with neighbours and pharmacies"]
    response = client.get("/en/actions/", {"q": "shopkeepers"})
    assert results(response) == ["Encourage shopkeepers to become kit collection points"]


def test_search_combines_with_the_facets(client):
    response = client.get("/fr/actions/", {"q": "kits", "mode": "on-site", "duration": "half-day"})
    assert sorted(results(response)) == [
        "Distribuer les kits via des associations et créer du lien",
        "Inciter les commerçants à devenir points de collecte des kits",
    ]
    assert facet_counts(response, "duration")["several-days"] == 1


@requires_postgresql
def test_search_finds_an_inflected_french_form_on_postgresql(client, french_full_text):
    """ "collecter" finds "points de collecte": PostgreSQL full text with French stemming."""
    found = results(client.get("/fr/actions/", {"q": "collecter"}))
    assert "Inciter les commerçants à devenir points de collecte des kits" in found
    # Forms that PostgreSQL's default (English) configuration does not relate to the text.
    found = results(client.get("/fr/actions/", {"q": "téléphoner"}))
    assert "Passer du temps au téléphone avec des seniors isolés" in found
    found = results(client.get("/fr/actions/", {"q": "commerçante"}))
    assert "Inciter les commerçants à devenir points de collecte des kits" in found


def test_sort_by_most_done(client):
    response = client.get("/fr/actions/", {"sort": "most-done", "challenge": "seniors-isoles"})
    assert [action.times_done for action in response.context["results"].object_list] == [96, 61, 18]


def test_newest_first_by_default(client):
    weeks_listed = [
        action.published_week for action in client.get("/fr/actions/").context["results"]
    ]
    assert weeks_listed == sorted(weeks_listed, reverse=True)


def test_pagination_keeps_the_filters_in_its_links(client, directory_fr):
    for number in range(15):
        ActionPageFactory(parent=directory_fr, title=f"Action paginée {number}")
    first = client.get("/fr/actions/", {"mode": "on-site"})
    assert first.context["results"].paginator.count == 8 + 15
    assert len(results(first)) == 12
    html = first.content.decode()
    assert 'href="?mode=on-site&amp;page=2"' in html
    second = client.get("/fr/actions/", {"mode": "on-site", "page": 2})
    assert len(results(second)) == 11
    assert not set(results(first)) & set(results(second))
    assert client.get("/fr/actions/", {"mode": "on-site", "page": 3}).status_code == 404
    assert client.get("/fr/actions/", {"page": "abc"}).status_code == 404


def test_a_bad_filter_answers_400_with_the_error_next_to_its_field(client):
    response = client.get("/fr/actions/", {"challenge": "inconnu", "mode": "en-avion"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'id="facet-challenge-error"' in html and 'id="facet-mode-error"' in html
    assert "inconnu" in html
    assert client.get("/fr/actions/", {"new": "peut-être"}).status_code == 400
    assert client.get("/fr/actions/", {"q": "x" * 201}).status_code == 400


def test_a_slug_of_the_other_language_is_not_a_filter_of_this_page(client):
    assert client.get("/en/actions/", {"challenge": "sans-abri"}).status_code == 400


def test_drafts_and_restricted_actions_are_not_listed(client, directory_fr):
    ActionPageFactory(parent=directory_fr, title="Brouillon de partenaire", live=False)
    html = client.get("/fr/actions/").content.decode()
    assert "Brouillon de partenaire" not in html


def test_the_page_works_without_javascript_with_labelled_inputs(client):
    html = client.get("/fr/actions/").content.decode()
    assert '<form class="form directory__filters" method="get"' in html
    assert html.count("<h1>") == 1
    assert '<label for="directory-q">' in html
    assert '<label for="facet-challenge-1">' in html
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def count_queries(client, url, params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.context["results"].paginator.count


def test_queries_per_page_do_not_grow_with_the_results(client, directory_fr):
    client.get("/fr/actions/")  # warm the site root paths cache, as in production
    few = count_queries(client, "/fr/actions/", {"challenge": "soignants"})
    rare_word = count_queries(client, "/fr/actions/", {"q": "paillassons"})
    for number in range(30):
        ActionPageFactory(parent=directory_fr, title=f"Action en kits nombreux {number}")
    many = count_queries(client, "/fr/actions/", {})
    third_page = count_queries(client, "/fr/actions/", {"page": 3})
    common_word = count_queries(client, "/fr/actions/", {"q": "kits", "mode": "on-site"})
    assert (few[1], many[1], rare_word[1], common_word[1]) == (2, 42, 1, 33)
    assert few[0] == many[0] == third_page[0]
    # A search adds its one full-text query, whatever the number of hits.
    assert rare_word[0] == common_word[0] == many[0] + 1


def test_directory_page_query_count(client, django_assert_num_queries):
    client.get("/fr/actions/")  # warm the site root paths cache, as in production
    # The card cache is off in tests: the listed rows, then their pages for the cards.
    with django_assert_num_queries(per_request(25)):
        client.get("/fr/actions/", {"challenge": "sans-abri", "page": 1})
    with django_assert_num_queries(per_request(26)):
        client.get("/fr/actions/", {"challenge": "sans-abri", "q": "kits", "page": 1})


def test_cached_cards_are_listed_without_reading_their_pages(client, settings):
    """With the cards cached, the directory reads three narrow values per listed action."""
    settings.DIRECTORY_CACHE_SECONDS = 300
    with CaptureQueriesContext(connection) as cold:
        first = client.get("/fr/actions/")
    with CaptureQueriesContext(connection) as warm:
        again = client.get("/fr/actions/")
    assert again.content == first.content
    cards_sql = [
        query["sql"] for query in cold.captured_queries if "challenge_title" in query["sql"]
    ]
    assert cards_sql  # the cold run fetched the pages of its cards
    assert not any("challenge_title" in query["sql"] for query in warm.captured_queries)


def test_facet_counts_are_cached_until_a_page_is_published(
    client, directory_fr, settings, django_assert_max_num_queries
):
    settings.DIRECTORY_CACHE_SECONDS = 300
    first = client.get(directory_fr.url)
    with django_assert_max_num_queries(100) as counted:
        client.get(directory_fr.url)
    cached_queries = len(counted.captured_queries)
    directory_fr.save_revision().publish()  # any page published: counts are taken again
    with django_assert_max_num_queries(100) as recounted:
        again = client.get(directory_fr.url)
    assert len(recounted.captured_queries) >= cached_queries + 5  # the five facet counts
    assert again.status_code == first.status_code == 200


def test_results_compiled_once_per_publication_stay_current(client, directory_fr, settings):
    """The results' SQL is kept per filters and publication; their rows are read afresh: a
    completion reorders them at once, a publication adds its action, each page its own."""
    settings.PUBLICATION_MEMO_SECONDS = 300
    publication_memo.clear()
    query = {"sort": "most-done", "challenge": "seniors-isoles"}
    first = client.get("/fr/actions/", query)
    least_done = first.context["results"].object_list[-1]
    ActionPage.objects.filter(pk=least_done.pk).update(times_done=1000)
    again = client.get("/fr/actions/", query)
    assert [row.pk for row in again.context["results"].object_list][0] == least_done.pk
    assert [row.times_done for row in again.context["results"].object_list] == [1000, 96, 61]

    before = results(client.get("/fr/actions/"))
    assert any(key[1][0] == "directory-rows" for key in publication_memo._entries)
    for number in range(12):
        ActionPageFactory(parent=directory_fr, title=f"Action compilée {number}")
    assert set(results(client.get("/fr/actions/"))) == {
        f"Action compilée {number}" for number in range(12)
    }
    second_page = client.get("/fr/actions/", {"page": 2})
    assert second_page.context["results"].paginator.count == SEED_ACTIONS + 12
    assert results(second_page) == before


@pytest.mark.parametrize(
    "language, texts",
    [
        # The fifteen actions below are French: the English page lists its eight on site.
        (
            "fr",
            ["Trouver une action", "Effacer les filtres", "Trier par", "23 actions — page 1 sur 2"],
        ),
        ("en", ["Find an action", "Clear filters", "Sort by", "8 actions\n"]),
    ],
)
def test_the_page_speaks_its_language(client, directory_fr, language, texts):
    for number in range(15):
        ActionPageFactory(parent=directory_fr, title=f"Action traduite {number}")
    directory = "/fr/actions/" if language == "fr" else "/en/actions/"
    response = client.get(directory, {"mode": "on-site"})
    html = response.content.decode()
    assert response.status_code == 200
    for text in texts:
        assert text in html
    assert f'<form class="form directory__filters" method="get" action="{directory}"' in html
    assert "built-in method" not in html
