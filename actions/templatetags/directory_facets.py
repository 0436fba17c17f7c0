"""The directory's facets (``actions/facet.html``, Jinja2: portal.components), each drawn once
per process and what it shows.

A facet's HTML depends only on what its template reads: its name, legend and options (value,
label, count, selected), its errors and the "any" label (a translation: the language). Those
are the key of the HTML kept in this process's memory: drawing the five facets took a tenth
of the directory's time (0.5 ms), and they change only with the counts, which change only
when a page is published. Only a facet without errors whose values are all plain strings,
integers and booleans is kept (a marked-safe string prints otherwise than its equal plain
string; errors are rare); nothing is kept while templates reload (DEBUG). ``MAX_KEPT``
bounds the memory: each search has its own counts.
"""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from portal import components

register = template.Library()

MAX_KEPT = 512
PLAIN_TYPES = frozenset((str, int, bool))

_kept: dict[tuple, SafeString] = {}


@register.simple_tag
def facet_fieldset(facet):
    """One facet of the directory's filters: its options with their counts and errors."""
    key = _key(facet)
    if key is None:
        return _render(facet)
    return components.drawn_once(_kept, key, lambda: _render(facet), limit=MAX_KEPT)


def _render(facet) -> SafeString:
    return components.render(
        "actions/facet.html", {"facet": facet, "any_label": gettext("Indifférent")}
    )


def _key(facet) -> tuple | None:
    """Everything the template reads of ``facet``, each value with its type, and the language;
    None when the facet is not to be kept (see the module docstring)."""
    if facet.errors or components.engine().env.auto_reload:
        return None
    values = [facet.name, facet.legend]
    for option in facet.options:
        values += (option.value, option.label, option.count, option.selected)
    types = tuple(map(type, values))
    if not PLAIN_TYPES.issuperset(types):
        return None
    return get_language(), tuple(values), types


def clear() -> None:
    _kept.clear()
