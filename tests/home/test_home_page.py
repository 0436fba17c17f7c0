"""The home page: counters against the programme's goals, editable in the site settings."""

from wagtail.models import Site

import pytest

from home.models import ProgrammeGoals
from home.services import impact_counters
from programme.services import live_impact_counts

pytestmark = pytest.mark.django_db


def test_home_shows_goals_as_progress_bars(client):
    html = client.get("/fr/").content.decode()
    volunteers = 1600 + live_impact_counts()["volunteers"]  # recorded + signed up on the portal
    assert f'<progress id="goal-volunteers" max="15000" value="{volunteers}"' in html
    assert '<progress id="goal-actions" max="100000"' in html


def test_editing_the_goals_updates_the_home_page_at_once(client, home_fr):
    client.get("/fr/")  # fills the counters cache
    goals = ProgrammeGoals.for_site(home_fr.get_site())
    goals.goal_volunteers = 20_000
    goals.save()
    html = client.get("/fr/").content.decode()
    assert '<progress id="goal-volunteers" max="20000"' in html


def test_partner_counter_counts_each_partner_once_across_languages(client):
    site = Site.objects.get(is_default_site=True)
    assert impact_counters(site)["partners"].value == 6


def test_home_shows_the_calls_to_action_of_the_seed(client):
    html = client.get("/en/").content.decode()
    for title in (
        "Join a cohort",
        "Support the programme",
        "Engage your employees",
        "Talk about the programme",
    ):
        assert title in html
