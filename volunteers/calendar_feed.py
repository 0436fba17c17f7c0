"""A volunteer's own iCalendar feed: the slots where they hold (or held) a place and the days of
the cohorts they are placed in. The address is secret (a signed token of the account,
portal.calendars) and shown only in their space; it holds nothing of anyone else."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from matching.models import VolunteerProfile
from matching.services.calendars import volunteer_events
from portal.calendars import calendar_response, feed_token, read_feed_token
from programme.models import Cohort, CohortStatus, MembershipStatus
from programme.services.calendars import cohort_events

VOLUNTEER_FEED = "volunteer"


def volunteer_feed_url(user) -> str:
    return reverse("volunteers:calendar", kwargs={"token": feed_token(VOLUNTEER_FEED, user.pk)})


def events_of(user) -> list:
    profiles = VolunteerProfile.objects.filter(user=user).values_list("pk", flat=True)
    events = volunteer_events(list(profiles))
    cohorts = (
        Cohort.objects.filter(memberships__user=user, memberships__status=MembershipStatus.PLACED)
        .exclude(status=CohortStatus.CANCELLED)
        .select_related("challenge")
        .distinct()
    )
    for cohort in cohorts:
        events.extend(cohort_events(cohort))
    return events


def volunteer_calendar(request, token: str):
    user_id = read_feed_token(token, VOLUNTEER_FEED)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        raise Http404(_("Ce calendrier n'existe pas."))
    return calendar_response(_("Mon agenda ré_action"), events_of(user), filename="reaction.ics")
