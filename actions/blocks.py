"""The step-by-step guide of an action: the shared blocks plus steps, tips, checklists and
downloadable documents (the poster to collect hygiene kits, a letter to shopkeepers…)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import BaseStreamBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Étape"), max_length=160)
    body = blocks.RichTextBlock(
        label=_("Comment faire"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "list-ol"
        template = "actions/blocks/step_block.html"
        description = _("Une étape du guide, numérotée dans l'ordre de la page")


class TipBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Astuce"))

    class Meta:
        icon = "help"
        template = "actions/blocks/tip_block.html"
        description = _("Un conseil d'expérience, mis en valeur")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Élément"), max_length=200), label=_("Liste"))

    class Meta:
        icon = "tasks"
        template = "actions/blocks/checklist_block.html"
        description = _("Une liste à cocher : matériel, vérifications avant de partir…")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Libellé du lien"),
        max_length=120,
        required=False,
        help_text=_("Par défaut, le titre du document."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "actions/blocks/download_block.html"
        description = _("Un modèle à télécharger, par exemple l'affiche de collecte")


class ActionGuideBlock(BaseStreamBlock):
    step = StepBlock()
    tip = TipBlock()
    checklist = ChecklistBlock()
    download = DownloadBlock()
