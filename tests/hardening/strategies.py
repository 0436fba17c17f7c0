"""Hostile values for the bad-input tests: any Unicode, huge strings, NUL bytes, numbers that
are not numbers, out-of-range coordinates, negative and enormous quantities, malformed dates."""

import os

from django.core.cache import cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# HARDENING_MAX_EXAMPLES=500 for a deeper (nightly) run; 40 keeps the suite under a minute.
MAX_EXAMPLES = int(os.environ.get("HARDENING_MAX_EXAMPLES", "40"))
bounded = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NUMBERISH = [
    "nan",
    "NaN",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "1e-400",
    "0",
    "-0",
    "-1",
    "1",
    "90.0000001",
    "-90.5",
    "180.1",
    "-181",
    "999999999999999999999999999999",
    "-999999999999999999999999",
    "9" * 400,
    "0x10",
    "1,5",
    "1_000",
    " 12 ",
    "١٢",  # Arabic-Indic digits
    "",
    "null",
    "true",
    "[]",
    "{}",
    "2026-02-30",
    "31/12/2026",
    "2026-13-01T25:61:00",
    "0000-00-00",
]

# Any character a request can carry (lone surrogates cannot be encoded in UTF-8 at all).
any_character = st.characters(exclude_categories=["Cs"])
huge = st.builds(lambda char, size: char * size, any_character, st.sampled_from([1_000, 100_000]))
with_nul = st.builds(
    lambda head, tail: f"{head}\x00{tail}",
    st.text(any_character, max_size=20),
    st.text(any_character, max_size=20),
)


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NUMBERISH),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    )


def hostile_text() -> st.SearchStrategy[str]:
    """Any value a bot or a typo can put in a form field or a query string."""
    return st.one_of(st.text(any_character, max_size=300), huge, with_nul, numbers())


def params(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """A query string or POST body: some of ``names`` (and an unknown key) with hostile values."""
    keys = st.sampled_from([*names, "unknown", "page", "format"])
    return st.dictionaries(keys, hostile_text(), max_size=len(names) + 2)


def fresh_limits() -> None:
    """Rate limits are per address and the test client always comes from the same one: clear
    them between examples so a 429 never hides a 500."""
    cache.clear()
