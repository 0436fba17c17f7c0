"""Partner space: a partner creates, edits, publishes, pauses, resumes, closes and duplicates
its own needs; another partner's needs are out of reach."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from challenges.models import ChallengePage
from matching.models import Need, NeedStatus, Skill, Urgency
from tests.factories import UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(partner_member):
    return PlaceFactory(partner=partner_member.partner, name="Point de collecte Oberkampf")


@pytest.fixture
def challenge_fr(db):
    return ChallengePage.objects.live().get(slug="sans-abri", locale__language_code="fr")


@pytest.fixture
def need_data(place, challenge_fr):
    return {
        "place": place.pk,
        "challenge": challenge_fr.pk,
        "title": "Kits d'hygiène pour la maraude",
        "description": "Savon, brosse à dents.",
        "quantity_wanted": "40",
        "unit": "kits",
        "urgency": str(Urgency.HIGH),
        "skill": Skill.LOGISTICS,
        "starts_at": "",
        "ends_at": "",
    }


@pytest.fixture
def other_need(other_partner_member):
    place = PlaceFactory(partner=other_partner_member.partner, name="Chez Entouréo")
    return NeedFactory(place=place, title="Besoin d'Entouréo", status=NeedStatus.OPEN)


def set_review_first_needs(partner, count: int) -> None:
    type(partner).objects.filter(pk=partner.pk).update(review_first_needs=count)


def published_count(partner) -> int:
    return Need.objects.filter(place__partner=partner, published_at__isnull=False).count()


def test_a_new_need_is_saved_as_a_draft_by_its_author(
    partner_client, partner_member, need_data, challenge_fr
):
    response = partner_client.post(reverse("partners:need_create"), need_data)
    need = Need.objects.get(title="Kits d'hygiène pour la maraude")
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:need_edit", kwargs={"pk": need.pk})
    assert need.status == NeedStatus.DRAFT and need.published_at is None
    assert need.created_by == partner_member.user
    assert need.challenge == challenge_fr
    assert (need.quantity_wanted, need.urgency, need.skill) == (40, Urgency.HIGH, "logistics")
    assert need.latitude is not None  # the place's search columns were copied


def test_publish_now_opens_the_new_need(partner_client, partner_member, need_data):
    set_review_first_needs(partner_member.partner, 0)
    response = partner_client.post(reverse("partners:need_create"), {**need_data, "publish": "1"})
    need = Need.objects.get(title="Kits d'hygiène pour la maraude")
    assert response.status_code == 302
    assert need.status == NeedStatus.OPEN and need.published_at is not None
    page = partner_client.get(response["Location"]).content.decode()
    assert "Besoin publié" in page


def test_the_place_in_the_query_string_is_preselected(partner_client, partner_member, place):
    PlaceFactory(partner=partner_member.partner, name="Autre lieu")
    response = partner_client.get(reverse("partners:need_create") + f"?place={place.pk}")
    assert response.status_code == 200
    assert f'<option value="{place.pk}" selected>' in response.content.decode()


def test_place_and_challenge_choices_are_the_partners_places_and_live_challenges_in_the_language(
    partner_client, place, other_need
):
    html = partner_client.get(reverse("partners:need_create")).content.decode()
    assert "Point de collecte Oberkampf" in html
    assert "Chez Entouréo" not in html
    challenge_select = html[html.index('name="challenge"') :]
    challenge_select = challenge_select[: challenge_select.index("</select>")]
    for page in ChallengePage.objects.live():
        shown = f'value="{page.pk}"' in challenge_select
        assert shown == (page.locale.language_code == "fr")


def test_in_english_the_challenges_offered_are_the_english_pages(
    partner_client, place, challenge_fr
):
    challenge_en = challenge_fr.get_translation(challenge_fr.get_translations().first().locale)
    assert challenge_en.locale.language_code == "en"
    need = NeedFactory(place=place, challenge=challenge_fr)
    with translation.override("en"):
        url = reverse("partners:need_edit", kwargs={"pk": need.pk})
    html = partner_client.get(url).content.decode()
    assert f'<option value="{challenge_en.pk}" selected>' in html


def test_another_partners_place_cannot_be_chosen(partner_client, need_data, other_need):
    response = partner_client.post(
        reverse("partners:need_create"), {**need_data, "place": other_need.place_id}
    )
    assert response.status_code == 400
    assert 'id="id_place_error"' in response.content.decode()
    assert not Need.objects.filter(title=need_data["title"]).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"quantity_wanted": "0"}, "quantity_wanted"),
        ({"quantity_wanted": "100001"}, "quantity_wanted"),
        ({"quantity_wanted": "beaucoup"}, "quantity_wanted"),
        ({"title": ""}, "title"),
        ({"unit": ""}, "unit"),
        ({"urgency": "9"}, "urgency"),
        ({"starts_at": "2031-13-45T10:00"}, "starts_at"),
        ({"ends_at": "demain"}, "ends_at"),
        ({"starts_at": "2031-05-10T10:00", "ends_at": "2031-05-09T10:00"}, "ends_at"),
        ({"ends_at": "9999-12-31T23:59"}, "ends_at"),
        ({"ends_at": "2001-01-01T10:00"}, "ends_at"),
    ],
)
def test_an_invalid_need_form_keeps_its_values_and_saves_nothing(
    partner_client, need_data, changes, field
):
    before = Need.objects.count()
    response = partner_client.post(reverse("partners:need_create"), {**need_data, **changes})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert f'aria-describedby="id_{field}' in html
    assert "Savon, brosse à dents." in html
    assert Need.objects.count() == before


def test_dates_are_read_from_the_date_inputs(partner_client, need_data):
    data = {**need_data, "starts_at": "2031-05-10T09:00", "ends_at": "2031-05-17T18:30"}
    assert partner_client.post(reverse("partners:need_create"), data).status_code == 302
    need = Need.objects.get(title=need_data["title"])
    local_end = timezone.localtime(need.ends_at)
    assert (local_end.year, local_end.month, local_end.day, local_end.hour) == (2031, 5, 17, 18)


def test_editing_keeps_the_pledge_counters(partner_client, place, need_data):
    need = NeedFactory(place=place, quantity_wanted=40, status=NeedStatus.OPEN)
    Need.objects.filter(pk=need.pk).update(quantity_pledged=12, quantity_fulfilled=5)
    url = reverse("partners:need_edit", kwargs={"pk": need.pk})
    assert partner_client.get(url).status_code == 200
    response = partner_client.post(url, {**need_data, "title": "Titre corrigé"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Titre corrigé" and need.quantity_wanted == 40
    assert (need.quantity_pledged, need.quantity_fulfilled) == (12, 5)
    assert need.status == NeedStatus.OPEN


def test_the_quantity_cannot_drop_below_what_is_already_pledged(partner_client, place, need_data):
    need = NeedFactory(place=place, quantity_wanted=40)
    Need.objects.filter(pk=need.pk).update(quantity_pledged=30)
    url = reverse("partners:need_edit", kwargs={"pk": need.pk})
    response = partner_client.post(url, {**need_data, "quantity_wanted": "20"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_quantity_wanted_error"' in html and "30 sont déjà promis" in html
    need.refresh_from_db()
    assert (need.quantity_wanted, need.quantity_pledged) == (40, 30)


def action(client, need, name):
    return client.post(reverse("partners:need_action", kwargs={"pk": need.pk}), {"action": name})


def test_publishing_a_draft_opens_it(partner_client, partner_member, place):
    set_review_first_needs(partner_member.partner, 0)
    need = NeedFactory(place=place, status=NeedStatus.DRAFT)
    response = action(partner_client, need, "publish")
    assert response.status_code == 302 and response["Location"] == reverse("partners:needs")
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN and need.published_at is not None
    assert "Besoin publié" in partner_client.get(reverse("partners:needs")).content.decode()


def test_a_moderated_partners_first_needs_go_to_review(partner_client, partner_member, place):
    set_review_first_needs(partner_member.partner, published_count(partner_member.partner) + 1)
    need = NeedFactory(place=place, status=NeedStatus.DRAFT)
    action(partner_client, need, "publish")
    need.refresh_from_db()
    assert need.status == NeedStatus.REVIEW and need.published_at is None
    html = partner_client.get(reverse("partners:needs")).content.decode()
    assert "envoyé en relecture" in html


def test_pause_resume_and_close(partner_client, partner_member, place):
    # A moderated partner's need published once is never sent back to review.
    set_review_first_needs(partner_member.partner, published_count(partner_member.partner) + 5)
    need = NeedFactory(place=place, status=NeedStatus.OPEN, published_at=timezone.now())
    Need.objects.filter(pk=need.pk).update(quantity_pledged=4)
    steps = [
        ("pause", NeedStatus.PAUSED, "Besoin mis en pause"),
        ("resume", NeedStatus.OPEN, "Besoin repris"),
        ("close", NeedStatus.CLOSED, "Besoin fermé"),
    ]
    for name, status, message in steps:
        response = partner_client.post(
            reverse("partners:need_action", kwargs={"pk": need.pk}),
            {"action": name},
            follow=True,
        )
        need.refresh_from_db()
        assert need.status == status
        assert message in response.content.decode()
    assert need.quantity_pledged == 4


def test_an_action_the_status_does_not_allow_changes_nothing(partner_client, place):
    need = NeedFactory(place=place, status=NeedStatus.CLOSED)
    response = action(partner_client, need, "resume")
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedStatus.CLOSED
    assert "Impossible" in partner_client.get(reverse("partners:needs")).content.decode()
    action(partner_client, need, "delete")
    need.refresh_from_db()
    assert need.status == NeedStatus.CLOSED


def test_an_action_returns_to_the_filtered_list(partner_client, place):
    need = NeedFactory(place=place, status=NeedStatus.OPEN)
    url = reverse("partners:need_action", kwargs={"pk": need.pk})
    back = reverse("partners:needs") + "?status=open"
    response = partner_client.post(url, {"action": "pause", "next": back})
    assert response["Location"] == back
    response = partner_client.post(url, {"action": "resume", "next": "https://evil.example/"})
    assert response["Location"] == reverse("partners:needs")


def test_duplicating_last_weeks_need_makes_a_fresh_draft_a_week_later(
    partner_client, partner_member, place, challenge_fr
):
    starts = timezone.now() - timedelta(days=3)
    need = NeedFactory(
        place=place,
        challenge=challenge_fr,
        title="Repas du samedi",
        description="Plats chauds",
        quantity_wanted=30,
        unit="repas",
        urgency=Urgency.CRITICAL,
        skill=Skill.COOKING,
        starts_at=starts,
        ends_at=starts + timedelta(days=2),
        status=NeedStatus.FULFILLED,
        published_at=timezone.now(),
    )
    Need.objects.filter(pk=need.pk).update(quantity_pledged=30, quantity_fulfilled=30)
    response = partner_client.post(reverse("partners:need_duplicate", kwargs={"pk": need.pk}))
    copy = Need.objects.exclude(pk=need.pk).get(title="Repas du samedi")
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:need_edit", kwargs={"pk": copy.pk})
    assert copy.status == NeedStatus.DRAFT and copy.published_at is None
    assert (copy.quantity_pledged, copy.quantity_fulfilled) == (0, 0)
    assert (copy.place, copy.challenge, copy.unit, copy.quantity_wanted) == (
        place,
        challenge_fr,
        "repas",
        30,
    )
    assert (copy.description, copy.urgency, copy.skill) == ("Plats chauds", 4, "cooking")
    assert copy.starts_at == starts + timedelta(days=7)
    assert copy.ends_at == starts + timedelta(days=9)
    assert copy.created_by == partner_member.user


def test_the_list_filters_by_status_and_links_each_need(partner_client, place):
    NeedFactory(place=place, title="Besoin ouvert", status=NeedStatus.OPEN)
    NeedFactory(place=place, title="Besoin en pause", status=NeedStatus.PAUSED)
    html = partner_client.get(reverse("partners:needs")).content.decode()
    assert "Besoin ouvert" in html and "Besoin en pause" in html
    html = partner_client.get(reverse("partners:needs") + "?status=paused").content.decode()
    assert "Besoin en pause" in html and "Besoin ouvert" not in html
    assert partner_client.get(reverse("partners:needs") + "?status=nope").status_code == 400


def test_the_list_shows_no_other_partners_needs(partner_client, place, other_need):
    html = partner_client.get(reverse("partners:needs")).content.decode()
    assert "Besoin d&#x27;Entouréo" not in html


def test_the_list_reads_as_many_queries_for_many_needs_as_for_one(partner_client, place):
    NeedFactory(place=place, title="Besoin témoin")
    partner_client.get(reverse("partners:needs"))  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as one:
        assert partner_client.get(reverse("partners:needs")).status_code == 200
    for index in range(15):
        NeedFactory(place=place, title=f"Besoin {index}")
    with CaptureQueriesContext(connection) as many:
        response = partner_client.get(reverse("partners:needs"))
    assert "Besoin 14" in response.content.decode()
    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_home_page_links_places_and_needs_with_counts(partner_client, partner_member):
    Need.objects.filter(place__partner=partner_member.partner).update(status=NeedStatus.CLOSED)
    place = PlaceFactory(partner=partner_member.partner)
    NeedFactory(place=place, status=NeedStatus.OPEN)
    NeedFactory(place=place, status=NeedStatus.OPEN)
    NeedFactory(place=place, status=NeedStatus.DRAFT)
    places = partner_member.partner.places.count()
    html = partner_client.get(reverse("partners:home")).content.decode()
    assert reverse("partners:places") in html and reverse("partners:needs") in html
    assert '<span class="counter__value">2</span> besoins ouverts' in html
    assert f'<span class="counter__value">{places}</span> lieux' in html


def test_a_need_is_created_only_once_a_place_exists(partner_client, partner_member):
    partner_member.partner.places.update(partner=None)
    response = partner_client.get(reverse("partners:need_create"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:place_create")


def test_another_partners_need_is_not_found_on_every_url(partner_client, need_data, other_need):
    pk = other_need.pk
    edit = reverse("partners:need_edit", kwargs={"pk": pk})
    status = reverse("partners:need_action", kwargs={"pk": pk})
    duplicate = reverse("partners:need_duplicate", kwargs={"pk": pk})
    for url in (edit, status, duplicate):
        assert partner_client.get(url).status_code == 404
    assert partner_client.post(edit, need_data).status_code == 404
    assert partner_client.post(status, {"action": "close"}).status_code == 404
    assert partner_client.post(duplicate).status_code == 404
    other_need.refresh_from_db()
    assert other_need.status == NeedStatus.OPEN and other_need.title == "Besoin d'Entouréo"
    assert Need.objects.filter(title="Besoin d'Entouréo").count() == 1


@pytest.mark.parametrize("name", ["partners:need_action", "partners:need_duplicate"])
def test_action_urls_take_only_posts(partner_client, place, name):
    need = NeedFactory(place=place, status=NeedStatus.OPEN)
    assert partner_client.get(reverse(name, kwargs={"pk": need.pk})).status_code == 405
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN
    assert Need.objects.filter(place=place).count() == 1


def test_members_as_well_as_owners_manage_needs(client, other_need):
    member = other_need.place.partner.members.get()
    client.force_login(member.user)
    response = action(client, other_need, "pause")
    assert response.status_code == 302
    other_need.refresh_from_db()
    assert other_need.status == NeedStatus.PAUSED


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("partners:needs", {}),
        ("partners:need_create", {}),
        ("partners:need_edit", {"pk": 1}),
        ("partners:need_action", {"pk": 1}),
        ("partners:need_duplicate", {"pk": 1}),
    ],
)
def test_needs_pages_need_a_partner_account(client, name, kwargs):
    path = reverse(name, kwargs=kwargs)
    response = client.post(path)
    assert response.status_code == 302 and response["Location"].startswith("/fr/connexion/")
    client.force_login(UserFactory())
    assert client.get(path).status_code == 403
    assert client.post(path, {"action": "close"}).status_code == 403


def test_need_urls_are_under_the_partner_space():
    assert reverse("partners:needs") == "/fr/espace-partenaire/besoins/"
    assert reverse("partners:need_action", kwargs={"pk": 7}) == (
        "/fr/espace-partenaire/besoins/7/statut/"
    )
    assert reverse("partners:need_duplicate", kwargs={"pk": 7}) == (
        "/fr/espace-partenaire/besoins/7/dupliquer/"
    )
