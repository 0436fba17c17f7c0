"""portal.compiled_query: the same objects as the ORM's own query, its SQL built once."""

from datetime import timedelta

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from matching.models import Need, Place
from portal.compiled_query import CompiledQuery, CompiledValues
from tests.factories import PartnerPageFactory
from tests.matching.factories import NeedFactory, PlaceFactory

pytestmark = pytest.mark.django_db

NEEDS = (
    Need.objects.select_related("place__partner")
    .only("title", "quantity_wanted", "ends_at", "place__town", "place__partner__title")
    .annotate(partner_name=F("place__partner__title"))
    .order_by("pk")
)


def described(need: Need) -> tuple:
    place, partner = need.place, need.place.partner
    return (
        need.pk,
        need.title,
        need.quantity_wanted,
        need.ends_at,  # a datetime: SQLite's text converted as the ORM does
        need.partner_name,
        need.get_deferred_fields(),
        place.pk,
        place.town,
        place.get_deferred_fields() >= {"name", "latitude"},
        partner and (partner.pk, partner.title, partner.specific_class.__name__),
        need._state.adding,
        need._state.db,
    )


def test_each_row_is_what_the_orm_returns_with_its_joins_deferred_fields_and_annotations():
    partner = PartnerPageFactory(title="Hôpital Nord")
    with_partner = NeedFactory(
        place=PlaceFactory(partner=partner, town="Lille"),
        title="Draps",
        ends_at=timezone.now() + timedelta(days=3),
    )
    without = NeedFactory(place=PlaceFactory(town="Nantes"), quantity_wanted=4)
    compiled = CompiledQuery(NEEDS, "pk")
    for need in (with_partner, without):
        got = compiled.first(need.pk)
        assert described(got) == described(NEEDS.get(pk=need.pk))
    assert compiled.first(with_partner.pk).partner_name == "Hôpital Nord"
    assert compiled.first(with_partner.pk).ends_at == with_partner.ends_at
    assert compiled.first(without.pk).place.partner is None
    assert compiled.first(without.pk + 1000) is None
    for forged in (2**63, -(2**63) - 1, 10**40):  # ids no column holds: none, no error
        assert compiled.first(forged) is None


def test_many_rows_in_the_querysets_order():
    place = PlaceFactory()
    needs = [NeedFactory(place=place) for _ in range(3)]
    other = NeedFactory()
    by_place = CompiledQuery(NEEDS, "place_id")
    assert [need.pk for need in by_place.rows(place.pk)] == [need.pk for need in needs]
    assert [need.pk for need in by_place.rows(other.place_id)] == [other.pk]


def test_deferred_fields_load_on_access_and_objects_save_as_usual():
    need = NeedFactory(place=PlaceFactory(name="Avant"))
    got = CompiledQuery(NEEDS, "pk").first(need.pk)
    assert got.place.name == "Avant"  # deferred: read when asked
    got.place.name = "Après"
    got.place.save(update_fields=["name"])
    assert Place.objects.get(pk=need.place_id).name == "Après"


def test_the_sql_is_compiled_once_and_each_call_is_one_query(monkeypatch):
    needs = [NeedFactory() for _ in range(2)]
    compiled = CompiledQuery(NEEDS, "pk")
    compiled.first(needs[0].pk)
    compiles = []
    original = type(NEEDS.query).get_compiler

    def counting(*args, **kwargs):
        compiles.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(type(NEEDS.query), "get_compiler", counting, raising=True)
    with CaptureQueriesContext(connection) as queries:
        assert compiled.first(needs[1].pk).pk == needs[1].pk
    assert compiles == []
    assert len(queries) == 1


def test_querysets_it_cannot_compile_are_refused():
    with pytest.raises(ValueError):
        CompiledQuery(Need.objects.values("pk"), "pk")
    with pytest.raises(ValueError):
        CompiledQuery(Need.objects.prefetch_related("pledges"), "pk")


# --- CompiledValues: a values_list queryset compiled once -------------------------------------


def values():
    """The needs these tests make (the database holds the demo's)."""
    return (
        Need.objects.filter(title__startswith="CV ")
        .order_by("-quantity_wanted", "pk")
        .values_list("pk", "title", "ends_at", "place__town")
    )


def test_compiled_values_are_the_querysets_rows_converted_as_the_orm_does():
    soon = timezone.now() + timedelta(days=2)
    NeedFactory(title="CV a", quantity_wanted=5, ends_at=soon, place=PlaceFactory(town="Lille"))
    NeedFactory(title="CV b", quantity_wanted=9)
    NeedFactory(title="CV c", quantity_wanted=1)
    for sliced in (values(), values()[:2], values()[1:3], values()[5:10]):
        assert CompiledValues(sliced).rows() == list(sliced)
    assert CompiledValues(values()).rows()[1][2:] == (soon, "Lille")  # a datetime, not text


def test_compiled_values_read_current_rows_with_one_query_and_no_compile(monkeypatch):
    need = NeedFactory(quantity_wanted=3, title="CV avant")
    compiled = CompiledValues(values()[:1])
    compiles = []
    original = type(values().query).get_compiler

    def counting(*args, **kwargs):
        compiles.append(1)
        return original(*args, **kwargs)

    Need.objects.filter(pk=need.pk).update(title="CV après")
    town = need.place.town
    monkeypatch.setattr(type(values().query), "get_compiler", counting, raising=True)
    with CaptureQueriesContext(connection) as queries:
        assert compiled.rows() == [(need.pk, "CV après", need.ends_at, town)]
    assert compiles == [] and len(queries) == 1


def test_compiled_values_of_a_filter_nothing_matches_run_no_query():
    NeedFactory()
    empty = values().filter(pk__in=[])
    with CaptureQueriesContext(connection) as queries:
        assert CompiledValues(empty).rows() == list(empty) == []
    assert len(queries) == 0


def test_compiled_values_keep_the_asked_fields_when_the_order_adds_columns():
    NeedFactory(quantity_wanted=2, title="CV B")
    NeedFactory(quantity_wanted=7, title="CV A")
    distinct = values().values_list("title").distinct()
    assert CompiledValues(distinct).rows() == list(distinct) == [("CV A",), ("CV B",)]


def test_querysets_compiled_values_cannot_take_are_refused():
    with pytest.raises(ValueError):
        CompiledValues(Need.objects.all())
    with pytest.raises(ValueError):
        CompiledValues(Need.objects.values_list("pk", flat=True))
    with pytest.raises(ValueError):
        CompiledValues(Need.objects.annotate(n=F("quantity_wanted")).values_list("pk", "n"))
    with pytest.raises(ValueError):
        CompiledValues(Need.objects.extra(select={"one": "1"}).values_list("pk", "one"))
