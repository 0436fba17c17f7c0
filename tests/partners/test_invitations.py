"""Partner accounts: an editor invites staff by email with a one-time, expiring link."""

import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from challenges.models import PartnerPage
from partners import services
from partners.models import PartnerInvitation, PartnerMember, PartnerRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cloche(fr):
    return PartnerPage.objects.get(locale=fr, slug="la-cloche")


@pytest.fixture
def entoureo(fr):
    return PartnerPage.objects.get(locale=fr, slug="entoureo")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """services.invite with its on-commit email sent, as after a real commit."""

    def send(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.invite(**kwargs)

    return send


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_editor_invites_from_the_admin_and_the_email_carries_the_link(
    admin_client, cloche, django_capture_on_commit_callbacks
):
    url = reverse("wagtailsnippets_partners_partnerinvitation:add")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url,
            {"partner": cloche.pk, "email": "Chef@Example.org", "role": "owner", "language": "fr"},
        )
    assert response.status_code == 302
    invitation = PartnerInvitation.objects.get()
    assert invitation.email == "chef@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chef@example.org"]
    assert "La Cloche" in mail.outbox[0].subject
    assert link_path(mail.outbox[0]).startswith("/fr/espace-partenaire/invitation/")


def test_invited_person_creates_an_account_and_lands_in_the_partner_space(client, cloche, invite):
    invite(partner=cloche, email="lou@example.org", role=PartnerRole.OWNER)
    path = link_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    response = client.post(
        path, {"first_name": "Lou", "password1": "Solidaire-2026!", "password2": "Solidaire-2026!"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/espace-partenaire/"
    member = PartnerMember.objects.get(user__email="lou@example.org")
    assert member.partner == cloche and member.role == PartnerRole.OWNER
    html = client.get("/fr/espace-partenaire/").content.decode()
    assert "La Cloche" in html


def test_the_link_works_only_once(client, cloche, invite):
    invite(partner=cloche, email="lou@example.org")
    path = link_path(mail.outbox[0])
    client.post(
        path, {"first_name": "Lou", "password1": "Solidaire-2026!", "password2": "Solidaire-2026!"}
    )
    client.logout()
    assert client.get(path).status_code == 410


def test_an_expired_link_is_refused(client, cloche, invite):
    invitation, token = invite(partner=cloche, email="lou@example.org")
    PartnerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(f"/fr/espace-partenaire/invitation/{token}/").status_code == 410


def test_an_unknown_token_is_refused(client):
    assert client.get("/fr/espace-partenaire/invitation/nope/").status_code == 410


def test_invalid_account_form_keeps_the_invitation_usable(client, cloche, invite):
    _invitation, token = invite(partner=cloche, email="lou@example.org")
    path = f"/fr/espace-partenaire/invitation/{token}/"
    response = client.post(path, {"first_name": "", "password1": "a", "password2": "b"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_first_name_error"' in html and 'id="id_password2_error"' in html
    assert client.get(path).status_code == 200


def test_a_signed_in_user_with_another_email_cannot_use_the_link(client, cloche, invite):
    _invitation, token = invite(partner=cloche, email="lou@example.org")
    client.force_login(UserFactory(email="someone@example.org"))
    response = client.post(f"/fr/espace-partenaire/invitation/{token}/")
    assert response.status_code == 400
    assert not PartnerMember.objects.exists()


def test_a_user_belongs_to_one_partner_only(client, cloche, entoureo, invite):
    user = UserFactory(email="lou@example.org")
    PartnerMember.objects.create(user=user, partner=entoureo)
    _invitation, token = invite(partner=cloche, email="lou@example.org")
    client.force_login(user)
    assert client.post(f"/fr/espace-partenaire/invitation/{token}/").status_code == 400
    assert PartnerMember.objects.get(user=user).partner == entoureo


def test_partner_space_needs_a_partner_account(client):
    response = client.get("/fr/espace-partenaire/")
    assert response.status_code == 302 and response["Location"].startswith("/fr/connexion/")
    client.force_login(UserFactory())
    assert client.get("/fr/espace-partenaire/").status_code == 403
    assert client.get("/en/partner-space/").status_code == 403


def test_only_owners_invite_from_the_partner_space(client, cloche):
    member = UserFactory(email="m@example.org")
    PartnerMember.objects.create(user=member, partner=cloche, role=PartnerRole.MEMBER)
    client.force_login(member)
    assert (
        client.post(
            "/fr/espace-partenaire/", {"email": "x@example.org", "role": "member"}
        ).status_code
        == 403
    )
    owner = UserFactory(email="o@example.org")
    PartnerMember.objects.create(user=owner, partner=cloche, role=PartnerRole.OWNER)
    client.force_login(owner)
    response = client.post("/fr/espace-partenaire/", {"email": "x@example.org", "role": "member"})
    assert response.status_code == 302
    assert PartnerInvitation.objects.get().partner == cloche
    assert (
        client.post("/fr/espace-partenaire/", {"email": "bad", "role": "member"}).status_code == 400
    )


def test_an_english_invitation_links_to_the_english_space(cloche, invite):
    invite(partner=cloche, email="sam@example.org", language="en")
    assert link_path(mail.outbox[0]).startswith("/en/partner-space/invitation/")
