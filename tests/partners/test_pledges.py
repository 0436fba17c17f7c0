"""Partner space pages: the pledges of a need (first name and the chosen contact only),
marking a pledge done, the list of all pledges with its filters."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from matching.models import ContactChannel, Pledge, PledgeStatus
from partners.views.pledges import PER_PAGE
from tests.partners.pledge_factories import make_pledge, partner_need, volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(partner_page):
    return partner_need(partner_page, title="Kits d'hygiène")


def need_pledges_url(need):
    return reverse("partners:need_pledges", kwargs={"pk": need.pk})


def test_need_pledges_show_first_names_and_only_the_shared_contact(partner_client, need):
    by_email = volunteer("Alice", email="alice@example.org", phone="06 11 11 11 11")
    by_phone = volunteer("Bruno", email="bruno@example.org", phone="06 22 22 22 22")
    by_none = volunteer("Chloé", email="chloe@example.org", phone="06 33 33 33 33")
    make_pledge(need, profile=by_email, channel=ContactChannel.EMAIL)
    make_pledge(need, profile=by_phone, channel=ContactChannel.PHONE)
    make_pledge(need, profile=by_none, channel=ContactChannel.NONE)

    response = partner_client.get(need_pledges_url(need))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Alice" in html and "Bruno" in html and "Chloé" in html
    assert "alice@example.org" in html and "06 11 11 11 11" not in html
    assert "06 22 22 22 22" in html and "bruno@example.org" not in html
    assert "chloe@example.org" not in html and "06 33 33 33 33" not in html
    assert "via ré_action" in html
    for user in (by_email.user, by_phone.user, by_none.user):
        assert user.last_name not in html or not user.last_name


def test_need_pledges_show_an_anonymous_volunteer_after_account_deletion(partner_client, need):
    pledge = make_pledge(need, channel=ContactChannel.EMAIL)
    # What deleting the account leaves: the pledge, without its volunteer.
    Pledge.objects.filter(pk=pledge.pk).update(volunteer=None)

    response = partner_client.get(need_pledges_url(need))

    assert Pledge.objects.filter(pk=pledge.pk, volunteer=None).exists()
    assert "volontaire anonyme" in response.content.decode()


def test_marking_a_pledge_done_completes_it_and_counts_it_on_the_need(partner_client, need):
    pledge = make_pledge(need, quantity=3)

    response = partner_client.post(reverse("partners:pledge_done", kwargs={"pk": pledge.pk}))

    assert response.status_code == 302
    assert response["Location"] == need_pledges_url(need)
    pledge.refresh_from_db()
    need.refresh_from_db()
    assert pledge.status == PledgeStatus.DONE and pledge.done_at is not None
    assert need.quantity_fulfilled == 3


def test_marking_a_pledge_done_returns_to_the_page_it_came_from(partner_client, need):
    pledge = make_pledge(need)
    back = reverse("partners:pledges") + "?status=pledged"

    response = partner_client.post(
        reverse("partners:pledge_done", kwargs={"pk": pledge.pk}), {"next": back}
    )

    assert response["Location"] == back


def test_marking_done_never_redirects_to_another_site(partner_client, need):
    pledge = make_pledge(need)

    response = partner_client.post(
        reverse("partners:pledge_done", kwargs={"pk": pledge.pk}),
        {"next": "https://evil.example.com/"},
    )

    assert response["Location"] == need_pledges_url(need)


def test_marking_a_pledge_that_is_not_pending_answers_400_with_a_message(partner_client, need):
    pledge = make_pledge(need)
    partner_client.post(reverse("partners:pledge_done", kwargs={"pk": pledge.pk}))

    response = partner_client.post(reverse("partners:pledge_done", kwargs={"pk": pledge.pk}))

    assert response.status_code == 400
    assert "Seul un engagement en cours" in response.content.decode()
    need.refresh_from_db()
    assert need.quantity_fulfilled == pledge.quantity  # counted once


def test_marking_done_only_accepts_post(partner_client, need):
    pledge = make_pledge(need)

    response = partner_client.get(reverse("partners:pledge_done", kwargs={"pk": pledge.pk}))

    assert response.status_code == 405
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.PLEDGED


def test_the_pledge_list_filters_by_status_and_need(partner_client, partner_page, need):
    other_need = partner_need(partner_page, title="Repas chauds")
    done = make_pledge(need, profile=volunteer("Denise"))
    make_pledge(need, profile=volunteer("Émile"))
    make_pledge(other_need, profile=volunteer("Fanny"))
    partner_client.post(reverse("partners:pledge_done", kwargs={"pk": done.pk}))
    url = reverse("partners:pledges")

    by_status = partner_client.get(url, {"status": "done"})
    by_need = partner_client.get(url, {"need": other_need.pk})

    assert [p.pk for p in by_status.context["page"].object_list] == [done.pk]
    assert {p.volunteer_first_name for p in by_need.context["page"].object_list} == {"Fanny"}


def test_the_pledge_list_refuses_another_partners_need_as_a_filter(
    partner_client, other_partner_page
):
    foreign = partner_need(other_partner_page)
    make_pledge(foreign, profile=volunteer("Gaston"))

    response = partner_client.get(reverse("partners:pledges"), {"need": foreign.pk})

    assert response.status_code == 400
    assert "Gaston" not in response.content.decode()


def test_the_pledge_list_is_paginated(partner_client, partner_page):
    need = partner_need(partner_page, quantity_wanted=PER_PAGE + 10)
    profile = volunteer("Hugo")
    for _ in range(PER_PAGE + 1):
        make_pledge(need, profile=profile, quantity=1)
    url = reverse("partners:pledges")

    first = partner_client.get(url, {"need": need.pk})
    second = partner_client.get(url, {"need": need.pk, "page": 2})

    assert len(first.context["page"].object_list) == PER_PAGE
    assert len(second.context["page"].object_list) == 1
    assert "page=2" in first.content.decode()


def test_the_pledge_list_shows_only_the_partners_own_pledges(
    partner_client, need, other_partner_page
):
    make_pledge(need, profile=volunteer("Inès"))
    make_pledge(partner_need(other_partner_page), profile=volunteer("Jules"))

    html = partner_client.get(reverse("partners:pledges")).content.decode()

    assert "Inès" in html and "Jules" not in html


def test_pledge_pages_work_in_english(partner_client, need):
    make_pledge(need, profile=volunteer("Karim"))

    with translation.override("en"):
        url = need_pledges_url(need)
    response = partner_client.get(url)

    assert url.startswith("/en/")
    assert response.status_code == 200
    assert "Karim" in response.content.decode()


def test_the_need_pledges_page_costs_the_same_queries_for_one_or_many_pledges(partner_client, need):
    def queries_for_page() -> int:
        partner_client.get(need_pledges_url(need))  # warm the per-session caches
        with CaptureQueriesContext(connection) as queries:
            assert partner_client.get(need_pledges_url(need)).status_code == 200
        return len(queries)

    make_pledge(need, profile=volunteer("Léa"), channel=ContactChannel.EMAIL)
    with_one = queries_for_page()
    for name in ("Marc", "Nina", "Oscar", "Paul"):
        make_pledge(need, profile=volunteer(name), channel=ContactChannel.PHONE)

    assert queries_for_page() == with_one
