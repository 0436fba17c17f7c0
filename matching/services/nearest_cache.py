"""A short-lived cache of nearest-needs rankings for the points people search most (a popular
postcode geocodes to one point). Any need created, edited or deleted bumps a version, which drops
every cached ranking; pledges (conditional UPDATEs, no save) don't, so the needs of a cached
ranking are re-read and those no longer open or with nothing left are left out (for at most
NEARBY_CACHE_SECONDS)."""

from django.conf import settings
from django.core.cache import cache

from portal import versioned_cache

VERSION_KEY = "nearest:version"


def ttl_seconds() -> int:
    return int(getattr(settings, "NEARBY_CACHE_SECONDS", 30))


def key(point, radius_km: float, filters, count: int) -> str | None:
    if ttl_seconds() <= 0:
        return None
    version = versioned_cache.version(VERSION_KEY)
    return (
        f"nearest:{version}:{point.latitude:.6f}:{point.longitude:.6f}:{radius_km:g}:"
        f"{filters.challenge_ids}:{filters.place_kind}:{filters.skill}:{count}"
    )


def get(cache_key: str | None):
    return cache.get(cache_key) if cache_key else None


def put(cache_key: str | None, ranked: list) -> None:
    if cache_key:
        cache.set(cache_key, ranked, ttl_seconds())


def invalidate() -> None:
    versioned_cache.bump(VERSION_KEY)
