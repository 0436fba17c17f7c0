"""The ``Partners`` group and the "Relecture des actions" moderation workflow.

Partners reach the Wagtail admin, upload and choose documents and images (the poster of an
action) and, on each action directory page (granted when the page is created, see
``actions.permissions``), may add actions and edit their own drafts, never publish: every
proposal goes through "Relecture des actions", approved by a member of the Moderators group
(Wagtail's editors who may publish: approving the last task publishes the page, which Wagtail 8
refuses to a reviewer without the publish permission).
"""

from django.db import migrations

PARTNERS_GROUP = "Partners"
WORKFLOW_NAME = "Relecture des actions"
TASK_NAME = "Validation par l'équipe éditoriale"
REVIEWER_GROUPS = ["Moderators"]

COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_partners_group_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    partners, _ = Group.objects.get_or_create(name=PARTNERS_GROUP)
    partners.permissions.add(
        _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model, codename, name in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=partners,
                collection=root_collection,
                permission=_permission(apps, app_label, model, codename, name),
            )

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    reviewers = []
    for name in REVIEWER_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        reviewers.append(group)
    task.groups.set(reviewers)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_partners_group_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name=PARTNERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(
            create_partners_group_and_workflow, remove_partners_group_and_workflow
        )
    ]
