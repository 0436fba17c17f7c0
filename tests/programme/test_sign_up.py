"""The sign-up journey: the cohorts shown before submitting, the form, the confirmation email
and one-time link (``portal.accounts``), placement shown in the one volunteer space."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape

import pytest

from portal import accounts
from programme.models import Membership, MembershipStatus
from programme.services import content, signup
from tests.programme.conftest import path_in

pytestmark = pytest.mark.django_db


def form_data(challenge, week, **overrides):
    data = {
        "challenge": challenge.pk,
        "start_date": week.isoformat(),
        "language": "fr",
        "area": "69",
        "first_name": "Nour",
        "email": "nour@example.org",
        "password": "Une-phrase-de-passe-solide",
        "consent": "on",
    }
    data.update(overrides)
    return data


def confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\w\w/\S+)", message.body).group(1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_first_step_lists_the_challenges_of_the_language_and_the_second_the_mondays(
    client, language, challenge
):
    response = client.get(path_in(language, "sign_up"))
    assert response.status_code == 200
    html = response.content.decode()
    titles = [page.title for page in content.challenges_for_language(language)]
    page = content.challenge_in_language(challenge, language)
    assert page.locale.language_code == language and page.title in titles
    for title in titles:
        assert escape(title) in html
    assert 'method="get"' in html and 'name="start_date"' not in html
    response = client.get(path_in(language, "sign_up"), {"challenge": page.pk, "area": "69"})
    html = response.content.decode()
    first_monday = content.next_mondays(timezone.localdate())[0]
    assert f'value="{first_monday.isoformat()}"' in html
    assert f'name="challenge" value="{page.pk}"' in html and 'name="area" value="69"' in html
    assert html.count("<h1") == 1


def test_a_forged_challenge_or_area_at_the_first_step_answers_400(client):
    response = client.get("/fr/programme/inscription/", {"challenge": "999999", "area": "99"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_challenge_error"' in html and 'id="id_area_error"' in html


def test_signing_up_confirming_and_being_placed(
    client, challenge, week, make_coordinator, django_capture_on_commit_callbacks
):
    make_coordinator(challenge)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/programme/inscription/", form_data(challenge, week))
    assert response.status_code == 302
    assert response["Location"] == "/fr/compte/verifiez-vos-mails/"
    assert "nour@example.org" in client.get(response["Location"]).content.decode()
    user = get_user_model().objects.get(email="nour@example.org")
    assert not user.is_active
    assert user.programme_memberships.get().status == MembershipStatus.PENDING
    assert len(mail.outbox) == 1

    path = confirmation_path(mail.outbox[0])
    assert client.get(path).status_code == 200  # a button, so mail scanners confirm nothing
    user.refresh_from_db()
    assert not user.is_active
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, follow=True)
    assert response.redirect_chain[-1][0] == "/fr/mon-espace/"
    membership = Membership.objects.get(user__email="nour@example.org")
    assert membership.status == MembershipStatus.PLACED
    assert "Dans une promotion" in response.content.decode()
    assert client.post(path).status_code == 400  # used once


def test_the_english_journey_puts_an_english_volunteer_on_the_waiting_list_with_a_position(
    client, challenge_en, week, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            path_in("en", "sign_up"),
            form_data(challenge_en, week, language="en", email="sam@example.org"),
        )
    path = confirmation_path(mail.outbox[0])
    assert path.startswith("/en/")
    response = client.post(path, follow=True)
    html = response.content.decode()
    membership = Membership.objects.get(user__email="sam@example.org")
    assert membership.status == MembershipStatus.WAITING
    assert membership.waiting_position == 1
    assert membership.challenge.locale.language_code == "fr"  # the canonical page
    assert "position 1" in html


def test_invalid_input_answers_400_with_errors_next_to_fields_and_keeps_the_data(
    client, challenge, week
):
    data = form_data(challenge, week, email="not-an-address", password="123", area="99")
    data.pop("consent")
    response = client.post("/fr/programme/inscription/", data)
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("email", "password", "area", "consent"):
        assert f'id="id_{field}_error"' in html
    assert 'value="Nour"' in html
    assert not get_user_model().objects.filter(first_name="Nour").exists()


def test_a_past_or_non_monday_week_is_refused(client, challenge, week):
    tuesday = week + datetime.timedelta(days=1)
    for bad in ("2020-01-06", tuesday.isoformat(), "not-a-date"):
        response = client.post(
            "/fr/programme/inscription/", form_data(challenge, week, start_date=bad)
        )
        assert response.status_code == 400
    with pytest.raises(ValidationError):
        signup.sign_up(
            email="x@example.org",
            first_name="X",
            password="Une-phrase-de-passe-solide",
            choice=signup.Choice(challenge, tuesday, "fr", "69"),
        )


def test_an_existing_account_is_told_by_email_and_the_page_reveals_nothing(
    client, challenge, week, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_user(
        username="known@example.org", email="known@example.org", password="x"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/programme/inscription/", form_data(challenge, week, email="known@example.org")
        )
    assert response["Location"] == "/fr/compte/verifiez-vos-mails/"
    assert len(mail.outbox) == 1
    assert "/fr/connexion/" in mail.outbox[0].body
    assert not Membership.objects.filter(user__email="known@example.org").exists()


def test_a_signed_in_volunteer_joins_without_confirmation(client, challenge, week, join):
    user = join(challenge, content.next_mondays(timezone.localdate())[5]).user
    client.force_login(user)
    data = {
        "challenge": challenge.pk,
        "start_date": week.isoformat(),
        "language": "fr",
        "area": "69",
    }
    response = client.post("/fr/programme/inscription/", data)
    assert response.status_code == 302
    assert user.programme_memberships.filter(start_date=week).get().status == "waiting"
    again = client.post("/fr/programme/inscription/", data)
    assert again.status_code == 400


def test_sign_ups_are_rate_limited_per_address(client, challenge, week, settings):
    settings.FORM_SUBMISSIONS_PER_HOUR = 3
    for n in range(3):
        client.post(
            "/fr/programme/inscription/", form_data(challenge, week, email=f"r{n}@example.org")
        )
    response = client.post(
        "/fr/programme/inscription/", form_data(challenge, week, email="last@example.org")
    )
    assert response.status_code == 429


def test_unconfirmed_accounts_are_deleted_after_a_week(challenge, week):
    signup.sign_up(
        email="late@example.org",
        first_name="Late",
        password="Une-phrase-de-passe-solide",
        choice=signup.Choice(challenge, week, "fr", "69"),
    )
    assert accounts.purge_unconfirmed() == 0
    later = timezone.now() + datetime.timedelta(days=accounts.UNCONFIRMED_DAYS + 1)
    assert accounts.purge_unconfirmed(now=later) == 1
    assert not get_user_model().objects.filter(email="late@example.org").exists()


def test_the_programme_page_offers_to_join_a_cohort(client):
    html = client.get("/fr/programme/").content.decode()
    assert 'href="/fr/programme/inscription/"' in html
    html = client.get("/en/programme/").content.decode()
    assert f'href="{path_in("en", "sign_up")}"' in html
