from django import forms, template
from django.utils.translation import get_language, gettext

from portal import components, publication_memo

register = template.Library()

# Fields kept per publication, at most (only valid choices are kept: a few hundred at most).
MAX_DRAWN = 1024


@register.simple_tag
def form_field(field):
    """A form field with its label ("required" when it is), help text and errors
    (``components/form_field.html``, Jinja2: portal.components).

    The choice fields a form names in ``fields_drawn_per_publication`` are drawn once per
    value, language and publication (portal.publication_memo) while they show no error: their
    HTML must then depend only on the form's class, the field's name, id, value and choices
    and the language (the near-me search's four selects were a fifth of its page)."""
    key = _memo_key(field)
    if key is None:
        return _render(field)
    return components.drawn_once(_drawn(field.form), key, lambda: _render(field), limit=MAX_DRAWN)


def _render(field):
    return components.render(
        "components/form_field.html", {"field": field, "required": gettext("obligatoire")}
    )


def _memo_key(field) -> tuple | None:
    """The key of a field drawn once per publication, or None to draw it each time. Only a
    valid choice is kept: what a visitor types cannot grow the memo."""
    if field.name not in getattr(field.form, "fields_drawn_per_publication", ()):
        return None
    choice_field = field.field
    if not isinstance(choice_field, forms.ChoiceField) or field.errors:
        return None
    if isinstance(choice_field, forms.ModelChoiceField):  # its choices are a query
        return None
    value = field.value()
    if not isinstance(value, (str, int)) and value is not None:
        return None
    text = "" if value is None else str(value)  # as the select writes it (format_value)
    if not choice_field.valid_value(text):
        return None
    key = (
        type(field.form),
        field.html_name,
        field.auto_id,
        text,
        tuple(choice_field.choices),
        get_language(),
    )
    try:
        hash(key)
    except TypeError:  # groups of options (lists): drawn each time
        return None
    return key


def _drawn(form) -> dict:
    """The fields drawn since the last publication, looked up once per form: a page reads the
    publication's version once for all its fields."""
    drawn = form.__dict__.get("_fields_drawn_per_publication")
    if drawn is None:
        drawn = publication_memo.remembered("form-fields", dict)
        form._fields_drawn_per_publication = drawn
    return drawn
