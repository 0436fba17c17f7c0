"""iCalendar events of slots: a need's upcoming slots (public facts: times, places left) and a
volunteer's own slots. No other volunteer appears in any of them. The feeds that serve them sit
behind secret addresses: ``matching.calendars`` (a need's) and ``volunteers.calendar_feed``."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matching.models import Need, Slot, SlotBooking, SlotBookingStatus
from matching.services import slots
from portal.calendars import Event, uid
from portal.i18n import absolute_url


def _location(need: Need) -> str:
    place = need.place
    return f"{place.name}, {place.postcode} {place.town}".strip(", ")


def _url(need: Need) -> str:
    return absolute_url(need.get_absolute_url())


def slot_event(slot: Slot, *, summary: str, description: str = "") -> Event:
    return Event(
        uid=uid("slot", slot.pk),
        summary=summary,
        start=slot.starts_at,
        end=slot.ends_at,
        description=description,
        location=_location(slot.need),
        url=_url(slot.need),
    )


def need_events(need: Need) -> list[Event]:
    return [
        slot_event(
            slot,
            summary=need.title,
            description=ngettext(
                "%(left)s place libre sur %(places)s",
                "%(left)s places libres sur %(places)s",
                slot.places_left,
            )
            % {"left": slot.places_left, "places": slot.places},
        )
        for slot in slots.upcoming_slots(need)
    ]


def volunteer_events(volunteer_ids) -> list[Event]:
    """The slots where these profiles (one person's) hold or held a place."""
    bookings = (
        SlotBooking.objects.filter(
            volunteer_id__in=volunteer_ids,
            status__in=[SlotBookingStatus.BOOKED, SlotBookingStatus.DONE],
        )
        .select_related("slot__need__place")
        .order_by("slot__starts_at")
    )
    return [
        slot_event(booking.slot, summary=booking.slot.need.title, description=_("Ma place"))
        for booking in bookings
    ]
