"""Urgent-alert fan-out at scale: one urgent need, 100,000 matching volunteers, every email
through Redis and real Celery worker processes, committed to the transactional email outbox
(portal.mail.OutboxEmailBackend). Prints the run's progress as the admin shows it (Matching →
alert runs), then the totals: emails per second, and the exactly-once checks (one outbox email
per volunteer, no duplicate, no uncertain row). With --kill, one worker's pool process is
killed (SIGKILL) a quarter of the way through.

    .venv/bin/python bench/fanout.py                          # 100,000 volunteers, 2 workers
    .venv/bin/python bench/fanout.py --volunteers 20000 --kill

Needs PostgreSQL and Redis (the production profile); uses its own database (reaction_fanout)
and Redis database 6.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment(args) -> dict:
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        CELERY_BROKER_URL=args.redis_url,
        CELERY_TASK_ALWAYS_EAGER="0",
        EMAIL_BACKEND="portal.mail.OutboxEmailBackend",
        URGENT_ALERTS_CLAIM_LEASE_S="10",
        LOG_LEVEL="WARNING",
    )


def start_worker(env: dict, number: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=prefork"]
    command += ["--concurrency=1", "--loglevel=WARNING", "--without-gossip", "--without-mingle"]
    command += ["-n", f"fanout-{number}-{os.getpid()}@%h"]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def pool_children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return [int(child) for child in children.read().split()]


def prepare(count: int):
    """Fresh volunteers around a point in the Atlantic (no demo volunteer is near) and a draft
    urgent need there."""
    from django.contrib.auth import get_user_model

    from matching.models import (
        GeocodingStatus,
        Need,
        NeedStatus,
        Place,
        PlaceKind,
        Urgency,
        VolunteerProfile,
    )
    from portal.models import OutgoingEmail

    users = get_user_model().objects
    users.filter(username__startswith="fanout-").delete()
    Need.objects.filter(title__startswith="Fan-out").delete()
    Place.objects.filter(name="Fan-out bench").delete()
    OutgoingEmail.objects.all().delete()
    created = users.bulk_create(
        (
            get_user_model()(username=f"fanout-{n}@example.org", email=f"fanout-{n}@example.org")
            for n in range(count)
        ),
        batch_size=5000,
    )
    VolunteerProfile.objects.bulk_create(
        (
            VolunteerProfile(
                user=user,
                latitude=47.0 + (n % 100) * 0.001,
                longitude=-20.0 + (n // 100 % 100) * 0.001,
                geocoding_status=GeocodingStatus.OK,
                radius_km=30,
                language="en" if n % 4 == 0 else "fr",
            )
            for n, user in enumerate(created)
        ),
        batch_size=5000,
    )
    place = Place.objects.create(
        kind=PlaceKind.HOSPITAL,
        name="Fan-out bench",
        postcode="00000",
        town="Atlantique",
        latitude=47.05,
        longitude=-19.95,
        geocoding_status=GeocodingStatus.MANUAL,
    )
    return Need.objects.create(
        place=place,
        title=f"Fan-out {time.strftime('%H:%M:%S')}",
        quantity_wanted=10,
        unit="kits",
        urgency=Urgency.CRITICAL,
        status=NeedStatus.DRAFT,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/reaction_fanout"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--volunteers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill", action="store_true", help="kill a worker's pool process")
    args = parser.parse_args()
    env = environment(args)
    os.environ.update(env)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction

    from matching.models import AlertRun, NeedAlert, NeedAlertStatus
    from matching.services import publishing
    from portal.models import OutgoingEmail

    started = time.monotonic()
    need = prepare(args.volunteers)
    print(f"{args.volunteers:,} volunteers ready in {time.monotonic() - started:.1f} s")
    workers = [start_worker(env, n) for n in range(args.workers)]
    killed = False
    try:
        time.sleep(5)  # workers connect
        started = time.monotonic()
        with transaction.atomic():
            publishing.publish(need)
        print("| s | status | matched | sent | chunks |")
        print("|---|---|---|---|---|")
        while True:
            time.sleep(2)
            run = AlertRun.objects.filter(need=need).first()
            if run is None:
                continue
            elapsed = time.monotonic() - started
            print(
                f"| {elapsed:.0f} | {run.status} | {run.matched:,} | {run.sent:,} | {run.chunks} |"
            )
            if args.kill and not killed and run.sent >= run.matched // 4 > 0:
                victim = pool_children(workers[0].pid)[0]
                os.kill(victim, signal.SIGKILL)
                killed = True
                print(f"killed pool process {victim} of worker 0 at {run.sent:,} sent")
            if run.status == "done":
                break
            if elapsed > 3600:
                raise SystemExit("the run did not finish within an hour")
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)
    elapsed = time.monotonic() - started
    run = AlertRun.objects.get(need=need)
    emails = OutgoingEmail.objects.filter(subject__contains=need.title)
    recipients = emails.values_list("to", flat=True)
    distinct = len({tuple(to) for to in recipients})
    rows_not_sent = NeedAlert.objects.filter(need=need).exclude(status=NeedAlertStatus.SENT)
    print(
        f"\n{run.matched:,} matched, {run.sent:,} sent in {elapsed:.0f} s "
        f"({run.sent / elapsed:,.0f} emails/s, {args.workers} workers, {run.chunks} chunks); "
        f"outbox: {emails.count():,} emails to {distinct:,} distinct volunteers; "
        f"uncertain {run.uncertain}; rows not sent {rows_not_sent.count()}"
        + ("; one pool process killed mid-run" if killed else "")
    )
    exact = emails.count() == distinct == run.matched == args.volunteers
    sys.exit(0 if exact and not rows_not_sent.exists() else 1)


if __name__ == "__main__":
    main()
