"""Need cards of the near-me list as HTML fragments, each rendered once and then served from the
cache.

A card's key holds a digest of everything the card shows (title, quantities, unit, urgency,
place) and the language, so a changed need gets a new card and a stale one is never read. The
two values that differ from one search to the next, the rank and the distance, are put in
afterwards. A page of cards costs one ``get_many`` when warm; DIRECTORY_CACHE_SECONDS sets how
long cards are kept (0: always rendered, as in tests).
"""

import hashlib

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.template.loader import get_template
from django.utils.formats import get_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal import fragments

CARD_TEMPLATE = "matching/includes/need_card.html"
# Stand-ins for the rank and the distance while a card is rendered for the cache: a NUL cannot
# be typed into a need (Django's form fields refuse it), so it never meets a need's own text.
RANK, DISTANCE = "\x00rank\x00", "\x00distance\x00"


def ttl_seconds() -> int:
    return int(getattr(settings, "DIRECTORY_CACHE_SECONDS", 300))


def card_key(need, language: str) -> str:
    place = need.place
    shown = (
        need.title,
        need.unit,
        need.unit_singular,
        need.quantity_wanted,
        need.quantity_pledged,
        need.urgency,
        need.place_kind,
        place.name,
        place.town,
    )
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=12).hexdigest()
    return f"need-card:{language}:{need.pk}:{digest}"


def _render(needs: list) -> list[str]:
    template = get_template(CARD_TEMPLATE)
    return [template.render({"need": need, "rank": RANK, "distance": DISTANCE}) for need in needs]


def need_cards(matches, *, first_rank: int) -> list[SafeString]:
    """The HTML of each match's card, in order, numbered from ``first_rank``."""
    language = get_language()
    separator = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
    cards = fragments.fragments(
        [match.need for match in matches],
        lambda need: card_key(need, language),
        _render,
        ttl=ttl_seconds(),
    )
    return [
        SafeString(
            card.replace(RANK, str(rank)).replace(DISTANCE, km_text(match.distance_km, separator))
        )
        for rank, (card, match) in enumerate(zip(cards, matches, strict=True), start=first_rank)
    ]


def km_text(km: float, separator: str) -> str:
    """``floatformat(km, 1)`` as the language of ``separator`` writes it, without its lookups
    of the language's formats for each card (a twentieth of the near-me page): the shortest
    decimal of the float rounded half up to one decimal. Others than the distances of a
    search (negative, 1,000 km or more, written with an exponent) go to floatformat."""
    if not isinstance(km, (float, int)) or not 0 <= km < 1000 or "e" in (text := repr(km)):
        return floatformat(km, 1)
    units, _dot, decimals = text.partition(".")
    tenths = int(units) * 10 + int(decimals[:1] or 0) + (decimals[1:2] >= "5")
    return f"{tenths // 10}{separator}{tenths % 10}"
