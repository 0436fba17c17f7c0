"""Factories for the foundation's pages and users (factory_boy + wagtail-factories).

Driven by a fixed Faker seed so failures reproduce. Other rooms keep their own factories in
tests/<room>/factories.py and build on these.

The test session loads the demo site once (tests/conftest.py): its home and index pages are the
scaffolding new pages go under (``parent_for``); what a test asserts on, it builds here.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Collection, Locale, Page

import factory
import factory.random
import wagtail_factories
from factory.django import DjangoModelFactory

from challenges.models import ChallengeImpactMetric, ChallengePage, PartnerKind, PartnerPage
from home.models import StoryPage
from portal.demo import ensure_translation

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


def parent_for(page_model, language: str = settings.LANGUAGE_CODE) -> Page:
    """The demo's one page in ``language`` where ``page_model`` pages go (their index)."""
    [parent_model] = page_model.allowed_parent_page_models()
    return parent_model.objects.get(locale__language_code=language)


def locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


def publish_translation(instance, language: str = "en", **fields):
    """A page published in ``language`` (same slug), or a snippet saved there, with the
    fields that differ in that language."""
    if isinstance(instance, Page):
        return ensure_translation(instance, locale(language), slug=instance.slug, **fields)
    translation = instance.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def _translate_when_asked(instance, create, extracted, **fields):
    if create and (extracted or fields):
        publish_translation(instance, "en", **fields)


# ``translated=True``, or ``translated__title="…"`` (any field): in English too.
translated_in_english = factory.PostGeneration(_translate_when_asked)


class TranslatedPageFactory(wagtail_factories.PageFactory):
    """A page that ``translated=True`` (or ``translated__title="…"``) also publishes in
    English."""

    translated = translated_in_english

    class Meta:
        abstract = True
        skip_postgeneration_save = True


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would add a root collection)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image d'essai {n}")


class ChallengePageFactory(TranslatedPageFactory):
    """A challenge under the challenges' index; ``units={"kits-hygiene": "kits livrés"}``
    gives it impact metrics (copied into its translation)."""

    parent = factory.LazyFunction(lambda: parent_for(ChallengePage))
    title = factory.Sequence(lambda n: f"Défi {n}")
    summary = factory.Faker("sentence", nb_words=12)
    phase_understand = factory.Faker("sentence")
    phase_do = factory.Faker("sentence")
    phase_sustain = factory.Faker("sentence")
    impact_metrics = factory.LazyAttribute(
        lambda page: [
            ChallengeImpactMetric(unit=unit, label=label, sort_order=order)
            for order, (unit, label) in enumerate(page.units.items())
        ]
    )

    class Params:
        units = {}

    class Meta:
        model = ChallengePage


class PartnerPageFactory(TranslatedPageFactory):
    parent = factory.LazyFunction(lambda: parent_for(PartnerPage))
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
