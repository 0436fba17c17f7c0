"""What a partner does to its own needs besides editing them: publish, pause, resume, close,
duplicate. Counters are never touched here (only the pledging services change them)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matching import services as matching_services
from matching.models import Need, NeedStatus

ACTIONS = ("publish", "pause", "resume", "close")
# action -> statuses it applies to
ALLOWED_FROM = {
    "publish": {NeedStatus.DRAFT},
    "pause": {NeedStatus.OPEN},
    "resume": {NeedStatus.PAUSED},
    "close": {
        NeedStatus.DRAFT,
        NeedStatus.REVIEW,
        NeedStatus.OPEN,
        NeedStatus.PAUSED,
        NeedStatus.FULFILLED,
        NeedStatus.EXPIRED,
    },
}
DUPLICATE_SHIFT = timedelta(days=7)


def allowed_actions(need: Need) -> list[str]:
    return [action for action in ACTIONS if need.status in ALLOWED_FROM[action]]


@transaction.atomic
def change_status(*, need: Need, action: str) -> Need:
    """Apply ``action`` to ``need`` (read again under a lock); raises ValidationError when the
    need's current status does not allow it. Publishing and resuming go through
    matching.services.publish (open, or review for a moderated partner's first needs)."""
    if action not in ACTIONS:
        raise ValidationError(_("Action inconnue."), code="unknown_action")
    need = (
        Need.objects.select_for_update(of=("self",))
        .select_related("place__partner")
        .get(pk=need.pk)
    )
    if need.status not in ALLOWED_FROM[action]:
        raise ValidationError(
            _("Impossible : ce besoin est « %(status)s ».") % {"status": need.get_status_display()},
            code="not_allowed",
        )
    if action in ("publish", "resume"):
        return matching_services.publish(need)
    need.status = NeedStatus.PAUSED if action == "pause" else NeedStatus.CLOSED
    need.save(update_fields=["status", "updated_at"])
    return need


@transaction.atomic
def duplicate(*, need: Need, created_by) -> Need:
    """A new draft like ``need`` ("the same as last week"): dates a week later, no pledges."""
    copy = Need(
        place=need.place,
        challenge=need.challenge,
        title=need.title,
        description=need.description,
        quantity_wanted=need.quantity_wanted,
        unit=need.unit,
        urgency=need.urgency,
        skill=need.skill,
        starts_at=need.starts_at + DUPLICATE_SHIFT if need.starts_at else None,
        ends_at=need.ends_at + DUPLICATE_SHIFT if need.ends_at else None,
        status=NeedStatus.DRAFT,
        created_by=created_by,
    )
    copy.save()
    return copy
