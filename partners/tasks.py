"""Background jobs of the partner space (thin: they call partners.notifications).

Beat entry (settings.CELERY_BEAT_SCHEDULE): ``partners.tasks.send_daily_summaries`` at 18:00,
Paris time.
"""

from celery import shared_task

from partners import notifications


@shared_task(ignore_result=True)
def notify_pledge(pledge_id: int) -> int:
    """Email the partner's members who asked for it about one new pledge."""
    return notifications.send_pledge_notification(pledge_id)


@shared_task(ignore_result=True)
def send_daily_summaries() -> int:
    """Beat: each partner's summary of the day, at most once per partner and day."""
    return notifications.send_daily_summaries()
