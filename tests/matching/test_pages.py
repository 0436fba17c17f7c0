"""The volunteer's search page and a need's page: the list works without JavaScript, bad
input is explained beside its field, pledging needs an account, the volunteer's own postcode
and point never reach the page."""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

import pytest

from matching.models import Need, Pledge, VolunteerProfile
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory
from tests.queries import per_request

pytestmark = pytest.mark.django_db


def near_me_url(language="fr"):
    with translation.override(language):
        return reverse("matching:near_me")


def need_url(need, language="fr"):
    with translation.override(language):
        return reverse("matching:need_detail", kwargs={"pk": need.pk})


def test_the_search_page_has_its_french_address():
    assert near_me_url("fr") == "/fr/pres-de-chez-moi/"
    assert near_me_url("en").startswith("/en/")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_search_page_shows_the_form_in_both_languages(client, language):
    response = client.get(near_me_url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'name="q"' in html and 'for="id_q"' in html
    assert "need-list" not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_postcode_search_lists_needs_nearest_first_without_javascript(client, language):
    response = client.get(near_me_url(language), {"q": "75011", "radius_km": 20})
    assert response.status_code == 200
    matches = response.context["matches"]
    assert matches
    distances = [m.distance_km for m in matches]
    assert distances == sorted(distances) and distances[-1] <= 20
    html = response.content.decode()
    assert matches[0].need.title in html
    assert need_url(matches[0].need, language) in html
    assert 'id="need-map-data"' in html  # the map's data, used only when JavaScript runs


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_search_opens_on_its_results(client, language):
    html = client.get(near_me_url(language), {"q": "75011"}).content.decode()
    assert f'action="{near_me_url(language)}#results-title"' in html
    assert 'id="results-title"' in html


def test_filters_narrow_the_list(client):
    response = client.get(
        near_me_url(), {"q": "Lyon", "radius_km": 50, "challenge": "soignants", "kind": "hospital"}
    )
    assert response.status_code == 200
    for match in response.context["matches"]:
        assert match.need.place_kind == "hospital"
        assert match.need.challenge.slug == "soignants"  # loaded on access (not listed)


def test_the_browser_position_can_replace_the_postcode(client):
    response = client.get(near_me_url(), {"lat": "43.2965", "lon": "5.3698", "radius_km": 20})
    assert response.status_code == 200
    assert response.context["matches"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "75999"}, "Code postal inconnu : 75999."),
        ({"q": ""}, "Indiquez un code postal ou une commune."),
        ({"q": "Zzyzx-sur-Mer"}, "Commune inconnue"),
        ({"lat": "95", "lon": "2"}, "Position invalide"),
        ({"lat": "abc", "lon": "2"}, "Position ou page invalide"),
        ({"q": "75011", "radius_km": "7"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_explained_with_a_400(client, params, message):
    response = client.get(near_me_url(), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "None" not in html  # what the refused search has not computed prints nothing


def test_the_results_heading_and_map_speak_the_readers_language(client):
    english = client.get(near_me_url("en"), {"q": "75011", "radius_km": 200, "page": 2})
    html = english.content.decode()
    assert english.status_code == 200
    assert "open needs within 200 km of 75011 Paris" in html and "— page 2" in html
    assert 'data-km="km"' in html and "You are here: 75011 Paris" in html
    assert 'id="need-map-data" type="application/json"' in html
    assert "Closer needs" in html and "besoins ouverts" not in html


def test_result_pages_follow_each_other(client):
    first = client.get(near_me_url(), {"q": "75011", "radius_km": 200})
    second = client.get(near_me_url(), {"q": "75011", "radius_km": 200, "page": 2})
    ids_first = [m.need.pk for m in first.context["matches"]]
    ids_second = [m.need.pk for m in second.context["matches"]]
    assert len(ids_first) == 20 and ids_second
    assert not set(ids_first) & set(ids_second)
    assert second.context["matches"][0].distance_km >= first.context["matches"][-1].distance_km


def test_a_volunteer_is_searched_around_their_address_which_never_reaches_the_page(client):
    user = UserFactory()
    VolunteerProfile.objects.create(
        user=user, postcode="13008", latitude=43.2708, longitude=5.3821, radius_km=30
    )
    VolunteerProfile.objects.filter(user=user).update(geocoding_status="ok")
    client.force_login(user)
    response = client.get(near_me_url())
    assert response.status_code == 200
    assert response.context["searched"] and response.context["matches"]
    html = response.content.decode()
    for secret in ("13008", "43.2708", "5.3821"):
        assert secret not in html


def test_the_search_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.get(near_me_url(), {"q": "75011"})  # warm caches (site, locales)
    # 2 for the directory's actions beside the needs, 2 for the footer's legal pages, 1 for the
    # challenge filter's choices (once per publication in production) and 1 for the chosen one
    with django_assert_max_num_queries(per_request(18)):
        response = client.get(near_me_url(), {"q": "75011", "challenge": "soignants"})
    assert response.status_code == 200


def test_the_search_page_suggests_actions_of_the_searched_challenge(client, caregivers_fr):
    from actions import services as action_services

    expected = [
        action.pk for action in action_services.actions_for_challenge(caregivers_fr, limit=3)
    ]
    assert expected  # the demo has actions for caregivers
    response = client.get(near_me_url(), {"q": "75011", "challenge": "soignants"})
    assert [action.pk for action in response.context["directory_actions"]] == expected
    assert response.context["actions_challenge"] == caregivers_fr
    assert 'id="directory-actions-title"' in response.content.decode()


def test_without_a_challenge_the_search_page_suggests_this_weeks_new_actions(client, fr):
    from actions import services as action_services

    expected = [action.pk for action in action_services.new_this_week(locale_id=fr.pk, limit=3)]
    response = client.get(near_me_url(), {"q": "75011"})
    assert [action.pk for action in response.context["directory_actions"]] == expected
    assert response.context["actions_challenge"] is None


def test_a_need_page_shows_quantities_and_counts_volunteers_without_naming_them(client):
    need = NeedFactory(title="Repas pour les soignants de nuit", quantity_wanted=20, unit="repas")
    profile = VolunteerProfileFactory()
    Pledge.objects.create(volunteer=profile, need=need, quantity=2)
    Need.objects.filter(pk=need.pk).update(quantity_pledged=2)
    response = client.get(need_url(need))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Repas pour les soignants de nuit" in html
    assert response.context["figures"].volunteers == 1
    assert response.context["figures"].pledged == 2
    assert profile.user.username not in html and profile.user.email not in html


@pytest.mark.parametrize("memo", [False, True])
def test_a_need_page_links_its_challenge_in_the_readers_language(
    client, caregivers_fr, caregivers_en, memo, request
):
    """The need stores its partner's French page; English readers get the English one, also
    when the link is kept per publication (production)."""
    if memo:
        request.getfixturevalue("memo_on")
    need = NeedFactory(challenge=caregivers_fr)
    french = client.get(need_url(need, "fr")).content.decode()
    english = client.get(need_url(need, "en")).content.decode()
    assert f'<a href="{caregivers_fr.url}">{escape(caregivers_fr.title)}</a>' in french
    assert f'<a href="{caregivers_en.url}">{escape(caregivers_en.title)}</a>' in english
    assert caregivers_fr.url != caregivers_en.url


def test_figures_count_done_and_promised_pledges_and_each_volunteer_once(client):
    need = NeedFactory(quantity_wanted=30)
    twice, once = VolunteerProfileFactory(), VolunteerProfileFactory()
    Pledge.objects.create(volunteer=twice, need=need, quantity=2)
    Pledge.objects.create(volunteer=twice, need=need, quantity=3, status="done")
    Pledge.objects.create(volunteer=once, need=need, quantity=4, status="cancelled")
    Pledge.objects.create(volunteer=None, need=need, quantity=5)  # the volunteer left the site
    figures = client.get(need_url(need)).context["figures"]
    assert (figures.pledged, figures.fulfilled, figures.volunteers) == (10, 3, 2)
    assert figures.remaining == 20


def test_an_exact_place_shows_its_address_and_a_rounded_one_only_its_town(client):
    exact = NeedFactory(place=PlaceFactory(address="12 rue Oberkampf", public_precision=5))
    rounded = NeedFactory(place=PlaceFactory(address="7 impasse Secrète", public_precision=2))
    assert "12 rue Oberkampf" in client.get(need_url(exact)).content.decode()
    assert "7 impasse Secrète" not in client.get(need_url(rounded)).content.decode()


def test_a_draft_need_is_not_public(client):
    assert client.get(need_url(NeedFactory(status="draft"))).status_code == 404
    assert client.get("/fr/besoins/999999999/").status_code == 404


def test_pledging_asks_anonymous_visitors_to_sign_in(client):
    need = NeedFactory()
    html = client.get(need_url(need)).content.decode()
    assert "/fr/connexion/?next=" in html
    with translation.override("fr"):
        url = reverse("matching:pledge", kwargs={"pk": need.pk})
    response = client.post(url, {"quantity": 1})
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/connexion/")
    assert not need.pledges.exists()


def test_a_signed_in_volunteer_pledges_and_sees_the_remaining_quantity(client):
    need = NeedFactory(quantity_wanted=10, unit="kits")
    user = UserFactory()
    client.force_login(user)
    with translation.override("fr"):
        url = reverse("matching:pledge", kwargs={"pk": need.pk})
    response = client.post(url, {"quantity": 4, "contact_channel": "none"}, follow=True)
    assert response.status_code == 200
    need.refresh_from_db()
    assert need.quantity_remaining == 6
    assert Pledge.objects.get(need=need).volunteer.user == user
    assert "Votre engagement de 4 kits est enregistré" in response.content.decode()


def test_a_pledge_and_its_emails_run_as_many_queries_whatever_the_channel_and_the_need(
    client, django_capture_on_commit_callbacks
):
    """The volunteer's confirmation and the partner's email run in the request (eager tasks):
    their queries neither grow with the need's pledges nor with the contact shared."""
    need = NeedFactory(quantity_wanted=100, unit="kits")
    profile = VolunteerProfileFactory(phone="0612345678")
    client.force_login(profile.user)
    with translation.override("fr"):
        url = reverse("matching:pledge", kwargs={"pk": need.pk})

    def pledge_counting(channel: str) -> int:
        mail.outbox = []
        with (
            CaptureQueriesContext(connection) as queries,  # the emails' queries are counted
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = client.post(url, {"quantity": 1, "contact_channel": channel})
        assert response.status_code == 302
        assert len(mail.outbox) == 2  # the volunteer's confirmation, the partner's email
        return len(queries)

    first = pledge_counting("none")
    for _ in range(5):
        Pledge.objects.create(need=need, volunteer=VolunteerProfileFactory(), quantity=1)
    assert [pledge_counting(channel) for channel in ["none", "email", "phone"]] == [first] * 3


@pytest.mark.parametrize(
    ("quantity", "message"),
    [("11", "Il ne reste que 10 à promettre."), ("0", "supérieure ou égale à 1"), ("x", "nombre")],
)
def test_an_impossible_pledge_is_explained_beside_the_field(client, quantity, message):
    need = NeedFactory(quantity_wanted=10)
    client.force_login(UserFactory())
    with translation.override("fr"):
        url = reverse("matching:pledge", kwargs={"pk": need.pk})
    response = client.post(url, {"quantity": quantity, "contact_channel": "none"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Pledge.objects.filter(need=need).exists()


@pytest.mark.parametrize("memo", [False, True])
def test_the_search_form_shows_back_what_was_chosen_in_the_readers_language(client, memo, request):
    """The form's widgets are drawn by the Jinja2 renderer: same names, ids, chosen options
    and translated labels as Django's; the challenge choices, kept per publication in
    production, are each language's."""
    if memo:
        request.getfixturevalue("memo_on")
    for language, everywhere, caregivers, other in [
        ("fr", "Tous les lieux", "soignants", "caregivers"),
        ("en", "All places", "caregivers", "soignants"),
    ]:
        response = client.get(
            near_me_url(language),
            {"q": "75011", "radius_km": 50, "kind": "", "challenge": caregivers},
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="radius_km" id="id_radius_km"' in html
        assert '<option value="50" selected>50 km</option>' in html
        assert f'<option value="{caregivers}" selected>' in html
        assert f'<option value="{other}"' not in html
        assert f'<option value="" selected>{everywhere}</option>' in html
        assert 'value="75011"' in html and 'aria-describedby="id_q_help"' in html
