"""Editors build sponsors in the admin: colours checked for contrast, company code hashed,
email domains validated, tiers as translatable snippets, the page tree's rules."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from home.models import HomePage
from sponsors.models import SponsorIndexPage, SponsorPage, SponsorTier
from tests.sponsors.conftest import CODE

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "pw")
    client.force_login(admin)
    return client


def edit_data(page: SponsorPage, **overrides) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "tier": page.tier_id,
        "logo": page.logo_id or "",
        "brand_colour": page.brand_colour,
        "text_colour": page.text_colour,
        "message": rich_text(page.message),
        "website": page.website,
        "theme": page.theme_id or "",
        "region": page.region,
        "sponsored_challenges": [c.pk for c in page.sponsored_challenges.all()],
        "company_code": "",
        "allowed_email_domains": page.allowed_email_domains,
        "contacts": [u.pk for u in page.contacts.all()],
        "seo_title": "",
        "search_description": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_a_colour_pair_below_4_5_to_1_is_refused_by_full_clean(sponsor):
    sponsor.brand_colour, sponsor.text_colour = "#777777", "#ffffff"
    with pytest.raises(ValidationError) as error:
        sponsor.full_clean()
    # 4.478 is floored, never rounded up to a passing-looking figure
    assert "4,47:1" in str(error.value.message_dict["text_colour"])
    sponsor.brand_colour = "#767676"
    sponsor.full_clean()


def test_the_admin_edit_form_refuses_a_failing_pair_with_a_message_next_to_the_field(
    editor_client, sponsor
):
    url = reverse("wagtailadmin_pages:edit", args=[sponsor.pk])
    response = editor_client.post(
        url, edit_data(sponsor, brand_colour="#ffd166", text_colour="#ffffff")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "text_colour" in form.errors
    assert "4,5:1" in form.errors["text_colour"][0]
    assert "Contraste insuffisant" in response.content.decode()
    sponsor.refresh_from_db()
    assert sponsor.brand_colour == "#ffd166" and sponsor.text_colour == "#1b1b1f"


def test_the_admin_edit_form_accepts_a_passing_pair_and_hashes_the_company_code(
    editor_client, sponsor
):
    url = reverse("wagtailadmin_pages:edit", args=[sponsor.pk])
    response = editor_client.post(
        url,
        edit_data(
            sponsor,
            brand_colour="#767676",
            text_colour="#FFFFFF",
            company_code="NOUVEAU-CODE-42",
            allowed_email_domains="Pharmacies-du-Coeur.example, @pdc.example",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    sponsor = SponsorPage.objects.get(pk=sponsor.pk)
    assert sponsor.brand_colour == "#767676"
    assert sponsor.allowed_email_domains == "pharmacies-du-coeur.example, pdc.example"
    assert "NOUVEAU-CODE-42" not in sponsor.company_code_hash
    assert sponsor.company_code_matches("nouveau-code-42")
    assert not sponsor.company_code_matches(CODE)
    html = editor_client.get(url).content.decode()
    assert "NOUVEAU-CODE-42" not in html and sponsor.company_code_hash not in html


def test_leaving_the_code_empty_keeps_the_current_one(editor_client, sponsor):
    url = reverse("wagtailadmin_pages:edit", args=[sponsor.pk])
    response = editor_client.post(url, edit_data(sponsor))
    assert response.status_code == 302
    assert SponsorPage.objects.get(pk=sponsor.pk).company_code_matches(CODE)


@pytest.mark.parametrize(
    ("domains", "message"),
    [("gmail.com", "ouverte à tous"), ("pas un domaine", "pas un nom de domaine valide")],
)
def test_email_domains_must_be_company_domains(editor_client, sponsor, domains, message):
    url = reverse("wagtailadmin_pages:edit", args=[sponsor.pk])
    response = editor_client.post(url, edit_data(sponsor, allowed_email_domains=domains))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["allowed_email_domains"])


def test_a_thematic_tier_needs_a_theme_or_a_region(sponsor):
    sponsor.theme = None
    sponsor.region = ""
    with pytest.raises(ValidationError) as error:
        sponsor.full_clean()
    assert "theme" in error.value.message_dict


def test_tiers_are_snippets_in_both_languages(editor_client, fr, en):
    assert SponsorTier.objects.filter(locale=fr).count() == 2
    for tier in SponsorTier.objects.filter(locale=fr):
        translation = tier.get_translation(en)
        assert translation.amount_eur == tier.amount_eur
        assert translation.name
    response = editor_client.get(reverse("wagtailsnippets_sponsors_sponsortier:list"))
    assert response.status_code == 200
    assert "Sponsor thématique ou géographique" in response.content.decode()


def test_the_sponsor_index_sits_under_the_home_page_once_and_holds_sponsor_pages(home_fr):
    assert "sponsors.SponsorIndexPage" in HomePage.subpage_types
    assert SponsorIndexPage.can_exist_under(home_fr)
    index = SponsorIndexPage.objects.get(locale=home_fr.locale)
    assert not SponsorIndexPage.can_create_at(home_fr)  # one per home page
    assert SponsorPage.can_create_at(index)
    assert SponsorPage.objects.child_of(index).count() == 3


def test_the_edit_form_shows_the_sponsor_key_for_dedicated_cohorts(editor_client, sponsor):
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[sponsor.pk])).content
    assert sponsor.sponsor_key in html.decode()
