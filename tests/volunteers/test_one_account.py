"""One account for the whole site: the volunteer and programme sign-ups go through
``portal.accounts`` (email = login, the same answer for every address, ``next`` kept through
the confirmation link), the sign-in form asks for the email address, and one space.
"""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

import pytest

from programme.models import Membership
from programme.services import content
from tests.volunteers.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEED_PATH = "/fr/besoins/4242/"


@pytest.fixture
def volunteer_form(valid):
    return lambda email, **extra: {**valid, "email": email, **extra}


@pytest.fixture
def programme_form(farmers):
    week = content.next_mondays(timezone.localdate())[3]

    def make(email, **extra):
        return {
            "challenge": farmers.pk,
            "start_date": week.isoformat(),
            "language": "fr",
            "area": "69",
            "first_name": "Nour",
            "email": email,
            "password": "Une-phrase-de-passe-solide",
            "consent": "on",
            **extra,
        }

    return make


def visible_text(response) -> str:
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return " ".join(strip_tags(main).split())


def first_link(message) -> str:
    """The path (and query) of the first link of an email."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def sign_up(client, url, data, capture):
    with capture(execute=True):
        response = client.post(url, data, follow=True)
    return response


SIGN_UPS = [
    ("volunteers:signup", "volunteer_form"),
    ("programme:sign_up", "programme_form"),
]


@pytest.mark.parametrize(("route", "form_fixture"), SIGN_UPS, ids=["volunteer", "programme"])
def test_registered_and_unregistered_addresses_get_the_same_page_and_the_owner_an_email(
    client, request, person, django_capture_on_commit_callbacks, route, form_fixture
):
    form = request.getfixturevalue(form_fixture)
    new = sign_up(
        client,
        reverse(route),
        form("Nouvelle.Personne@Example.org"),
        django_capture_on_commit_callbacks,
    )
    client.session.flush()
    known = sign_up(
        client,
        reverse(route),
        form(person.user.email.upper()),
        django_capture_on_commit_callbacks,
    )
    assert new.redirect_chain == known.redirect_chain == [(reverse("account_sent"), 302)]
    assert new.status_code == known.status_code == 200
    assert [t.name for t in new.templates] == [t.name for t in known.templates]
    anonymised = [
        visible_text(new).replace("nouvelle.personne@example.org", "EMAIL"),
        visible_text(known).replace(person.user.email, "EMAIL"),
    ]
    assert anonymised[0] == anonymised[1]
    assert "EMAIL" in anonymised[0]

    to_new, to_known = mail.outbox
    assert to_new.to == ["nouvelle.personne@example.org"]
    assert "/fr/compte/confirmation/" in to_new.body
    assert to_known.to == [person.user.email]
    assert "/fr/connexion/" in to_known.body and "confirmation" not in to_known.body
    person.user.refresh_from_db()
    assert person.user.check_password(PASSWORD)  # nothing of the existing account changed
    created = get_user_model().objects.get(email="nouvelle.personne@example.org")
    assert created.username == "nouvelle.personne@example.org" and not created.is_active


def test_the_confirmation_link_signs_in_and_returns_to_the_need(
    client, volunteer_form, django_capture_on_commit_callbacks
):
    response = client.get(reverse("volunteers:signup"), {"next": NEED_PATH})
    assert f'name="next" value="{NEED_PATH}"' in response.content.decode()
    data = volunteer_form("lea@example.org", next=NEED_PATH)
    sign_up(client, reverse("volunteers:signup"), data, django_capture_on_commit_callbacks)
    link = first_link(mail.outbox[0])
    assert "next=%2Ffr%2Fbesoins%2F4242%2F" in link
    page = client.get(link)
    assert page.status_code == 200
    assert f'value="{NEED_PATH}"' in page.content.decode()
    path, _query = link.split("?")
    response = client.post(path, {"next": NEED_PATH})
    assert response.status_code == 302 and response["Location"] == NEED_PATH
    user = get_user_model().objects.get(email="lea@example.org")
    assert user.is_active
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.post(path, {"next": NEED_PATH}).status_code == 400  # used once


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "login"])
def test_an_unsafe_next_is_refused(
    client, volunteer_form, target, django_capture_on_commit_callbacks
):
    data = volunteer_form("sam@example.org", next=target)
    sign_up(client, reverse("volunteers:signup"), data, django_capture_on_commit_callbacks)
    path = first_link(mail.outbox[0]).split("?")[0]
    response = client.post(path, {"next": target})
    assert response["Location"] == reverse("volunteers:space")


def test_a_signed_in_person_following_a_sign_up_link_goes_back_to_the_need(person_client):
    response = person_client.get(reverse("volunteers:signup"), {"next": NEED_PATH})
    assert response["Location"] == NEED_PATH
    response = person_client.get(reverse("volunteers:signup"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("volunteers:space")


def test_the_programme_sign_up_keeps_next_through_the_confirmation(
    client, programme_form, django_capture_on_commit_callbacks
):
    data = programme_form("nour@example.org", next=NEED_PATH)
    sign_up(client, reverse("programme:sign_up"), data, django_capture_on_commit_callbacks)
    link = first_link(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link.split("?")[0], {"next": NEED_PATH})
    assert response["Location"] == NEED_PATH
    assert Membership.objects.get(user__email="nour@example.org").status == "waiting"


def test_sign_in_asks_for_the_email_address_accepts_any_case_and_honours_next(client, person):
    html = client.get(reverse("login"), {"next": NEED_PATH}).content.decode()
    assert '<label for="id_username">Adresse e-mail' in html
    assert 'type="email"' in html
    assert f'href="{reverse("volunteers:signup")}?next=%2Ffr%2Fbesoins%2F4242%2F"' in html
    with translation.override("en"):
        english = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">Email address' in english
    response = client.post(
        reverse("login"),
        {"username": f"  {person.user.email.upper()} ", "password": PASSWORD, "next": NEED_PATH},
    )
    assert response.status_code == 302 and response["Location"] == NEED_PATH


def test_sign_in_with_an_unsafe_next_goes_to_the_default_page(client, person):
    response = client.post(
        reverse("login"),
        {"username": person.user.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_old_programme_space_redirects_permanently_to_the_one_space(person_client, language):
    with translation.override(language):
        old, space = reverse("programme:space"), reverse("volunteers:space")
    response = person_client.get(old)
    assert response.status_code == 301 and response["Location"] == space
    assert old != space


def test_the_one_space_shows_pledges_weeks_reports_and_the_account_links(person_client, person):
    html = person_client.get(reverse("volunteers:space")).content.decode()
    assert person.pending.need.title in html
    assert "Mes semaines" in html and "Liste d'attente : position 1" in html
    assert "Mes actions déclarées" in html
    for name in ("programme:report", "volunteers:profile", "volunteers:notifications"):
        assert f'href="{reverse(name)}"' in html
    assert reverse("volunteers:export") in html and reverse("volunteers:delete") in html
    assert html.count("<h1") == 1
