"""A need's page reads the need, its place, its partner's name, its figures and whether a slot
is to come in one row: as many queries for a need with many pledges and past slots as for a
need with none, one more (its slots) once a slot is to come, whatever their number."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from matching import services
from matching.models import Need, Pledge, Slot
from tests.matching.factories import NeedFactory, VolunteerProfileFactory
from tests.matching.slot_factories import make_slot, volunteer

pytestmark = pytest.mark.django_db
OWN_TABLES = re.compile(r'^SELECT "matching_(\w+)"\.')  # the table of its first column


def page_queries(client, need) -> tuple[int, list[str], str]:
    """All the queries of the need's page, the tables its own queries read (the site's layout
    reads others) and its HTML."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(need.get_absolute_url())
    assert response.status_code == 200
    own = [OWN_TABLES.match(query["sql"]) for query in queries.captured_queries]
    return len(queries), [found[1] for found in own if found], response.content.decode()


def pledges_of_all_kinds(need: Need) -> None:
    """Thirteen pledges: one volunteer twice, one done, one cancelled, one whose volunteer left."""
    twice = VolunteerProfileFactory()
    services.pledge(volunteer=twice, need_id=need.pk, quantity=2)
    services.pledge(volunteer=twice, need_id=need.pk, quantity=1)
    done = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=4)
    services.complete_pledge(pledge_id=done.pk)
    cancelled = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=5)
    services.cancel_pledge(pledge_id=cancelled.pk)
    left = services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    Pledge.objects.filter(pk=left.pk).update(volunteer=None)
    for _ in range(8):
        services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)


def ended_slots(need: Need, count: int = 5) -> None:
    ended = timezone.now() - datetime.timedelta(hours=1)
    for day in range(count):
        ends_at = ended - datetime.timedelta(days=day)
        Slot.objects.create(
            need=need, starts_at=ends_at - datetime.timedelta(hours=3), ends_at=ends_at, places=2
        )


def test_a_need_with_many_pledges_and_past_slots_costs_what_a_bare_need_costs(client):
    bare, busy = NeedFactory(quantity_wanted=50), NeedFactory(quantity_wanted=50)
    client.get(bare.get_absolute_url())  # warm the per-process caches
    pledges_of_all_kinds(busy)
    ended_slots(busy)

    bare_count, bare_tables, bare_html = page_queries(client, bare)
    busy_count, busy_tables, busy_html = page_queries(client, busy)

    assert bare_tables == busy_tables == ["need"]  # figures and slots ride on the need's row
    assert busy_count == bare_count
    assert "0 kits, par 0 volontaire<" in bare_html and 'id="slots"' not in bare_html
    # 2 + 1 + 4 + 1 + 8 promised; the volunteer who pledged twice counts once, the one who
    # left still counts; the cancelled pledge does not.
    assert "16 kits, par 11 volontaires" in busy_html and 'id="slots"' not in busy_html


def ten_more_slots_and_pledges(need):
    for hours in range(60, 90, 3):
        make_slot(need, in_hours=hours)
    pledges_of_all_kinds(need)


def test_slots_to_come_cost_one_query_for_a_visitor_whatever_their_number(client):
    need = NeedFactory(quantity_wanted=50)
    make_slot(need)
    client.get(need.get_absolute_url())
    one_count, one_tables, one_html = page_queries(client, need)
    ten_more_slots_and_pledges(need)
    many_count, many_tables, many_html = page_queries(client, need)

    assert one_tables == many_tables == ["need", "slot"]
    assert many_count == one_count
    assert one_html.count('class="card slot"') == 1 and many_html.count('class="card slot"') == 11


def test_a_slot_under_way_is_still_to_come(client):
    need = NeedFactory()
    started = timezone.now() - datetime.timedelta(hours=1)
    Slot.objects.create(
        need=need, starts_at=started, ends_at=started + datetime.timedelta(hours=3), places=2
    )
    _count, tables, html = page_queries(client, need)
    assert tables == ["need", "slot"] and html.count('class="card slot"') == 1


def test_a_signed_in_volunteer_pays_for_their_places_and_form_not_for_the_pledges(client):
    need = NeedFactory(quantity_wanted=50)
    make_slot(need)
    client.force_login(volunteer().user)
    client.get(need.get_absolute_url())
    few_count, few_tables, _html = page_queries(client, need)
    ten_more_slots_and_pledges(need)
    many_count, many_tables, _html = page_queries(client, need)

    # The need's row, their profile (the pledge form asks for a phone they lack), the slots,
    # their places and their waiting lists.
    expected = ["need", "volunteerprofile", "slot", "slotbooking", "slotwaitlistentry"]
    assert few_tables == many_tables == expected
    assert many_count == few_count


def test_the_figures_of_the_page_row_are_those_of_the_pledges():
    need, bare = NeedFactory(quantity_wanted=50), NeedFactory()
    pledges_of_all_kinds(need)

    for shown in (need, bare):
        from_row = services.need_figures(services.public_need(shown.pk))
        from_pledges = services.need_figures(Need.objects.get(pk=shown.pk))
        assert from_row == from_pledges
    assert services.need_figures(services.public_need(need.pk)) == services.NeedFigures(
        wanted=50, pledged=16, fulfilled=4, volunteers=11
    )
