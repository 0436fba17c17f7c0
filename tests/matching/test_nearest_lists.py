"""The needs of a list of nearest needs are loaded by hand-written SQL (matching.services.nearest
.needs_for_lists): the same instances the ORM would give, in one query, place included."""

from django.db import models
from django.db.models.signals import post_init, pre_init

import pytest

from matching.models import Need, Place
from matching.services.nearest import LIST_FIELDS, needs_for_lists
from tests.matching.factories import NeedFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def _fields(instance) -> dict:
    return {name: value for name, value in instance.__dict__.items() if name != "_state"}


def test_list_needs_are_what_the_orm_loads(django_assert_num_queries):
    place = PlaceFactory(name="Épicerie solidaire", town="Lyon")
    needs = [NeedFactory(place=place, title=f"Besoin {n}", urgency=n % 3 + 1) for n in range(3)]
    ids = [need.pk for need in needs]
    with django_assert_num_queries(1):
        loaded = needs_for_lists(ids)
        towns = {need.place.town for need in loaded.values()}  # no query per place
    expected = Need.objects.select_related("place").only(*LIST_FIELDS).in_bulk(ids)
    assert sorted(loaded) == sorted(ids) and towns == {"Lyon"}
    for pk, need in loaded.items():
        assert _fields(need) == _fields(expected[pk])
        assert _fields(need.place) == _fields(expected[pk].place)
        assert need.get_deferred_fields() == expected[pk].get_deferred_fields()
        assert not need._state.adding and need._state.db == "default"
        assert need.quantity_remaining == expected[pk].quantity_remaining


def test_a_deferred_field_still_loads_on_access():
    need = NeedFactory(description="Des conserves pour l'hiver")
    loaded = needs_for_lists([need.pk])[need.pk]
    assert "description" in loaded.get_deferred_fields()
    assert loaded.description == "Des conserves pour l'hiver"


def test_no_ids_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert needs_for_lists([]) == {}


def test_need_keeps_the_plain_model_loading_the_lean_path_relies_on():
    """Building a Need without __init__ holds while Need has Django's own from_db and nobody
    listens to its init signals; Place keeps its own from_db (it is called)."""
    assert Need.from_db.__func__ is models.Model.from_db.__func__
    assert not pre_init._live_receivers(Need)[0] and not post_init._live_receivers(Need)[0]
    assert Place.from_db.__func__ is not models.Model.from_db.__func__
