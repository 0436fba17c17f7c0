"""Wagtail's page view restrictions (password, groups, signed-in users), read once per process
and publication when a site has none.

Wagtail reads them on every page it serves (two queries: the page's ancestors, then their
restrictions) and ``.public()`` reads them again to filter a list of pages. Most sites have no
restriction at all: ``any_restriction()`` keeps that fact in ``publication_memo``, and saving or
deleting a restriction bumps the publication version (``portal.page_cache``), so the first
request after it reads them afresh. Where a site has restrictions, Wagtail's own checks run
unchanged (aliases, ancestors, groups).
"""

from wagtail.models import PageViewRestriction

from portal import publication_memo


def any_restriction() -> bool:
    return publication_memo.remembered(
        ("view-restrictions",), lambda: PageViewRestriction.objects.exists()
    )


def public(queryset):
    """``queryset.public()``, without its query when no page is restricted."""
    return queryset.public() if any_restriction() else queryset


def skip_check_when_unrestricted(page) -> None:
    """Spares Wagtail's check of ``page``'s restrictions (two queries) when none exists."""
    if not any_restriction():
        page.get_view_restrictions = PageViewRestriction.objects.none
