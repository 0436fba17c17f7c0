"""``{% sponsor_hours sponsor_key as hours %}``: the hours the sponsor's employees gave."""

from django import template

from sponsors.services.hours import employee_hours

register = template.Library()


@register.simple_tag
def sponsor_hours(sponsor_key: str):
    return employee_hours(sponsor_key)
