"""``{% volunteer_slots_panel %}`` in the volunteer space: their places on slots to come, their
waiting lists, the hours they gave and the secret address of their calendar."""

from django import template
from django.utils import timezone

from matching.models import SlotBooking, SlotBookingStatus, SlotWaitlistEntry, WaitlistStatus
from matching.services import slots
from volunteers.calendar_feed import volunteer_feed_url

register = template.Library()

SHOWN = 20


@register.inclusion_tag("volunteers/includes/slots_panel.html", takes_context=True)
def volunteer_slots_panel(context):
    user = context["request"].user
    now = timezone.now()
    bookings = (
        SlotBooking.objects.filter(
            volunteer__user=user, status=SlotBookingStatus.BOOKED, slot__ends_at__gt=now
        )
        .select_related("slot__need__place")
        .order_by("slot__starts_at")[:SHOWN]
    )
    waiting = (
        SlotWaitlistEntry.objects.filter(
            volunteer__user=user, status=WaitlistStatus.WAITING, slot__ends_at__gt=now
        )
        .select_related("slot__need__place")
        .order_by("slot__starts_at")[:SHOWN]
    )
    return {
        "bookings": [(booking, slots.local_span(booking.slot)) for booking in bookings],
        "waiting": [(entry, slots.local_span(entry.slot)) for entry in waiting],
        "hours": slots.hours_done(user_ids=[user.pk]),
        "calendar_url": volunteer_feed_url(user),
        "csrf_token": context.get("csrf_token"),
        "space_url": context["request"].path,
    }
