"""Fixtures of the partner space's tests: a demo partner's owner signed in, and another
partner's member (whose places and needs must stay out of reach)."""

import pytest

from challenges.models import PartnerPage
from partners.models import PartnerMember, PartnerRole
from tests.factories import UserFactory


@pytest.fixture
def partner_page(fr):
    """The demo partner 'La Cloche' (French page: memberships and places point to it)."""
    return PartnerPage.objects.get(locale=fr, slug="la-cloche")


@pytest.fixture
def other_partner_page(fr):
    return PartnerPage.objects.get(locale=fr, slug="entoureo")


@pytest.fixture
def partner_member(partner_page):
    """An owner of La Cloche."""
    user = UserFactory(username="cloche-owner", email="owner@la-cloche.example.org")
    return PartnerMember.objects.create(user=user, partner=partner_page, role=PartnerRole.OWNER)


@pytest.fixture
def other_partner_member(other_partner_page):
    """A member of another partner (Entouréo)."""
    user = UserFactory(username="entoureo-member", email="member@entoureo.example.org")
    return PartnerMember.objects.create(
        user=user, partner=other_partner_page, role=PartnerRole.MEMBER
    )


@pytest.fixture
def partner_client(client, partner_member):
    """A test client signed in as ``partner_member``."""
    client.force_login(partner_member.user)
    return client
