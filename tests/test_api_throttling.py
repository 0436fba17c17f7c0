"""The JSON API's rate limits: per client address for anonymous requests, per account for
signed-in ones; over the limit, 429 with a message saying when to try again."""

import pytest

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/needs/?postcode=75011&radius_km=5"


@pytest.fixture
def low_limits(settings):
    settings.API_RATE_ANONYMOUS = "3/minute"
    settings.API_RATE_ACCOUNT = "5/minute"


@pytest.mark.usefixtures("low_limits")
def test_an_address_past_its_limit_gets_429_with_a_message(client):
    statuses = [client.get(NEEDS).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    answer = client.get("/api/v1/actions/")
    assert answer.status_code == 429
    assert "Retry-After" in answer
    assert answer.json()["detail"]


@pytest.mark.usefixtures("low_limits")
def test_another_address_is_not_limited_by_the_first(client):
    for _ in range(3):
        client.get(NEEDS)
    assert client.get(NEEDS, REMOTE_ADDR="10.1.2.3").status_code == 200


@pytest.mark.usefixtures("low_limits")
def test_signed_in_accounts_have_their_own_limit(client, django_user_model):
    from challenges.models import PartnerPage
    from partners.models import PartnerMember

    user = django_user_model.objects.create_user("api@example.org", "api@example.org", "x")
    partner = PartnerPage.objects.filter(locale__language_code="fr").first()
    PartnerMember.objects.create(user=user, partner=partner, role="owner")
    client.force_login(user)
    statuses = [client.get("/api/v1/partner/places/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
