"""Words that agree with a number written by editors or partners (a label, a unit), whose
plural forms no catalogue holds: French takes the singular for 0 and 1, English for 1 only."""

from django.conf import settings
from django.utils.translation import get_language


def takes_singular(value: int) -> bool:
    language = get_language() or settings.LANGUAGE_CODE
    return value in (0, 1) if language.startswith("fr") else value == 1


def agreeing(value: int, plural: str, singular: str) -> str:
    """``singular`` where ``value`` takes it and one is given, else ``plural``."""
    return singular if singular and takes_singular(value) else plural
