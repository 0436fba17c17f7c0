"""The directory's FilterSet keeps one form class per set of choices: forms of the same choices
share it and its fields (read only, not copied for each form), new choices (a challenge
published) get their own, and each form's data and errors and each filter are its own."""

import uuid

import django_filters
from django.http import QueryDict

from actions.filters import ActionDirectoryFilterSet
from actions.models import ActionPage
from actions.services import Choice, DirectoryOptions


def options(*slugs: str) -> DirectoryOptions:
    return DirectoryOptions(challenges=[Choice(uuid.uuid4(), slug, slug.title()) for slug in slugs])


def test_forms_of_the_same_choices_share_their_class_and_fields_not_their_data():
    first = ActionDirectoryFilterSet({"challenge": "a"}, locale_id=1, options=options("a", "b"))
    second = ActionDirectoryFilterSet({"challenge": "b"}, locale_id=1, options=options("a", "b"))
    assert type(first.form) is type(second.form)
    assert first.form.fields["challenge"] is second.form.fields["challenge"]
    assert first.form.fields is not second.form.fields
    assert first.is_valid() and second.is_valid()
    assert (first.form.cleaned_data["challenge"], second.form.cleaned_data["challenge"]) == (
        "a",
        "b",
    )


def test_a_form_with_errors_leaves_the_next_form_of_the_same_choices_valid():
    wrong = ActionDirectoryFilterSet(
        {"challenge": "z", "new": "maybe"}, locale_id=1, options=options("a", "b")
    )
    assert not wrong.is_valid()
    assert set(wrong.form.errors) == {"challenge", "new"}
    right = ActionDirectoryFilterSet({"challenge": "a"}, locale_id=1, options=options("a", "b"))
    assert right.is_valid() and not right.form.errors
    assert wrong.form.errors and not wrong.is_valid()


def test_new_choices_get_a_form_of_their_own():
    before = ActionDirectoryFilterSet({"challenge": "c"}, locale_id=1, options=options("a", "b"))
    after = ActionDirectoryFilterSet({"challenge": "c"}, locale_id=1, options=options("a", "c"))
    assert type(before.form) is not type(after.form)
    assert not before.is_valid()  # "c" was not offered yet
    assert after.is_valid()


def test_filtersets_of_the_same_choices_share_no_filter():
    first = ActionDirectoryFilterSet({}, locale_id=1, options=options("a", "b"))
    second = ActionDirectoryFilterSet({}, locale_id=1, options=options("a", "b"))
    for name, filter_ in first.filters.items():
        assert filter_ is not second.filters[name]
        assert filter_.parent is first and second.filters[name].parent is second
    assert first.filters["challenge"].extra["choices"] == [("a", "A"), ("b", "B")]


def test_a_filterset_sets_what_django_filters_sets():
    """``__init__`` does what django-filter's does (without its deep copies): nothing missing
    after an upgrade of django-filter."""
    theirs = django_filters.FilterSet(QueryDict(), queryset=ActionPage.objects.none())
    ours = ActionDirectoryFilterSet(QueryDict(), locale_id=1, options=options("a"))
    assert set(vars(theirs)) <= set(vars(ours))
    assert (ours.is_bound, ours.data, ours.request, ours.form_prefix) == (
        theirs.is_bound,
        theirs.data,
        theirs.request,
        theirs.form_prefix,
    )
    assert ours.queryset.model is ActionPage and list(ours.queryset) == []
