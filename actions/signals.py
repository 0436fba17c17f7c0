"""Keep partner access in step: each new directory page opens to partners (with the review
workflow). Partner staff join or leave the Partners group with their membership (see
``partners.signals``)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from actions.models import ActionIndexPage
from actions.permissions import grant_partner_access


@receiver(post_save, sender=ActionIndexPage, dispatch_uid="actions_open_directory_to_partners")
def open_directory_to_partners(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_partner_access(instance)
