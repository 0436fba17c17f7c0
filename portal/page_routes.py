"""Wagtail's page view with each path's route remembered once per process and publication.

Wagtail finds a page by walking the tree from the site's root, a query and a page instance per
level (four queries and a fifth of the directory's time). The route of a path changes only
when a page is published, unpublished, moved or renamed, all of which bump
``page_cache.version()``: ``publication_memo`` keeps which page (its class and id) a path leads
to, and each request reads that page afresh in one query, so what changes without a
publication (completion counts) is never stale. Reads only (GET, HEAD); a form's POST routes
as Wagtail does. On a site without view restrictions, Wagtail's check of them is spared
(``portal.view_restrictions``).

A page class whose shown fields change only when it is published opts in to more with
``route_keeps_fields = True`` (the directory's index page: its title and introduction; never
a page that shows a count kept up to date without a publication). For an anonymous visitor,
the values of its columns are kept too, as plain values, and each request builds a fresh
instance from them (``Model.from_db``, as a query would) without the query: an eighth of the
directory's time went to compiling the query of the page's thirty-one columns and reading
them (0.65 ms, 0.03 ms the instance). A draft saved or a child added changes the row
(``has_unpublished_changes``, ``latest_revision``, ``draft_title``, ``numchild``) but nothing
a visitor sees; signed-in visitors (editors, whose user bar reads those) read the page
afresh.
"""

import datetime
import decimal
import uuid

from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page

from portal import publication_memo, view_restrictions

MEMO_METHODS = ("GET", "HEAD")

# Values an instance cannot change in place: kept values are shared by every request.
PLAIN_TYPES = frozenset(
    (
        type(None),
        bool,
        int,
        float,
        str,
        bytes,
        decimal.Decimal,
        uuid.UUID,
        datetime.date,
        datetime.datetime,
        datetime.time,
        datetime.timedelta,
    )
)


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
    page = _page(request, model, pk)
    if page is None:
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


def _page(request, model, pk):
    """A fresh instance of the page: from its kept values where its class keeps them and the
    visitor is anonymous, else read (None for a page deleted since: the memo is dropped at
    the next request)."""
    if getattr(model, "route_keeps_fields", False) and _anonymous(request):
        kept = publication_memo.remembered(
            ("page-fields", model._meta.label_lower, pk), lambda: _kept_fields(model, pk)
        )
        if kept is not None:
            names, values = kept
            return model.from_db(model.objects.db, names, values)
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        return None


def _anonymous(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def _kept_fields(model, pk) -> tuple[tuple[str, ...], tuple] | None:
    """The page's columns and their values as ``from_db`` takes them; None when the page is
    gone or a value is not plain (a value an instance could change in place is never kept)."""
    names = tuple(field.attname for field in model._meta.concrete_fields)
    values = model.objects.filter(pk=pk).values_list(*names).first()
    if values is None or any(type(value) not in PLAIN_TYPES for value in values):
        return None
    return names, tuple(values)
