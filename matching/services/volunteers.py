"""Volunteers as the matching pages see them: their own search origin (private, used on the
server only) and, for everyone else, counts."""

from django.db.models import Count

from matching import geo
from matching.models import Need, PledgeStatus, VolunteerProfile


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


def volunteer_count(need: Need) -> int:
    """How many volunteers stand behind a need (the only thing said of them in public)."""
    return need.pledges.exclude(status=PledgeStatus.CANCELLED).aggregate(
        count=Count("volunteer", distinct=True)
    )["count"]
