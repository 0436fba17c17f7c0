"""The selects a form declares in ``fields_drawn_per_publication`` are drawn once per value,
language and publication by the form_field tag (portal_forms): the same HTML as drawn afresh,
never a field with errors, never a value that is not a choice, each language its own."""

from django import forms
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy

import pytest

from portal import components, page_cache, publication_memo
from portal.form_renderer import WIDGETS
from portal.templatetags import portal_forms


class PlaceForm(forms.Form):
    default_renderer = WIDGETS
    fields_drawn_per_publication = ("kind",)

    kind = forms.ChoiceField(
        label=gettext_lazy("Type de lieu"),
        required=False,
        choices=[
            ("", gettext_lazy("Tous les lieux")),
            ("farm", gettext_lazy("Ferme")),
            ("hospital", gettext_lazy("Hôpital")),
        ],
    )
    town = forms.CharField(label="Commune", required=False)


@pytest.fixture
def drawings(monkeypatch):
    """The templates drawn by components.render (a kept field is not drawn again)."""
    drawn = []
    render = components.render

    def counting(template_name, context):
        drawn.append(context["field"].name)
        return render(template_name, context)

    monkeypatch.setattr(components, "render", counting)
    return drawn


def draw(form, name: str, language: str = "fr") -> str:
    with translation.override(language):
        return Template("{% load portal_forms %}{% form_field field %}").render(
            Context({"field": form[name]})
        )


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("data", [None, {"kind": ""}, {"kind": "farm"}, {"town": "Lyon"}])
def test_a_kept_select_is_the_html_drawn_afresh(memo_on, settings, language, data):
    settings.PUBLICATION_MEMO_SECONDS = 0
    afresh = draw(PlaceForm(data), "kind", language)
    settings.PUBLICATION_MEMO_SECONDS = 300
    kept = [draw(PlaceForm(data), "kind", language) for _ in range(2)]
    assert kept == [afresh, afresh]


def test_a_select_is_drawn_once_per_value_and_publication(memo_on, drawings):
    for _ in range(3):
        draw(PlaceForm({"kind": "farm"}), "kind")
        draw(PlaceForm({"kind": "hospital"}), "kind")
    assert drawings == ["kind", "kind"]
    page_cache.invalidate_pages()  # what a publication does
    html = draw(PlaceForm({"kind": "farm"}), "kind")
    assert drawings == ["kind", "kind", "kind"]
    assert '<option value="farm" selected>Ferme</option>' in html


def test_the_bound_value_is_selected_in_the_kept_html(memo_on):
    farm = draw(PlaceForm({"kind": "farm"}), "kind")
    hospital = draw(PlaceForm({"kind": "hospital"}), "kind")
    assert '<option value="farm" selected>Ferme</option>' in farm
    assert '<option value="hospital" selected>Hôpital</option>' in hospital
    assert 'value="farm" selected' not in hospital
    assert '<option value="" selected>Tous les lieux</option>' in draw(PlaceForm(), "kind")


def test_a_field_with_errors_is_drawn_each_time_and_never_kept(memo_on, drawings):
    for _ in range(2):
        form = PlaceForm({"kind": "castle"})
        assert not form.is_valid()
        html = draw(form, "kind")
        assert 'class="field field--error"' in html and "castle" in html
    assert drawings == ["kind", "kind"]
    valid = draw(PlaceForm({"kind": "farm"}), "kind")
    assert "errorlist" not in valid and "field--error" not in valid


def test_a_value_that_is_no_choice_is_drawn_each_time(memo_on, drawings):
    """An unbound form's initial value (a link's query string) is not validated: not kept,
    what a visitor puts in a link cannot grow the memo."""
    for _ in range(2):
        html = draw(PlaceForm(initial={"kind": "<castle>"}), "kind")
        assert "selected" not in html
    assert drawings == ["kind", "kind"]


def test_the_other_language_gets_its_own_html(memo_on, drawings):
    french = draw(PlaceForm({"kind": "farm"}), "kind", "fr")
    english = draw(PlaceForm({"kind": "farm"}), "kind", "en")
    assert '<label for="id_kind">Type de lieu</label>' in french
    assert '<option value="farm" selected>Ferme</option>' in french
    assert '<label for="id_kind">Type of place</label>' in english
    assert '<option value="farm" selected>Farm</option>' in english
    assert draw(PlaceForm({"kind": "farm"}), "kind", "fr") == french
    assert drawings == ["kind", "kind"]


def test_other_choices_get_their_own_html(memo_on):
    form = PlaceForm({"kind": "farm"})
    form.fields["kind"].choices = [("", "Tous"), ("farm", "Ferme bio")]
    assert "Ferme bio" in draw(form, "kind")
    assert "Ferme bio" not in draw(PlaceForm({"kind": "farm"}), "kind")


def test_fields_the_form_does_not_declare_are_drawn_each_time(memo_on, drawings):
    for _ in range(2):
        assert 'value="Lyon"' in draw(PlaceForm({"town": "Lyon"}), "town")
    assert drawings == ["town", "town"]


def test_without_the_memo_each_field_is_drawn(settings, drawings):
    settings.PUBLICATION_MEMO_SECONDS = 0
    for _ in range(2):
        draw(PlaceForm({"kind": "farm"}), "kind")
    assert drawings == ["kind", "kind"]


def test_the_memo_keeps_a_bounded_number_of_fields(memo_on, monkeypatch):
    monkeypatch.setattr(portal_forms, "MAX_DRAWN", 2)
    for value in ("", "farm", "hospital"):
        draw(PlaceForm({"kind": value}), "kind")
    assert len(publication_memo.remembered("form-fields", dict)) <= 2


class TownForm(forms.Form):
    default_renderer = WIDGETS
    fields_drawn_per_publication = ("town", "lat")

    town = forms.CharField(
        label=gettext_lazy("Code postal ou commune"),
        help_text=gettext_lazy("Par exemple : 75011, Lyon 3e, Saint-Étienne."),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)


TYPED = [None, "", "75011", 'Saint-"Étienne" <b>l\'île</b> & co', "\ue000", "  Lyon 3e "]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("town", TYPED)
def test_a_kept_typed_field_is_the_html_drawn_afresh(memo_on, settings, language, town):
    data = None if town is None else {"town": town, "lat": town}
    settings.PUBLICATION_MEMO_SECONDS = 0
    afresh = [draw(TownForm(data), name, language) for name in ("town", "lat")]
    settings.PUBLICATION_MEMO_SECONDS = 300
    for _ in range(2):
        assert [draw(TownForm(data), name, language) for name in ("town", "lat")] == afresh


def test_a_typed_field_is_drawn_once_whatever_visitors_type(memo_on, drawings):
    towns = [f"Commune {n}" for n in range(50)]
    pages = [draw(TownForm({"town": town}), "town") for town in towns]
    assert drawings == ["town"]  # one drawing stands for every value
    assert [f'value="{town}"' in page for page, town in zip(pages, towns, strict=True)] == [
        True
    ] * len(towns)
    assert len(publication_memo.remembered("form-fields", dict)) == 1
    draw(TownForm(), "town")  # no value: no value attribute, a drawing of its own
    assert drawings == ["town", "town"]


def test_a_typed_value_is_escaped_in_the_kept_html(memo_on):
    draw(TownForm({"town": "Lyon"}), "town")
    html = draw(TownForm({"town": '"><script>alert(1)</script>'}), "town")
    assert "<script>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_a_typed_field_with_errors_is_drawn_each_time_and_never_kept(memo_on, drawings):
    for _ in range(2):
        form = TownForm({"town": "x" * 21, "lat": "nord"})
        assert not form.is_valid()
        town, lat = draw(form, "town"), draw(form, "lat")
        assert "field--error" in town and "field--error" in lat
    assert drawings == ["town", "lat"] * 2
    assert publication_memo.remembered("form-fields", dict) == {}


def test_a_hidden_field_is_its_input_alone(memo_on):
    html = draw(TownForm({"lat": "48.85"}), "lat")
    assert html == '<input type="hidden" name="lat" value="48.85" id="id_lat">'


def test_a_typed_value_that_is_no_text_is_drawn_each_time(memo_on, drawings):
    for _ in range(2):
        assert 'value="45.5"' in draw(TownForm(initial={"lat": 45.5}), "lat")
    assert drawings == ["lat", "lat"]
