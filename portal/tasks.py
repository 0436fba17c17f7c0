"""Background jobs of the portal itself (thin: they call services)."""

from celery import shared_task

from portal import mail, outbox


@shared_task(ignore_result=True)
def flush_outbox() -> int:
    """Beat: task calls kept while the broker was down are sent again, oldest first."""
    return outbox.flush()


@shared_task(ignore_result=True)
def relay_outbox_emails() -> int:
    """Beat: emails committed to the outbox are handed to the real mail backend."""
    return mail.relay()
