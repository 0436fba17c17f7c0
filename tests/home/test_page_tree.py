"""Editors can create each page type where it belongs and nowhere else."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page

import pytest

from challenges.models import ChallengeIndexPage, ChallengePage, PartnerIndexPage, PartnerPage
from home.models import ContactFormPage, HomePage, StoryIndexPage, StoryPage
from programme.models import ProgrammePage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    ChallengeIndexPage,
    ChallengePage,
    PartnerIndexPage,
    PartnerPage,
    ProgrammePage,
    StoryIndexPage,
    StoryPage,
    ContactFormPage,
]

ALLOWED = {
    (Page, HomePage),
    (HomePage, ChallengeIndexPage),
    (HomePage, PartnerIndexPage),
    (HomePage, ProgrammePage),
    (HomePage, StoryIndexPage),
    (HomePage, ContactFormPage),
    (ChallengeIndexPage, ChallengePage),
    (PartnerIndexPage, PartnerPage),
    (StoryIndexPage, StoryPage),
}


@pytest.mark.parametrize("parent", [Page, *PAGE_TYPES], ids=lambda m: m.__name__)
@pytest.mark.parametrize("child", PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_can_be_created_only_under_its_parent_type(parent, child):
    allowed = parent in child.allowed_parent_page_models() and child in (
        parent.allowed_subpage_models()
    )
    assert allowed == ((parent, child) in ALLOWED)


@pytest.mark.parametrize(
    "model", [ChallengeIndexPage, PartnerIndexPage, ProgrammePage, StoryIndexPage]
)
def test_singleton_sections_cannot_be_added_twice_to_a_home_page(model, home_fr):
    assert not model.can_create_at(home_fr)


def test_a_new_home_page_accepts_each_section_once():
    root = Page.get_first_root_node()
    home = HomePage(title="Autre site", slug="autre-site", hero_title="Bonjour")
    root.add_child(instance=home)
    for model in (ChallengeIndexPage, PartnerIndexPage, ProgrammePage, StoryIndexPage):
        assert model.can_create_at(home)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editrice", password="pw-editrice-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_gets_the_add_form_where_a_type_belongs(client, editor, page_by_path):
    client.force_login(editor)
    challenges = page_by_path("/accueil/defis/")
    url = reverse("wagtailadmin_pages:add", args=("challenges", "challengepage", challenges.pk))
    assert client.get(url).status_code == 200


def test_editor_is_refused_a_type_where_it_does_not_belong(client, editor, page_by_path):
    client.force_login(editor)
    stories = page_by_path("/accueil/histoires/")
    url = reverse("wagtailadmin_pages:add", args=("challenges", "challengepage", stories.pk))
    response = client.get(url)
    assert response.status_code == 302  # Wagtail's "permission denied" bounce to the dashboard
    assert response["Location"] == reverse("wagtailadmin_home")


def test_editor_translates_a_new_page_in_the_admin(client, editor, home_fr, en):
    client.force_login(editor)
    story = StoryPage(
        title="Une nouvelle histoire",
        slug="nouvelle",
        date="2020-05-01",
        volunteer_name="Lou",
        summary="Résumé",
    )
    home_fr.get_children().type(StoryIndexPage).first().add_child(instance=story)
    url = reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(url, {"locales": [en.pk]})
    assert response.status_code == 302
    assert story.get_translation_or_none(en) is not None
