"""Components drawn with Jinja2 (portal.components): a form field and a directory facet, with
their texts in the reader's language, ids that tie errors and help to their input, and
everything that comes from data escaped."""

from django import forms
from django.template import Context, Template
from django.utils import translation

import pytest

from actions.services import Facet, FacetOption
from matching.forms import NearMeForm
from portal import components


class SampleForm(forms.Form):
    name = forms.CharField(label="Nom <b>", help_text="Votre nom & prénom")
    note = forms.CharField(label="Note", required=False)
    agree = forms.BooleanField(label="J'accepte")


def draw(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


@pytest.mark.parametrize("language, required", [("fr", "(obligatoire)"), ("en", "(required)")])
def test_a_required_field_says_so_in_the_readers_language(language, required):
    html = draw("{% load portal_forms %}{% form_field form.name %}", language, form=SampleForm())
    assert f'<label for="id_name">Nom &lt;b&gt; <span class="required">{required}</span>' in html
    assert '<p class="help" id="id_name_helptext">Votre nom &amp; prénom</p>' in html
    assert '<input type="text" name="name"' in html
    optional = draw(
        "{% load portal_forms %}{% form_field form.note %}", language, form=SampleForm()
    )
    assert "required" not in optional and "obligatoire" not in optional


def test_errors_follow_their_field_under_an_id_of_its_own():
    form = SampleForm({"name": "", "agree": ""})
    html = draw("{% load portal_forms %}{% form_field form.name %}", "fr", form=form)
    assert html.startswith('<div class="field field--error">')
    message = form.errors["name"][0]
    assert f'<ul class="errorlist" id="id_name_error"><li>{message}</li></ul>' in html


def test_a_checkbox_comes_before_its_label():
    html = draw("{% load portal_forms %}{% form_field form.agree %}", "fr", form=SampleForm())
    assert html.index('type="checkbox"') < html.index('<label for="id_agree">J&#x27;accepte')


def facet(selected: str = "", errors=()) -> Facet:
    options = [
        FacetOption(value=value, label=label, count=count, selected=value == selected)
        for value, label, count in [("a", "Seniors & EHPAD", 3), ("b", "<Fermes>", 1)]
    ]
    return Facet(name="challenge", legend="Défi", options=options, errors=tuple(errors))


@pytest.mark.parametrize("language, any_label", [("fr", "Indifférent"), ("en", "Any")])
def test_a_facet_offers_any_first_then_each_option_with_its_count(language, any_label):
    html = draw("{% load directory_facets %}{% facet_fieldset f %}", language, f=facet())
    assert '<input type="radio" id="facet-challenge-any" name="challenge" value="" checked>' in html
    assert f'<label for="facet-challenge-any">{any_label}</label>' in html
    assert (
        '<input type="radio" id="facet-challenge-2" name="challenge" value="b"> '
        '<label for="facet-challenge-2">&lt;Fermes&gt; <span class="facet__count">(1)</span>'
    ) in html
    assert "Seniors &amp; EHPAD" in html and "aria-describedby" not in html


def test_a_facet_marks_its_choice_and_describes_itself_by_its_errors():
    html = draw(
        "{% load directory_facets %}{% facet_fieldset f %}", "fr", f=facet("a", ["Choix <inconnu>"])
    )
    assert 'id="facet-challenge-1" name="challenge" value="a" checked>' in html
    assert 'value="" checked' not in html
    assert '<fieldset class="facet field--error" aria-describedby="facet-challenge-error">' in html
    assert '<ul class="errorlist" id="facet-challenge-error"><li>Choix &lt;inconnu&gt;</li>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, all_places, hospital",
    [("fr", "Tous les lieux", "Hôpital"), ("en", "All places", "Hospital")],
)
def test_the_near_me_forms_fixed_choices_are_in_the_forms_language(language, all_places, hospital):
    with translation.override("fr" if language == "en" else "en"):  # whatever is active
        form = NearMeForm(language_code=language)
        kind = str(form["kind"])
    assert f'<option value="" selected>{all_places}</option>' in kind
    assert f'<option value="hospital">{hospital}</option>' in kind


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("count, value", [(1, "<b>Lyon & co</b>"), (2, 2.5), (3, None)])
def test_a_translated_text_is_written_as_blocktranslate_writes_it(language, count, value):
    """Values escaped and localized (2,5 in French), the text itself as the catalogue has it."""
    source = (
        "{% load i18n %}{% blocktranslate count counter=n with place=v %}"
        "{{ counter }} besoin à {{ place }}{% plural %}{{ counter }} besoins à {{ place }}"
        "{% endblocktranslate %}"
    )
    with translation.override(language):
        expected = Template(source).render(Context({"n": count, "v": value}))
        text = translation.ngettext(
            "%(counter)s besoin à %(place)s", "%(counter)s besoins à %(place)s", count
        )
        written = components.translated(text, counter=count, place=value)
    assert written == expected
    assert "&lt;b&gt;" in written or "<b>" not in str(value)


def test_catalogue_texts_are_safe_as_a_translated_literal():
    texts = components.catalogue_texts({"lead": "L'équipe vérifiera <ce> besoin"})
    assert str(texts["lead"]) == "L'équipe vérifiera <ce> besoin"
    assert hasattr(texts["lead"], "__html__")
