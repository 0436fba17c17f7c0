"""The public forms' widget renderer (portal.form_renderer) writes the same HTML as Django's:
its select, which writes its options in its own loop, included."""

from django import forms
from django.forms.renderers import DjangoTemplates

import pytest

from portal.form_renderer import WIDGETS

CHOICES = [
    ("", "Tous"),
    ("a", "Alpha <b>&"),
    ("Groupe « 1 »", [("b", "Bêta"), ("c", 'Gamma "c"')]),
]


@pytest.mark.parametrize(
    "widget",
    [
        forms.Select(choices=CHOICES),
        forms.Select(choices=CHOICES, attrs={"aria-describedby": "x_help", "disabled": True}),
        forms.SelectMultiple(choices=CHOICES),
        forms.TextInput(attrs={"autocomplete": "postal-code"}),
        forms.HiddenInput(),
    ],
)
@pytest.mark.parametrize("value", ["", "a", "c", ["a", "c"], "<script>"])
def test_widgets_are_drawn_as_djangos_templates_draw_them(widget, value):
    def drawn(renderer) -> str:
        html = widget.render("field", value, attrs={"id": "id_field"}, renderer=renderer)
        return " ".join(html.split())

    assert drawn(WIDGETS) == drawn(DjangoTemplates())
