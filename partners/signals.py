"""A new pledge, made anywhere (page, API, shell), is emailed to its partner after commit;
partner staff join or leave the Partners group (who may propose actions) with their
membership."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from actions.services.partners import join_partners_group, leave_partners_group
from matching.models import Pledge
from partners import tasks
from partners.models import PartnerMember
from portal import outbox


@receiver(post_save, sender=Pledge, dispatch_uid="partners_notify_new_pledge")
def notify_partner_of_pledge(sender, instance: Pledge, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        pledge_id = instance.pk
        transaction.on_commit(lambda: outbox.dispatch(tasks.notify_pledge, pledge_id))


@receiver(post_save, sender=PartnerMember, dispatch_uid="partners_member_joins_group")
def partner_joins_group(sender, instance, raw=False, **kwargs):
    if not raw:
        join_partners_group(instance.user)


@receiver(post_delete, sender=PartnerMember, dispatch_uid="partners_member_leaves_group")
def partner_leaves_group(sender, instance, **kwargs):
    leave_partners_group(instance.user)
