"""Geocoding places and volunteer profiles (run by Celery tasks; never loses a place)."""

from django.utils import timezone

from matching.geocoding import GeocodedPoint, OfflineGeocoder, PlaceNotFound, get_geocoder
from matching.geocoding import geocode_query as geocode_typed_query
from matching.models import GeocodingStatus, Need, Place, VolunteerProfile

REGEOCODABLE = [GeocodingStatus.PENDING, GeocodingStatus.FAILED]


def geocode_place(place_id: int, *, geocoder=None) -> str:
    """Give a pending place its point; returns the new geocoding status.

    The configured geocoder reads the full address. When it finds nothing, the postcode and
    town from the gazetteer give an approximate point; when they are unknown too, the place is
    flagged 'failed' for an editor, with the reason, and stays saved. GeocoderUnavailable (a
    service down) propagates so the task retries.
    """
    place = Place.objects.filter(pk=place_id, geocoding_status__in=REGEOCODABLE).first()
    if place is None:
        return ""
    geocoder = geocoder or get_geocoder()
    try:
        point = geocoder.geocode(place.geocoding_query)
        status = GeocodingStatus.OK
    except PlaceNotFound as not_found:
        try:
            point = OfflineGeocoder().geocode(f"{place.postcode} {place.town}")
            status = GeocodingStatus.APPROXIMATE
        except PlaceNotFound:
            mark_place_geocoding_failed(place, str(not_found))
            return GeocodingStatus.FAILED
    _apply_point(place, point, status)
    return status


def mark_place_geocoding_failed(place: Place | int, message: str) -> None:
    """Flag a place for an editor; its other fields (and any earlier point) are kept."""
    place_id = place if isinstance(place, int) else place.pk
    Place.objects.filter(pk=place_id).update(
        geocoding_status=GeocodingStatus.FAILED,
        geocoding_message=message[:255],
        updated_at=timezone.now(),
    )


def _apply_point(place: Place, point: GeocodedPoint, status: str) -> None:
    """Store the point unless the address changed meanwhile (a newer task will place it)."""
    now = timezone.now()
    written = Place.objects.filter(
        pk=place.pk,
        address=place.address,
        postcode=place.postcode,
        town=place.town,
        geocoding_status__in=REGEOCODABLE,
    ).update(
        latitude=point.latitude,
        longitude=point.longitude,
        geocoding_status=status,
        geocoding_source=point.source,
        geocoding_message=point.label[:255],
        geocoded_at=now,
        updated_at=now,
    )
    if written:
        place.latitude, place.longitude = point.latitude, point.longitude
        Need.objects.filter(place_id=place.pk).update(**place.search_columns())


def geocode_profile(profile_id: int) -> str:
    """A volunteer's postcode -> their private point (gazetteer first, then the service)."""
    profile = VolunteerProfile.objects.filter(pk=profile_id).first()
    if profile is None or not profile.postcode:
        return ""
    try:
        point = geocode_typed_query(profile.postcode)
    except PlaceNotFound:
        VolunteerProfile.objects.filter(pk=profile_id, postcode=profile.postcode).update(
            geocoding_status=GeocodingStatus.FAILED, latitude=None, longitude=None
        )
        return GeocodingStatus.FAILED
    VolunteerProfile.objects.filter(pk=profile_id, postcode=profile.postcode).update(
        latitude=point.latitude, longitude=point.longitude, geocoding_status=GeocodingStatus.OK
    )
    return GeocodingStatus.OK


def town_of_postcode(postcode: str) -> str:
    """The town the offline gazetteer gives for ``postcode`` ("" when it knows none)."""
    try:
        return OfflineGeocoder().geocode(postcode).town
    except PlaceNotFound:
        return ""
