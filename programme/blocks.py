from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ProgrammeDayBlock(blocks.StructBlock):
    """One day of the one-week schedule: the day's email (content + action), call and chat."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("launch", _("Session de lancement")),
            ("day", _("Journée")),
            ("closing", _("Session de clôture")),
        ],
        label=_("Type"),
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    email_subject = blocks.CharBlock(label=_("Objet du mail"), max_length=150)
    email_content = blocks.RichTextBlock(
        label=_("Contenu du mail"), features=["bold", "italic", "link", "ol", "ul"]
    )
    action = blocks.TextBlock(label=_("Action du jour"))
    action_page = blocks.PageChooserBlock(label=_("Action du répertoire"), required=False)
    daily_call = blocks.BooleanBlock(label=_("Appel du jour"), required=False)
    group_chat = blocks.BooleanBlock(
        label=_("Échanges dans le groupe"), required=False, default=True
    )

    class Meta:
        icon = "date"
        template = "programme/blocks/programme_day_block.html"
        label = _("Jour du programme")
