"""The iCalendar feed of a cohort's week: one all-day event per programme day (launch session,
days 1 to 5, closing session) with its daily call and the call link when the coordinator gave
one. The cohort stores no call time, so the events are whole days. No member appears in it.

Its address is secret (a signed token, portal.calendars): the coordinator's cohort page and the
volunteer's own feed (volunteers.calendar_feed) give it to the cohort's members only."""

import datetime

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.calendars import Event, calendar_response, feed_token, read_feed_token, uid
from programme.models import Cohort, CohortStatus
from programme.models.cohorts import DAYS_IN_PROGRAMME

COHORT_FEED = "cohort"


def _day_title(day: int) -> str:
    if day == 0:
        return _("Session de lancement")
    if day == DAYS_IN_PROGRAMME - 1:
        return _("Session de clôture")
    return _("Jour %(day)s") % {"day": day}


def cohort_events(cohort: Cohort) -> list[Event]:
    challenge = cohort.challenge.title if cohort.challenge_id else ""
    description = _("Appel quotidien de la promotion.")
    if cohort.call_url:
        description = f"{description}\n{cohort.call_url}"
    return [
        Event(
            uid=uid(f"cohort-{cohort.pk}-day", day),
            summary=f"{challenge} — {_day_title(day)}" if challenge else _day_title(day),
            start=cohort.day_date(day),
            end=cohort.day_date(day) + datetime.timedelta(days=1),
            description=description,
            url=cohort.call_url,
        )
        for day in range(DAYS_IN_PROGRAMME)
    ]


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
