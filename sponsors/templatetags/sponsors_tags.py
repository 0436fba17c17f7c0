"""Sponsors shown in other rooms' templates (the home page's « Ils en font partie »)."""

from django import template

from sponsors.models import SponsorIndexPage
from sponsors.services import selectors

register = template.Library()


@register.inclusion_tag("sponsors/includes/sponsors_by_tier.html")
def sponsors_by_tier(locale_id: int):
    return {
        "groups": selectors.sponsors_by_tier(locale_id),
        "index": SponsorIndexPage.objects.live().filter(locale_id=locale_id).first(),
    }
