from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "Besoins et volontaires"

    def ready(self):
        from matching import signals  # noqa: F401 - connects the receivers
