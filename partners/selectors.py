"""What a partner may see and change: every partner-space page, export and API view starts from
these querysets, so another partner's objects are simply not found (404)."""

from django.db.models import QuerySet

from matching.models import Need, Place, Pledge, Slot, SlotBooking
from partners.models import PartnerMember


def places_of(membership: PartnerMember) -> QuerySet[Place]:
    return Place.objects.filter(partner_id=membership.partner_id)


def needs_of(membership: PartnerMember) -> QuerySet[Need]:
    return Need.objects.filter(place__partner_id=membership.partner_id).select_related(
        "place", "challenge"
    )


def pledges_of(membership: PartnerMember) -> QuerySet[Pledge]:
    return Pledge.objects.filter(need__place__partner_id=membership.partner_id).select_related(
        "need", "need__place", "volunteer__user"
    )


def slots_of(membership: PartnerMember) -> QuerySet[Slot]:
    return Slot.objects.filter(need__place__partner_id=membership.partner_id).select_related(
        "need", "need__place"
    )


def slot_bookings_of(membership: PartnerMember) -> QuerySet[SlotBooking]:
    return SlotBooking.objects.filter(
        slot__need__place__partner_id=membership.partner_id
    ).select_related("slot", "slot__need", "volunteer__user")
