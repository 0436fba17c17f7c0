"""Fixtures of the matching room's tests."""

import pytest

from challenges.models import ChallengePage


@pytest.fixture
def caregivers_fr(db):
    """The demo challenge 'soignants' (French page; its English translation shares the key)."""
    return ChallengePage.objects.get(slug="soignants", locale__language_code="fr")


@pytest.fixture
def caregivers_en(caregivers_fr, en):
    return caregivers_fr.get_translation(en)


@pytest.fixture
def farmers_fr(db):
    return ChallengePage.objects.get(slug="agriculteurs-locaux", locale__language_code="fr")
