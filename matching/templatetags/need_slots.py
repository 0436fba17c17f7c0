"""``{% need_slots_panel need %}``: the slots of a need on its page, with what the signed-in
volunteer holds (a place, a rank on a waiting list). A fixed number of queries."""

from django import template

from matching.calendars import need_feed_url
from matching.models import SlotBooking, SlotBookingStatus, SlotWaitlistEntry, WaitlistStatus
from matching.services import slots

register = template.Library()

SHOWN = 40


@register.inclusion_tag("matching/includes/need_slots_panel.html", takes_context=True)
def need_slots_panel(context, need):
    upcoming = list(slots.upcoming_slots(need)[: SHOWN + 1])
    request = context.get("request")
    user = getattr(request, "user", None)
    booked, waiting = {}, {}
    if upcoming and user is not None and user.is_authenticated:
        ids = [slot.pk for slot in upcoming]
        for booking in SlotBooking.objects.filter(
            slot_id__in=ids, volunteer__user=user, status=SlotBookingStatus.BOOKED
        ):
            booked[booking.slot_id] = booking
        entries = SlotWaitlistEntry.objects.filter(
            slot_id__in=ids, volunteer__user=user, status=WaitlistStatus.WAITING
        )
        waiting = {entry.slot_id: entry for entry in entries}
    rows = [
        {
            "slot": slot,
            "when": slots.local_span(slot),
            "booking": booked.get(slot.pk),
            "waiting": waiting.get(slot.pk),
        }
        for slot in upcoming[:SHOWN]
    ]
    return {
        "need": need,
        "rows": rows,
        "more": len(upcoming) > SHOWN,
        "request": request,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "calendar_url": need_feed_url(need) if rows else "",
        "can_book": need.is_open,
    }
