"""A queryset asked again and again with one value changing (a pledge by its id, a partner's
members): ``CompiledQuery(queryset, "pk").first(pledge_id)`` returns what
``queryset.filter(pk=pledge_id).first()`` would, but builds and compiles the SQL once per
database instead of on every call (for a query joining five tables, compiling costs five times
running it on SQLite).

Values go to the database as given: integers for integer fields, strings for text fields.
The rows become models as Django's own iterable makes them (``Model.from_db``, related objects
by ``select_related``, annotations), with the compiler of the first call: only querysets of
model instances, without ``prefetch_related`` or extra select columns.

``CompiledValues(queryset)`` is the same for a whole ``values_list`` queryset (its values fixed,
a slice included): ``.rows()`` runs its SQL again and answers its tuples, as ``list(queryset)``
would; ``publication_memo`` keeps one per page of a list whose SQL changes only with a
publication (the directory's results).
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

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
        self.converters = _converters(compiler)

    def run(self, value) -> list[Model]:
        if isinstance(value, int) and not _BIGINT_MIN <= value <= _BIGINT_MAX:
            return []  # as the ORM's lookups answer a forged id no column can hold
        params = self.params.copy()
        params[self.place] = value
        found = []
        for row in _fetched(self.alias, self.sql, params, self.converters):
            instance = self.model.from_db(self.alias, self.init_list, row[self.fields])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, column in self.annotations.items():
                setattr(instance, name, row[column])
            found.append(instance)
        return found


class CompiledValues:
    """A ``values_list`` queryset (not flat, not named) compiled once: ``rows()`` answers its
    tuples as ``list(queryset)`` does, running its SQL each time (the values are current)."""

    def __init__(self, queryset: QuerySet):
        if queryset._iterable_class is not ValuesListIterable or queryset._prefetch_related_lookups:
            raise ValueError("CompiledValues takes values_list querysets, no prefetch")
        self.alias = queryset.db
        query = queryset.query
        if query.extra_select or query.annotation_select:
            raise ValueError("CompiledValues takes fields only, no extra select or annotation")
        self.width = len(query.values_select)
        self.sql, self.params, self.converters = None, (), []
        compiler = query.get_compiler(using=self.alias)
        try:
            self.sql, self.params = compiler.as_sql()
        except EmptyResultSet:  # a filter nothing can match (an empty IN list): no query
            return
        self.converters = _converters(compiler)

    def rows(self) -> list[tuple]:
        if self.sql is None:
            return []
        # Columns selected for the order only (DISTINCT) follow the fields: cut here.
        fetched = _fetched(self.alias, self.sql, self.params, self.converters)
        return [tuple(row[: self.width]) for row in fetched]


def _converters(compiler) -> list:
    """The compiler's converters per selected column, as ``SQLCompiler.apply_converters``
    takes them."""
    return list(compiler.get_converters([column[0] for column in compiler.select]).items())


def _fetched(alias: str, sql: str, params, converters: list) -> list:
    """The rows of ``sql`` on this thread's connection to ``alias``, each value converted as
    ``SQLCompiler.apply_converters`` converts it (rows are lists when there are converters)."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    if not converters:
        return fetched
    rows = []
    for row in map(list, fetched):
        for index, (column_converters, expression) in converters:
            for converter in column_converters:
                row[index] = converter(row[index], expression, connection)
        rows.append(row)
    return rows
