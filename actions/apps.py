from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Répertoire d'actions"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from actions import signals  # noqa: F401 - connects the receivers
        from actions.permissions import PartnerAwarePagePermissionPolicy

        register_permission_policy(Page, PartnerAwarePagePermissionPolicy(Page))
