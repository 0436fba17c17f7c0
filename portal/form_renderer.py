"""Widgets of the public pages' forms rendered with Jinja2: Django's own widget templates in
their Jinja2 version (``django/forms/jinja2``), the same HTML several times faster than the
template language (a select with its options was a third of the near-me page's time).

The forms drawn on every request of the busiest pages (the near-me search, the directory's
filters, the pledge form) set ``default_renderer = WIDGETS``; the admin and the other forms keep
Django's renderer. Only Django's standard widgets are found here: a widget with a template of its
own belongs on a form that keeps Django's renderer.
"""

from django.forms.renderers import Jinja2

WIDGETS = Jinja2()
