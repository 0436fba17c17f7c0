"""portal.choice_labels: a model's get_FOO_display() in the reader's language, from labels
translated once per process and language."""

from django.utils import translation

from matching.models import Need, Pledge, Urgency
from portal.choice_labels import labels


def test_labels_follow_the_active_language():
    need = Need(urgency=Urgency.HIGH, skill="sewing", status="open")
    with translation.override("fr"):
        assert (need.get_urgency_display(), need.get_skill_display()) == ("Urgent", "Couture")
    with translation.override("en"):
        assert (need.get_urgency_display(), need.get_skill_display()) == ("Urgent", "Sewing")
        assert need.get_status_display() == "Open"
    with translation.override("fr"):  # the French labels again, not the last ones read
        assert need.get_status_display() == "Ouvert"


def test_a_value_outside_the_choices_shows_as_it_is():
    assert Need(skill="").get_skill_display() == ""
    assert Need(urgency=9).get_urgency_display() == 9  # as Django's own: the value itself


def test_labels_are_translated_once_per_language():
    field = Pledge._meta.get_field("contact_channel")
    with translation.override("en"):
        first = labels(field, "en")
        Pledge(contact_channel="none").get_contact_channel_display()
        assert labels(field, "en") is first
    assert labels(field, "fr") is not first
