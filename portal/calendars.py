"""iCalendar feeds with a secret address: a signed token names what the feed shows (a kind and
an id), so the address cannot be guessed and nothing is stored; the rooms build the events.

``feed_token("volunteer", 12)`` -> an opaque token; ``read_feed_token(token, "volunteer")`` -> 12
or None (wrong kind, altered or invented token). ``calendar_response(name, events)`` answers an
.ics file built with the ``icalendar`` package.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpResponse

import icalendar

SALT = "portal.calendars"
PRODUCT = "-//ré_action//portal//FR"


def feed_token(kind: str, pk: int) -> str:
    return signing.Signer(salt=f"{SALT}.{kind}").sign(str(pk)).replace(":", ".")


def read_feed_token(token: str, kind: str) -> int | None:
    try:
        return int(signing.Signer(salt=f"{SALT}.{kind}").unsign(token.replace(".", ":")))
    except (signing.BadSignature, ValueError):
        return None


@dataclass(frozen=True)
class Event:
    uid: str  # stable across downloads, e.g. "slot-12@<host>"
    summary: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date
    description: str = ""
    location: str = ""
    url: str = ""


def build_calendar(name: str, events) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = datetime.datetime.now(datetime.UTC)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar


def calendar_response(name: str, events, *, filename: str) -> HttpResponse:
    response = HttpResponse(
        build_calendar(name, events).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response


def uid(kind: str, pk: int) -> str:
    host = settings.SITE_BASE_URL.split("://", 1)[-1].split("/", 1)[0] or "reaction"
    return f"{kind}-{pk}@{host}"
