"""Fixtures of the actions room: the demo directory in both languages."""

import datetime

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from actions import weeks
from actions.models import ActionIndexPage, ActionPage
from challenges.models import ChallengePage, PartnerPage

SEED_ACTIONS = 12

requires_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="French stemming is PostgreSQL full text (the SQLite backend matches whole words)",
)


# The production setting on PostgreSQL (see the report): full text with French stemming.
FRENCH_FULL_TEXT = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "french"}
}


@pytest.fixture
def french_full_text(settings, db):
    """Search with the French configuration, the actions re-indexed with it."""
    settings.WAGTAILSEARCH_BACKENDS = FRENCH_FULL_TEXT
    get_search_backend().add_bulk(ActionPage, list(ActionPage.objects.all()))


@pytest.fixture
def directory_fr(fr):
    return ActionIndexPage.objects.get(locale=fr)


@pytest.fixture
def directory_en(en):
    return ActionIndexPage.objects.get(locale=en)


@pytest.fixture
def homeless_fr(fr):
    return ChallengePage.objects.get(locale=fr, slug="sans-abri")


@pytest.fixture
def farmers_fr(fr):
    return ChallengePage.objects.get(locale=fr, slug="agriculteurs-locaux")


@pytest.fixture
def la_cloche_fr(fr):
    return PartnerPage.objects.get(locale=fr, slug="la-cloche")


@pytest.fixture
def this_week():
    return weeks.current_week_start()


@pytest.fixture
def last_week(this_week):
    return this_week - datetime.timedelta(weeks=1)


def titles(actions) -> list[str]:
    return [action.title for action in actions]


def live_actions(locale) -> list[ActionPage]:
    return list(ActionPage.objects.live().filter(locale=locale))
