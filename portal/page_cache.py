"""Whole-page cache for first-time anonymous visitors on the hot pages (home, challenges, the
action directory with its filters).

A page opts in with ``CachedPageMixin`` (or ``allow(request)`` in its own ``serve``); a page whose
query string only selects what it shows (the directory's filters) opts in with
``query_string=True``: its answers are stored per query string, in a canonical order, and only
when they succeed (200). The middleware, placed before the session, stores the
finished response (headers of the inner middlewares included) under the request's host and path
and serves it to the next visitor without a session, a CSRF token or a flash message — no routing,
no query, no template. Any page published, unpublished or moved, and any view restriction saved
or deleted, bumps a version number: every cached page is dropped at once. Counters on cached
pages are at most PAGE_CACHE_SECONDS old.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal import versioned_cache

VERSION_KEY = "page-cache:version"
HEADER = "X-Page-Cache"


def ttl_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 60))


def allow(request, *, query_string: bool = False) -> None:
    """Marks this request's answer as cacheable by the middleware (anonymous GETs only)."""
    request.page_cache_allowed = True
    request.page_cache_query_string = query_string


class CachedPageMixin:
    """Marks a page's anonymous GET responses as cacheable by the middleware."""

    def serve(self, request, *args, **kwargs):
        allow(request)
        return super().serve(request, *args, **kwargs)


def version() -> int:
    return versioned_cache.version(VERSION_KEY)


def cache_key(request) -> str | None:
    """A key for a first-time anonymous GET (its query string in a canonical order); None for
    anyone else."""
    if ttl_seconds() <= 0 or request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    key = f"page-cache:{version()}:{request.get_host()}:{request.path}"
    if request.GET:  # canonical order, hashed: a bounded key whatever the query's length
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        key += "?" + hashlib.sha256(query.encode()).hexdigest()
    return key


def _storable(request, response) -> bool:
    return (
        getattr(request, "page_cache_allowed", False)
        and (not request.GET or getattr(request, "page_cache_query_string", False))
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                cached[HEADER] = "hit"
                return cached
        response = self.get_response(request)
        if key is not None and _storable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response[HEADER] = "miss"
            cache.set(key, response, ttl_seconds())
        return response


def invalidate_pages() -> None:
    """Drop every cached page (the version number moves on)."""
    versioned_cache.bump(VERSION_KEY)


@receiver(page_published, dispatch_uid="page_cache_on_publish")
@receiver(page_unpublished, dispatch_uid="page_cache_on_unpublish")
@receiver(page_slug_changed, dispatch_uid="page_cache_on_slug_change")
@receiver(post_page_move, dispatch_uid="page_cache_on_move")
@receiver(post_save, sender=Site, dispatch_uid="page_cache_on_site_change")
@receiver(post_save, sender="portal.FooterLinks", dispatch_uid="page_cache_on_footer_change")
@receiver(post_save, sender=PageViewRestriction, dispatch_uid="page_cache_on_restriction_saved")
def _invalidate_on_page_change(sender, **kwargs):
    invalidate_pages()


@receiver(post_delete, dispatch_uid="page_cache_on_page_delete")
def _invalidate_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page | Site | PageViewRestriction):
        invalidate_pages()
