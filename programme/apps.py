from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = "Programme"

    def ready(self):
        from programme import (
            account_menu,
            signals,  # noqa: F401  (connects the receivers)
        )

        account_menu.register()
