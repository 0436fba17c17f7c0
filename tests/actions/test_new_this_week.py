""" "New this week": the badge, the home page and challenge page sections, the Atom feed; and
the challenge pages' recommended actions."""

import datetime
from xml.etree import ElementTree

from django.urls import reverse
from django.utils import translation

import pytest

from actions import weeks
from actions.services import record_action_done
from tests.actions.factories import ActionPageFactory
from tests.queries import per_request

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOME_QUERIES = 22  # with the sponsors by tier and the footer's links (2)
CHALLENGE_QUERIES = 26  # with the challenge's sponsors and the footer's links (2)


def test_an_action_published_this_week_wears_the_badge(client):
    html = client.get("/fr/actions/courses-seniors-isoles/").content.decode()
    assert "Nouveau cette semaine" in html
    html = client.get("/fr/actions/appeler-seniors-isoles/").content.decode()
    assert "Nouveau cette semaine" not in html


def test_a_new_action_is_dated_to_the_week_it_is_published(directory_fr, this_week):
    action = ActionPageFactory(parent=directory_fr, live=False)
    assert action.published_week is None
    action.save_revision().publish()
    action.refresh_from_db()
    assert action.published_week == this_week and action.is_new


def test_republishing_keeps_the_week_and_the_times_done(directory_fr, last_week):
    action = ActionPageFactory(parent=directory_fr, published_week=last_week)
    revision = action.save_revision()  # a draft made before the action was done
    record_action_done(action, times=3)
    revision.publish()
    action.refresh_from_db()
    assert action.published_week == last_week and action.times_done == 3


def test_home_page_shows_this_weeks_new_actions_in_its_language(client):
    fr = client.get("/fr/").content.decode()
    assert 'id="new-actions-title"' in fr
    assert "Contribuer aux travaux de récolte des agriculteurs" in fr
    assert "Passer du temps au téléphone" not in fr  # last week's
    assert 'href="/fr/actions/?new=true"' in fr
    en = client.get("/en/").content.decode()
    assert "Help farmers with the current harvest" in en


def test_home_page_query_count_does_not_grow_with_new_actions(
    client, directory_fr, django_assert_num_queries
):
    client.get("/fr/")
    with django_assert_num_queries(per_request(HOME_QUERIES)):
        client.get("/fr/")
    for number in range(10):
        ActionPageFactory(parent=directory_fr, title=f"Nouveauté {number}")
    with django_assert_num_queries(per_request(HOME_QUERIES)):
        html = client.get("/fr/").content.decode()
    assert html.count("card--action") == 3


def test_challenge_page_lists_its_recommended_and_new_actions(client):
    html = client.get("/fr/defis/seniors-isoles/").content.decode()
    new_section, recommended = html.split('id="actions-title"')
    assert "Faire les courses pour des seniors isolés" in new_section
    assert "Passer du temps au téléphone avec des seniors isolés" in recommended
    assert "Trouver des partenariats avec de nouveaux établissements" in recommended
    assert "Faire les courses pour des seniors isolés" not in recommended
    assert "Collecter des kits" not in html
    assert 'href="/fr/actions/?challenge=seniors-isoles"' in html
    html = client.get("/en/challenges/isolated-seniors/").content.decode()
    assert "Spend time on the phone with isolated seniors" in html


def test_challenge_page_query_count_does_not_grow_with_its_actions(
    client, directory_fr, homeless_fr, django_assert_num_queries
):
    client.get(homeless_fr.url)
    with django_assert_num_queries(per_request(CHALLENGE_QUERIES)):
        client.get(homeless_fr.url)
    for number in range(8):
        ActionPageFactory(parent=directory_fr, challenge=homeless_fr, title=f"Sans-abri {number}")
    with django_assert_num_queries(per_request(CHALLENGE_QUERIES)):
        client.get(homeless_fr.url)


def parse_feed(content: bytes):
    return ElementTree.fromstring(content)  # noqa: S314 - the portal's own feed


def test_atom_feed_lists_the_new_actions_of_its_language(client, directory_fr):
    older = ActionPageFactory(
        parent=directory_fr,
        title="Action d'il y a longtemps",
        published_week=weeks.current_week_start() - datetime.timedelta(weeks=10),
    )
    response = client.get("/fr/nouvelles-actions.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_feed(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert len(titles) == 13
    assert titles[-1] == older.title
    assert "Contribuer aux travaux de récolte des agriculteurs" in titles[:4]
    link = entries[0].find(f"{ATOM}link").attrib["href"]
    assert "/fr/actions/" in link and link.startswith("http")
    with translation.override("en"):
        english_feed = reverse("actions:new_actions_feed")
    en = parse_feed(client.get(english_feed).content)
    assert "Help farmers with the current harvest" in [
        entry.find(f"{ATOM}title").text for entry in en.findall(f"{ATOM}entry")
    ]


def test_directory_and_home_link_to_the_feed(client):
    html = client.get("/fr/actions/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/fr/nouvelles-actions.atom"'
        in html
    )
