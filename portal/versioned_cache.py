"""Families of cache entries that one version number drops all at once (every cached page,
every nearest-needs ranking): each entry's key carries its family's version, and bumping the
version leaves the older entries unread until they expire.

Within a request, each family's version is read from the cache once and then remembered until
the request ends: a directory page asked for it eleven times (cards, facets, options, routes),
eleven reads of the local-memory cache, eleven round trips to Redis in production. The request
sees one version throughout, as if it were served at the moment it started; a bump in the same
request (a publication) moves the remembered version too. Outside a request (a task, a shell,
a test calling a service) every call reads the cache.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.dispatch import receiver

_remembered: ContextVar[dict | None] = ContextVar("versioned_cache", default=None)


def version(version_key: str) -> int:
    """The family's current version (1 until it is first bumped)."""
    remembered = _remembered.get()
    if remembered is not None and version_key in remembered:
        return remembered[version_key]
    current = cache.get(version_key)
    if current is None:
        cache.add(version_key, 1, timeout=None)
        current = cache.get(version_key, 1)
    if remembered is not None:
        remembered[version_key] = current
    return current


def bump(version_key: str) -> None:
    """Drop every entry of the family: its version number moves on."""
    try:
        current = cache.incr(version_key)
    except ValueError:  # no version yet (or it was evicted)
        current = 2
        cache.set(version_key, current, timeout=None)
    remembered = _remembered.get()
    if remembered is not None:
        remembered[version_key] = current


@receiver(request_started, dispatch_uid="versioned_cache_request_started")
def _remember_during_request(**kwargs) -> None:
    _remembered.set({})


@receiver(request_finished, dispatch_uid="versioned_cache_request_finished")
def _forget_after_request(**kwargs) -> None:
    _remembered.set(None)
