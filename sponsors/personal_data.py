"""The personal-data collector of the sponsors room (see ``portal.personal_data``): the sponsor
dashboards the person may see."""

from portal.personal_data import Collector
from sponsors.models import SponsorPage


def export_sponsor_contact(user) -> list[str]:
    """Sponsor pages naming the person as a contact (the link goes with the account)."""
    return list(
        SponsorPage.objects.filter(contacts=user).order_by("pk").values_list("title", flat=True)
    )


COLLECTOR = Collector("sponsor_contact", export_sponsor_contact)
