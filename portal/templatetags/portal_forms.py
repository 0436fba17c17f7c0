import copy

from django import forms, template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from portal import components, publication_memo

register = template.Library()

# Fields kept per publication, at most (a few per form: choices and typed fields' shapes).
MAX_DRAWN = 1024
# Stands for a typed value in its kept drawing: a character (Unicode's private use area) that
# escaping leaves as it is, written over by the escaped value on each page.
VALUE = "\ue000"


@register.simple_tag
def form_field(field):
    """A form field with its label ("required" when it is), help text and errors
    (``components/form_field.html``, Jinja2: portal.components).

    The fields a form names in ``fields_drawn_per_publication`` are drawn once per language
    and publication while they show no error: their HTML must then depend only on the form's
    class, the field's name, id, widget attributes, value (and choices) and the language. A
    select is kept per valid choice (the near-me search's four selects were a fifth of its
    page); a typed field (text, number, hidden) once, with a stand-in where its value goes, so
    that whatever visitors type, the memo holds one drawing per field and the value is only
    escaped and written in (the postcode field and the position were a tenth of the page)."""
    if field.errors or field.name not in getattr(field.form, "fields_drawn_per_publication", ()):
        return _render(field)
    if isinstance(field.field, forms.ChoiceField):
        key = _choice_key(field)
        if key is None:
            return _render(field)
        return components.drawn_once(
            _drawn(field.form), key, lambda: _render(field), limit=MAX_DRAWN
        )
    return _typed(field)


def _render(field):
    return components.render(
        "components/form_field.html", {"field": field, "required": gettext("obligatoire")}
    )


def _choice_key(field) -> tuple | None:
    """The key of a select drawn once per publication, or None to draw it each time. Only a
    valid choice is kept: what a visitor puts in a link cannot grow the memo."""
    choice_field = field.field
    if isinstance(choice_field, forms.ModelChoiceField):  # its choices are a query
        return None
    value = field.value()
    if not isinstance(value, (str, int)) and value is not None:
        return None
    text = "" if value is None else str(value)  # as the select writes it (format_value)
    if not choice_field.valid_value(text):
        return None
    return _key(field, text, tuple(choice_field.choices))


def _typed(field):
    """A typed field drawn from its kept drawing: the stand-in replaced by the escaped value.
    An empty value (no ``value`` attribute) is kept as it is; a value that is not text (an
    unbound form's initial number, say) is drawn each time."""
    value = field.value()
    if value is not None and not isinstance(value, str):
        return _render(field)
    typed = value not in (None, "")
    key = _key(field, VALUE if typed else value, None)
    if key is None:
        return _render(field)
    drawing = components.drawn_once(
        _drawn(field.form),
        key,
        lambda: _render(_standing_in(field) if typed else field),
        limit=MAX_DRAWN,
    )
    if not typed:
        return drawing
    return mark_safe(drawing.replace(VALUE, components.escape_output(value)))  # noqa: S308


def _standing_in(field):
    """``field`` whose value is the stand-in."""
    stand_in = copy.copy(field)
    stand_in.value = lambda: VALUE
    return stand_in


def _key(field, value, choices) -> tuple | None:
    key = (
        type(field.form),
        field.html_name,
        field.auto_id,
        tuple(field.field.widget.attrs.items()),
        value,
        choices,
        get_language(),
    )
    try:
        hash(key)
    except TypeError:  # groups of options (lists), an attribute that is a list: drawn each time
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
