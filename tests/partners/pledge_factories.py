"""Test data of the partner space's pledge tests: a partner's place, need and pledges."""

from matching import services
from matching.models import ContactChannel, Pledge
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory


def partner_need(partner, **fields):
    """An open need at a new place of ``partner``."""
    place = PlaceFactory(partner=partner)
    return NeedFactory(place=place, **{"quantity_wanted": 20, **fields})


def volunteer(first_name="Camille", email=None, phone="06 12 34 56 78"):
    user = UserFactory(first_name=first_name, **({"email": email} if email else {}))
    return VolunteerProfileFactory(user=user, phone=phone)


def make_pledge(need, *, profile=None, quantity=2, channel=ContactChannel.NONE) -> Pledge:
    """A pledge made through the pledging service, sharing ``channel`` with the partner."""
    profile = profile or volunteer()
    pledge = services.pledge(volunteer=profile, need_id=need.pk, quantity=quantity)
    Pledge.objects.filter(pk=pledge.pk).update(contact_channel=channel)
    pledge.refresh_from_db()
    return pledge
