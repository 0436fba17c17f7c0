"""Partner space: a partner lists, creates and edits its places; saving geocodes them."""

import re

from django.urls import reverse

import pytest

from matching.models import GeocodingStatus, Place, PlaceKind, PublicPrecision
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post_place(partner_client, django_capture_on_commit_callbacks):
    """POST a place form with its geocoding run after commit, as in production (eager task)."""

    def post(url, **fields):
        data = {
            "name": "Local de la rue Oberkampf",
            "kind": PlaceKind.COLLECTION_POINT,
            "address": "",
            "postcode": "",
            "town": "",
            "public_precision": PublicPrecision.STREET,
            "latitude": "",
            "longitude": "",
            **fields,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return partner_client.post(url, data)

    return post


def test_a_place_created_from_a_postcode_only_is_geocoded_and_listed(
    partner_client, partner_member, post_place
):
    response = post_place(reverse("partners:place_create"), postcode="69003")
    place = Place.objects.get(name="Local de la rue Oberkampf")
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:place_edit", kwargs={"pk": place.pk})
    assert place.partner == partner_member.partner
    assert place.town == "Lyon 3e Arrondissement"
    assert place.geocoding_status == GeocodingStatus.OK
    assert place.latitude == pytest.approx(45.76, abs=0.05)
    assert place.longitude == pytest.approx(4.85, abs=0.05)
    listing = partner_client.get(reverse("partners:places")).content.decode()
    assert "Local de la rue Oberkampf" in listing and "69003 Lyon 3e Arrondissement" in listing


def test_the_place_page_gives_the_position_as_text_and_for_the_map(partner_client, post_place):
    post_place(reverse("partners:place_create"), postcode="97400", town="Saint-Denis")
    place = Place.objects.get(name="Local de la rue Oberkampf")
    html = partner_client.get(reverse("partners:place_edit", kwargs={"pk": place.pk})).content
    html = html.decode()
    assert "Position : Saint-Denis" in html
    assert f'data-lat="{place.latitude}"' in html and f'data-lon="{place.longitude}"' in html
    assert "partners/place-map.js" in html and "leaflet.js" in html
    # The shared map script draws the offline basemap here too.
    assert "matching/map.js" in html and "france-departements.geojson" in html


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("7501", "5 chiffres"),
        ("75O11", "5 chiffres"),
        ("00100", "numéro de département"),
        ("96000", "numéro de département"),
    ],
)
def test_an_invalid_postcode_is_refused_with_a_clear_message_and_nothing_is_saved(
    partner_client, post_place, postcode, message
):
    before = Place.objects.count()
    response = post_place(reverse("partners:place_create"), postcode=postcode, town="Paris")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_postcode_error"' in html and message in html
    assert 'value="Local de la rue Oberkampf"' in html
    assert Place.objects.count() == before


def test_overseas_postcodes_are_valid(partner_client, post_place):
    response = post_place(reverse("partners:place_create"), postcode="98800", town="Nouméa")
    assert response.status_code == 302
    assert Place.objects.get(name="Local de la rue Oberkampf").geocoding_status in (
        GeocodingStatus.OK,
        GeocodingStatus.APPROXIMATE,
    )


def test_a_place_that_cannot_be_geocoded_is_saved_and_flagged_to_check(partner_client, post_place):
    response = post_place(
        reverse("partners:place_create"), postcode="75999", town="Nulle-Part-sur-Rien"
    )
    assert response.status_code == 302
    place = Place.objects.get(name="Local de la rue Oberkampf")
    assert place.geocoding_status == GeocodingStatus.FAILED
    assert "À vérifier" in partner_client.get(reverse("partners:places")).content.decode()
    page = partner_client.get(response["Location"]).content.decode()
    assert "À vérifier" in page and "pas été trouvée" in page


def test_an_unknown_postcode_without_a_town_asks_for_the_town(partner_client, post_place):
    response = post_place(reverse("partners:place_create"), postcode="75999")
    assert response.status_code == 400
    assert 'id="id_town_error"' in response.content.decode()


def test_coordinates_typed_by_hand_are_kept_as_manual(partner_client, post_place):
    response = post_place(
        reverse("partners:place_create"),
        postcode="75011",
        town="Paris",
        latitude="48,8601",
        longitude="2.3770",
    )
    assert response.status_code == 302
    place = Place.objects.get(name="Local de la rue Oberkampf")
    assert place.geocoding_status == GeocodingStatus.MANUAL
    assert (place.latitude, place.longitude) == (48.8601, 2.377)


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [("48.86", "", "longitude"), ("", "2.37", "latitude"), ("123", "2.37", "latitude")],
)
def test_coordinates_come_in_pairs_within_range(
    partner_client, post_place, latitude, longitude, field
):
    response = post_place(
        reverse("partners:place_create"),
        postcode="75011",
        town="Paris",
        latitude=latitude,
        longitude=longitude,
    )
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()


def test_editing_the_address_geocodes_the_place_again(partner_client, partner_member, post_place):
    place = PlaceFactory(partner=partner_member.partner, postcode="75011", town="Paris")
    url = reverse("partners:place_edit", kwargs={"pk": place.pk})
    assert partner_client.get(url).status_code == 200
    response = post_place(
        url,
        name=place.name,
        kind=place.kind,
        postcode="13001",
        town="Marseille",
        latitude=str(place.latitude),
        longitude=str(place.longitude),
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.OK
    assert place.latitude == pytest.approx(43.30, abs=0.05)
    assert place.partner == partner_member.partner


def test_another_partners_place_is_not_found(partner_client, other_partner_member, post_place):
    place = PlaceFactory(partner=other_partner_member.partner, name="Chez Entouréo")
    url = reverse("partners:place_edit", kwargs={"pk": place.pk})
    assert partner_client.get(url).status_code == 404
    assert post_place(url, postcode="75011", town="Paris").status_code == 404
    place.refresh_from_db()
    assert place.name == "Chez Entouréo"
    assert "Chez Entouréo" not in partner_client.get(reverse("partners:places")).content.decode()
    create = partner_client.get(reverse("partners:need_create") + f"?place={place.pk}")
    assert create.status_code == 404


def test_members_as_well_as_owners_manage_places(client, other_partner_member):
    client.force_login(other_partner_member.user)
    assert client.get(reverse("partners:places")).status_code == 200
    assert client.get(reverse("partners:place_create")).status_code == 200


@pytest.mark.parametrize("name", ["places", "place_create"])
def test_places_need_a_partner_account(client, name):
    url = reverse(f"partners:{name}")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/fr/connexion/")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "X"}).status_code == 403


def test_place_urls_are_under_the_partner_space():
    assert reverse("partners:places") == "/fr/espace-partenaire/lieux/"
    assert reverse("partners:place_create") == "/fr/espace-partenaire/lieux/nouveau/"


def test_the_list_counts_each_places_open_needs(partner_client, partner_member):
    place = PlaceFactory(partner=partner_member.partner, name="Entrepôt")
    NeedFactory(place=place)
    NeedFactory(place=place, status="draft")
    html = partner_client.get(reverse("partners:places")).content.decode()
    assert "1 / 2" in html


def test_saving_the_form_unchanged_keeps_the_geocoded_point(partner_client, partner_member):
    place = PlaceFactory(
        partner=partner_member.partner, latitude=48.857412, longitude=2.379531, postcode="75011"
    )
    url = reverse("partners:place_edit", kwargs={"pk": place.pk})
    html = partner_client.get(url).content.decode()
    rendered = dict(re.findall(r'name="(latitude|longitude)" value="([^"]*)"', html))
    assert set(rendered) == {"latitude", "longitude"}
    data = {
        "name": place.name,
        "kind": place.kind,
        "address": place.address,
        "postcode": place.postcode,
        "town": place.town,
        "public_precision": place.public_precision,
        **rendered,
    }
    assert partner_client.post(url, data).status_code == 302
    place.refresh_from_db()
    assert place.geocoding_status == GeocodingStatus.OK
    assert (place.latitude, place.longitude) == (48.857412, 2.379531)
