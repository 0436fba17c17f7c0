"""Background jobs of the matching room (thin: they call services)."""

from celery import shared_task

from matching import services
from matching.geocoding import GeocoderUnavailable
from matching.services import alerts, pledge_emails
from portal import outbox

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


@shared_task(ignore_result=True)
def send_pledge_confirmation(pledge_id: int) -> int:
    """The volunteer's confirmation of a new pledge (once, even when retried)."""
    return pledge_emails.send_confirmation(pledge_id)


@shared_task(ignore_result=True)
def send_pledge_reminders() -> int:
    """Beat: a reminder to each volunteer whose need ends within a day (once per pledge)."""
    return pledge_emails.send_due_reminders()


# Urgent-need alerts (see matching.services.alerts for how each email leaves exactly once).
ALERT_CHUNK_MAX_RETRIES = 20


@shared_task(ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def send_urgent_alerts(need_id: int) -> None:
    """Fan-out: the need's run and rows (once), then one task per chunk (once)."""
    alerts.start_run(need_id, dispatch=_dispatch_chunk)


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=ALERT_CHUNK_MAX_RETRIES,
)
def send_urgent_alert_chunk(self, need_id: int, first_id: int, last_id: int) -> int:
    """One chunk of alerts; retried later while another worker holds some of its rows or the
    mail server is down. A duplicate or a retry sends nothing twice."""
    result = alerts.send_chunk(need_id=need_id, first_id=first_id, last_id=last_id)
    if result.waiting and not self.request.is_eager and self.request.retries < self.max_retries:
        raise self.retry(countdown=result.retry_in_s)
    return result.sent


@shared_task(ignore_result=True)
def resume_urgent_alerts() -> None:
    """Beat: runs left behind by a dead worker are dispatched again (exactly once still)."""
    for need_id in alerts.stalled_preparations():
        outbox.dispatch(send_urgent_alerts, need_id)
    for need_id, first_id, last_id in alerts.stalled_chunks():
        _dispatch_chunk(need_id, first_id, last_id)


def _dispatch_chunk(need_id: int, first_id: int, last_id: int) -> None:
    outbox.dispatch(send_urgent_alert_chunk, need_id, first_id, last_id)
