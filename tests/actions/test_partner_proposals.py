"""Partners propose actions in the Wagtail admin: the "Relecture des actions" workflow keeps a
proposal invisible to the public until an editor approves it, and a partner never sees
another partner's drafts."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from actions.models import ActionPage
from actions.permissions import PARTNERS_GROUP, REVIEW_WORKFLOW
from challenges.models import PartnerPage
from partners.models import PartnerMember
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def partner_user(username: str, partner_slug: str):
    user = UserFactory(username=username)
    partner = PartnerPage.objects.get(slug=partner_slug, locale__language_code="fr")
    PartnerMember.objects.create(user=user, partner=partner)
    return user


@pytest.fixture
def alice(db):
    return partner_user("alice", "la-cloche")


@pytest.fixture
def carol(db):
    """Alice's colleague at La Cloche."""
    return partner_user("carol", "la-cloche")


@pytest.fixture
def bob(db):
    return partner_user("bob", "ap-hp")


@pytest.fixture
def editor(db):
    """An editor who may publish: Wagtail's Moderators group."""
    user = UserFactory(username="edith")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def propose(client, user, directory, homeless, title: str) -> ActionPage:
    """The partner fills in the admin's "add an action" form and submits it for review."""
    client.force_login(user)
    add_url = reverse("wagtailadmin_pages:add", args=["actions", "actionpage", directory.pk])
    form = client.get(add_url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    la_cloche = PartnerPage.objects.get(slug="la-cloche", locale=directory.locale)
    data.update(
        {
            "title": title,
            "slug": slugify(title),
            "challenge": str(homeless.pk),
            "summary": "Une action proposée par un partenaire.",
            "mode": "on-site",
            "duration": "half-day",
            "group_size_min": "1",
            "guide-count": "0",
            "action-submit": "Submit for moderation",
        }
    )
    data.setlist("partners", [str(la_cloche.pk)])
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return ActionPage.objects.get(title=title)


def test_the_partners_group_has_restricted_admin_permissions(directory_fr, directory_en):
    group = Group.objects.get(name=PARTNERS_GROUP)
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin"}
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert {(p.page_id, p.permission.codename) for p in page_permissions} == {
        (directory_fr.pk, "add_page"),
        (directory_en.pk, "add_page"),
    }
    collection_codenames = set(
        group.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert collection_codenames == {"add_document", "choose_document", "add_image", "choose_image"}


def test_the_directory_goes_through_the_review_workflow(directory_fr, directory_en):
    for directory in (directory_fr, directory_en):
        workflow = directory.get_workflow()
        assert workflow.name == REVIEW_WORKFLOW
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Moderators"}


def test_partner_staff_join_and_leave_the_partners_group_with_their_membership(alice):
    assert alice.groups.filter(name=PARTNERS_GROUP).exists()
    alice.partner_membership.delete()
    assert not alice.groups.filter(name=PARTNERS_GROUP).exists()


def test_a_proposal_is_invisible_until_an_editor_approves_it(
    client, alice, editor, directory_fr, homeless_fr
):
    action = propose(client, alice, directory_fr, homeless_fr, "Tricoter des écharpes")
    assert not action.live and action.owner == alice
    assert action.workflow_in_progress
    assert client.get(f"/fr/actions/{action.slug}/").status_code == 404
    assert "Tricoter des écharpes" not in client.get("/fr/actions/").content.decode()
    assert client.get("/api/v1/actions/", {"q": "écharpes"}).json()["count"] == 0

    client.force_login(editor)
    task_state = action.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[action.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": "Bravo"}).status_code == 302
    client.logout()

    action.refresh_from_db()
    assert action.live and action.published_week is not None
    assert client.get(f"/fr/actions/{action.slug}/").status_code == 200
    assert "Tricoter des écharpes" in client.get("/fr/actions/").content.decode()


def test_a_partner_cannot_publish_without_review(client, alice, directory_fr, homeless_fr):
    client.force_login(alice)
    add_url = reverse("wagtailadmin_pages:add", args=["actions", "actionpage", directory_fr.pk])
    data = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Publication directe",
            "slug": "publication-directe",
            "challenge": str(homeless_fr.pk),
            "summary": "Essai de publication sans relecture.",
            "mode": "remote",
            "duration": "day",
            "group_size_min": "1",
            "guide-count": "0",
            "action-publish": "Publish",
        }
    )
    data.setlist("partners", [])
    client.post(add_url, data)
    assert not ActionPage.objects.filter(title="Publication directe", live=True).exists()


def test_a_partner_cannot_propose_outside_the_directory(client, alice, home_fr):
    client.force_login(alice)
    url = reverse("wagtailadmin_pages:add_subpage", args=[home_fr.pk])
    assert client.get(url).status_code in (302, 403)


def test_a_partner_never_sees_another_partners_drafts(
    client, alice, bob, carol, directory_fr, homeless_fr
):
    action = propose(client, alice, directory_fr, homeless_fr, "Brouillon de La Cloche")
    listing = reverse("wagtailadmin_explore", args=[directory_fr.pk])
    search = reverse("wagtailadmin_pages:search")

    client.force_login(bob)
    assert "Brouillon de La Cloche" not in client.get(listing).content.decode()
    assert "Brouillon de La Cloche" not in client.get(search, {"q": "Brouillon"}).content.decode()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[action.pk]))
    assert edit.status_code in (302, 403)
    view_draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[action.pk]))
    assert view_draft.status_code in (302, 403)
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[directory_fr.pk]))
    assert "Brouillon de La Cloche" not in chooser.content.decode()

    client.force_login(carol)
    assert "Brouillon de La Cloche" in client.get(listing).content.decode()

    client.force_login(alice)
    assert "Brouillon de La Cloche" in client.get(listing).content.decode()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[action.pk])).status_code == 200


def test_partners_still_see_the_published_actions(client, bob, directory_fr):
    client.force_login(bob)
    html = client.get(reverse("wagtailadmin_explore", args=[directory_fr.pk])).content.decode()
    assert "Collecter des kits" in html
