"""The directory's FilterSet keeps one form class per set of choices: forms of the same choices
share it, new choices (a challenge published) get their own, and each form is its own."""

import uuid

from actions.filters import ActionDirectoryFilterSet
from actions.services import Choice, DirectoryOptions


def options(*slugs: str) -> DirectoryOptions:
    return DirectoryOptions(challenges=[Choice(uuid.uuid4(), slug, slug.title()) for slug in slugs])


def test_forms_of_the_same_choices_share_their_class_not_their_fields():
    first = ActionDirectoryFilterSet({"challenge": "a"}, locale_id=1, options=options("a", "b"))
    second = ActionDirectoryFilterSet({"challenge": "b"}, locale_id=1, options=options("a", "b"))
    assert type(first.form) is type(second.form)
    assert first.form.fields["challenge"] is not second.form.fields["challenge"]
    assert first.is_valid() and second.is_valid()
    assert (first.form.cleaned_data["challenge"], second.form.cleaned_data["challenge"]) == (
        "a",
        "b",
    )


def test_new_choices_get_a_form_of_their_own():
    before = ActionDirectoryFilterSet({"challenge": "c"}, locale_id=1, options=options("a", "b"))
    after = ActionDirectoryFilterSet({"challenge": "c"}, locale_id=1, options=options("a", "c"))
    assert type(before.form) is not type(after.form)
    assert not before.is_valid()  # "c" was not offered yet
    assert after.is_valid()
