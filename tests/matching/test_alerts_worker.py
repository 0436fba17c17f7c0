"""Urgent alerts through the real broker and a real worker (CI's services leg; skipped on the
embedded default): one urgent need, 5,000 matching volunteers, 5,000 emails in chunks, exactly
once although the fan-out is sent again and chunks are retried.

The worker is another process with its own in-memory mail backend: what it sent is read from
the database it shares with the test. Each email is counted twice, independently: the alert rows
marked ``sent`` (one per volunteer, unique per need) and the run's ``messages_handed_over``,
incremented by every chunk with the number of messages it gave to the mail backend; a duplicate
send would raise the second above the first.

The session worker runs the tasks that tasks send eagerly, inside the sender (its settings are
portal.settings_test): the chunks would never meet the broker. These tests pause it and start a
worker of their own (tests/matching/alerts_worker_settings.py), where every chunk is a message.

The second test kills that worker's pool process in the middle of the run: its chunk is
redelivered (``reject_on_worker_lost``), waits for the dead claim to expire and takes over.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from matching import tasks
from matching.models import (
    AlertRun,
    AlertRunStatus,
    NeedAlert,
    NeedAlertStatus,
)
from matching.services import publishing
from portal.models import OutgoingEmail
from tests.matching.alert_factories import create_volunteers, draft_urgent_need

VOLUNTEERS = 5000
TIMEOUT_S = 240
ROOT = Path(__file__).resolve().parents[2]
# The killed worker's claims expire after this many seconds (15 minutes in production).
SHORT_LEASE_S = 3


def wait_for(condition, what: str, *, every_s: float = 0.5) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        assert time.monotonic() < deadline, f"the worker did not {what} within {TIMEOUT_S} s"
        time.sleep(every_s)


def queue_drained(app) -> bool:
    with app.connection_for_write() as connection:
        return connection.default_channel.client.llen("celery") == 0


def run_done(need_id: int) -> bool:
    return AlertRun.objects.filter(need_id=need_id, status=AlertRunStatus.DONE).exists()


@pytest.mark.celery_worker
@pytest.mark.services
@pytest.mark.slow
def test_an_urgent_need_reaches_5000_volunteers_exactly_once_through_a_real_worker(live_celery):
    volunteer_ids = create_volunteers(VOLUNTEERS)
    need = draft_urgent_need()

    with own_worker(live_celery, pool="solo"):
        publishing.publish(need)  # committed: its on-commit hook sends the fan-out to the broker
        tasks.send_urgent_alerts.delay(need.pk)  # the same fan-out, sent again at once
        wait_for(lambda: run_done(need.pk), "finish the run")

        rows = NeedAlert.objects.filter(need=need).order_by("pk")
        ids = list(rows.values_list("pk", flat=True))
        chunk = settings.URGENT_ALERTS_CHUNK_SIZE
        for first, last in ((ids[0], ids[chunk - 1]), (ids[-chunk], ids[-1]), (ids[0], ids[-1])):
            tasks.send_urgent_alert_chunk.delay(need.pk, first, last)  # chunks retried
        tasks.send_urgent_alerts.delay(need.pk)  # and the fan-out once more, after the end
        wait_for(lambda: queue_drained(live_celery), "take the repeated tasks")
        time.sleep(3)  # let the last one taken finish

    run = AlertRun.objects.get(need=need)
    assert run.matched == VOLUNTEERS
    assert run.sent == VOLUNTEERS
    assert run.messages_handed_over == VOLUNTEERS
    assert run.chunks == VOLUNTEERS // chunk
    assert (run.skipped_capped, run.skipped_muted, run.uncertain) == (0, 0, 0)
    assert AlertRun.objects.filter(need=need).count() == 1
    sent = rows.filter(status=NeedAlertStatus.SENT, sent_at__isnull=False)
    assert sorted(sent.values_list("volunteer_id", flat=True)) == volunteer_ids


def worker_names(app) -> list[str]:
    return [name for reply in app.control.ping(timeout=2) for name in reply]


@contextlib.contextmanager
def own_worker(app, *, pool: str, lease_s: int | None = None, email_backend: str = ""):
    """This module's worker, the session worker paused meanwhile (it shares the queue)."""
    paused = worker_names(app)
    app.control.cancel_consumer("celery", destination=paused, reply=True)
    database_url = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.matching.alerts_worker_settings",
        DB_CONN_MAX_AGE="0",
        DATABASE_URL=f"{database_url}/{connection.settings_dict['NAME']}",
    )
    if lease_s is not None:
        env["URGENT_ALERTS_CLAIM_LEASE_S"] = str(lease_s)
    if email_backend:
        env["TEST_WORKER_EMAIL_BACKEND"] = email_backend
    command = [sys.executable, "-m", "celery", "-A", "portal", "worker", f"--pool={pool}"]
    command += ["--concurrency=1", "--loglevel=WARNING", "--without-gossip", "--without-mingle"]
    worker = subprocess.Popen([*command, "-n", f"alerts-{os.getpid()}@%h"], cwd=ROOT, env=env)
    try:
        wait_for(lambda: len(worker_names(app)) > len(paused), "start")
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        app.control.add_consumer("celery", destination=paused, reply=True)


def pool_children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return [int(child) for child in children.read().split()]


def sent_count(need_id: int) -> int:
    return NeedAlert.objects.filter(need_id=need_id, status=NeedAlertStatus.SENT).count()


@pytest.mark.celery_worker
@pytest.mark.services
@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing_but_its_one_email_in_flight(
    live_celery,
):
    volunteer_ids = create_volunteers(VOLUNTEERS)
    need = draft_urgent_need()

    with own_worker(live_celery, pool="prefork", lease_s=SHORT_LEASE_S) as worker:
        publishing.publish(need)
        wait_for(lambda: sent_count(need.pk) > 0, "start sending", every_s=0.02)
        children = pool_children(worker.pid)
        assert children, "the worker has no pool process to kill"
        os.kill(children[0], signal.SIGKILL)
        sent_when_killed = sent_count(need.pk)
        assert sent_when_killed < VOLUNTEERS, "the run ended before the kill: nothing tested"
        wait_for(lambda: run_done(need.pk), "finish the run after the kill")

    run = AlertRun.objects.get(need=need)
    rows = NeedAlert.objects.filter(need=need)
    assert run.matched == VOLUNTEERS
    # The one email being handed over when the process died may or may not have left: it is
    # flagged, never sent again. Every other volunteer got exactly one email.
    assert run.uncertain <= 1
    assert run.sent + run.uncertain == VOLUNTEERS
    assert not rows.exclude(status__in=[NeedAlertStatus.SENT, NeedAlertStatus.UNCERTAIN]).exists()
    assert sorted(rows.values_list("volunteer_id", flat=True)) == volunteer_ids
    # Messages counted by chunks that finished; the killed chunk's count died with it.
    assert run.messages_handed_over <= run.sent


@pytest.mark.celery_worker
@pytest.mark.services
@pytest.mark.slow
def test_with_the_email_outbox_a_worker_killed_mid_run_loses_and_duplicates_nothing(live_celery):
    """The production mail setting (portal.mail.OutboxEmailBackend): each email commits with
    its row's mark, so the killed chunk's redelivery sends exactly what was missing."""
    volunteer_ids = create_volunteers(VOLUNTEERS)
    need = draft_urgent_need()
    OutgoingEmail.objects.all().delete()

    with own_worker(
        live_celery,
        pool="prefork",
        lease_s=SHORT_LEASE_S,
        email_backend="portal.mail.OutboxEmailBackend",
    ) as worker:
        publishing.publish(need)
        wait_for(lambda: sent_count(need.pk) > 0, "start sending", every_s=0.02)
        children = pool_children(worker.pid)
        assert children, "the worker has no pool process to kill"
        os.kill(children[0], signal.SIGKILL)
        assert sent_count(need.pk) < VOLUNTEERS, "the run ended before the kill: nothing tested"
        wait_for(lambda: run_done(need.pk), "finish the run after the kill")

    run = AlertRun.objects.get(need=need)
    assert (run.matched, run.sent, run.uncertain) == (VOLUNTEERS, VOLUNTEERS, 0)
    rows = NeedAlert.objects.filter(need=need)
    assert not rows.exclude(status=NeedAlertStatus.SENT).exists()
    assert sorted(rows.values_list("volunteer_id", flat=True)) == volunteer_ids
    recipients = [
        email.to[0] for email in OutgoingEmail.objects.filter(subject__contains=need.title)
    ]
    assert len(recipients) == VOLUNTEERS
    assert len(set(recipients)) == VOLUNTEERS
