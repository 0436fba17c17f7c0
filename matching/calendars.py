"""A need's iCalendar feed at a secret address (a signed token, ``portal.calendars``): its
upcoming slots, built by ``matching.services.calendars``."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from matching import services
from matching.models import Need
from matching.services.calendars import need_events
from portal.calendars import calendar_response, feed_token, read_feed_token

NEED_FEED = "need"


def need_feed_url(need: Need) -> str:
    return reverse("matching:need_calendar", kwargs={"token": feed_token(NEED_FEED, need.pk)})


def need_calendar(request, token: str):
    need_id = read_feed_token(token, NEED_FEED)
    need = services.public_needs().filter(pk=need_id).first() if need_id else None
    if need is None:
        raise Http404(_("Ce calendrier n'existe pas."))
    return calendar_response(need.title, need_events(need), filename=f"need-{need.pk}.ics")
