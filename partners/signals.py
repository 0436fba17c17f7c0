"""A new pledge, made anywhere (page, API, shell), is emailed to its partner after commit."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from matching.models import Pledge
from partners import tasks
from portal import outbox


@receiver(post_save, sender=Pledge, dispatch_uid="partners_notify_new_pledge")
def notify_partner_of_pledge(sender, instance: Pledge, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        pledge_id = instance.pk
        transaction.on_commit(lambda: outbox.dispatch(tasks.notify_pledge, pledge_id))
