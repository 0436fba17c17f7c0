"""The emails of the partner space that a partner's staff choose on their account's
notifications page (``volunteers``), which reads and saves them through the
``partner_space_emails`` and ``save_partner_space_emails`` hooks."""

from partners.models import PartnerMember

FIELDS = ("notify_pledges", "daily_summary")


def current(user) -> dict[str, bool] | None:
    """The member's choices, or None for someone who is not a partner's staff."""
    member = PartnerMember.objects.filter(user=user).first()
    if member is None:
        return None
    return {name: getattr(member, name) for name in FIELDS}


def save(user, choices: dict[str, bool]) -> None:
    PartnerMember.objects.filter(user=user).update(**choices)
