"""The iCalendar events of a cohort's week: one all-day event per programme day (launch
session, days 1 to 5, closing session) with its daily call and the call link when the
coordinator gave one. The cohort stores no call time, so the events are whole days. No member
appears in them. Served by the cohort's feed (``programme.calendar_feed``) and by the
volunteer's own (``volunteers.calendar_feed``)."""

import datetime

from django.utils.translation import gettext as _

from portal.calendars import Event, uid
from programme.models import Cohort
from programme.models.cohorts import DAYS_IN_PROGRAMME


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
