"""Celery tasks that survive a broker outage: ``dispatch(task, *args, **kwargs)`` instead of
``task.delay(*args, **kwargs)``, typically in ``transaction.on_commit`` callbacks.

The task is sent with ``apply_async``. When the broker (Redis) cannot be reached, the call is
kept in the outbox table (portal.models.PendingTask) instead of failing the web request whose
data is already committed; the beat task ``portal.tasks.flush_outbox`` sends the kept calls
again, oldest first, once the broker is back. Delivery is at least once: tasks sent through
the outbox must be idempotent (geocoding, notifications and alerts are).

In the embedded default (eager Celery) ``apply_async`` runs the task in-process: its own
errors propagate as with ``delay()``, except a ConnectionError/TimeoutError (e.g. the mail
server refusing), which is kept in the outbox too and run again by the next flush.
"""

import logging

from django.db import DatabaseError, transaction

from celery import current_app
from kombu.exceptions import OperationalError as KombuOperationalError
from redis import exceptions as redis_exceptions

from portal.models import PendingTask

logger = logging.getLogger(__name__)

# What a publish raises when the broker is unreachable (kombu wraps most of them).
BROKER_ERRORS = (
    KombuOperationalError,
    ConnectionError,
    TimeoutError,
    redis_exceptions.ConnectionError,
    redis_exceptions.TimeoutError,
)
FLUSH_BATCH = 200
ERROR_LENGTH = 1000


def dispatch(task, *args, **kwargs) -> bool:
    """Send ``task`` now (True), or keep it in the outbox while the broker is down (False).

    Args must be JSON-serialisable (ids, short strings), as for Celery's JSON serializer.
    Never raises for a broker outage: the caller's work is already saved.
    """
    try:
        task.apply_async(args=args, kwargs=kwargs)
        return True
    except BROKER_ERRORS as error:
        keep(task.name, args, kwargs, error)
        return False


def keep(name: str, args, kwargs, error: BaseException) -> None:
    """Store one call in the outbox; if even the database fails, log the call to replay it."""
    message = f"{type(error).__name__}: {error}"[:ERROR_LENGTH]
    try:
        PendingTask.objects.create(
            name=name, args=list(args), kwargs=dict(kwargs), last_error=message
        )
    except DatabaseError:
        logger.exception("Outbox: could not keep %s args=%r kwargs=%r", name, args, kwargs)
        return
    logger.warning("Broker unreachable: %s kept in the outbox (%s)", name, message)


def flush(*, batch: int = FLUSH_BATCH) -> int:
    """Send kept calls again, oldest first; returns how many the broker took.

    Stops at the first broker error (still down): that row's attempts and error are updated
    and the rest wait for the next run. A row whose task is unknown is kept and counted, for
    an administrator to look at.
    """
    sent = 0
    with transaction.atomic():
        rows = list(
            PendingTask.objects.select_for_update(skip_locked=True).order_by("created_at", "id")[
                :batch
            ]
        )
        for row in rows:
            task = current_app.tasks.get(row.name)
            if task is None:
                _count_failure(row, f"Unknown task {row.name!r}")
                continue
            try:
                task.apply_async(args=row.args, kwargs=row.kwargs)
            except BROKER_ERRORS as error:
                _count_failure(row, f"{type(error).__name__}: {error}")
                break
            row.delete()
            sent += 1
    if sent:
        logger.info("Outbox: %d kept task(s) sent", sent)
    return sent


def _count_failure(row: PendingTask, message: str) -> None:
    PendingTask.objects.filter(pk=row.pk).update(
        attempts=row.attempts + 1, last_error=message[:ERROR_LENGTH]
    )
