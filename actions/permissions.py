"""Who may propose actions, and what partners see in the Wagtail admin.

Partner staff belong to the ``Partners`` group (created by a data migration). On each action
directory page, the group has Wagtail's "add" permission: add actions and edit the ones they
own, never publish. The directory's "Relecture des actions" workflow sends every proposal to
the editors. In the admin a partner sees live pages and the drafts of its own organisation
(itself and its colleagues), never another partner's drafts. The room that knows partner
organisations names a user's colleagues through the ``partner_colleague_ids`` hook (the
``partners`` room registers it), so this room imports none of its models.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail import hooks
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy

PARTNERS_GROUP = "Partners"
REVIEW_WORKFLOW = "Relecture des actions"


def grant_partner_access(index_page: Page) -> None:
    """Let partners propose actions under ``index_page``, through the review workflow."""
    group = Group.objects.filter(name=PARTNERS_GROUP).first()
    if group is not None:
        add_page = Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=add_page)
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


def is_partner_user(user) -> bool:
    """A member of the Partners group who is not a superuser (cached on the user)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_is_partner_user"):
        user._is_partner_user = user.groups.filter(name=PARTNERS_GROUP).exists()
    return user._is_partner_user


def visible_to_partner_q(user) -> Q:
    """Pages a partner user may list: live ones, and drafts owned by its own organisation."""
    visible = Q(live=True) | Q(owner=user)
    for colleague_ids in hooks.get_hooks("partner_colleague_ids"):
        visible |= Q(owner__in=colleague_ids(user))
    return visible


def hide_other_partners_drafts(pages, user):
    if is_partner_user(user):
        return pages.filter(visible_to_partner_q(user))
    return pages


class PartnerAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that partners do not explore other partners' drafts.

    ``explorable_instances`` feeds the explorer listing, the admin page search, the sidebar's
    page menu and the page history reports.
    """

    def explorable_instances(self, user):
        return hide_other_partners_drafts(super().explorable_instances(user), user)
