"""Queries and rules of the programme room, one module per concern:

- ``content``: challenges and programme pages across languages, sign-up weeks;
- ``offer``: the cohorts of an area and a challenge (local and remote), shown before sign-up;
- ``signup``: sign-up (the account through ``portal.accounts``), placing the pending week once
  the address is confirmed, joining when signed in, what the person is told;
- ``placement``: cohorts with room, new cohorts with free trained coordinators, the week's
  remote cohorts when the département has no place, waiting lists;
- ``space``: the weeks and reports the volunteer space (``volunteers``) shows;
- ``sponsorship``: whether an enrolment's pool is the public cohorts or a sponsor's;
- ``schedule``: the daily emails, exactly once per member and day;
- ``coordination``: the coordinator space (members, opens, reports, messages, calls, export);
- ``impact``: impact reports and the counters/totals they feed incrementally;
- ``growth``: cohorts and volunteers per week, coordinators needed to keep doubling;
- ``emails``: every email of the room;
- ``calendars``: the iCalendar events of a cohort's week;
- ``forms``: the sign-up forms, for the rooms that offer the sign-up on their own pages.

Other rooms call: ``live_impact_counts()`` (home), ``impact_totals_for_challenge(key)``
(challenge pages), ``impact_totals_for_partner(key)``, ``impact_totals_for_sponsor(key)``,
``pledge_counted_by_report(pledge)`` (partners, before counting a pledge done in its action),
and name ``REMOTE``, the area of the cohorts that meet online (sponsors enrol employees there).
"""

from programme.areas import REMOTE
from programme.services.impact import (
    impact_totals_for_challenge,
    impact_totals_for_partner,
    impact_totals_for_sponsor,
    live_impact_counts,
    pledge_counted_by_report,
)

__all__ = [
    "REMOTE",
    "impact_totals_for_challenge",
    "impact_totals_for_partner",
    "impact_totals_for_sponsor",
    "live_impact_counts",
    "pledge_counted_by_report",
]
