"""HTML fragments rendered once and then served from the cache (cards of lists, sections
shared by every visitor).

``fragments(items, key_for, render)`` answers each item's HTML in order: the keys of every item
are read in one ``get_many``; only the misses are rendered (``render(missing_items)`` answers
their HTML in order) and stored. The caller puts in each key whatever the fragment shows that
may change (a version bumped by publications, a count, the language), so a stale fragment is
never read. ``ttl`` 0 renders every time (tests).

Each process also keeps the fragments it read or rendered lately (``LOCAL_ENTRIES`` at most):
a key names its content, so what a process keeps is what the cache holds, and a page of warm
cards costs no trip to the cache (twenty reads and unpicklings a near-me page with the
local-memory cache, a round trip to Redis in production). The cache holds each fragment with
the time it expires, which the process's copy keeps: no fragment is served longer than ``ttl``
after it was rendered.
"""

import time
from collections.abc import Callable, Sequence

from django.core.cache import cache
from django.utils.safestring import SafeString

LOCAL_ENTRIES = 4096  # about 4 MB of cards per process

_local: dict[str, tuple[float, str]] = {}


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
    found = _read(keys) if ttl > 0 else {}
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
            expires = time.time() + ttl
            kept = {key: (expires, html) for key, html in rendered.items()}
            cache.set_many(kept, ttl)
            _keep(kept)
        found.update(rendered)
    return [SafeString(found[key]) for key in keys]


def _read(keys: list[str]) -> dict[str, str]:
    """The fragments of ``keys`` this process keeps, then the cache's for the others."""
    now = time.time()
    kept = {key: _local.get(key) for key in keys}
    wanted = [key for key, entry in kept.items() if entry is None or entry[0] <= now]
    if wanted:
        shared = {
            key: entry
            for key, entry in cache.get_many(wanted).items()
            if isinstance(entry, tuple) and entry[0] > now  # (expires, html)
        }
        _keep(shared)
        kept.update(shared)
    return {key: entry[1] for key, entry in kept.items() if entry is not None and entry[0] > now}


def _keep(entries: dict[str, tuple[float, str]]) -> None:
    if not entries:
        return
    if len(_local) + len(entries) > LOCAL_ENTRIES:
        _local.clear()
    _local.update(entries)


def forget() -> None:
    """Drop what this process keeps (tests: with the cache they clear)."""
    _local.clear()


def fragment(key: str, render: Callable[[], str], *, ttl: int) -> SafeString:
    """One fragment: the cache's, or ``render()``'s, then stored."""
    return fragments([key], lambda item: item, lambda missing: [render()], ttl=ttl)[0]
