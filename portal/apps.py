from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "ré_action"

    def ready(self):
        from portal import (
            account_menu,
            login_throttle,  # noqa: F401 - connects the sign-in signal receivers
            page_cache,  # noqa: F401 - drops cached pages when pages change
        )

        account_menu.register_admin_link()
