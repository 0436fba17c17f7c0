"""After a pledge: a confirmation page for its volunteer only (what, where, when, whom to ask,
how to cancel), a confirmation email and a reminder before the need ends, each once; the need
page's public address, instructions and figures that agree."""

import datetime
from html import unescape
from unittest import mock

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from matching import services
from matching.models import (
    ContactChannel,
    Need,
    Place,
    Pledge,
    PledgeEmail,
    PledgeEmailKind,
    PledgeStatus,
    PublicPrecision,
)
from matching.services import pledge_emails
from tests.factories import PartnerPageFactory, UserFactory, locale
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db

PARIS = datetime.timezone(datetime.timedelta(hours=1))


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"matching:{name}", kwargs=kwargs)


@pytest.fixture
def need():
    place = PlaceFactory(
        name="EHPAD Les Tilleuls",
        address="12 rue Oberkampf",
        public_precision=PublicPrecision.EXACT,
        public_instructions="Accueil du bâtiment B, du lundi au vendredi, 9 h – 17 h.",
        public_contact="01 23 45 67 89 (accueil)",
    )
    return NeedFactory(
        place=place,
        title="Kits d'hygiène",
        unit="kits",
        quantity_wanted=30,
        starts_at=datetime.datetime(2030, 3, 2, 9, tzinfo=PARIS),
        ends_at=datetime.datetime(2030, 3, 20, 18, tzinfo=PARIS),
    )


@pytest.fixture
def camille(client):
    user = UserFactory(username="camille", email="camille@example.org", first_name="Camille")
    client.force_login(user)
    return user


def pledge_through_the_page(client, need, quantity=4, capture=None):
    data = {"quantity": quantity, "contact_channel": ContactChannel.NONE}
    if capture is None:
        return client.post(url("pledge", pk=need.pk), data)
    with capture(execute=True):
        return client.post(url("pledge", pk=need.pk), data)


def volunteer_mail(address="camille@example.org"):
    return [message for message in mail.outbox if message.to == [address]]


# --- The confirmation page ----------------------------------------------------------------


def test_a_pledge_leads_to_its_confirmation_page(client, camille, need):
    response = pledge_through_the_page(client, need)
    pledge = Pledge.objects.get(need=need)
    assert response.status_code == 302
    assert response["Location"] == url("pledge_confirmation", pk=pledge.pk)

    html = unescape(client.get(response["Location"]).content.decode())
    assert "4 kits" in html and "Kits d'hygiène" in html
    assert "12 rue Oberkampf, 75011 Paris 11e Arrondissement" in html
    assert "Accueil du bâtiment B, du lundi au vendredi, 9 h – 17 h." in html
    assert "01 23 45 67 89 (accueil)" in html
    assert "2 mars 2030" in html and "20 mars 2030" in html
    with translation.override("fr"):
        cancel = reverse("volunteers:cancel_pledge", args=[pledge.pk])
    assert f'action="{cancel}"' in html


def test_one_unit_is_said_in_the_singular_on_the_page_the_message_and_the_email(
    client, camille, need, django_capture_on_commit_callbacks
):
    need.unit_singular = "kit"
    need.save()
    response = pledge_through_the_page(
        client, need, quantity=1, capture=django_capture_on_commit_callbacks
    )
    html = unescape(client.get(response["Location"]).content.decode())
    assert "engagement de 1 kit est enregistré" in html
    assert "apporter 1 kit pour" in html and "1 kits" not in html
    (message,) = volunteer_mail()
    assert "1 kit pour" in message.body and "1 kits" not in message.body


@pytest.mark.parametrize(
    ("language", "quantity", "shown"),
    [("fr", 0, "kit"), ("fr", 1, "kit"), ("fr", 2, "kits"), ("en", 0, "kits"), ("en", 1, "kit")],
)
def test_a_unit_agrees_with_its_quantity_in_each_language(need, language, quantity, shown):
    need.unit_singular = "kit"
    with translation.override(language):
        assert need.unit_for(quantity) == shown
    need.unit_singular = ""
    with translation.override(language):
        assert need.unit_for(quantity) == "kits"  # no singular given: the unit as written


def test_the_cancel_button_of_the_confirmation_page_withdraws_the_pledge(client, camille, need):
    pledge_through_the_page(client, need, quantity=4)
    pledge = Pledge.objects.get(need=need)
    with translation.override("fr"):
        response = client.post(reverse("volunteers:cancel_pledge", args=[pledge.pk]))
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.CANCELLED
    assert services.need_figures(need).pledged == 0
    html = unescape(client.get(url("pledge_confirmation", pk=pledge.pk)).content.decode())
    assert "Annulé" in html and "Annuler mon engagement" not in html


def test_only_its_volunteer_sees_a_confirmation_page(client, camille, need):
    pledge_through_the_page(client, need)
    pledge = Pledge.objects.get(need=need)
    page = url("pledge_confirmation", pk=pledge.pk)
    client.force_login(UserFactory(username="quelquun-d-autre"))
    assert client.get(page).status_code == 404
    client.logout()
    response = client.get(page)
    assert response.status_code == 302 and response["Location"].startswith("/fr/connexion/")
    assert client.get(url("pledge_confirmation", pk=999999)).status_code == 302


def test_a_rounded_place_shows_its_town_but_never_its_street(client, camille):
    place = PlaceFactory(address="7 impasse Secrète", public_precision=PublicPrecision.STREET)
    need = NeedFactory(place=place)
    response = pledge_through_the_page(client, need, quantity=1)
    html = client.get(response["Location"]).content.decode()
    assert "7 impasse Secrète" not in html and "75011" in html
    assert "7 impasse Secrète" not in client.get(need.get_absolute_url()).content.decode()


def test_without_instructions_or_contact_the_page_says_how_the_partner_reaches_out(client, camille):
    need = NeedFactory(place=PlaceFactory(public_instructions="", public_contact=""))
    response = pledge_through_the_page(client, need, quantity=1)
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Le partenaire vous écrit via ré_action" in html
    assert "dès que possible, aux horaires du lieu" in html


def test_the_confirmation_page_is_translated(client, camille, need):
    pledge_through_the_page(client, need)
    pledge = Pledge.objects.get(need=need)
    html = client.get(url("pledge_confirmation", "en", pk=pledge.pk)).content.decode()
    assert 'lang="en"' in html
    assert "Cancel my pledge" in html


# --- The emails ---------------------------------------------------------------------------


def test_a_pledge_is_confirmed_by_email_once(
    client, camille, need, django_capture_on_commit_callbacks
):
    pledge_through_the_page(client, need, capture=django_capture_on_commit_callbacks)
    pledge = Pledge.objects.get(need=need)
    (message,) = volunteer_mail()
    assert "Kits d'hygiène" in message.subject
    assert "Bonjour Camille" in message.body and "4 kits" in message.body
    assert "12 rue Oberkampf" in message.body and "bâtiment B" in message.body
    assert f"{settings.SITE_BASE_URL}{url('pledge_confirmation', pk=pledge.pk)}" in message.body
    assert pledge_emails.send_confirmation(pledge.pk) == 0  # a retried task sends nothing
    assert len(volunteer_mail()) == 1


def test_an_account_without_an_email_gets_no_confirmation(
    client, need, django_capture_on_commit_callbacks
):
    user = UserFactory(username="sans-email", email="")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("pledge", pk=need.pk), {"quantity": 2, "contact_channel": "none"}
        )
    assert response.status_code == 302
    pledge = Pledge.objects.get(need=need, volunteer__user=user)
    assert pledge_emails.send_confirmation(pledge.pk) == 0
    assert not PledgeEmail.objects.filter(pledge=pledge).exists()
    assert all(message.to != [""] for message in mail.outbox)


def test_the_confirmation_email_is_in_the_volunteers_language(
    client, need, django_capture_on_commit_callbacks
):
    user = UserFactory(username="sam", email="sam@example.org")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("pledge", "en", pk=need.pk), {"quantity": 2, "contact_channel": "none"})
    (message,) = volunteer_mail("sam@example.org")
    assert "Your pledge" in message.subject
    assert f"{settings.SITE_BASE_URL}/en/" in message.body


def test_a_failed_send_is_tried_again_and_then_sent_once(camille, need):
    profile = services.profile_for(camille, language="fr")
    pledge = Pledge.objects.create(volunteer=profile, need=need, quantity=1)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionError),
        pytest.raises(ConnectionError),
    ):
        pledge_emails.send_confirmation(pledge.pk)
    assert not PledgeEmail.objects.filter(pledge=pledge).exists()  # the claim rolled back
    assert pledge_emails.send_confirmation(pledge.pk) == 1
    assert pledge_emails.send_confirmation(pledge.pk) == 0
    assert len(volunteer_mail()) == 1


def reminder_case(camille, *, ends_in, made_ago=datetime.timedelta(days=5), status=None):
    now = timezone.now()
    need = NeedFactory(title="Repas du soir", unit="repas", ends_at=now + ends_in)
    profile = services.profile_for(camille, language="fr")
    pledge = Pledge.objects.create(volunteer=profile, need=need, quantity=2)
    Pledge.objects.filter(pk=pledge.pk).update(
        created_at=now - made_ago, status=status or PledgeStatus.PLEDGED
    )
    return pledge


def test_a_reminder_leaves_once_a_day_before_the_need_ends(camille):
    pledge = reminder_case(camille, ends_in=datetime.timedelta(hours=20))
    reminder_case(camille, ends_in=datetime.timedelta(days=3))  # not yet
    reminder_case(camille, ends_in=datetime.timedelta(hours=5), status=PledgeStatus.CANCELLED)
    reminder_case(  # made inside the last day: its confirmation is fresh
        camille, ends_in=datetime.timedelta(hours=10), made_ago=datetime.timedelta(hours=2)
    )
    mail.outbox.clear()
    assert pledge_emails.send_due_reminders() == 1
    assert pledge_emails.send_due_reminders() == 0  # the next beat run, or a retry
    (message,) = volunteer_mail()
    assert "Rappel" in message.subject and "Repas du soir" in message.subject
    assert "2 repas" in message.body
    assert PledgeEmail.objects.filter(pledge=pledge, kind=PledgeEmailKind.REMINDER).count() == 1


def test_the_reminder_task_is_in_the_beat_schedule(camille):
    entry = settings.CELERY_BEAT_SCHEDULE["send-pledge-reminders"]
    assert entry["task"] == "matching.tasks.send_pledge_reminders"
    from matching import tasks

    reminder_case(camille, ends_in=datetime.timedelta(hours=3))
    mail.outbox.clear()
    assert tasks.send_pledge_reminders.apply().get() == 1
    assert tasks.send_pledge_reminders.apply().get() == 0


# --- The need page ------------------------------------------------------------------------


def test_the_need_page_shows_where_and_when_and_agreeing_figures(client, need):
    for index, quantity in enumerate((3, 5, 2)):
        profile = VolunteerProfileFactory(user=UserFactory(username=f"v{index}"))
        services.pledge(volunteer=profile, need_id=need.pk, quantity=quantity)
    twice = Pledge.objects.filter(need=need).first().volunteer
    services.pledge(volunteer=twice, need_id=need.pk, quantity=1)  # one person, two pledges
    gone = Pledge.objects.filter(need=need).exclude(volunteer=twice).first()
    Pledge.objects.filter(pk=gone.pk).update(volunteer=None)  # an account deleted since

    figures = services.need_figures(need)
    need.refresh_from_db()
    assert figures.pledged == need.quantity_pledged == 11
    assert figures.volunteers == 3
    assert figures.remaining == 19
    html = unescape(client.get(need.get_absolute_url()).content.decode())
    assert "11 kits, par 3 volontaires" in html
    assert "12 rue Oberkampf, 75011 Paris 11e Arrondissement" in html
    assert "Accueil du bâtiment B" in html
    assert 'id="need-map"' in html and 'data-lat="48.8574"' in html


def test_the_need_page_never_shows_a_volunteers_contact(client, need):
    user = UserFactory(
        username="dominique", email="dominique.prive@example.org", last_name="Nom-Secret"
    )
    profile = VolunteerProfileFactory(user=user, phone="0698765432", postcode="93100")
    services.pledge(
        volunteer=profile, need_id=need.pk, quantity=2, contact_channel=ContactChannel.PHONE
    )
    html = client.get(need.get_absolute_url()).content.decode()
    for secret in ("dominique", "Nom-Secret", "0698765432", "93100"):
        assert secret not in html


def test_anonymous_visitors_get_sign_in_and_sign_up_links_back_to_the_need(client, need):
    html = client.get(need.get_absolute_url()).content.decode()
    back = need.get_absolute_url()
    with translation.override("fr"):
        assert f'href="{reverse("login")}?next={back}"' in html
        assert f'href="{reverse("volunteers:signup")}?next={back}"' in html
    assert "Se connecter" in html and "Créer un compte" in html


def test_the_need_page_query_count_does_not_grow_with_pledges(
    client, need, django_assert_num_queries
):
    services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    client.get(need.get_absolute_url())  # warm the per-process caches (challenge labels…)
    with CaptureQueriesContext(connection) as one_pledge:
        assert client.get(need.get_absolute_url()).status_code == 200
    for _ in range(6):
        services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    with django_assert_num_queries(len(one_pledge)):
        assert client.get(need.get_absolute_url()).status_code == 200


def test_the_place_form_edits_the_public_instructions_and_contact():
    from partners.forms.places import PlaceForm

    form = PlaceForm(
        {
            "name": "Point de collecte",
            "kind": "collection_point",
            "postcode": "75011",
            "town": "Paris",
            "public_precision": PublicPrecision.STREET,
            "public_instructions": "Sonnez à l'interphone « Collecte ».",
            "public_contact": "collecte@asso.example.org",
        }
    )
    assert form.is_valid(), form.errors
    place = form.save()
    assert place.public_instructions == "Sonnez à l'interphone « Collecte »."
    assert Need.objects.filter(place=place).count() == 0


# --- The map's offline basemap ------------------------------------------------------------


def test_the_near_me_map_gets_the_offline_basemap_and_the_searched_point(client):
    response = client.get(url("near_me"), {"q": "75011"})
    html = response.content.decode()
    assert 'data-basemap-url="/static/matching/basemap/france-departements.geojson"' in html
    assert "data-here-lat=" in html and 'data-first-rank="1"' in html
    assert "CC BY 4.0" in html
    assert 'class="need-card__rank"' in html


def test_online_tiles_replace_the_basemap_when_configured(client, settings):
    settings.MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = client.get(url("near_me"), {"q": "75011"}).content.decode()
    assert 'data-basemap-url=""' in html
    assert 'data-tiles-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html


def test_a_saved_address_is_never_put_in_the_page(client, camille):
    profile = services.profile_for(camille, language="fr")
    type(profile).objects.filter(pk=profile.pk).update(
        latitude=48.86123, longitude=2.38456, postcode="75011"
    )
    html = client.get(url("near_me")).content.decode()
    assert "votre adresse enregistrée" in html
    assert "data-here-lat" not in html and "48.86123" not in html and "48,86123" not in html


def test_the_email_names_the_partner_in_the_volunteers_language_after_each_publication(
    client, need, memo_on, django_capture_on_commit_callbacks
):
    partner = PartnerPageFactory(title="Les Tilleuls", translated__title="The Lime Trees")
    Place.objects.filter(pk=need.place_id).update(partner=partner)

    def pledge_in_english(username):
        user = UserFactory(username=username, email=f"{username}@example.org")
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("pledge", "en", pk=need.pk), {"quantity": 1, "contact_channel": "none"})
        (message,) = volunteer_mail(f"{username}@example.org")
        return message.body

    assert "contact: The Lime Trees — " in pledge_in_english("sam")
    partner.title = "Les Tilleuls du Canal"
    partner.save_revision().publish()
    english = partner.get_translation(locale("en"))
    english.title = "The Canal Lime Trees"
    english.save_revision().publish()
    body = pledge_in_english("alex")
    assert "contact: The Canal Lime Trees — " in body and "Tilleuls du Canal" not in body
