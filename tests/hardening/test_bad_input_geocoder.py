"""The offline geocoder takes any text: a point inside the world, or one of its documented
errors (PlaceNotFound, GeocoderUnavailable), never another exception."""

from django.test import override_settings

from geopy.geocoders import BANFrance
from hypothesis import given
from hypothesis import strategies as st

from matching import geo
from matching.geocoding import GeocodingError, OfflineGeocoder, geocode_query, online
from matching.geocoding.normalise import normalise_name, split_department, split_postcode
from tests.hardening.strategies import bounded, fresh_limits, hostile_text

queries = st.one_of(
    hostile_text(),
    st.builds(
        lambda digits, rest: f"{digits} {rest}",
        st.from_regex(r"\d{1,6}", fullmatch=True),
        st.text(max_size=40),
    ),
    st.sampled_from(["Paris", "Saint-Étienne", "St Denis (93)", "Lyon 3e", "2A", "97400", "1000"]),
)


def _check(point) -> None:
    assert geo.valid_point(point.latitude, point.longitude)
    assert isinstance(point.label, str) and point.label


@bounded
@given(query=queries)
def test_the_gazetteer_answers_any_text_with_a_point_or_a_documented_error(query):
    try:
        point = OfflineGeocoder().geocode(query)
    except GeocodingError as error:
        assert str(error)
    else:
        _check(point)


@bounded
@given(query=queries)
@override_settings(GEOCODER="offline")
def test_what_volunteers_type_is_geocoded_or_explained(query):
    fresh_limits()
    try:
        point = geocode_query(query, client="192.0.2.1")
    except GeocodingError as error:
        assert str(error)
    else:
        _check(point)


@bounded
@given(text=hostile_text())
def test_the_normalising_helpers_never_raise(text):
    key = normalise_name(text)
    assert isinstance(key, str)
    code, rest = split_postcode(text)
    assert code == "" or (len(code) == 5 and code.isdigit())
    head, department = split_department(key)
    assert isinstance(head, str) and isinstance(department, str)


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
coordinate = st.one_of(st.floats(), st.integers(), st.text(max_size=10), st.none())
ban_answers = st.one_of(
    json_values,
    st.builds(
        lambda lon, lat, properties: {
            "features": [{"geometry": {"coordinates": [lon, lat]}, "properties": properties}]
        },
        coordinate,
        coordinate,
        st.dictionaries(st.sampled_from(["label", "postcode", "city"]), json_values),
    ),
)


@bounded
@given(answer=ban_answers, query=st.sampled_from(["3 rue des Lilas, 69003 Lyon", "Mairie"]))
def test_any_answer_of_the_online_service_gives_a_point_or_a_documented_error(
    monkeypatch, answer, query
):
    fresh_limits()
    monkeypatch.setattr(
        BANFrance, "_call_geocoder", lambda geocoder, url, callback, **kwargs: callback(answer)
    )
    with override_settings(GEOCODER="ban"):
        monkeypatch.setattr(online, "_instances", {})
        try:
            point = online.get_geocoder().geocode(query)
        except GeocodingError as error:
            assert str(error)
        else:
            _check(point)
