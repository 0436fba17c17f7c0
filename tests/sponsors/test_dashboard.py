"""The sponsor's dashboard: its contacts only, figures per week, a CSV of counts, mobilisers."""

import csv
import io

from django.core import mail

import pytest

from programme.models import Coordinator
from sponsors.models import SponsorMobiliser
from sponsors.services import figures
from tests.sponsors.conftest import employee_email, new_user, path_in
from tests.sponsors.factories import SponsorPageFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client, sponsor):
    response = client.get(path_in("fr", "dashboard", sponsor.pk))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("name", ["dashboard", "export"])
def test_other_signed_in_people_see_nothing(client, sponsor, name):
    client.force_login(new_user(employee_email()))  # even an employee
    assert client.get(path_in("fr", name, sponsor.pk)).status_code == 404


def test_contacts_of_another_sponsor_see_nothing(client, sponsor):
    other = SponsorPageFactory()
    client.force_login(sponsor.contacts.get())
    assert client.get(path_in("fr", "dashboard", other.pk)).status_code == 404


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contact_sees_the_figures_per_week_without_personal_data(
    client, sponsor, sponsor_en, contact, dedicated_cohort, language
):
    page = sponsor if language == "fr" else sponsor_en
    client.force_login(contact)
    response = client.get(path_in(language, "dashboard", page.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<table" in html and ">65<" in html
    for email in ("yanis@", "zoe@", "malik@"):
        assert email not in html
    assert "Yanis" not in html and "Malik" not in html
    assert path_in(language, "export", page.pk) in html


def test_the_sponsor_page_links_its_contact_to_the_dashboard(client, sponsor, contact):
    assert path_in("fr", "dashboard", sponsor.pk) not in client.get(sponsor.url).content.decode()
    client.force_login(contact)
    assert path_in("fr", "dashboard", sponsor.pk) in client.get(sponsor.url).content.decode()


def test_the_csv_export_has_counts_per_week_that_add_up(client, sponsor, contact, dedicated_cohort):
    client.force_login(contact)
    response = client.get(path_in("fr", "export", sponsor.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert "@" not in text
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert header[:4] == [
        "Semaine du",
        "Promotions démarrées",
        "Salarié·es engagé·es",
        "Actions déclarées",
    ]
    assert "visières livrées" in header
    totals = figures.sponsor_figures(sponsor.sponsor_key)
    assert sum(int(row[3]) for row in body) == totals.actions
    assert sum(int(row[header.index("visières livrées")]) for row in body) == 65


def test_the_contact_names_an_employee_to_be_trained_as_mobiliser(
    client, sponsor, contact, caregivers, django_capture_on_commit_callbacks
):
    employee = new_user(employee_email(), first_name="Inès")
    client.force_login(contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            path_in("fr", "mobilisers", sponsor.pk),
            {"email": employee.email.upper(), "challenge": caregivers.pk},
        )
    assert response.status_code == 302
    coordinator = Coordinator.objects.get(user=employee)
    training = coordinator.trainings.get()
    assert training.challenge == caregivers and training.completed_on is None
    assert SponsorMobiliser.objects.filter(
        sponsor_key=sponsor.sponsor_key, coordinator=coordinator
    ).exists()
    [message] = mail.outbox
    assert sponsor.title in message.subject
    assert "Inès" in client.get(path_in("fr", "dashboard", sponsor.pk)).content.decode()


def test_someone_outside_the_company_cannot_be_named(client, sponsor, contact, caregivers):
    outsider = new_user("ailleurs@example.org")
    client.force_login(contact)
    response = client.post(
        path_in("fr", "mobilisers", sponsor.pk),
        {"email": outsider.email, "challenge": caregivers.pk},
    )
    assert response.status_code == 400
    assert not Coordinator.objects.filter(user=outsider).exists()


def test_a_non_contact_cannot_name_mobilisers(client, sponsor, caregivers):
    employee = new_user(employee_email())
    client.force_login(employee)
    response = client.post(
        path_in("fr", "mobilisers", sponsor.pk),
        {"email": employee.email, "challenge": caregivers.pk},
    )
    assert response.status_code == 404
    assert not Coordinator.objects.filter(user=employee).exists()
