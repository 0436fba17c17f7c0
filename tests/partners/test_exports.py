"""CSV exports of a partner's needs and pledges: UTF-8 with a BOM, `;`-separated, streamed,
with the pages' privacy rule and no spreadsheet formula left to run."""

import csv
import io

from django.http import StreamingHttpResponse
from django.urls import reverse

import pytest

from matching.models import ContactChannel, Pledge
from partners import exports
from tests.partners.pledge_factories import make_pledge, partner_need, volunteer

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


@pytest.fixture
def need(partner_page):
    return partner_need(partner_page, title="Masques en tissu")


def test_the_needs_export_is_a_streamed_semicolon_csv_with_a_bom(partner_client, need):
    response = partner_client.get(reverse("partners:export_needs"))

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="besoins.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:3] == ["Identifiant", "Titre", "Lieu"]
    assert [str(need.pk), "Masques en tissu", need.place.name] in [row[:3] for row in rows]


def test_the_needs_export_holds_every_need_of_the_partner_and_no_other(
    partner_client, partner_page, other_partner_page, need
):
    foreign = partner_need(other_partner_page, title="Besoin d'un autre partenaire")

    rows = read_csv(partner_client.get(reverse("partners:export_needs")))

    ids = {int(row[0]) for row in rows[1:]}
    own = set(partner_page.places.values_list("needs__id", flat=True)) - {None}
    assert ids == own
    assert foreign.pk not in ids


def test_the_pledges_export_carries_first_names_and_only_the_shared_contact(partner_client, need):
    make_pledge(
        need,
        profile=volunteer("Alice", email="alice@example.org", phone="06 11 11 11 11"),
        channel=ContactChannel.EMAIL,
    )
    make_pledge(
        need,
        profile=volunteer("Bruno", email="bruno@example.org", phone="06 22 22 22 22"),
        channel=ContactChannel.PHONE,
    )
    make_pledge(
        need,
        profile=volunteer("Chloé", email="chloe@example.org", phone="06 33 33 33 33"),
        channel=ContactChannel.NONE,
    )

    response = partner_client.get(reverse("partners:export_pledges"))

    rows = read_csv(response)
    header = rows[0]
    by_name = {row[header.index("Volontaire (prénom)")]: row for row in rows[1:]}
    contact = header.index("Contact")
    assert by_name["Alice"][contact] == "alice@example.org"
    assert by_name["Bruno"][contact] == "06 22 22 22 22"
    assert by_name["Chloé"][contact] == "via ré_action"
    text = "\n".join(";".join(row) for row in rows)
    for hidden in ("06 11 11 11 11", "bruno@example.org", "chloe@example.org", "06 33 33 33 33"):
        assert hidden not in text


def test_an_anonymous_volunteer_stays_anonymous_in_the_export(partner_client, need):
    pledge = make_pledge(need, profile=volunteer("Denise", email="denise@example.org"))
    Pledge.objects.filter(pk=pledge.pk).update(volunteer=None)  # the account was deleted

    text = b"".join(
        partner_client.get(reverse("partners:export_pledges")).streaming_content
    ).decode()

    assert "volontaire anonyme" in text
    assert "Denise" not in text and "denise@example.org" not in text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_get_a_quote(start):
    assert exports.safe_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"


def test_ordinary_cells_and_numbers_are_left_alone():
    assert exports.safe_cell("Repas") == "Repas"
    assert exports.safe_cell(-3) == -3
    assert exports.safe_cell(None) == ""


def test_a_need_titled_like_a_formula_is_exported_as_text(partner_client, partner_page):
    partner_need(partner_page, title='=HYPERLINK("https://evil.example","clic")')
    make_pledge(
        partner_need(partner_page, title="Kits"),
        profile=volunteer("@Eve", email="-1+1@example.org"),
        channel=ContactChannel.EMAIL,
    )

    needs = b"".join(partner_client.get(reverse("partners:export_needs")).streaming_content)
    pledges = b"".join(partner_client.get(reverse("partners:export_pledges")).streaming_content)

    assert b"'=HYPERLINK" in needs
    assert b";=HYPERLINK" not in needs and b'"=HYPERLINK' not in needs
    assert b"'@Eve" in pledges and b"'-1+1@example.org" in pledges


def test_the_export_headers_follow_the_language_of_the_request(partner_client, need):
    from django.utils import translation

    with translation.override("en"):
        url = reverse("partners:export_needs")
    response = partner_client.get(url)
    translation.activate("fr")

    first_line = next(iter(response.streaming_content)).decode()
    assert first_line.startswith("\ufeff")
    assert url.startswith("/en/")


def test_exports_are_for_partner_members_only(client, django_user_model):
    user = django_user_model.objects.create_user("not-a-partner", password="x" * 12)
    client.force_login(user)

    for name in ("partners:export_needs", "partners:export_pledges"):
        assert client.get(reverse(name)).status_code == 403
