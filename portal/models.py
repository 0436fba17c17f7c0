"""The portal's own tables: the outboxes of Celery tasks the broker could not take and of emails
waiting to be relayed (portal.outbox, portal.mail); the footer's links (a site setting)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class PendingTask(models.Model):
    """A task call kept while the broker was down; ``portal.tasks.flush_outbox`` sends it again
    (oldest first) and deletes it once the broker took it."""

    name = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("arguments nommés"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(_("tentatives d'envoi"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tâche en attente")
        verbose_name_plural = _("tâches en attente")

    def __str__(self):
        return f"{self.name} {self.args} {self.kwargs}"


class OutgoingEmail(models.Model):
    """An email committed with the change it announces; ``portal.mail.relay`` hands it to the
    real backend and marks it sent; relayed rows are purged after ``portal.mail.KEEP_DAYS``."""

    from_email = models.CharField(_("expéditeur"), max_length=254)
    to = models.JSONField(_("destinataires"), default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    subject = models.TextField(_("objet"))
    body = models.TextField(_("message"))
    alternatives = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("relayé le"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("tentatives d'envoi"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("e-mail en partance")
        verbose_name_plural = _("e-mails en partance")
        indexes = [
            models.Index(
                fields=["id"], name="portal_email_unsent", condition=models.Q(sent_at=None)
            )
        ]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"


def _linked_page(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="list-ul")
class FooterLinks(BaseSiteSetting):
    """The pages every page links to from its footer (in the visitor's language when they are
    translated): the legal notice, the privacy policy and the contact page."""

    legal_notice = _linked_page(_("mentions légales"))
    privacy_policy = _linked_page(_("politique de confidentialité"))
    contact = _linked_page(_("page de contact"))

    panels = [FieldPanel("legal_notice"), FieldPanel("privacy_policy"), FieldPanel("contact")]

    class Meta:
        verbose_name = _("liens du pied de page")
