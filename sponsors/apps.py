from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    name = "sponsors"
    verbose_name = _("Sponsors")

    def ready(self):
        from sponsors import account_menu

        account_menu.register()
