"""Sponsors shown in other rooms' templates (the home page's « Ils en font partie »)."""

from django import template

from portal import publication_memo
from sponsors.models import SponsorIndexPage
from sponsors.services import selectors

register = template.Library()


@register.inclusion_tag("sponsors/includes/sponsors_by_tier.html", takes_context=True)
def sponsors_by_tier(context, locale_id: int):
    return {
        "groups": selectors.sponsors_by_tier(locale_id),
        "index_url": index_url(locale_id, context.get("request")),
    }


def index_url(locale_id: int, request) -> str | None:
    """The URL of the sponsors' index of a language, or None (see publication_memo.page_url)."""
    return publication_memo.page_url(
        "sponsor-index",
        locale_id,
        request,
        lambda: SponsorIndexPage.objects.live().filter(locale_id=locale_id).first(),
    )
