"""Background jobs of the actions room (thin: they call services)."""

from celery import shared_task

from actions import digest, weeks


class DigestIncomplete(Exception):
    """Some mails of the week could not leave; a retry sends only those."""


@shared_task(
    ignore_result=True,
    autoretry_for=(DigestIncomplete,),
    retry_backoff=300,
    max_retries=5,
)
def send_weekly_digest(week: str | None = None) -> dict:
    """Email last week's new actions (or those of ``week``, e.g. "2026-W07") to subscribers.

    Idempotent: each subscriber receives a given week at most once, however often this runs.
    """
    report = digest.send_weekly_digest(week=weeks.parse_iso_week(week) if week else None)
    if report.failed:
        raise DigestIncomplete(f"{report.failed} digest(s) not sent for {report.week}")
    return {"sent": report.sent, "already_sent": report.already_sent}
