"""Shared fixtures: the demo site loaded once per session, and a real Celery worker when a real
broker is configured (CI's services leg); tests marked ``celery_worker`` skip otherwise."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

ROOT = Path(__file__).resolve().parent.parent
NO_BROKER = "needs a real Celery broker (CELERY_BROKER_URL): run by CI's services leg"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, built once for the whole session (tests run in rolled-back transactions)."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French, the site's default, whatever an earlier test activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_task_context():
    """Each test starts outside any Celery task: an eager task that an earlier test left
    half-run must not make ``result.get()`` refuse to block here."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)
    yield


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits, cached counters and fragments must not leak from one test to the next."""
    from portal import fragments

    cache.clear()
    fragments.forget()
    yield
    cache.clear()
    fragments.forget()


@pytest.fixture
def memo_on(settings):
    """Values kept per process and publication (portal.publication_memo), as in production:
    the tests run with the memo off."""
    from portal import publication_memo

    settings.PUBLICATION_MEMO_SECONDS = 300
    publication_memo.clear()
    yield
    publication_memo.clear()


@pytest.fixture
def fr(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_fr(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def home_en(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def page_by_path(db):
    def find(url_path: str) -> Page:
        return Page.objects.get(url_path=url_path).specific

    return find


def real_broker() -> bool:
    return settings.CELERY_BROKER_URL not in ("", "memory://")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real ``celery worker`` process on the configured broker and the test database."""
    if not real_broker():
        pytest.skip(NO_BROKER)
    with django_db_blocker.unblock():
        test_db_name = connection.settings_dict["NAME"]
    database_url = os.environ.get("DATABASE_URL", "")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings_test", DB_CONN_MAX_AGE="0")
    if database_url.startswith("postgres"):
        env["DATABASE_URL"] = database_url.rsplit("/", 1)[0] + "/" + test_db_name
    else:
        pytest.skip("a worker shares the test database only on PostgreSQL")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "-n",
            "ci@%h",
        ],
        cwd=ROOT,
        env=env,
    )
    from portal.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1):
            break
    else:
        process.terminate()
        pytest.fail("the Celery worker did not answer a ping within 60 s")
    yield process
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def live_celery(celery_worker_process, transactional_db):
    """Send tasks through the real broker to the real worker for this test (not eagerly)."""
    from home.models import HomePage
    from portal.celery import app

    if not HomePage.objects.exists():  # an earlier transactional test flushed the demo site
        call_command("load_demo", "--skip-index", verbosity=0)
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


@pytest.hookimpl(tryfirst=True)  # before pytest-django orders transactional tests last
def pytest_collection_modifyitems(config, items):
    for item in items:
        if "celery_worker" not in item.keywords:
            continue
        if not real_broker():
            item.add_marker(pytest.mark.skip(reason=NO_BROKER))
            continue
        # The worker is another process: the test's data must be committed, not rolled back.
        # serialized_rollback restores the migrations' rows (root page, collection) that an
        # earlier flush removed, so the demo can be reloaded.
        item.add_marker(
            pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
        )
        item.fixturenames.insert(0, "live_celery")  # before the test's own fixtures
