"""StreamField blocks shared by every page type (bakerydemo's BaseStreamBlock pattern)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3")], default="h2", label=_("Niveau")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("Un intertitre qui structure la page")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur·e"), max_length=120)
    role = blocks.CharBlock(label=_("Qualité"), max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("Une citation avec son auteur·e")


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Chiffre"), max_length=20)
    label = blocks.CharBlock(label=_("Libellé"), max_length=120)

    class Meta:
        icon = "order"
        template = "blocks/figure_block.html"
        description = _("Un chiffre d'impact, par exemple « 700 visières livrées »")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Page liée"), required=False)
    link_url = blocks.CharBlock(label=_("ou adresse"), required=False, max_length=300)
    link_label = blocks.CharBlock(label=_("Libellé du lien"), max_length=60)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        description = _("Un appel à l'action avec un lien")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        icon="pilcrow",
        label=_("Paragraphe"),
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    quote = QuoteBlock()
    figure = FigureBlock()
    call_to_action = CallToActionBlock()
