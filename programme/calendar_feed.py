"""The iCalendar feed of a cohort's week (its events: ``programme.services.calendars``).

Its address is secret (a signed token, portal.calendars): the coordinator's cohort page and the
volunteer's own feed (volunteers.calendar_feed) give it to the cohort's members only."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.calendars import calendar_response, feed_token, read_feed_token
from programme.models import Cohort, CohortStatus
from programme.services.calendars import cohort_events

COHORT_FEED = "cohort"


def cohort_feed_url(cohort: Cohort) -> str:
    return reverse(
        "programme:cohort_calendar", kwargs={"token": feed_token(COHORT_FEED, cohort.pk)}
    )


def cohort_calendar(request, token: str):
    cohort_id = read_feed_token(token, COHORT_FEED)
    cohort = (
        Cohort.objects.exclude(status=CohortStatus.CANCELLED)
        .select_related("challenge")
        .filter(pk=cohort_id)
        .first()
        if cohort_id
        else None
    )
    if cohort is None:
        raise Http404(_("Ce calendrier n'existe pas."))
    name = _("Promotion du %(date)s") % {"date": cohort.start_date.strftime("%d/%m/%Y")}
    return calendar_response(name, cohort_events(cohort), filename=f"cohort-{cohort.pk}.ics")
