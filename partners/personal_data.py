"""The personal-data collector of the partners room (see ``portal.personal_data``): a person's
membership of a partner organisation and the invitations sent to their address."""

from partners.models import PartnerInvitation, PartnerMember
from portal.personal_data import Collector


def export_partner(user) -> dict | None:
    member = PartnerMember.objects.filter(user=user).select_related("partner").first()
    invitations = PartnerInvitation.objects.filter(email__iexact=user.email) if user.email else []
    if member is None and not invitations:
        return None
    return {
        "membership": {
            "partner": member.partner.title,
            "role": member.role,
            "joined_at": member.joined_at,
            "notify_pledges": member.notify_pledges,
            "daily_summary": member.daily_summary,
        }
        if member
        else None,
        "invitations": [
            {
                "email": invitation.email,
                "partner": invitation.partner.title,
                "role": invitation.role,
                "created_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in invitations
        ],
    }


def erase_partner(user) -> None:
    """Invitations go; the membership goes with the account (CASCADE)."""
    if user.email:
        PartnerInvitation.objects.filter(email__iexact=user.email).delete()


COLLECTOR = Collector("partner", export_partner, erase_partner)
