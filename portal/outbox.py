"""Celery tasks that survive a broker outage: ``dispatch(task, *args, **kwargs)`` instead of
``task.delay(*args, **kwargs)``, typically in ``transaction.on_commit`` callbacks.

The task is sent with ``apply_async``. When the broker (Redis) cannot be reached, the call is
kept in the outbox table (portal.models.PendingTask) instead of failing the web request whose
data is already committed; the beat task ``portal.tasks.flush_outbox`` sends the kept calls
again, oldest first, once the broker is back. Delivery is at least once: tasks sent through
the outbox must be idempotent (geocoding, notifications and alerts are).

In the embedded default (eager Celery) ``run_eagerly`` runs the task in-process: its own
errors propagate as with ``delay()``, except a ConnectionError/TimeoutError (e.g. the mail
server refusing), which is kept in the outbox too and run again by the next flush.
"""

import logging

from django.db import DatabaseError, transaction

from celery import current_app
from kombu import serialization
from kombu.exceptions import OperationalError as KombuOperationalError
from kombu.utils.uuid import uuid
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
        if task.app.conf.task_always_eager:
            run_eagerly(task, args, kwargs)
        else:
            task.apply_async(args=args, kwargs=kwargs)
        return True
    except BROKER_ERRORS as error:
        keep(task.name, args, kwargs, error)
        return False


def run_eagerly(task, args, kwargs):
    """What ``apply_async`` does when Celery is eager, without building Celery's tracer and
    result for each call (0.15 ms a call, twice per pledge, on this project's machines): the
    arguments
    go through the task serializer as they would to a worker, the task runs with an eager
    request (``self.request.is_eager``), its errors propagate, and a task that asks to be
    retried raises ``Retry`` as under Celery's eager ``apply`` (tests/portal/test_outbox_eager
    compares both)."""
    content_type, encoding, data = serialization.dumps(
        (args, kwargs), task.app.conf.task_serializer
    )
    args, kwargs = serialization.loads(data, content_type, encoding, accept=[content_type])
    task.push_request(
        id=uuid(),
        task=task.name,
        args=args,
        kwargs=kwargs,
        retries=0,
        is_eager=True,
        called_directly=False,  # as under apply: self.retry() raises Retry, not the error
        delivery_info={"is_eager": True},
    )
    try:
        return task.run(*args, **kwargs)
    finally:
        task.pop_request()


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
