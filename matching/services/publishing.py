"""Publishing needs: a partner's first needs may wait for an editor's review (the partner
page's ``review_first_needs``); a published need is open to pledges and, when urgent, announced
to nearby volunteers (see matching.services.alerts)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from matching.models import Need, NeedStatus, Urgency
from portal import outbox
from portal.i18n import in_default_language


def canonical_partner_id(partner) -> int | None:
    """Places point to the partner's page in the default language; accept any translation."""
    return None if partner is None else in_default_language(partner).pk


def needs_review(partner, *, excluding: int | None = None) -> bool:
    """True while fewer of the partner's needs than its editor asked to review have been
    published or sent to review (the first N needs are reviewed, whatever order editors
    approve them in)."""
    if partner is None:
        return False
    from challenges.models import PartnerPage

    page = PartnerPage.objects.filter(pk=canonical_partner_id(partner)).first()
    if page is None or page.review_first_needs == 0:
        return False
    reviewed = (
        Need.objects.filter(place__partner=page)
        .filter(Q(published_at__isnull=False) | Q(status=NeedStatus.REVIEW))
        .exclude(pk=excluding)
        .count()
    )
    return reviewed < page.review_first_needs


@transaction.atomic
def publish(need: Need) -> Need:
    """Open a draft (or paused) need, or send it to review when its partner is moderated.
    A need published once is never sent back to review."""
    waits = need.status == NeedStatus.REVIEW or needs_review(need.place.partner, excluding=need.pk)
    if need.published_at is None and waits:
        need.status = NeedStatus.REVIEW
        need.save()
        return need
    return approve(need)


@transaction.atomic
def approve(need: Need) -> Need:
    """Open the need (an editor approving a need in review, or a publication that needs no
    review): dated on its first opening, announced when urgent."""
    need.status = NeedStatus.OPEN
    if need.published_at is None:
        need.published_at = timezone.now()
    need.save()
    announce_if_urgent(need)
    return need


def announce_if_urgent(need: Need) -> None:
    """After commit, an open urgent need is announced to nearby volunteers. The fan-out is
    idempotent (one run per need): reopening a paused need announces nothing twice."""
    if need.status != NeedStatus.OPEN or need.urgency < Urgency.HIGH:
        return
    from matching import tasks  # tasks call services: imported when needed, not at load

    need_id = need.pk
    transaction.on_commit(lambda: outbox.dispatch(tasks.send_urgent_alerts, need_id))
