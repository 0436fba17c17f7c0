"""The directory's facets are drawn once per process and what they show
(actions.templatetags.directory_facets): a kept facet is the same HTML as a fresh drawing, in
its language; a facet with errors, or with a value that would print otherwise than its equal
(a marked-safe string), is drawn every time."""

from django.utils import translation
from django.utils.safestring import SafeString

import pytest

from actions.services import Facet, FacetOption
from actions.templatetags import directory_facets
from portal import components


@pytest.fixture(autouse=True)
def _nothing_kept():
    directory_facets.clear()
    yield
    directory_facets.clear()


def mode_facet(*, label="Sur place", count=3, errors=()) -> Facet:
    options = [
        FacetOption("on-site", label, count, True),
        FacetOption("remote", "À distance", 2, False),
    ]
    return Facet("mode", "Sur place ou à distance", options, errors)


def drawn_afresh(facet: Facet) -> str:
    any_label = translation.gettext("Indifférent")
    return components.render("actions/facet.html", {"facet": facet, "any_label": any_label})


def test_a_kept_facet_is_the_html_of_a_fresh_drawing():
    facet = mode_facet()
    first = directory_facets.facet_fieldset(facet)
    again = directory_facets.facet_fieldset(mode_facet())  # an equal facet, another object
    assert again is first  # kept
    assert first == drawn_afresh(facet)
    assert 'value="on-site" checked' in first and "(3)" in first


def test_a_facet_of_other_counts_is_drawn_for_them():
    three = directory_facets.facet_fieldset(mode_facet(count=3))
    four = directory_facets.facet_fieldset(mode_facet(count=4))
    assert "(3)" in three and "(4)" in four


def test_kept_facets_follow_the_language():
    french = directory_facets.facet_fieldset(mode_facet())
    with translation.override("en"):
        english = directory_facets.facet_fieldset(mode_facet())
        assert english == drawn_afresh(mode_facet())
    assert "Indifférent" in french and "Any" in english


def test_a_facet_with_errors_is_drawn_every_time():
    facet = mode_facet(errors=("Choix invalide.",))
    html = directory_facets.facet_fieldset(facet)
    assert "Choix invalide." in html and html == drawn_afresh(facet)
    assert directory_facets._kept == {}


def test_a_marked_safe_label_is_not_taken_for_its_equal_plain_string():
    plain = directory_facets.facet_fieldset(mode_facet(label="<b>Sur place</b>"))
    safe = directory_facets.facet_fieldset(mode_facet(label=SafeString("<b>Sur place</b>")))
    assert "&lt;b&gt;Sur place&lt;/b&gt;" in plain
    assert "<b>Sur place</b>" in safe


@pytest.mark.django_db
def test_the_directory_draws_the_same_facets_kept_or_not(client):
    first = client.get("/fr/actions/", {"mode": "remote"})
    assert directory_facets._kept  # its five facets, kept
    again = client.get("/fr/actions/", {"mode": "remote"})
    assert again.content == first.content
