"""The anonymous page cache of the hot pages (home, challenges)."""

from django.test import override_settings

import pytest

from portal.page_cache import HEADER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=60):
        yield


def test_a_second_anonymous_visit_of_the_home_page_is_served_from_the_cache(
    client, django_assert_num_queries
):
    first = client.get("/fr/")
    assert first.status_code == 200 and first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fr/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_each_language_has_its_own_cached_page(client):
    french, english = client.get("/fr/"), client.get("/en/")
    assert french.content != english.content
    assert client.get("/en/").content == english.content


def test_challenge_pages_are_cached_too(client):
    from challenges.models import ChallengePage

    challenge = ChallengePage.objects.live().filter(locale__language_code="fr").first()
    url = challenge.url
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"


def test_publishing_a_page_drops_the_cached_pages(client, home_fr):
    client.get("/fr/")
    home_fr.save_revision().publish()
    assert client.get("/fr/")[HEADER] == "miss"


def test_signed_in_visitors_and_query_strings_are_never_served_from_the_cache(
    client, django_user_model
):
    client.get("/fr/")
    assert client.get("/fr/?utm=1").get(HEADER) is None
    user = django_user_model.objects.create_user("cache@example.org", "cache@example.org", "x")
    client.force_login(user)
    signed_in = client.get("/fr/")
    assert signed_in.get(HEADER) is None
    assert b"/fr/deconnexion/" in signed_in.content


def test_pages_with_a_form_token_are_not_stored(client):
    from home.models import ContactFormPage

    contact = ContactFormPage.objects.live().filter(locale__language_code="fr").first()
    client.get(contact.url)
    assert client.get(contact.url).get(HEADER) is None


@override_settings(PAGE_CACHE_SECONDS=0)
def test_a_zero_lifetime_turns_the_cache_off(client):
    client.get("/fr/")
    assert client.get("/fr/").get(HEADER) is None
