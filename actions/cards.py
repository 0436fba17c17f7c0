"""Action cards as HTML fragments, each rendered once and then served from the cache.

A card shows what changes only when a page is published or unpublished (title, summary, mode,
duration, challenge, partners: each publication bumps ``page_cache.version()``) plus two values
that change without a publication, the number of completions and the "new this week" badge:
both are in the key. So a list of cards costs one ``get_many`` when warm; the misses are
rendered from ``actions/includes/action_card.html`` (their partners fetched in one query) and
stored. DIRECTORY_CACHE_SECONDS sets how long (0: always rendered, as in tests).

A list may give ``CardRow``s (the three values of the key, read without the page's hundred
columns) instead of pages: the pages are then fetched for the misses only.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from actions import weeks
from actions.models import ActionPage
from portal import fragments, page_cache

CARD_TEMPLATE = "actions/includes/action_card.html"


def ttl_seconds() -> int:
    return int(getattr(settings, "DIRECTORY_CACHE_SECONDS", 300))


@dataclass(frozen=True)
class CardRow:
    """What a card's key needs of an action (``FIELDS``, read in this order)."""

    FIELDS = ("pk", "times_done", "published_week")

    pk: int
    times_done: int
    published_week: date | None

    @property
    def is_new(self) -> bool:
        return weeks.is_current_week(self.published_week)


def _pages_of(rows: list[CardRow]) -> list:
    """The pages behind ``rows``, in order, with what a card shows (one query, plus the
    partners); None for a page deleted since its row was read."""
    pages = ActionPage.objects.filter(pk__in=[row.pk for row in rows]).for_cards().in_bulk()
    return [pages.get(row.pk) for row in rows]


def card_keys(*, version: int, host: str, heading_level: int) -> Callable[[object], str]:
    """The cache key of an action's card in a list (what the card shows that may change):
    the language and the current week are read once for the whole list, not per card (twelve
    keys took 0.17 ms, 0.03 ms now)."""
    prefix = f"action-card:{version}:{get_language()}:{host}:{heading_level}:"
    this_week = weeks.current_week_start()

    def card_key(action) -> str:
        # The last part is int(action.is_new), with the week read once.
        return f"{prefix}{action.pk}:{action.times_done}:{int(action.published_week == this_week)}"

    return card_key


def card_fragments(actions, *, request, heading_level: int = 3) -> list[SafeString]:
    """The HTML of each action's card, in order (the cache's, or freshly rendered)."""
    key_for = card_keys(
        version=page_cache.version(), host=request.get_host(), heading_level=heading_level
    )

    def render(missing: list) -> list[str]:
        if isinstance(missing[0], CardRow):
            missing = _pages_of(missing)
        prefetch_related_objects([action for action in missing if action], "partners")
        template = get_template(CARD_TEMPLATE)
        context = {"request": request, "heading_level": heading_level}
        return [
            template.render({**context, "action": action}) if action else "" for action in missing
        ]

    return fragments.fragments(actions, key_for, render, ttl=ttl_seconds())
