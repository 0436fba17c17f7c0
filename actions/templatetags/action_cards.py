from django import template
from django.utils.safestring import SafeString

from actions import cards

register = template.Library()


@register.simple_tag(takes_context=True)
def action_card_items(context, actions, heading_level=3):
    """``<li>`` items of action cards, from the card cache (see ``actions.cards``)."""
    fragments = cards.card_fragments(
        actions, request=context["request"], heading_level=heading_level
    )
    return SafeString("".join(f"<li>{fragment}</li>" for fragment in fragments))
