"""Translating a page with wagtail-localize gives an English DRAFT for editors to translate and
publish, never a published copy of the French text; translated pages link to the translated
challenge, and translating a page leaves the existing translations of what it links to alone."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest

from actions.models import ActionIndexPage, ActionPage
from challenges.models import ChallengePage, PartnerIndexPage, PartnerPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("traductrice", password="pw-traductrice-123")
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def homeless_fr():
    return ChallengePage.objects.get(slug="sans-abri", locale__language_code="fr")


@pytest.fixture
def homeless_en(homeless_fr, en):
    return homeless_fr.get_translation(en)


@pytest.fixture
def action_fr(homeless_fr, fr):
    directory = ActionIndexPage.objects.get(locale=fr)
    action = ActionPage(
        title="Tricoter des bonnets pour la maraude",
        slug="tricoter-des-bonnets",
        summary="Des bonnets chauds pour l'hiver.",
        challenge=homeless_fr,
        duration="half-day",
        mode="on-site",
    )
    directory.add_child(instance=action)
    action.save_revision().publish()
    return ActionPage.objects.get(pk=action.pk)


@pytest.fixture
def partner_fr(homeless_fr, fr):
    index = PartnerIndexPage.objects.get(locale=fr)
    partner = PartnerPage(title="Ferme des Quatre Vents", slug="ferme-quatre-vents")
    index.add_child(instance=partner)
    partner.challenges.set([homeless_fr])
    partner.save_revision().publish()
    return PartnerPage.objects.get(pk=partner.pk)


def translate(client, editor, page, locale):
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return page.get_translation(locale).specific


def test_translating_a_page_creates_an_english_draft(client, editor, action_fr, en):
    english = translate(client, editor, action_fr, en)

    assert not english.live
    assert english.has_unpublished_changes
    assert english.get_latest_revision().user == editor
    client.logout()
    assert client.get(f"/en/{english.get_parent().slug}/{english.slug}/").status_code == 404
    assert Translation.objects.filter(
        source=TranslationSource.objects.get_for_instance(action_fr), target_locale=en
    ).exists()


def test_translating_an_action_leaves_the_english_challenge_as_it_is(
    client, editor, action_fr, homeless_en, en
):
    before = (homeless_en.title, homeless_en.live, homeless_en.latest_revision_id)

    translate(client, editor, action_fr, en)

    homeless_en.refresh_from_db()
    assert (homeless_en.title, homeless_en.live, homeless_en.latest_revision_id) == before


def test_the_published_english_action_links_to_the_english_challenge(
    client, editor, action_fr, homeless_fr, homeless_en, en
):
    english = translate(client, editor, action_fr, en)
    english.get_latest_revision().publish()
    english.refresh_from_db()

    html = client.get(english.url).content.decode()

    assert f'href="{homeless_en.url}"' in html
    assert f'href="{homeless_fr.url}"' not in html


def test_the_published_english_partner_page_links_to_the_english_challenge(
    client, editor, partner_fr, homeless_fr, homeless_en, en
):
    english = translate(client, editor, partner_fr, en)
    assert not english.live
    english.get_latest_revision().publish()
    english.refresh_from_db()

    html = client.get(english.url).content.decode()

    assert homeless_en.title in html
    assert f'href="{homeless_en.url}"' in html
    assert f'href="{homeless_fr.url}"' not in html


def test_the_default_locale_is_the_source_of_translations():
    assert Locale.get_default().language_code == "fr"
