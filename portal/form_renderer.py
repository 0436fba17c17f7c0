"""Widgets of the public pages' forms rendered with Jinja2: Django's own widget templates in
their Jinja2 version (``django/forms/jinja2``), the same HTML several times faster than the
template language (a select with its options was a third of the near-me page's time).

One template of ours comes first (``portal/widgets_jinja2``): the select writes its options in
its own loop, where Django's includes a template per option (a Jinja2 context built for each).
It draws the option exactly as ``select_option.html`` does, so it serves only selects whose
options keep Django's template: those of the forms that use this renderer.

Forms drawn on every request of the busiest pages (the near-me search) set
``default_renderer = WIDGETS``; the admin and the other forms keep Django's renderer. Only
Django's standard widgets are found here: a widget with a template of its own belongs on a form
that keeps Django's renderer.
"""

from django.forms.renderers import Jinja2

from portal import components


class WidgetRenderer(Jinja2):
    @property
    def engine(self):
        return components.engine()  # the portal's one Jinja2 engine


WIDGETS = WidgetRenderer()
