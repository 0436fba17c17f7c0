"""Upgrades: the data migrations run forward on a copy of the demo database.

The demo site is built at today's schema in a SQLite file of its own, copied, taken back to the
schema before the partner space (matching 0001: needs had no publication date, pledges no contact
channel), then migrated forward again: every need published before the upgrade gets its
publication date, drafts none, and nothing else moves. Runs in subprocesses (the suite's own
database stays untouched)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

SNAPSHOT = """
import json
from matching.models import Need, Pledge
needs = sorted(Need.objects.values_list("id", "status", "quantity_pledged", "title"))
dated = list(Need.objects.exclude(published_at=None).values_list("id", "status"))
undated = list(Need.objects.filter(published_at=None).values_list("id", "status"))
same_day = all(
    n.published_at == n.created_at for n in Need.objects.exclude(published_at=None)
)
print(json.dumps({"needs": needs, "dated": dated, "undated": undated, "same_day": same_day,
                  "pledges": Pledge.objects.count()}))
"""


MAKE_ONE_DRAFT = """
from matching.models import Need
Need.objects.filter(pk=Need.objects.order_by("pk").first().pk).update(status="draft")
"""


def manage(database: Path, *arguments: str) -> str:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{database}",
        CELERY_BROKER_URL="",
        REDIS_URL="",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


DROP_PLEDGES_WITHOUT_VOLUNTEER = (
    "from matching.models import Pledge; Pledge.objects.filter(volunteer=None).delete()"
)


def snapshot(database: Path) -> dict:
    return json.loads(manage(database, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def test_the_partner_space_migration_dates_the_needs_of_a_demo_database(tmp_path):
    demo = tmp_path / "demo.sqlite3"
    manage(demo, "migrate", "--noinput", "-v0")
    manage(demo, "load_demo", "--skip-index", "-v0")
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(demo, copy)
    manage(copy, "shell", "-c", MAKE_ONE_DRAFT)
    # A database from before the partner space cannot hold a pledge whose volunteer left (the
    # demo's past pledges): the schema of 0001 required the volunteer.
    manage(copy, "shell", "-c", DROP_PLEDGES_WITHOUT_VOLUNTEER)
    before = snapshot(copy)

    manage(copy, "migrate", "matching", "0001", "--noinput", "-v0")
    manage(copy, "migrate", "--noinput", "-v0")
    after = snapshot(copy)

    assert after["needs"] == before["needs"] and after["pledges"] == before["pledges"]
    assert len(after["needs"]) > 50
    assert {status for _pk, status in after["undated"]} == {"draft"}
    assert len(after["dated"]) == len(after["needs"]) - len(after["undated"])
    assert after["same_day"]
    manage(copy, "check")
    manage(copy, "makemigrations", "--check", "--dry-run")
