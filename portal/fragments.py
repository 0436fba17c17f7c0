"""HTML fragments rendered once and then served from the cache (cards of lists, sections
shared by every visitor).

``fragments(items, key_for, render)`` answers each item's HTML in order: the keys of every item
are read in one ``get_many``; only the misses are rendered (``render(missing_items)`` answers
their HTML in order) and stored. The caller puts in each key whatever the fragment shows that
may change (a version bumped by publications, a count, the language), so a stale fragment is
never read. ``ttl`` 0 renders every time (tests).
"""

from collections.abc import Callable, Sequence

from django.core.cache import cache
from django.utils.safestring import SafeString


def fragments(
    items: Sequence,
    key_for: Callable[[object], str],
    render: Callable[[list], list[str]],
    *,
    ttl: int,
) -> list[SafeString]:
    items = list(items)
    if not items:
        return []
    keys = [key_for(item) for item in items]
    found = cache.get_many(keys) if ttl > 0 else {}
    missing = [(key, item) for key, item in zip(keys, items, strict=True) if key not in found]
    if missing:
        rendered = dict(
            zip(
                [key for key, _item in missing],
                render([item for _key, item in missing]),
                strict=True,
            )
        )
        if ttl > 0:
            cache.set_many(rendered, ttl)
        found.update(rendered)
    return [SafeString(found[key]) for key in keys]


def fragment(key: str, render: Callable[[], str], *, ttl: int) -> SafeString:
    """One fragment: the cache's, or ``render()``'s, then stored."""
    return fragments([key], lambda item: item, lambda missing: [render()], ttl=ttl)[0]
