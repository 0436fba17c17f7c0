"""Publishing needs: a partner's first needs may wait for an editor's review (the partner
page's ``review_first_needs``); a published need is open to pledges and, when urgent, announced
to nearby volunteers (see matching.alerts)."""

from django.db import transaction
from django.utils import timezone

from matching.models import Need, NeedStatus


def canonical_partner_id(partner) -> int | None:
    """Places point to the partner's page in the default language; accept any translation."""
    if partner is None:
        return None
    from wagtail.models import Locale

    default = partner.get_translation_or_none(Locale.get_default())
    return (default or partner).pk


def needs_review(partner) -> bool:
    """True while the partner has published fewer needs than its editor asked to review."""
    if partner is None:
        return False
    from challenges.models import PartnerPage

    page = PartnerPage.objects.filter(pk=canonical_partner_id(partner)).first()
    if page is None or page.review_first_needs == 0:
        return False
    published = Need.objects.filter(place__partner=page, published_at__isnull=False).count()
    return published < page.review_first_needs


@transaction.atomic
def publish(need: Need) -> Need:
    """Open a draft (or paused) need, or send it to review when its partner is moderated.
    A need published once is never sent back to review."""
    if need.published_at is None and needs_review(need.place.partner):
        need.status = NeedStatus.REVIEW
    else:
        need.status = NeedStatus.OPEN
        if need.published_at is None:
            need.published_at = timezone.now()
    need.save()
    return need


@transaction.atomic
def approve(need: Need) -> Need:
    """An editor approves a need in review: it opens as if published directly."""
    need.status = NeedStatus.OPEN
    if need.published_at is None:
        need.published_at = timezone.now()
    need.save()
    return need
