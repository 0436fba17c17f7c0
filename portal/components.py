"""Small components drawn many times on the busiest pages (a form field, a facet of the
directory), rendered with Jinja2 from the apps' ``jinja2/`` folders: the same HTML as an include
of the template language, several times faster (five fields were a fifth of the near-me page).

These templates hold no text of their own: the tags that draw them pass their texts already
translated (gettext in Python, where makemessages finds them). What they print is escaped by
Django's ``conditional_escape``, so the HTML is the template language's to the character.
"""

from functools import cache

from django.template.backends.jinja2 import Jinja2
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


@cache
def _engine() -> Jinja2:
    return Jinja2(
        {
            "APP_DIRS": True,
            "DIRS": [],
            "NAME": "portalcomponents",
            "OPTIONS": {"keep_trailing_newline": True, "finalize": conditional_escape},
        }
    )


def render(template_name: str, context: dict) -> SafeString:
    """``template_name`` (found in an app's ``jinja2/`` folder) drawn with ``context``."""
    return mark_safe(_engine().get_template(template_name).render(context))
