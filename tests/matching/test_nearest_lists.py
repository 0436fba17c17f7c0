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


def test_need_and_place_keep_the_plain_model_loading_the_lean_path_relies_on():
    """Building a Need and a Place without __init__ holds while Need has Django's own from_db,
    Place's adds only remember_loaded, and nobody listens to their init signals."""
    assert Need.from_db.__func__ is models.Model.from_db.__func__
    for model in (Need, Place):
        assert not pre_init._live_receivers(model)[0] and not post_init._live_receivers(model)[0]
    place = PlaceFactory()
    calls = []
    names = [field.attname for field in Place._meta.concrete_fields]
    values = [getattr(place, name) for name in names]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Place, "remember_loaded", lambda self: calls.append("remember_loaded"))
        loaded = Place.from_db("default", names, values)
    assert calls == ["remember_loaded"]
    assert _fields(loaded) == {name: getattr(place, name) for name in names}
