"""Small components drawn many times on the busiest pages (a form field, a facet of the
directory), rendered with Jinja2 from the apps' ``jinja2/`` folders: the same HTML as an include
of the template language, several times faster (five facets took 1.4 ms, 0.4 ms now).

``engine()`` is the portal's one Jinja2 engine: these components, and the widgets of
``portal.form_renderer`` (its own select first, then Django's widget templates).

These templates hold no text of their own: the tags that draw them pass their texts already
translated (gettext in Python, where makemessages finds them). What they print is escaped as
Django's ``conditional_escape`` escapes it (the same entities as the template language's), by
``escape_output``: a fifth of a facet's time went to ``conditional_escape``'s lazy-argument
check.
"""

import html
from collections.abc import Callable
from functools import cache
from pathlib import Path

import django.forms
from django.template.backends.jinja2 import Jinja2
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from markupsafe import Markup

WIDGETS_OURS = Path(__file__).resolve().parent / "widgets_jinja2"
WIDGETS_DJANGOS = Path(django.forms.__file__).resolve().parent / "jinja2"


@cache
def engine() -> Jinja2:
    return Jinja2(
        {
            "APP_DIRS": True,
            "DIRS": [WIDGETS_OURS, WIDGETS_DJANGOS],
            "NAME": "portaljinja2",
            "OPTIONS": {"finalize": escape_output},
        }
    )


def escape_output(value) -> Markup:
    """What ``{{ value }}`` prints: ``conditional_escape(value)``, without its wrappers."""
    if isinstance(value, Promise):  # a lazy translation
        value = str(value)
    if hasattr(value, "__html__"):  # safe already (a SafeString, a rendered widget)
        return value
    # Marked safe: Jinja2's own escaping (on) would otherwise escape it again.
    return Markup(html.escape(str(value)))  # noqa: S704 - escaped just now


def drawn_once(kept: dict, key, draw: Callable[[], SafeString], *, limit: int) -> SafeString:
    """``draw()``, kept in ``kept`` under ``key`` (everything the drawing reads) for the next
    call; ``kept`` is emptied when it holds ``limit`` drawings, so it stays bounded."""
    html = kept.get(key)
    if html is None:
        if len(kept) >= limit:
            kept.clear()
        html = kept[key] = draw()
    return html


def render(template_name: str, context: dict) -> SafeString:
    """``template_name`` (found in an app's ``jinja2/`` folder) drawn with ``context``."""
    return mark_safe(engine().get_template(template_name).render(context))


def translated(text: str, **values) -> SafeString:
    """``text`` (translated already, with ``%(name)s`` places) filled with ``values``, each
    localized and escaped: what ``{% blocktranslate %}`` writes."""
    escaped = {name: conditional_escape(localize(value)) for name, value in values.items()}
    return mark_safe(text % escaped)  # noqa: S308 - a text of our catalogue, escaped values


def catalogue_texts(texts: dict[str, str]) -> dict[str, SafeString]:
    """A tag's own texts, translated already, marked safe as the template language marks a
    ``{% translate %}`` of a literal (texts of our catalogues, never a visitor's)."""
    return {name: mark_safe(text) for name, text in texts.items()}  # noqa: S308
