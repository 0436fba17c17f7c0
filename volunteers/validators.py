"""Checks and normal forms of what volunteers type: French postcodes and phone numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

POSTCODE = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$")
PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")
FRENCH_PHONE = re.compile(r"^0[1-9]\d{8}$")
INTERNATIONAL_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")


def clean_postcode(value: str) -> str:
    """A French postcode (five digits), spaces removed."""
    postcode = re.sub(r"\s", "", value or "")
    if not POSTCODE.match(postcode):
        raise ValidationError(
            _("Indiquez un code postal français à cinq chiffres, par exemple 75011."),
            code="postcode",
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
