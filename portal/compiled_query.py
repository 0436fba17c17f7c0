"""A queryset asked again and again with one value changing (a pledge by its id, a partner's
members): ``CompiledQuery(queryset, "pk").first(pledge_id)`` returns what
``queryset.filter(pk=pledge_id).first()`` would, but builds and compiles the SQL once per
database instead of on every call (for a query joining five tables, compiling costs five times
running it on SQLite).

Values go to the database as given: integers for integer fields, strings for text fields.
The rows become models as Django's own iterable makes them (``Model.from_db``, related objects
by ``select_related``, annotations), with the compiler of the first call: only querysets of
model instances, without ``prefetch_related`` or extra select columns.
"""

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

# The value compiled in place of the real one, then found among the SQL's parameters: within
# a 32-bit integer's range, or PostgreSQL's compiler drops an integer lookup it cannot hold.
_STAND_IN = -1_973_402_881
_BIGINT_MIN, _BIGINT_MAX = -(2**63), 2**63 - 1


class CompiledQuery:
    def __init__(self, queryset: QuerySet, lookup: str):
        if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
            raise ValueError("CompiledQuery takes querysets of model instances, no prefetch")
        self.queryset, self.lookup = queryset, lookup
        self._compiled: dict[str, _Compiled] = {}

    def rows(self, value) -> list[Model]:
        """The queryset's objects where ``lookup`` equals ``value``."""
        alias = self.queryset.db
        compiled = self._compiled.get(alias)
        if compiled is None:
            query = self.queryset.filter(**{self.lookup: _STAND_IN})
            compiled = self._compiled[alias] = _Compiled(query, alias)
        return compiled.run(value)

    def first(self, value) -> Model | None:
        found = self.rows(value)
        return found[0] if found else None


class _Compiled:
    """SQL, parameters and what turns a row into objects, for one database."""

    def __init__(self, queryset: QuerySet, alias: str):
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        stand_ins = (_STAND_IN, str(_STAND_IN))  # as given, or as a text field prepares it
        places = [index for index, param in enumerate(params) if param in stand_ins]
        if len(places) != 1 or compiler.has_extra_select:
            raise ValueError("CompiledQuery needs its value once in the SQL, no extra select")
        self.params, self.place = list(params), places[0]
        self.alias = alias
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.fields = slice(start, end)
        self.init_list = [column[0].target.attname for column in compiler.select[start:end]]
        self.populators = get_related_populators(klass_info, compiler.select, alias)
        self.annotations = compiler.annotation_col_map
        converters = compiler.get_converters([column[0] for column in compiler.select])
        self.converters = list(converters.items())

    def run(self, value) -> list[Model]:
        if isinstance(value, int) and not _BIGINT_MIN <= value <= _BIGINT_MAX:
            return []  # as the ORM's lookups answer a forged id no column can hold
        params = self.params.copy()
        params[self.place] = value
        connection = connections[self.alias]  # this thread's
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        found = []
        for row in map(list, fetched) if self.converters else fetched:
            for index, (converters, expression) in self.converters:
                for converter in converters:  # as SQLCompiler.apply_converters
                    row[index] = converter(row[index], expression, connection)
            instance = self.model.from_db(self.alias, self.init_list, row[self.fields])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, column in self.annotations.items():
                setattr(instance, name, row[column])
            found.append(instance)
        return found
