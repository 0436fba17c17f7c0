"""``get_FOO_display()`` at the cost of a dictionary lookup.

Django's own builds a dictionary of the field's choices at each call, and hashing their lazy
labels translates every one of them: a need page's four labels cost about thirty gettext calls
(a twentieth of the page). ``ChoiceLabels``, first among a model's bases, keeps each field's
labels translated once per process and language.
"""

from functools import cache

from django.utils.encoding import force_str
from django.utils.translation import get_language


class ChoiceLabels:
    """Mixin for models: ``get_FOO_display()`` from ``labels(field, language)``."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            return labels(field, get_language())[value]
        except (KeyError, TypeError):  # not a choice (or unhashable): Django shows the value
            return force_str(value, strings_only=True)


@cache
def labels(field, language: str | None) -> dict:
    """``{value: label}`` of ``field``'s choices, translated in the active ``language``."""
    return {value: force_str(label) for value, label in field.flatchoices}
