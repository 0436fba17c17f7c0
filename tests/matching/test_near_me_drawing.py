"""What the near-me page saves on each search keeps its HTML: its selects kept per publication
(portal_forms), the search form's choices shared between forms (matching.forms), the cards'
distances written without floatformat (matching.cards) and the pages' links written without
copying the query (matching.views)."""

from django.http import QueryDict
from django.template.defaultfilters import floatformat
from django.test import RequestFactory
from django.utils import translation
from django.utils.formats import get_format

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.cards import km_text
from matching.forms import NearMeForm
from matching.views import _query_with
from portal import publication_memo
from tests.matching.test_pages import near_me_url

SEARCHES = [
    {"q": "75011", "radius_km": 20},
    {"q": "Lyon", "radius_km": 50, "challenge": "soignants", "kind": "hospital", "skill": "sewing"},
    {"q": "75011", "radius_km": 200, "page": 2},
    {"q": "75999", "kind": "farm"},  # an unknown postcode: the error, the filters kept
    {"q": "", "radius_km": 7, "challenge": "nope"},  # errors on three fields
    {"challenge": "soignants", "kind": "shop"},  # a challenge page's link: no search
    {"challenge": "<nope>", "radius_km": "abc"},
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_page_is_the_same_with_its_selects_kept(client, memo_on, settings, language):
    def pages() -> list[tuple[int, bytes]]:
        responses = [client.get(near_me_url(language), search) for search in SEARCHES]
        return [(response.status_code, response.content) for response in responses]

    settings.PUBLICATION_MEMO_SECONDS = 0
    afresh = pages()
    settings.PUBLICATION_MEMO_SECONDS = 300
    assert pages() == afresh  # the selects drawn and kept
    assert len(publication_memo.remembered("form-fields", dict)) >= 4
    assert pages() == afresh  # the kept selects


@pytest.mark.django_db
def test_the_search_forms_choices_are_shared_not_copied():
    first, second = (NearMeForm(language_code="fr") for _ in range(2))
    for name in ("radius_km", "kind", "skill"):
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].choices is second.fields[name].choices
        assert first.fields[name].widget.choices is first.fields[name].choices
    first.fields["kind"].choices = [("", "Tous")]
    assert len(second.fields["kind"].choices) == 8
    english = NearMeForm(language_code="en")
    assert dict(english.fields["kind"].choices)["farm"] == "Farm"
    assert dict(second.fields["kind"].choices)["farm"] == "Ferme"


EDGES = [0, 0.0, -0.0, 0.04, 0.05, 0.05000001, 0.15, 0.25, 0.95, 1.45, 2.25, 2.675, 9.95, 10.0]
EDGES += [0.1 + 0.2, 9.949999, 99.95, 199.95, 999.94, 999.95, 1000.0, 1234.56, 5e-05, -1.25]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("km", [*EDGES, float("nan"), float("inf")])
def test_a_distance_is_written_as_floatformat_writes_it(language, km):
    with translation.override(language):
        separator = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
        assert km_text(km, separator) == floatformat(km, 1)


def test_the_decimal_separator_is_the_languages():
    with translation.override("fr"):
        assert km_text(2.25, get_format("DECIMAL_SEPARATOR", "fr", use_l10n=True)) == "2,3"
    with translation.override("en"):
        assert km_text(2.25, get_format("DECIMAL_SEPARATOR", "en", use_l10n=True)) == "2.3"


@given(st.floats(min_value=0, max_value=2000) | st.integers(min_value=0, max_value=2000))
def test_any_distance_is_written_as_floatformat_writes_it(km):
    with translation.override("fr"):
        assert km_text(km, ",") == floatformat(km, 1)


KEYS = st.sampled_from(["q", "page", "radius_km", "kind", "é&=+ ", ""]) | st.text(max_size=4)


@given(st.lists(st.tuples(KEYS, st.text(max_size=8)), max_size=6), st.integers(-1, 60))
def test_a_page_link_keeps_the_query_as_querydict_writes_it(pairs, page):
    request = RequestFactory().get("/", pairs)
    expected = request.GET.copy()
    expected["page"] = page
    assert _query_with(request, page=page) == expected.urlencode()
    assert QueryDict(_query_with(request, page=page))["page"] == str(page)
