"""Pages of the actions room inside the language prefix (the directory itself is a Wagtail
page): the Atom feed of new actions and the weekly digest's subscription pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from actions import views
from actions.feeds import NewActionsFeed

app_name = "actions"

urlpatterns = [
    path(_("nouvelles-actions.atom"), NewActionsFeed(), name="new_actions_feed"),
    path(_("lettre-des-actions/"), views.subscribe, name="digest_subscribe"),
    path(
        _("lettre-des-actions/verifiez-vos-e-mails/"), views.check_inbox, name="digest_check_inbox"
    ),
    path(_("lettre-des-actions/confirmer/<str:token>/"), views.confirm, name="digest_confirm"),
    path(
        _("lettre-des-actions/desabonnement/<str:token>/"),
        views.unsubscribe,
        name="digest_unsubscribe",
    ),
]
