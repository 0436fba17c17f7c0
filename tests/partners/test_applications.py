"""« Devenir partenaire »: an organisation applies on the public form; an editor approves it in
the admin (the partner page is published and its contact invited) or refuses it politely.
Applicants' contact details never reach a public page."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

import pytest

from challenges.models import ChallengePage, PartnerIndexPage, PartnerKind, PartnerPage
from partners import applications
from partners.models import (
    ApplicationStatus,
    PartnerApplication,
    PartnerInvitation,
    PartnerRole,
)
from portal.honeypot import HONEYPOT_FIELD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def apply_url(language="fr"):
    with translation.override(language):
        return reverse("partners:apply")


@pytest.fixture
def homeless_fr():
    return ChallengePage.objects.get(slug="sans-abri", locale__language_code="fr")


@pytest.fixture
def form_data(homeless_fr):
    return {
        "organisation_name": "EHPAD Les Tilleuls",
        "organisation_kind": "care_home",
        "challenges": [homeless_fr.pk],
        "postcode": "69003",
        "town": "Lyon",
        "website": "https://tilleuls.example.org",
        "contact_name": "Nadia Benali",
        "email": "Nadia.Benali@Tilleuls.example.org",
        "phone": "04 72 00 00 00",
        "message": "Nous cherchons des volontaires pour appeler nos résidents.",
        "consent": "on",
    }


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    def post(data, language="fr"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(apply_url(language), data)

    return post


@pytest.fixture
def application(submit, form_data):
    submit(form_data)
    mail.outbox.clear()
    return PartnerApplication.objects.get(organisation_name="EHPAD Les Tilleuls")


@pytest.fixture
def editor(db):
    return UserFactory(username="editrice", is_superuser=True, is_staff=True)


def decide(function, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return function(**kwargs)


def test_the_form_is_public_in_both_languages(client, homeless_fr):
    french = client.get(apply_url("fr"))
    english = client.get(apply_url("en"))
    assert french.status_code == english.status_code == 200
    assert apply_url("fr") == "/fr/devenir-partenaire/"
    assert apply_url("en") == "/en/become-a-partner/"
    html = french.content.decode()
    assert "<h1>Devenir partenaire</h1>" in html
    assert homeless_fr.title in html
    assert "<h1>Become a partner</h1>" in english.content.decode()


def test_a_valid_application_is_stored_and_editors_and_applicant_are_told(
    submit, form_data, homeless_fr
):
    response = submit(form_data)

    assert response.status_code == 302
    assert response["Location"] == reverse("partners:apply_done")
    application = PartnerApplication.objects.get()
    assert application.status == ApplicationStatus.PENDING
    assert application.email == "nadia.benali@tilleuls.example.org"
    assert list(application.challenges.all()) == [homeless_fr]
    assert application.language == "fr" and application.consent_at is not None
    staff, applicant = sorted(mail.outbox, key=lambda message: message.to != [settings.STAFF_EMAIL])
    assert staff.to == [settings.STAFF_EMAIL]
    assert "EHPAD Les Tilleuls" in staff.subject
    assert f"/admin/partner-applications/{application.pk}/decision/" in staff.body
    assert "Nadia Benali" in staff.body and "04 72 00 00 00" in staff.body
    assert applicant.to == ["nadia.benali@tilleuls.example.org"]
    assert "Merci pour la candidature" in applicant.body


def test_an_english_application_keeps_its_language_and_the_french_challenge(
    submit, form_data, homeless_fr
):
    english = homeless_fr.get_translation(
        homeless_fr.locale.__class__.objects.get(language_code="en")
    )
    submit(form_data | {"challenges": [english.pk]}, language="en")
    application = PartnerApplication.objects.get()
    assert application.language == "en"
    assert list(application.challenges.all()) == [homeless_fr]
    acknowledgement = next(m for m in mail.outbox if m.to == [application.email])
    assert "Thank you" in acknowledgement.body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("consent", "", "Votre accord est nécessaire"),
        ("email", "pas-une-adresse", "adresse e-mail valide"),
        ("postcode", "6900", "Un code postal compte 5 chiffres"),
        ("postcode", "2A004", "Un code postal compte 5 chiffres"),  # Corsica's are 20xxx
        ("postcode", "96000", "numéro de département"),
        ("website", "tilleuls", "adresse web complète"),
        ("organisation_kind", "castle", "Sélectionnez un choix valide"),
        ("challenges", ["999999"], "Choisissez parmi les défis proposés"),
        ("organisation_name", "", "Champ requis"),
    ],
)
def test_bad_input_answers_400_with_a_clear_message_and_keeps_what_was_typed(
    submit, form_data, field, value, message
):
    response = submit(form_data | {field: value})

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Nadia Benali" in html  # nothing typed is lost
    assert not PartnerApplication.objects.exists()
    assert mail.outbox == []


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(submit, form_data):
    response = submit(form_data | {HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 302
    assert not PartnerApplication.objects.exists()
    assert mail.outbox == []


def test_too_many_applications_from_one_address_get_429(submit, form_data, settings):
    settings.FORM_SUBMISSIONS_PER_HOUR = 2
    for number in range(2):
        assert submit(form_data | {"organisation_name": f"Org {number}"}).status_code == 302
    response = submit(form_data)
    assert response.status_code == 429
    assert "Trop d'envois" in response.content.decode()
    assert PartnerApplication.objects.count() == 2


def test_approval_publishes_the_partner_page_and_invites_the_contact_as_owner(
    application, editor, homeless_fr, django_capture_on_commit_callbacks, client
):
    page = decide(
        applications.approve,
        django_capture_on_commit_callbacks,
        application=application,
        editor=editor,
        kind=PartnerKind.INSTITUTIONAL,
    )

    page = PartnerPage.objects.get(pk=page.pk)
    assert page.live and page.locale.language_code == "fr"
    assert page.get_parent().specific_class is PartnerIndexPage
    assert (page.title, page.slug, page.kind) == (
        "EHPAD Les Tilleuls",
        "ehpad-les-tilleuls",
        PartnerKind.INSTITUTIONAL,
    )
    assert page.website == "https://tilleuls.example.org"
    assert list(page.challenges.all()) == [homeless_fr]
    assert page.get_latest_revision().user == editor
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED and application.partner == page
    assert application.decided_by == editor
    invitation = PartnerInvitation.objects.get(partner=page)
    assert invitation.email == application.email and invitation.role == PartnerRole.OWNER
    assert [message.to for message in mail.outbox] == [[application.email]]
    assert "/fr/espace-partenaire/invitation/" in mail.outbox[0].body

    public = client.get(page.url).content.decode()
    assert "EHPAD Les Tilleuls" in public
    for private in ("Nadia", "tilleuls.example.org>", "04 72 00 00 00", "appeler nos résidents"):
        assert private not in public


def test_an_english_applicant_gets_an_english_invitation(
    submit, form_data, editor, django_capture_on_commit_callbacks
):
    submit(form_data | {"challenges": []}, language="en")
    mail.outbox.clear()
    application = PartnerApplication.objects.get()
    decide(
        applications.approve,
        django_capture_on_commit_callbacks,
        application=application,
        editor=editor,
    )
    assert "/en/partner-space/invitation/" in mail.outbox[0].body


def test_an_application_is_decided_once(application, editor, django_capture_on_commit_callbacks):
    decide(
        applications.approve,
        django_capture_on_commit_callbacks,
        application=application,
        editor=editor,
    )
    pages = PartnerPage.objects.count()
    with pytest.raises(ValidationError):
        applications.approve(application=application, editor=editor)
    with pytest.raises(ValidationError):
        applications.refuse(application=application, editor=editor)
    assert PartnerPage.objects.count() == pages
    assert PartnerInvitation.objects.filter(email=application.email).count() == 1


def test_a_second_organisation_with_the_same_name_gets_its_own_slug(
    submit, form_data, editor, django_capture_on_commit_callbacks
):
    submit(form_data)
    submit(form_data | {"email": "autre@example.org"})
    first, second = PartnerApplication.objects.order_by("pk")
    for application in (first, second):
        applications.approve(application=application, editor=editor)
    assert PartnerPage.objects.filter(slug="ehpad-les-tilleuls-2").exists()


def test_refusal_sends_a_polite_answer_with_the_editors_words(
    application, editor, django_capture_on_commit_callbacks
):
    pages = PartnerPage.objects.count()
    decide(
        applications.refuse,
        django_capture_on_commit_callbacks,
        application=application,
        editor=editor,
        reason="Nous n'intervenons pas encore dans le Rhône.",
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert PartnerPage.objects.count() == pages
    assert not PartnerInvitation.objects.filter(email=application.email).exists()
    (answer,) = mail.outbox
    assert answer.to == [application.email]
    assert "Bonjour Nadia Benali" in answer.body
    assert "pas encore dans le Rhône" in answer.body


def test_editors_see_applications_in_the_admin_and_decide_there(
    client, application, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_partners_partnerapplication:list"))
    decision_url = reverse("partner_application_decide", args=[application.pk])
    assert listing.status_code == 200
    assert decision_url in listing.content.decode()
    page = client.get(decision_url)
    assert page.status_code == 200
    assert "Nadia Benali" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decision_url, {"kind": "expert", "approve": "1"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    again = client.post(decision_url, {"kind": "expert", "approve": "1"})
    assert again.status_code == 400
    assert "déjà été traitée" in again.content.decode()


def test_a_bad_decision_form_answers_400(client, application, editor):
    client.force_login(editor)
    url = reverse("partner_application_decide", args=[application.pk])
    assert client.post(url, {"kind": "castle", "approve": "1"}).status_code == 400
    assert client.post(url, {"kind": "expert"}).status_code == 400
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_only_editors_with_the_permission_decide(client, application):
    admin_user = UserFactory(username="sans-droit")
    admin_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_user)
    url = reverse("partner_application_decide", args=[application.pk])
    for response in (client.get(url), client.post(url, {"kind": "expert", "approve": "1"})):
        # Wagtail's "permission denied": back to the dashboard with a message.
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_an_editor_who_may_not_publish_partner_pages_cannot_approve(client, application):
    reviewer = UserFactory(username="relectrice")
    reviewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_partnerapplication"),
    )
    client.force_login(reviewer)
    pages = PartnerPage.objects.count()
    url = reverse("partner_application_decide", args=[application.pk])
    response = client.post(url, {"kind": "expert", "approve": "1"})
    assert response.status_code == 400
    assert PartnerPage.objects.count() == pages
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_anonymous_visitors_never_reach_the_applications(client, application):
    url = reverse("partner_application_decide", args=[application.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    listing = client.get(reverse("wagtailsnippets_partners_partnerapplication:list"))
    assert listing.status_code == 302


def test_the_partner_index_links_to_the_application_form(client):
    index = PartnerIndexPage.objects.get(locale__language_code="fr")
    html = client.get(index.url).content.decode()
    assert f'href="{apply_url("fr")}"' in html


def test_an_editor_records_an_application_received_by_phone(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_partners_partnerapplication:add"),
        {
            "organisation_name": "Ferme du Bois Joli",
            "organisation_kind": "farm",
            "postcode": "35000",
            "town": "Rennes",
            "website": "",
            "contact_name": "Paul",
            "email": "paul@boisjoli.example.org",
            "phone": "",
            "message": "Appel du 3 décembre.",
        },
    )
    assert response.status_code == 302
    application = PartnerApplication.objects.get(organisation_name="Ferme du Bois Joli")
    assert application.status == ApplicationStatus.PENDING and application.consent_at
