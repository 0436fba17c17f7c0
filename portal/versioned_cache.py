"""Families of cache entries that one version number drops all at once (every cached page,
every nearest-needs ranking): each entry's key carries its family's version, and bumping the
version leaves the older entries unread until they expire."""

from django.core.cache import cache


def version(version_key: str) -> int:
    """The family's current version (1 until it is first bumped)."""
    current = cache.get(version_key)
    if current is None:
        cache.add(version_key, 1, timeout=None)
        current = cache.get(version_key, 1)
    return current


def bump(version_key: str) -> None:
    """Drop every entry of the family: its version number moves on."""
    try:
        cache.incr(version_key)
    except ValueError:  # no version yet (or it was evicted)
        cache.set(version_key, 2, timeout=None)
