"""Anonymous visits of the directory, filters included, are served whole from the page cache:
per query string (in any order), never for signed-in visitors nor for invalid filters, and
dropped when a page is published."""

from django.test import override_settings

import pytest

from portal.page_cache import HEADER
from tests.actions.factories import ActionPageFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=60):
        yield


def test_a_filtered_directory_is_served_from_the_cache_on_the_second_visit(
    client, django_assert_num_queries
):
    first = client.get("/fr/actions/?mode=on-site&sort=most-done")
    assert first.status_code == 200 and first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fr/actions/?sort=most-done&mode=on-site")  # other order
    assert second[HEADER] == "hit" and second.content == first.content
    other = client.get("/fr/actions/?mode=remote")
    assert other[HEADER] == "miss" and other.content != first.content


def test_invalid_filters_are_never_stored(client):
    assert client.get("/fr/actions/?mode=flying").status_code == 400
    again = client.get("/fr/actions/?mode=flying")
    assert again.status_code == 400 and again.get(HEADER) is None


def test_signed_in_visitors_get_their_own_page(client):
    client.get("/fr/actions/?q=kits")
    client.force_login(UserFactory())
    response = client.get("/fr/actions/?q=kits")
    assert response.get(HEADER) is None and "Se déconnecter" in response.content.decode()


def test_a_published_action_shows_at_once(client, directory_fr):
    client.get("/fr/actions/?sort=newest")
    action = ActionPageFactory(parent=directory_fr, title="Action toute fraîche du jour")
    action.save_revision().publish()  # as an editor publishes: the cached pages drop
    response = client.get("/fr/actions/?sort=newest")
    assert "Action toute fraîche du jour" in response.content.decode()
