"""Queries of the sponsors room: lists for the home page, the index and the challenge pages."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from challenges.models import ChallengePage
from sponsors.models import SponsorPage, SponsorTier


@dataclass(frozen=True)
class TierGroup:
    tier: SponsorTier
    sponsors: list


# What the sponsors' lists read of each sponsor (its link, logo and tier): a sponsor page is
# wide (colours, message, codes), and compiling and loading its every column cost the most.
LISTED_FIELDS = (
    "title",
    "url_path",
    "logo",
    "tier__translation_key",
    "tier__locale",
    "tier__name",
    "tier__amount_eur",
    "tier__order",
)


def live_sponsors(locale_id: int) -> QuerySet:
    return (
        SponsorPage.objects.live()
        .filter(locale_id=locale_id)
        .select_related("logo", "tier")
        .only(*LISTED_FIELDS)
        .order_by("title")
    )


def sponsors_by_tier(locale_id: int, *, parent=None) -> list[TierGroup]:
    """The live sponsors of a language grouped by tier, highest tier first.

    Tiers are shown in the page's language when translated (a page may still point to the
    tier of the default language).
    """
    sponsors = live_sponsors(locale_id)
    if parent is not None:
        sponsors = sponsors.child_of(parent)
    sponsors = list(sponsors)
    # A tier of the page's language is its own translation there: only the others are read.
    foreign_keys = {s.tier.translation_key for s in sponsors if s.tier.locale_id != locale_id}
    local_tiers = {
        tier.translation_key: tier
        for tier in (
            SponsorTier.objects.filter(locale_id=locale_id, translation_key__in=foreign_keys)
            if foreign_keys
            else ()
        )
    }
    groups: dict = {}
    for sponsor in sponsors:
        tier = local_tiers.get(sponsor.tier.translation_key, sponsor.tier)
        groups.setdefault(tier.translation_key, TierGroup(tier, []))
        groups[tier.translation_key].sponsors.append(sponsor)
    return sorted(
        groups.values(),
        key=lambda group: (-group.tier.order, -group.tier.amount_eur, group.tier.pk),
    )


def sponsors_of_challenge(challenge: ChallengePage) -> QuerySet:
    """Thematic and geographic sponsors of a challenge, in the challenge page's language."""
    key = challenge.translation_key
    return (
        live_sponsors(challenge.locale_id)
        .filter(Q(theme__translation_key=key) | Q(sponsored_challenges__translation_key=key))
        .distinct()
    )


def localized_challenges(sponsor: SponsorPage, locale) -> QuerySet:
    """The sponsor's theme and sponsored challenges, as live pages of ``locale``."""
    keys = set(sponsor.sponsored_challenges.values_list("translation_key", flat=True))
    if sponsor.theme_id:
        keys.add(sponsor.theme.translation_key)
    return (
        ChallengePage.objects.live()
        .filter(locale=locale, translation_key__in=keys)
        .order_by("path")
    )
