"""Volunteers and urgent needs for the alert tests, far out in the Atlantic (47° N, 20° W) so
that no demo volunteer is ever in range."""

import math

from django.contrib.auth import get_user_model

from matching import geo
from matching.models import GeocodingStatus, NeedStatus, Urgency, VolunteerProfile
from tests.matching.factories import NeedFactory, PlaceFactory

ORIGIN = geo.Point(47.0, -20.0)
KM_PER_DEGREE = math.pi * geo.EARTH_RADIUS_KM / 180


def point_east_of(origin: geo.Point, km: float) -> tuple[float, float]:
    """A point ``km`` kilometres due east (along the parallel: close enough below 200 km)."""
    return origin.latitude, origin.longitude + km / (
        KM_PER_DEGREE * math.cos(math.radians(origin.latitude))
    )


def located_volunteer(
    km: float = 5.0,
    *,
    radius_km: int = 20,
    language: str = "fr",
    challenges=(),
    urgent_alerts: bool = True,
    active: bool = True,
    email: str | None = None,
    first_name: str = "Camille",
    origin: geo.Point = ORIGIN,
) -> VolunteerProfile:
    """A volunteer ``km`` east of ``origin``, geocoded (no postcode: no geocoding task)."""
    users = get_user_model().objects
    number = users.count() + 1
    username = f"alert-volunteer-{number}@example.org"
    user = users.create_user(
        username=username,
        email=username if email is None else email,
        first_name=first_name,
        is_active=active,
    )
    profile = VolunteerProfile.objects.create(user=user, language=language)
    profile.challenges.set(challenges)
    latitude, longitude = point_east_of(origin, km)
    VolunteerProfile.objects.filter(pk=profile.pk).update(
        latitude=latitude,
        longitude=longitude,
        geocoding_status=GeocodingStatus.OK,
        radius_km=radius_km,
        urgent_alerts=urgent_alerts,
    )
    profile.refresh_from_db()
    return profile


def draft_urgent_need(
    *, urgency: int = Urgency.HIGH, challenge=None, origin: geo.Point = ORIGIN, **fields
):
    place = PlaceFactory(latitude=origin.latitude, longitude=origin.longitude, partner=None)
    return NeedFactory(
        place=place,
        status=NeedStatus.DRAFT,
        urgency=urgency,
        challenge=challenge,
        title=fields.pop("title", "Masques pour l'hôpital"),
        **fields,
    )


def create_volunteers(count: int) -> list[int]:
    """``count`` volunteers within 1 to 15 km of the need, in bulk (no signals, no geocoding)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"urgent-{n}@example.org",
            email=f"urgent-{n}@example.org",
            first_name="Alex",
            password="!",  # noqa: S106 - an unusable password
        )
        for n in range(count)
    )
    profiles = []
    for n, user in enumerate(users):
        latitude, longitude = point_east_of(ORIGIN, 1 + (n % 15))
        profiles.append(
            VolunteerProfile(
                user=user,
                latitude=latitude,
                longitude=longitude,
                geocoding_status=GeocodingStatus.OK,
                radius_km=20,
                language="en" if n % 4 == 0 else "fr",
            )
        )
    VolunteerProfile.objects.bulk_create(profiles, batch_size=1000)
    return sorted(profile.pk for profile in profiles)
