"""The personal-data collector of slots (see volunteers.personal_data): a person's places on
slots and waiting lists. On deletion, places to come are given back (the next in line gets
them); done places stay, anonymous (volunteer NULL), so the hours figures keep them; waiting
list entries go with the profile (CASCADE)."""

from matching.models import SlotBooking, SlotBookingStatus, SlotWaitlistEntry
from matching.services import slots


def export_slots(user) -> dict:
    bookings = SlotBooking.objects.filter(volunteer__user=user).select_related("slot__need")
    entries = SlotWaitlistEntry.objects.filter(volunteer__user=user).select_related("slot__need")
    return {
        "bookings": [
            {
                "slot_id": booking.slot_id,
                "need": booking.slot.need.title,
                "starts_at": booking.slot.starts_at,
                "ends_at": booking.slot.ends_at,
                "status": booking.status,
                "hours": str(booking.hours),
                "from_waiting_list": booking.from_waiting_list,
                "created_at": booking.created_at,
                "done_at": booking.done_at,
                "cancelled_at": booking.cancelled_at,
            }
            for booking in bookings.order_by("created_at", "pk")
        ],
        "waiting_lists": [
            {
                "slot_id": entry.slot_id,
                "need": entry.slot.need.title,
                "status": entry.status,
                "created_at": entry.created_at,
                "offered_at": entry.offered_at,
            }
            for entry in entries.order_by("created_at", "pk")
        ],
    }


def erase_slots(user) -> None:
    pending = SlotBooking.objects.filter(volunteer__user=user, status=SlotBookingStatus.BOOKED)
    for booking_id in list(pending.values_list("pk", flat=True)):
        slots.cancel_booking(booking_id=booking_id)
