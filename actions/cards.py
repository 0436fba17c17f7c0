"""Action cards as HTML fragments, each rendered once and then served from the cache.

A card shows what changes only when a page is published or unpublished (title, summary, mode,
duration, challenge, partners: each publication bumps ``page_cache.version()``) plus two values
that change without a publication, the number of completions and the "new this week" badge:
both are in the key. So a list of cards costs one ``get_many`` when warm; the misses are
rendered from ``actions/includes/action_card.html`` (their partners fetched in one query) and
stored. DIRECTORY_CACHE_SECONDS sets how long (0: always rendered, as in tests).
"""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal import fragments, page_cache

CARD_TEMPLATE = "actions/includes/action_card.html"


def ttl_seconds() -> int:
    return int(getattr(settings, "DIRECTORY_CACHE_SECONDS", 300))


def card_key(action, *, version: int, host: str, heading_level: int) -> str:
    return (
        f"action-card:{version}:{get_language()}:{host}:{heading_level}:"
        f"{action.pk}:{action.times_done}:{int(action.is_new)}"
    )


def card_fragments(actions, *, request, heading_level: int = 3) -> list[SafeString]:
    """The HTML of each action's card, in order (the cache's, or freshly rendered)."""
    version, host = page_cache.version(), request.get_host()

    def key_for(action) -> str:
        return card_key(action, version=version, host=host, heading_level=heading_level)

    def render(missing: list) -> list[str]:
        prefetch_related_objects(missing, "partners")
        template = get_template(CARD_TEMPLATE)
        context = {"request": request, "heading_level": heading_level}
        return [template.render({**context, "action": action}) for action in missing]

    return fragments.fragments(actions, key_for, render, ttl=ttl_seconds())
