"""Checks and normal forms of what people type anywhere on the site: French postcodes and
phone numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

POSTCODE_SEPARATORS = re.compile(r"[\s.]")
POSTCODE_FORMAT = re.compile(r"^\d{5}$")
# Metropolitan departments 01-95 (Corsica 20), overseas 971-978 and 98x (Monaco, Pacific, TAAF).
POSTCODE_PREFIX = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|97[1-8]|98\d)")

PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")
FRENCH_PHONE = re.compile(r"^0[1-9]\d{8}$")
INTERNATIONAL_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")


def clean_postcode(value: str) -> str:
    """A French postcode: five digits starting with a department's number, spaces and dots
    removed."""
    postcode = POSTCODE_SEPARATORS.sub("", value or "")
    if not POSTCODE_FORMAT.match(postcode):
        raise ValidationError(
            _("Un code postal compte 5 chiffres, par exemple 75011 ou 97400."), code="format"
        )
    if not POSTCODE_PREFIX.match(postcode):
        raise ValidationError(
            _(
                "Ce code postal n'existe pas en France : il commence par un numéro de "
                "département (01 à 95, 971 à 978 ou 98 pour l'outre-mer)."
            ),
            code="department",
        )
    return postcode


def clean_phone(value: str) -> str:
    """A French (06 12 34 56 78) or international (+33 6 12 34 56 78) number, kept compact:
    ``0612345678`` or ``+33612345678``; ``00`` before a country code becomes ``+``."""
    compact = PHONE_SEPARATORS.sub("", value or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not (FRENCH_PHONE.match(compact) or INTERNATIONAL_PHONE.match(compact)):
        raise ValidationError(
            _(
                "Numéro de téléphone invalide : écrivez 10 chiffres commençant par 0 "
                "(06 12 34 56 78) ou le format international (+33 6 12 34 56 78)."
            ),
            code="phone",
        )
    return compact
