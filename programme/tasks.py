"""Background jobs of the programme room (thin: they call services).

Beat entries (settings.CELERY_BEAT_SCHEDULE):
- ``programme.tasks.send_due_cohort_emails`` every minute;
- ``programme.tasks.purge_unconfirmed_sign_ups`` once a day.
"""

from django.utils import timezone

from celery import shared_task

from portal import accounts, outbox
from programme.services import schedule


@shared_task(ignore_result=True)
def send_due_cohort_emails() -> None:
    """Update cohort statuses and fan out one task per cohort with a due day."""
    now = timezone.now()
    schedule.update_statuses(now)
    for cohort_id in schedule.due_cohorts(now):
        outbox.dispatch(send_cohort_emails, cohort_id)


@shared_task(ignore_result=True, acks_late=True)
def send_cohort_emails(cohort_id: int) -> int:
    """Every due day of one cohort; idempotent (a retried or duplicated task sends nothing)."""
    return schedule.send_cohort_due(cohort_id)


@shared_task(ignore_result=True)
def purge_unconfirmed_sign_ups() -> int:
    """Every account never confirmed (programme or not: ``portal.accounts``)."""
    return accounts.purge_unconfirmed()
