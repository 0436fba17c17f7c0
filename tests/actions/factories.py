"""Factories of the actions room (fixed seed, see tests/factories.py)."""

import factory
import wagtail_factories

from actions.models import ActionDuration, ActionMode, ActionPage
from challenges.models import ChallengePage


def first_challenge():
    return ChallengePage.objects.filter(locale__language_code="fr").order_by("path").first()


class ActionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Action d'essai {n}")
    summary = factory.Faker("sentence", nb_words=14)
    mode = ActionMode.ON_SITE
    duration = ActionDuration.HALF_DAY
    challenge = factory.LazyFunction(first_challenge)

    class Meta:
        model = ActionPage
