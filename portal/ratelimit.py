"""A fixed-window rate limiter on the configured cache (locmem embedded, Redis in production)."""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address as seen by the last trusted hop."""
    return request.META.get("REMOTE_ADDR", "unknown")


def allow(bucket: str, key: str, *, limit: int, window_s: int) -> bool:
    """Count one hit for ``key`` in ``bucket``; False once ``limit`` hits fall in the window."""
    cache_key = f"ratelimit:{bucket}:{key}"
    try:
        if cache.add(cache_key, 1, timeout=window_s):
            return True
        try:
            hits = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=window_s)
            return True
    except Exception:  # noqa: BLE001 - the cache (Redis) is down: serve rather than fail
        logger.warning("Rate limit %s not applied: the cache is unreachable", bucket)
        return True
    return hits <= limit


def allow_form_submission(request, bucket: str) -> bool:
    """One public form submission from the request's address, within the hourly budget
    (FORM_SUBMISSIONS_PER_HOUR) of ``bucket``."""
    return allow(
        bucket,
        client_address(request),
        limit=settings.FORM_SUBMISSIONS_PER_HOUR,
        window_s=3600,
    )
