"""Figures of the programme room: placement, the daily schedule, live counters.

Meant for bench/programme.py (kept here until the lead moves it). On a migrated database with the
demo loaded; everything it creates is rolled back at the end:

    DEBUG=1 DATABASE_URL=postgres://… .venv/bin/python tests/programme/bench_programme.py
"""

import datetime
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(
    0, str(next(p for p in Path(__file__).resolve().parents if (p / "manage.py").exists()))
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from challenges.models import ChallengePage  # noqa: E402
from programme.models import Coordinator, CoordinatorTraining  # noqa: E402
from programme.services import impact, live_impact_counts, schedule, signup  # noqa: E402

COORDINATORS = 200
VOLUNTEERS = 3000
WEEK = datetime.date(2032, 1, 5)
PARIS = ZoneInfo("Europe/Paris")


class Rollback(Exception):
    pass


def timed(label, function, count=1):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    per = f" ({1000 * elapsed / count:.2f} ms each)" if count > 1 else ""
    print(f"{label}: {elapsed:.2f} s{per}")
    return result


def main():
    mail.outbox = []
    farmers = ChallengePage.objects.get(slug="agriculteurs-locaux", locale__language_code="fr")
    users = get_user_model().objects
    people = users.bulk_create(
        users.model(username=f"bench{n}@example.org", email=f"bench{n}@example.org")
        for n in range(COORDINATORS + VOLUNTEERS)
    )
    coordinators = Coordinator.objects.bulk_create(
        Coordinator(user=user, language="fr", area="remote") for user in people[:COORDINATORS]
    )
    CoordinatorTraining.objects.bulk_create(
        CoordinatorTraining(coordinator=c, challenge=farmers, completed_on=WEEK)
        for c in coordinators
    )
    choice = signup.Choice(challenge=farmers, start_date=WEEK, language="fr", area="remote")
    timed(
        f"{VOLUNTEERS} sign-ups placed (one pool, {COORDINATORS} coordinators)",
        lambda: [signup.join(user, choice) for user in people[COORDINATORS:]],
        VOLUNTEERS,
    )
    now = datetime.datetime.combine(WEEK, datetime.time(8), tzinfo=PARIS)
    sent = timed(
        f"schedule run sending day 0 to {VOLUNTEERS} members",
        lambda: schedule.send_due_emails(now=now),
    )
    print(f"  emails sent: {sent}")
    later = now + datetime.timedelta(minutes=1)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        timed("next minute's run (nothing due)", lambda: schedule.send_due_emails(now=later))
    print(f"  queries: {len(queries)}")
    volunteer = people[-1]
    timed(
        "2000 impact reports recorded",
        lambda: [
            impact.record_report(
                user=volunteer, challenge=farmers, unit="producteurs-soutenus", quantity=1
            )
            for _ in range(2000)
        ],
        2000,
    )
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        timed("live_impact_counts()", live_impact_counts)
    print(f"  queries: {len(queries)}")


if __name__ == "__main__":
    try:
        with transaction.atomic():
            main()
            raise Rollback
    except Rollback:
        print("(rolled back)")
