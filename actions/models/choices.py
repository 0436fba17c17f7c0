from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionMode(models.TextChoices):
    ON_SITE = "on-site", _("Sur place")
    REMOTE = "remote", _("À distance")


class ActionDuration(models.TextChoices):
    UNDER_AN_HOUR = "under-1h", _("Moins d'une heure")
    HALF_DAY = "half-day", _("Une demi-journée")
    DAY = "day", _("Une journée")
    SEVERAL_DAYS = "several-days", _("Plusieurs jours")


class DirectorySort(models.TextChoices):
    NEWEST = "newest", _("Les plus récentes")
    MOST_DONE = "most-done", _("Les plus réalisées")
