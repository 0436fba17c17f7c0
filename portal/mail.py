"""Email through a transactional outbox.

``EMAIL_BACKEND=portal.mail.OutboxEmailBackend`` makes sending an email an INSERT into the
outbox table, in the caller's database transaction: an email and the state change it announces
(an urgent alert marked sent, a daily summary logged) commit together or not at all, whatever
process dies when. The Celery task ``portal.tasks.relay_outbox_emails`` (beat, every few
seconds) hands the committed rows to the real backend (``EMAIL_RELAY_BACKEND``, e.g. SMTP) in
batches, each row locked by one relay at a time and marked sent in the transaction that sent it.
The relay is the one place where a process killed between the server's acceptance and the
commit could hand a message over twice: like any mail queue, delivery is at least once there,
once per message at most one duplicate, and only for that message.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)

RELAY_BATCH = 100
# Relayed rows are kept this long (for support questions), then deleted: they hold addresses.
KEEP_DAYS = 7
ERROR_LENGTH = 1000


def _as_row(message) -> OutgoingEmail:
    return OutgoingEmail(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        subject=str(message.subject),
        body=str(message.body),
        alternatives=[list(pair) for pair in getattr(message, "alternatives", [])],
        headers={str(k): str(v) for k, v in (message.extra_headers or {}).items()},
    )


class OutboxEmailBackend(BaseEmailBackend):
    """Stores messages in the outbox, in the current transaction (see the module docstring)."""

    transactional = True

    def send_messages(self, email_messages) -> int:
        rows = [_as_row(message) for message in email_messages if message.recipients()]
        OutgoingEmail.objects.bulk_create(rows)
        return len(rows)


def _as_message(row: OutgoingEmail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=row.to,
        cc=row.cc,
        bcc=row.bcc,
        reply_to=row.reply_to,
        headers=row.headers,
        connection=connection,
    )
    for content, mimetype in row.alternatives:
        message.attach_alternative(content, mimetype)
    return message


def relay(*, batch: int = RELAY_BATCH) -> int:
    """Hand committed outbox rows to the real backend; returns how many left."""
    relayed = 0
    connection = get_connection(settings.EMAIL_RELAY_BACKEND)
    while True:
        with transaction.atomic():
            rows = list(
                OutgoingEmail.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True)
                .order_by("pk")[:batch]
            )
            if not rows:
                purge_relayed()
                return relayed
            sent, failed = [], []
            for row in rows:
                try:
                    _as_message(row, connection).send()
                except Exception as error:  # noqa: BLE001 - kept on the row, tried again later
                    row.attempts += 1
                    row.last_error = str(error)[:ERROR_LENGTH]
                    failed.append(row)
                else:
                    sent.append(row.pk)
            OutgoingEmail.objects.filter(pk__in=sent).update(sent_at=timezone.now())
            OutgoingEmail.objects.bulk_update(failed, ["attempts", "last_error"])
            relayed += len(sent)
            if failed:
                return relayed


def purge_relayed() -> int:
    """Delete the rows relayed more than KEEP_DAYS ago."""
    cutoff = timezone.now() - timedelta(days=KEEP_DAYS)
    return OutgoingEmail.objects.filter(sent_at__lt=cutoff).delete()[0]


def after_commit(send) -> None:
    """Run ``send`` (a function that emails) once the transaction commits; a mail server that
    refuses or is down is logged (without addresses), never turned into an error page for a
    request whose work is saved. With the outbox backend, sending cannot fail this way."""

    def send_safely():
        try:
            send()
        except Exception:  # noqa: BLE001 - the request's work is committed: log, don't fail
            logger.exception("Email not sent by %s", getattr(send, "__qualname__", send))

    transaction.on_commit(send_safely)
