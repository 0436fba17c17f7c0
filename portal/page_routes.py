"""Wagtail's page view with each path's route remembered once per process and publication.

Wagtail finds a page by walking the tree from the site's root, a query and a page instance per
level (four queries and a fifth of the directory's time). The route of a path changes only
when a page is published, unpublished, moved or renamed, all of which bump
``page_cache.version()``: ``publication_memo`` keeps which page (its class and id) a path leads
to, and each request reads that page afresh in one query, so what changes without a
publication (completion counts) is never stale. Reads only (GET, HEAD); a form's POST routes
as Wagtail does. On a site without view restrictions, Wagtail's check of them is spared
(``portal.view_restrictions``).
"""

from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page

from portal import publication_memo, view_restrictions

MEMO_METHODS = ("GET", "HEAD")


def serve(request, path):
    if request.method in MEMO_METHODS and publication_memo.ttl_seconds() > 0:
        request._wagtail_route_for_request = _route(request, path)
    return wagtail_views.serve(request, path)


def _route(request, path):
    key = ("page-route", request.get_host(), get_language(), path)
    found = publication_memo.remembered(key, lambda: _find(request, path))
    if found is None:
        return None
    model, pk, args, kwargs = found
    try:
        page = model.objects.get(pk=pk)
    except model.DoesNotExist:  # deleted since: the memo is dropped at the next request
        return None
    view_restrictions.skip_check_when_unrestricted(page)
    return page, args, kwargs


def _find(request, path):
    """The route as Wagtail finds it, kept as plain values: the page's class and id."""
    result = Page.route_for_request(request, path)
    del request._wagtail_route_for_request
    if result is None:
        return None
    page, args, kwargs = result
    return type(page), page.pk, tuple(args), dict(kwargs)
