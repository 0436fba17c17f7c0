"""Factories for the foundation's pages and users (factory_boy + wagtail-factories).

Driven by a fixed Faker seed so failures reproduce. Other rooms keep their own factories in
tests/<room>/factories.py and build on these.
"""

import datetime

from django.contrib.auth import get_user_model

import factory
import factory.random
import wagtail_factories
from factory.django import DjangoModelFactory

from challenges.models import ChallengePage, PartnerKind, PartnerPage
from home.models import StoryPage

factory.Faker._DEFAULT_LOCALE = "fr_FR"
factory.random.reseed_random("ré_action")


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    password = factory.django.Password("Mot-de-passe-de-test-1")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ChallengePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Défi {n}")
    summary = factory.Faker("sentence", nb_words=12)
    phase_understand = factory.Faker("sentence")
    phase_do = factory.Faker("sentence")
    phase_sustain = factory.Faker("sentence")

    class Meta:
        model = ChallengePage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company")
    kind = PartnerKind.EXPERT
    short_description = factory.Faker("sentence")

    class Meta:
        model = PartnerPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    date = factory.LazyFunction(datetime.date.today)
    volunteer_name = factory.Faker("first_name")
    summary = factory.Faker("sentence", nb_words=15)

    class Meta:
        model = StoryPage
