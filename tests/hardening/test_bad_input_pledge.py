"""A need's page, its pledge form and its report form: forged ids, negative and enormous
quantities, any text: the form comes back with its errors (400) or the pledge is made (302),
never a server error; a refused pledge reserves nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.models import Need, NeedStatus, Pledge
from tests.factories import UserFactory
from tests.hardening.strategies import bounded, fresh_limits, hostile_text, numbers
from tests.matching.factories import NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def need():
    return NeedFactory(quantity_wanted=10, status=NeedStatus.OPEN)


@pytest.fixture
def volunteer_client(client):
    client.force_login(UserFactory(username="hardening-volunteer"))
    return client


@bounded
@given(
    quantity=numbers(),
    channel=st.one_of(st.sampled_from(["none", "email", "phone"]), hostile_text()),
    phone=hostile_text(),
)
def test_any_pledge_is_made_or_refused_with_400(volunteer_client, need, quantity, channel, phone):
    fresh_limits()
    before = Need.objects.get(pk=need.pk).quantity_pledged
    pledges = Pledge.objects.filter(need=need).count()
    response = volunteer_client.post(
        f"/fr/besoins/{need.pk}/engagement/",
        {"quantity": quantity, "contact_channel": channel, "phone": phone},
    )
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert Need.objects.get(pk=need.pk).quantity_pledged == before
        assert Pledge.objects.filter(need=need).count() == pledges


@bounded
@given(reason=hostile_text(), message=hostile_text())
def test_any_report_is_taken_or_refused_with_400(volunteer_client, need, reason, message):
    fresh_limits()
    response = volunteer_client.post(
        f"/fr/besoins/{need.pk}/signaler/",
        {"report-reason": reason, "report-message": message},
    )
    assert response.status_code in (302, 400), response.status_code


@bounded
@given(pk=st.one_of(st.integers(min_value=0, max_value=10**40), st.just(2**63)))
def test_forged_need_ids_answer_404(volunteer_client, pk):
    fresh_limits()
    assert volunteer_client.get(f"/fr/besoins/{pk}/").status_code in (200, 404)
    response = volunteer_client.post(f"/fr/besoins/{pk}/engagement/", {"quantity": "1"})
    assert response.status_code in (302, 400, 404)
