"""Keep partner access in step: each new directory page opens to partners (with the review
workflow), and partner staff join or leave the Partners group with their membership."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from actions.models import ActionIndexPage
from actions.permissions import PARTNERS_GROUP, grant_partner_access
from partners.models import PartnerMember


@receiver(post_save, sender=ActionIndexPage, dispatch_uid="actions_open_directory_to_partners")
def open_directory_to_partners(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_partner_access(instance)


@receiver(post_save, sender=PartnerMember, dispatch_uid="actions_partner_joins_group")
def partner_joins_group(sender, instance, raw=False, **kwargs):
    group = Group.objects.filter(name=PARTNERS_GROUP).first()
    if group is not None and not raw:
        instance.user.groups.add(group)


@receiver(post_delete, sender=PartnerMember, dispatch_uid="actions_partner_leaves_group")
def partner_leaves_group(sender, instance, **kwargs):
    group = Group.objects.filter(name=PARTNERS_GROUP).first()
    if group is not None:
        instance.user.groups.remove(group)
