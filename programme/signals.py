"""A deleted impact report leaves the totals it fed (deletions from the admin or a shell)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from programme.models import ImpactReport
from programme.services import impact


@receiver(pre_delete, sender=ImpactReport)
def report_deleted(sender, instance, **kwargs):
    impact.forget_report(instance)
