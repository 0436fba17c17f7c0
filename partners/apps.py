from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Espace partenaire"

    def ready(self):
        from partners import (
            account_menu,
            signals,  # noqa: F401 - connects the receivers
        )

        account_menu.register()
