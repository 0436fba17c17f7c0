"""Volunteers as the matching pages see them: their own search origin (private, used on the
server only) and, for everyone else, counts."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import JSONObject

from matching import geo
from matching.models import Need, Pledge, PledgeStatus, VolunteerProfile


def own_search_origin(user) -> tuple[geo.Point, int] | None:
    """A signed-in volunteer's private point and radius, to search around; None otherwise."""
    if not user.is_authenticated:
        return None
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None or not profile.has_point:
        return None
    return geo.Point(profile.latitude, profile.longitude), profile.radius_km


def profile_for(user, *, language: str) -> VolunteerProfile:
    """The user's volunteer profile, created at their first pledge."""
    profile, _created = VolunteerProfile.objects.get_or_create(
        user=user, defaults={"language": language}
    )
    return profile


@dataclass(frozen=True)
class NeedFigures:
    """What the public reads of a need's progress, all from its pledges at once: the
    quantity promised and the number of volunteers behind it always agree."""

    wanted: int
    pledged: int
    fulfilled: int
    volunteers: int

    @property
    def remaining(self) -> int:
        return max(0, self.wanted - self.pledged)


STANDING = [PledgeStatus.PLEDGED, PledgeStatus.DONE]


def pledge_sums() -> Subquery:
    """``need_figures``' sums in SQL, as one JSON column of a query of needs
    (``annotate(pledge_sums=pledge_sums())``; null without a standing pledge): a page that
    reads a need reads its figures in the same row. Its people are the distinct volunteers
    plus one per pledge whose volunteer left."""
    standing = Pledge.objects.filter(need=OuterRef("pk"), status__in=STANDING)
    sums = JSONObject(
        pledged=Sum("quantity"),
        fulfilled=Sum("quantity", filter=Q(status=PledgeStatus.DONE)),
        people=Count("volunteer", distinct=True),
        departed=Count("pk", filter=Q(volunteer__isnull=True)),
    )
    return Subquery(standing.order_by().values("need").annotate(sums=sums).values("sums"))


def need_figures(need: Need) -> NeedFigures:
    """The need's figures: from its ``pledge_sums`` when its query read them
    (``public_need``: in the page's row, the aggregates cost half a query of their own), else
    one query over its standing pledges (promised or done), summed here: a need has a few
    dozen pledges, and the four filtered aggregates, alone, cost more to write than to run. A
    volunteer who pledged twice counts once; a pledge whose volunteer left the site still
    counts as one person."""
    if "pledge_sums" in need.__dict__:
        sums = need.pledge_sums or {}
        return NeedFigures(
            wanted=need.quantity_wanted,
            pledged=sums.get("pledged") or 0,
            fulfilled=sums.get("fulfilled") or 0,
            volunteers=(sums.get("people") or 0) + (sums.get("departed") or 0),
        )
    rows = Pledge.objects.filter(need=need, status__in=STANDING).values_list(
        "status", "quantity", "volunteer_id"
    )
    pledged = fulfilled = departed = 0
    people = set()
    for status, quantity, volunteer_id in rows:
        pledged += quantity
        if status == PledgeStatus.DONE:
            fulfilled += quantity
        if volunteer_id is None:
            departed += 1
        else:
            people.add(volunteer_id)
    return NeedFigures(
        wanted=need.quantity_wanted,
        pledged=pledged,
        fulfilled=fulfilled,
        volunteers=len(people) + departed,
    )
