"""The offline gazetteer: every French postcode it holds resolves; names match whatever their
spelling; unknown input gets a clear message, never an exception of another kind."""

import csv
import gzip
import importlib.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.geocoding import OfflineGeocoder, PlaceNotFound, gazetteer
from matching.geocoding.gazetteer import GAZETTEER_PATH
from tests.conftest import ROOT

geocoder = OfflineGeocoder()
_spec = importlib.util.spec_from_file_location(
    "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
)
build_gazetteer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_gazetteer)


def test_gazetteer_has_about_six_thousand_postcodes_and_thirty_five_thousand_names():
    data = gazetteer()
    assert 6000 <= len(data.postcodes) <= 7000
    assert 30000 <= len(data.names) <= 40000


def test_every_postcode_of_the_gazetteer_geocodes_offline_near_its_communes():
    with gzip.open(GAZETTEER_PATH, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for code in {row["postcode"] for row in rows}:
        point = geocoder.geocode(code)
        assert point.postcode == code
        assert point.source == "gazetteer"
        assert point.label.startswith(code)
        assert -90 <= point.latitude <= 90 and -180 <= point.longitude <= 180


@pytest.mark.parametrize(
    ("query", "postcode", "territory_latitude"),
    [
        ("97400", "97400", -20.9),  # La Réunion
        ("97110", "97110", 16.2),  # Guadeloupe
        ("97200", "97200", 14.6),  # Martinique
        ("97300", "97300", 4.9),  # Guyane
        ("97600", "97600", -12.8),  # Mayotte
        ("97500", "97500", 46.9),  # Saint-Pierre-et-Miquelon
        ("98800", "98800", -22.3),  # Nouvelle-Calédonie
        ("98714", "98714", -17.6),  # Polynésie française
        ("20000", "20000", 41.9),  # Corse
    ],
)
def test_overseas_and_corsican_postcodes_resolve(query, postcode, territory_latitude):
    point = geocoder.geocode(query)
    assert point.postcode == postcode
    assert abs(point.latitude - territory_latitude) < 0.5


@pytest.mark.parametrize(
    "spelling",
    ["Saint-Étienne", "saint etienne", "ST ETIENNE", "St-Étienne", "SAINT-ETIENNE", "st. etienne"],
)
def test_accents_case_hyphens_and_saint_abbreviations_match(spelling):
    point = geocoder.geocode(spelling)
    assert point.town == "Saint-Étienne"
    assert point.postcode.startswith("42")


@pytest.mark.parametrize(
    ("query", "postcode"),
    [
        ("Paris 11e", "75011"),
        ("paris 1er arrondissement", "75001"),
        ("Paris 01", "75001"),
        ("75016", "75016"),
        ("75116", "75116"),
        ("Lyon 3e", "69003"),
        ("lyon 8eme", "69008"),
        ("Marseille 8e", "13008"),
        ("13013", "13013"),
    ],
)
def test_paris_lyon_and_marseille_arrondissements_resolve(query, postcode):
    point = geocoder.geocode(query)
    assert point.postcode == postcode
    assert "Arrondissement" in point.label


def test_arrondissements_have_their_own_points_not_the_city_centre():
    first, twentieth = geocoder.geocode("75001"), geocoder.geocode("75020")
    assert (first.latitude, first.longitude) != (twentieth.latitude, twentieth.longitude)


def test_a_postcode_with_its_commune_picks_that_commune():
    point = geocoder.geocode("20200 Ville-di-Pietrabugno")
    assert point.town == "Ville-di-Pietrabugno"
    assert geocoder.geocode("20200").postcode == "20200"


def test_an_address_resolves_to_its_postcode():
    point = geocoder.geocode("12 rue de la Paix, 69003 Lyon")
    assert point.postcode == "69003"


def test_a_department_number_picks_among_homonyms():
    assert geocoder.geocode("Saint-Denis (93)").postcode.startswith("93")
    assert geocoder.geocode("Saint-Denis 974").postcode.startswith("974")


def test_a_postcode_that_lost_its_leading_zero_still_resolves():
    assert geocoder.geocode("1000").postcode == "01000"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("75999", "Code postal inconnu : 75999."),
        ("00000", "Code postal inconnu : 00000."),
        ("Zzyzx-sur-Mer", "Commune inconnue"),
        ("", "Indiquez un code postal ou une commune."),
    ],
)
def test_unknown_input_gets_a_clear_message(query, message):
    with pytest.raises(PlaceNotFound) as error:
        geocoder.geocode(query)
    assert message in str(error.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_either_resolves_or_says_place_not_found(text):
    try:
        point = geocoder.geocode(text)
    except PlaceNotFound as error:
        assert str(error)
    else:
        assert point.source == "gazetteer"


def test_build_script_names_arrondissements_and_drops_cedex_and_monaco():
    records = [
        {
            "country_code": "FR",
            "postal_code": "75001",
            "city": "Paris",
            "latitude": 48.8534,
            "longitude": 2.3488,
        },
        {
            "country_code": "FR",
            "postal_code": "75001",
            "city": "Paris 01",
            "latitude": 48.8592,
            "longitude": 2.3417,
        },
        {
            "country_code": "FR",
            "postal_code": "75002",
            "city": "Paris",
            "latitude": 48.8534,
            "longitude": 2.3488,
        },
        {
            "country_code": "FR",
            "postal_code": "75002",
            "city": "Paris 02",
            "latitude": 48.8655,
            "longitude": 2.3426,
        },
        {
            "country_code": "FR",
            "postal_code": "75021 CEDEX 01",
            "city": "Paris",
            "latitude": 48.8,
            "longitude": 2.3,
        },
        {
            "country_code": "FR",
            "postal_code": "98000",
            "city": "Monaco",
            "latitude": 43.7,
            "longitude": 7.4,
        },
        {
            "country_code": "RE",
            "postal_code": "97400",
            "city": "Saint-Denis",
            "latitude": -20.88231,
            "longitude": 55.45041,
        },
    ]
    rows = build_gazetteer.build_rows(records)
    assert rows == [
        ("75001", "Paris", 48.8534, 2.3488, "FR", 0),
        ("75001", "Paris 1er Arrondissement", 48.8592, 2.3417, "FR", 1),
        ("75002", "Paris 2e Arrondissement", 48.8655, 2.3426, "FR", 1),
        ("97400", "Saint-Denis", -20.8823, 55.4504, "RE", 1),
    ]


def test_the_shipped_gazetteer_is_small_and_credits_its_source():
    assert GAZETTEER_PATH.stat().st_size < 2 * 1024 * 1024
    notice = (GAZETTEER_PATH.parent / "README.md").read_text()
    assert "GeoNames" in notice and "CC BY 4.0" in notice
