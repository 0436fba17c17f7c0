"""iCalendar events of slots: a need's upcoming slots (public facts: times, places left) and a
volunteer's own slots. No other volunteer appears in any of them."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matching import services
from matching.models import Need, Slot, SlotBooking, SlotBookingStatus
from matching.services import slots
from portal.calendars import Event, calendar_response, feed_token, read_feed_token, uid
from portal.i18n import absolute_url

NEED_FEED = "need"


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


def need_feed_url(need: Need) -> str:
    return reverse("matching:need_calendar", kwargs={"token": feed_token(NEED_FEED, need.pk)})


def need_calendar(request, token: str):
    need_id = read_feed_token(token, NEED_FEED)
    need = services.public_needs().filter(pk=need_id).first() if need_id else None
    if need is None:
        raise Http404(_("Ce calendrier n'existe pas."))
    return calendar_response(need.title, need_events(need), filename=f"need-{need.pk}.ics")
