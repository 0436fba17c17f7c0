"""A need's page: pledging shares only the contact the volunteer chose (a phone is asked for
when needed and kept on the profile), paused needs take no pledges, visitors flag a need once,
and both forms are rate-limited per account."""

from html import unescape

from django.urls import NoReverseMatch, reverse
from django.utils import translation

import pytest

from matching import services, views
from matching.models import (
    ContactChannel,
    NeedReport,
    NeedReportStatus,
    NeedStatus,
    Pledge,
    VolunteerProfile,
)
from tests.factories import PartnerPageFactory, UserFactory
from tests.matching.factories import NeedFactory, PlaceFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


def url(name, need):
    with translation.override("fr"):
        return reverse(f"matching:{name}", kwargs={"pk": need.pk})


@pytest.fixture
def volunteer(client):
    user = UserFactory(username="camille", email="camille@example.org")
    client.force_login(user)
    return user


@pytest.mark.parametrize("channel", [ContactChannel.NONE, ContactChannel.EMAIL])
def test_a_pledge_stores_the_contact_channel_the_volunteer_chose(client, volunteer, channel):
    need = NeedFactory()
    response = client.post(url("pledge", need), {"quantity": 2, "contact_channel": channel})
    assert response.status_code == 302
    assert Pledge.objects.get(need=need).contact_channel == channel


def test_a_phone_given_with_the_pledge_is_stored_on_the_profile(client, volunteer):
    need = NeedFactory()
    response = client.post(
        url("pledge", need),
        {"quantity": 1, "contact_channel": "phone", "phone": "06 12 34 56 78"},
    )
    assert response.status_code == 302
    assert Pledge.objects.get(need=need).contact_channel == ContactChannel.PHONE
    assert VolunteerProfile.objects.get(user=volunteer).phone == "0612345678"


def test_a_volunteer_with_a_phone_on_their_profile_is_not_asked_again(client, volunteer):
    VolunteerProfileFactory(user=volunteer, phone="+33612345678")
    need = NeedFactory()
    html = client.get(url("need_detail", need)).content.decode()
    assert 'name="contact_channel"' in html and 'name="phone"' not in html
    response = client.post(url("pledge", need), {"quantity": 1, "contact_channel": "phone"})
    assert response.status_code == 302
    assert Pledge.objects.get(need=need).contact_channel == ContactChannel.PHONE
    assert VolunteerProfile.objects.get(user=volunteer).phone == "+33612345678"


def test_the_page_says_only_this_partner_sees_what_is_shared(client, volunteer):
    html = client.get(url("need_detail", NeedFactory())).content.decode()
    assert "Seul le partenaire qui a publié ce besoin le voit" in html
    assert 'name="phone"' in html


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", "Indiquez votre numéro"),
        ("appelez-moi", "Numéro de téléphone invalide"),
        ("123456", "Numéro de téléphone invalide"),  # neither a French nor an international one
    ],
)
def test_sharing_a_phone_without_a_valid_number_pledges_nothing(client, volunteer, phone, message):
    need = NeedFactory()
    response = client.post(
        url("pledge", need), {"quantity": 1, "contact_channel": "phone", "phone": phone}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    assert not Pledge.objects.filter(need=need).exists()
    need.refresh_from_db()
    assert need.quantity_pledged == 0
    assert not VolunteerProfile.objects.filter(user=volunteer).exclude(phone="").exists()


def test_a_contact_channel_must_be_chosen(client, volunteer):
    need = NeedFactory()
    response = client.post(url("pledge", need), {"quantity": 1})
    assert response.status_code == 400
    assert "Choisissez ce que vous partagez avec le partenaire." in response.content.decode()
    assert not Pledge.objects.filter(need=need).exists()


def test_an_account_without_email_cannot_share_its_email(client):
    client.force_login(UserFactory(username="sans-courriel", email=""))
    need = NeedFactory()
    html = client.get(url("need_detail", need)).content.decode()
    assert 'value="phone"' in html and 'value="email"' not in html
    response = client.post(url("pledge", need), {"quantity": 1, "contact_channel": "email"})
    assert response.status_code == 400
    assert not Pledge.objects.filter(need=need).exists()


def test_a_paused_need_is_shown_as_paused_and_takes_no_pledge(client, volunteer):
    need = NeedFactory(status=NeedStatus.PAUSED)
    response = client.get(url("need_detail", need))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce besoin est en pause" in html
    assert url("pledge", need) not in html
    response = client.post(url("pledge", need), {"quantity": 1, "contact_channel": "none"})
    assert response.status_code == 400
    assert not Pledge.objects.filter(need=need).exists()


def test_a_need_in_review_is_not_public(client, volunteer):
    need = NeedFactory(status=NeedStatus.REVIEW)
    assert client.get(url("need_detail", need)).status_code == 404
    assert (
        client.post(url("pledge", need), {"quantity": 1, "contact_channel": "none"}).status_code
        == 404
    )
    assert client.post(url("report_need", need), {"report-reason": "wrong"}).status_code == 404
    assert not Pledge.objects.filter(need=need).exists()
    assert not NeedReport.objects.filter(need=need).exists()


def test_anonymous_visitors_are_offered_to_sign_in_or_create_an_account(client):
    html = client.get(url("need_detail", NeedFactory())).content.decode()
    assert "/fr/connexion/?next=" in html
    assert "Connectez-vous pour signaler ce besoin" in html
    try:
        signup = reverse("volunteers:signup")
    except NoReverseMatch:  # the volunteer sign-up page is not there yet
        return
    assert signup in html


def test_pledges_are_rate_limited_per_account(client, volunteer, settings):
    settings.PLEDGES_PER_HOUR = 2
    need = NeedFactory(quantity_wanted=10)
    data = {"quantity": 1, "contact_channel": "none"}
    assert [client.post(url("pledge", need), data).status_code for _ in range(2)] == [302, 302]
    response = client.post(url("pledge", need), data)
    assert response.status_code == 429
    assert "Trop d'engagements en peu de temps" in unescape(response.content.decode())
    assert Pledge.objects.filter(need=need).count() == 2


def test_a_report_creates_one_open_report_and_a_second_one_only_thanks_again(client, volunteer):
    need = NeedFactory()
    data = {"report-reason": "wrong", "report-message": "  Ce lieu a fermé en mars.  "}
    response = client.post(url("report_need", need), data, follow=True)
    assert response.status_code == 200
    assert "l'équipe va vérifier ce besoin" in unescape(response.content.decode())
    report = NeedReport.objects.get(need=need)
    assert (report.reporter, report.reason, report.status) == (volunteer, "wrong", "open")
    assert report.message == "Ce lieu a fermé en mars."

    again = client.post(url("report_need", need), {"report-reason": "abusive"}, follow=True)
    assert again.status_code == 200
    assert "Vous avez déjà signalé ce besoin" in again.content.decode()
    assert NeedReport.objects.filter(need=need).count() == 1


def test_someone_else_can_report_the_same_need(client, volunteer):
    need = NeedFactory()
    NeedReport.objects.create(need=need, reporter=UserFactory(), reason="wrong")
    client.post(url("report_need", need), {"report-reason": "other"})
    assert NeedReport.objects.filter(need=need, status=NeedReportStatus.OPEN).count() == 2


def test_anonymous_reports_are_sent_to_sign_in(client):
    need = NeedFactory()
    response = client.post(url("report_need", need), {"report-reason": "wrong"})
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/connexion/")
    assert not NeedReport.objects.filter(need=need).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choisissez un motif."),
        ({"report-reason": "spam"}, "Sélectionnez un choix valide"),
        ({"report-reason": "wrong", "report-message": "x" * 2001}, "2000 caractères"),
    ],
)
def test_a_bad_report_is_explained_with_a_400(client, volunteer, data, message):
    need = NeedFactory()
    response = client.post(url("report_need", need), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert '<details class="need-detail__report" open>' in html
    assert not NeedReport.objects.filter(need=need).exists()


def test_reports_are_rate_limited_per_account(client, volunteer, monkeypatch):
    monkeypatch.setattr(views, "REPORT_LIMIT", 1)
    first, second = NeedFactory(), NeedFactory()
    assert client.post(url("report_need", first), {"report-reason": "wrong"}).status_code == 302
    response = client.post(url("report_need", second), {"report-reason": "wrong"})
    assert response.status_code == 429
    assert not NeedReport.objects.filter(need=second).exists()


def test_the_pledge_service_stores_the_channel_and_refuses_a_phone_it_does_not_have():
    need = NeedFactory(quantity_wanted=10)
    profile = VolunteerProfileFactory()
    made = services.pledge(
        volunteer=profile, need_id=need.pk, quantity=1, contact_channel=ContactChannel.EMAIL
    )
    assert made.contact_channel == ContactChannel.EMAIL
    assert services.pledge(volunteer=profile, need_id=need.pk, quantity=1).contact_channel == "none"
    with pytest.raises(services.PledgeError):
        services.pledge(
            volunteer=profile, need_id=need.pk, quantity=1, contact_channel=ContactChannel.PHONE
        )
    need.refresh_from_db()
    assert need.quantity_pledged == 2


def test_the_pledge_service_refuses_a_paused_need():
    need = NeedFactory(status=NeedStatus.PAUSED)
    with pytest.raises(services.PledgeError):
        services.pledge(volunteer=VolunteerProfileFactory(), need_id=need.pk, quantity=1)
    assert not Pledge.objects.filter(need=need).exists()


def test_the_page_names_the_partner_who_asks_and_nothing_for_a_need_without_one(client):
    partner = PartnerPageFactory(title="Ferme des Quatre Vents & Cie")
    with_partner = NeedFactory(place=PlaceFactory(partner=partner))
    without = NeedFactory()
    page = client.get(url("need_detail", with_partner)).content.decode()
    assert "proposé par Ferme des Quatre Vents &amp; Cie" in page
    assert "proposé par" not in client.get(url("need_detail", without)).content.decode()


def test_the_page_speaks_english_and_escapes_what_partners_write(client):
    place = PlaceFactory(
        name="Halle <b>centrale</b>", public_instructions="Sonner deux fois\nPorte <B>"
    )
    need = NeedFactory(
        place=place,
        description="Des draps\n& des couvertures",
        quantity_wanted=3,
        unit="sacs <x>",
        unit_singular="sac <x>",
    )
    with translation.override("en"):
        address = reverse("matching:need_detail", kwargs={"pk": need.pk})
    page = client.get(address).content.decode()
    assert "Left to pledge" in page and "Where and when" in page
    assert "3 sacs &lt;x&gt;" in page  # the unit agrees with the quantity, escaped
    assert "Des draps<br>&amp; des couvertures" in page
    assert "Sonner deux fois<br>Porte &lt;B&gt;" in page
    assert "Halle &lt;b&gt;centrale&lt;/b&gt;" in page and "<b>centrale" not in page
    assert f"?next={address}" in page  # the way back after signing in
    assert "Reste à promettre" not in page
