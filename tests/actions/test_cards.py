"""Directory cards come from a cache of rendered fragments (actions.cards): warm, a page of
results costs fewer queries and the same HTML; a completion recorded or a page published shows
at once."""

import datetime

import pytest

from actions import weeks
from actions.cards import CardRow, card_keys
from actions.services import record_action_done
from tests.actions.factories import ActionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caches_on(settings):
    settings.DIRECTORY_CACHE_SECONDS = 300


def cards(response) -> str:
    html = response.content.decode()
    return html.split('<ul class="card-grid directory__list">', 1)[1].split("</section>", 1)[0]


def test_warm_cards_cost_no_query_and_render_the_same(
    client, caches_on, django_assert_max_num_queries
):
    client.get("/fr/actions/")  # warm the site root paths cache
    with django_assert_max_num_queries(100) as cold:
        first = client.get("/fr/actions/")
    with django_assert_max_num_queries(100) as warm:
        again = client.get("/fr/actions/")
    assert cards(again) == cards(first)
    assert "Recommandée par" in cards(first)  # the partners, fetched for the misses only
    # Warm: neither the two option queries, the facet counts, the total nor the partners.
    assert len(warm.captured_queries) <= len(cold.captured_queries)
    assert not any("actions_actionpage_partners" in q["sql"] for q in warm.captured_queries)


def test_a_recorded_completion_shows_on_the_card_at_once(client, caches_on, directory_fr):
    action = ActionPageFactory(parent=directory_fr, title="Action zorglubienne", times_done=0)
    assert "Réalisée" not in client.get("/fr/actions/", {"q": "zorglubienne"}).content.decode()
    record_action_done(action, times=7)
    html = client.get("/fr/actions/", {"q": "zorglubienne"}).content.decode()
    assert "Réalisée 7 fois" in html


def test_a_published_title_shows_on_the_card_at_once(client, caches_on, directory_fr):
    action = ActionPageFactory(parent=directory_fr, title="Ancien titre de carte")
    assert "Ancien titre de carte" in client.get("/fr/actions/").content.decode()
    action.title = "Nouveau titre de carte"
    action.save_revision().publish()
    html = client.get("/fr/actions/").content.decode()
    assert "Nouveau titre de carte" in html and "Ancien titre de carte" not in html


def test_cards_follow_the_language(client, caches_on):
    fr = client.get("/fr/actions/").content.decode()
    en = client.get("/en/actions/").content.decode()
    assert "Recommandée par" in fr and "Recommended by" in en
    assert "Recommandée par" not in en


def test_a_card_key_names_what_may_change_on_the_card():
    key = card_keys(version=7, host="testserver", heading_level=2)
    old = CardRow(pk=1, times_done=5, published_week=datetime.date(2020, 1, 6))
    new = CardRow(pk=2, times_done=0, published_week=weeks.current_week_start())
    assert (old.is_new, new.is_new) == (False, True)
    assert key(old) == "action-card:7:fr:testserver:2:1:5:0"
    assert key(new) == "action-card:7:fr:testserver:2:2:0:1"
    assert key(CardRow(pk=1, times_done=6, published_week=None)).endswith(":1:6:0")
