"""Employees join the sponsor's dedicated cohorts with their company email domain or the
company code; anyone else is refused; public and sponsor pools never mix."""

import re

from django.core import mail
from django.utils.html import escape

import pytest

from programme.models import Cohort, Membership, MembershipStatus
from programme.services import signup
from sponsors.models import SponsorMembership
from sponsors.services import enrolment
from tests.sponsors.conftest import CODE, employee_email, new_user, path_in

pytestmark = pytest.mark.django_db


def choice(challenge, week, area="69"):
    return signup.Choice(challenge=challenge, start_date=week, language="fr", area=area)


def form_data(challenge, week, **overrides):
    data = {
        "challenge": challenge.pk,
        "start_date": week.isoformat(),
        "language": "fr",
        "area": "69",
        "first_name": "Léa",
        "email": employee_email(),
        "password": "Une-phrase-de-passe-solide",
        "consent": "on",
        "company_code": "",
    }
    data.update(overrides)
    return data


def test_a_signed_in_employee_with_the_company_domain_joins_the_sponsor_cohort(
    sponsor, caregivers, week, make_cohort
):
    public = make_cohort(caregivers, week)
    dedicated = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    employee = new_user(employee_email())
    membership = enrolment.join_as_employee(sponsor, employee, choice=choice(caregivers, week))
    assert membership.status == MembershipStatus.PLACED
    assert membership.cohort == dedicated
    assert membership.cohort != public
    assert SponsorMembership.objects.get(membership=membership).sponsor_key == sponsor.sponsor_key


def test_someone_without_the_domain_or_the_code_is_refused_with_a_clear_message(
    client, sponsor, caregivers, week, make_cohort
):
    make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    data = form_data(caregivers, week, email="curieux@example.org")
    response = client.post(path_in("fr", "employee_sign_up", sponsor.pk), data)
    assert response.status_code == 400
    assert escape(enrolment.refusal_message()) in response.content.decode()
    assert 'id="id_company_code_error"' in response.content.decode()  # next to the field
    assert not Membership.objects.filter(user__email="curieux@example.org").exists()
    assert mail.outbox == []


def test_a_signed_in_person_outside_the_domain_is_refused_even_typing_a_company_address(
    client, sponsor, caregivers, week, make_cohort
):
    make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    outsider = new_user("dehors@example.org")
    client.force_login(outsider)
    data = form_data(caregivers, week)  # carries an address of the company's domain
    response = client.post(path_in("fr", "employee_sign_up", sponsor.pk), data)
    assert response.status_code == 400
    assert not Membership.objects.filter(user=outsider).exists()


def test_a_wrong_company_code_is_refused(sponsor, caregivers, week):
    with pytest.raises(Exception) as error:
        enrolment.join_as_employee(
            sponsor, new_user(), choice=choice(caregivers, week), company_code="OFFICINES-2025"
        )
    assert "company_code" in error.value.message_dict


def test_the_company_code_lets_any_address_in(sponsor, caregivers, week, make_cohort):
    dedicated = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    membership = enrolment.join_as_employee(
        sponsor, new_user(), choice=choice(caregivers, week), company_code=" officines-2026 "
    )
    assert membership.cohort == dedicated
    assert CODE == "OFFICINES-2026"


def test_a_new_employee_signs_up_confirms_by_email_and_lands_in_the_sponsor_cohort(
    client, sponsor, caregivers, week, make_cohort, django_capture_on_commit_callbacks
):
    dedicated = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    data = form_data(caregivers, week)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path_in("fr", "employee_sign_up", sponsor.pk), data)
    assert response.status_code == 302
    membership = Membership.objects.get(user__email=data["email"])
    assert membership.status == MembershipStatus.PENDING
    [message] = mail.outbox
    path = re.search(r"http://[^/]+(/\w\w/\S+/\S+/\S+/)\s", message.body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.PLACED
    assert membership.cohort == dedicated


def test_the_english_sign_up_page_works_too(client, sponsor_en, caregivers, week, make_cohort, en):
    make_cohort(caregivers, week, sponsor_key=sponsor_en.sponsor_key)
    response = client.get(path_in("en", "employee_sign_up", sponsor_en.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'style="' not in html and "<style" not in html
    theme_en = caregivers.get_translation(en).title
    assert theme_en == "Support for pharmacy caregivers"
    assert theme_en in html  # the sponsor's theme, in English


def test_a_public_volunteer_never_fills_a_sponsor_cohort(sponsor, caregivers, week, make_cohort):
    dedicated = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key)
    volunteer = new_user(employee_email())  # even with the company's address
    membership = signup.join(volunteer, choice(caregivers, week))
    assert membership.cohort != dedicated
    assert not dedicated.memberships.exists()


def test_an_employee_never_fills_a_public_cohort(sponsor, caregivers, week, make_cohort):
    public = make_cohort(caregivers, week, area="13")
    membership = enrolment.join_as_employee(
        sponsor, new_user(employee_email()), choice=choice(caregivers, week, area="13")
    )
    # The public cohort's coordinator is busy that week: the employee waits for the sponsor's
    # own cohort rather than taking a public place.
    assert membership.status == MembershipStatus.WAITING
    assert membership.waiting_position == 1
    assert not public.memberships.exists()


def test_a_free_trained_coordinator_opens_a_dedicated_cohort_for_waiting_employees(
    sponsor, caregivers, week, make_cohort
):
    first = enrolment.join_as_employee(
        sponsor, new_user(employee_email()), choice=choice(caregivers, week, area="13")
    )
    assert first.status == MembershipStatus.WAITING
    cohort = make_cohort(caregivers, week, sponsor_key=sponsor.sponsor_key, area="13")
    from programme.services import placement

    placement.after_cohort_saved(cohort)
    first.refresh_from_db()
    assert first.cohort == cohort
    assert Cohort.objects.get(pk=cohort.pk).sponsor_key == sponsor.sponsor_key


def test_the_sponsors_own_trained_mobiliser_leads_its_new_dedicated_cohort_first(
    sponsor, caregivers, week, make_cohort
):
    from django.utils import timezone

    from programme.models import Coordinator, CoordinatorTraining
    from sponsors.models import SponsorMobiliser

    def trained(email):
        coordinator = Coordinator.objects.create(user=new_user(email), language="fr", area="13")
        CoordinatorTraining.objects.create(
            coordinator=coordinator, challenge=caregivers, completed_on=timezone.localdate()
        )
        return coordinator

    trained("public-coordinator@example.org")  # older, same area: first in a public pool
    mobiliser = trained(employee_email())
    SponsorMobiliser.objects.create(sponsor_key=sponsor.sponsor_key, coordinator=mobiliser)
    membership = enrolment.join_as_employee(
        sponsor, new_user(employee_email()), choice=choice(caregivers, week, area="13")
    )
    assert membership.status == MembershipStatus.PLACED
    assert membership.cohort.coordinator == mobiliser
    assert membership.cohort.sponsor_key == sponsor.sponsor_key
