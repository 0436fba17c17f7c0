"""Values that change only when a page is published, computed once per process and publication.

``remembered(key, compute)`` keeps ``compute()``'s result in the process's memory under ``key``
and the whole-page cache's version (``page_cache.version()``, bumped by any publication,
unpublication, slug change, move or deletion of a page, by saving a site or the footer's
setting and by saving or deleting a view restriction): every process drops its values at the
first request after a change. ``PUBLICATION_MEMO_SECONDS`` bounds their age anyway (0: computed
each time, as in tests). Keep only values shared by every visitor, never anything of a
person: plain values (titles, URLs, ids, frozen dataclasses of them); or an object its callers
only copy (``actions.services.published_actions``' queryset, never evaluated), only run
(the directory's results compiled to SQL, ``compiled_query.CompiledValues``) or only fill
with such values (``portal_forms``' drawn fields, HTML per key, bounded).
"""

import time
from collections.abc import Callable, Hashable

from django.conf import settings

from portal import page_cache

MAX_ENTRIES = 2048

_entries: dict[tuple, tuple[float, object]] = {}


def ttl_seconds() -> int:
    return int(getattr(settings, "PUBLICATION_MEMO_SECONDS", 300))


def remembered(key: Hashable, compute: Callable[[], object]):
    """``compute()``, or its value kept since the last publication (see the module docstring)."""
    ttl = ttl_seconds()
    if ttl <= 0:
        return compute()
    full_key = (page_cache.version(), key)
    now = time.monotonic()
    found = _entries.get(full_key)
    if found is not None and found[0] > now:
        return found[1]
    value = compute()
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[full_key] = (now + ttl, value)
    return value


def page_url(name: str, locale_id: int, request, find: Callable[[], object]) -> str | None:
    """The URL of the page ``find()`` returns for a language (None without one), as
    ``request`` sees it: looked up once per publication, language and host."""

    def compute():
        page = find()
        return None if page is None else page.get_url(request=request)

    if request is None:
        return compute()
    return remembered((name, locale_id, request.get_host()), compute)


def clear() -> None:
    _entries.clear()
