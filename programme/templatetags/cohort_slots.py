"""``{% cohort_slots_panel cohort %}`` on the coordinator's cohort page: the hours its members
gave on slots (a sum) and the secret address of the cohort's calendar."""

from django import template

from matching.services.slots import hours_done
from programme.calendar_feed import cohort_feed_url
from programme.models import MembershipStatus

register = template.Library()


@register.inclusion_tag("programme/includes/cohort_slots_panel.html")
def cohort_slots_panel(cohort):
    members = cohort.memberships.filter(status=MembershipStatus.PLACED).values("user_id")
    return {"hours": hours_done(user_ids=members), "calendar_url": cohort_feed_url(cohort)}
