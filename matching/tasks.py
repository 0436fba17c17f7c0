"""Background jobs of the matching room (thin: they call services)."""

from celery import shared_task

from matching import services
from matching.geocoding import GeocoderUnavailable

GEOCODING_MAX_RETRIES = 5


@shared_task(bind=True, ignore_result=True, max_retries=GEOCODING_MAX_RETRIES)
def geocode_place(self, place_id: int) -> None:
    """Geocode a place; a service outage is retried with backoff (30 s, 1 min, 2 min…), then
    the place is flagged. Run eagerly (embedded default), it is flagged at once: no waiting
    inside a request."""
    try:
        services.geocode_place(place_id)
    except GeocoderUnavailable as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            services.mark_place_geocoding_failed(place_id, str(error))
            return
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error


@shared_task(bind=True, ignore_result=True, max_retries=GEOCODING_MAX_RETRIES)
def geocode_profile(self, profile_id: int) -> None:
    """Geocode a volunteer's postcode (the gazetteer first, a service only for the rest)."""
    try:
        services.geocode_profile(profile_id)
    except GeocoderUnavailable as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            return
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error


@shared_task(ignore_result=True)
def expire_stale_needs() -> int:
    """Beat: open needs past their end date become 'expired'."""
    return services.expire_stale_needs()
