"""Resolving a page's address without walking every app's routes first.

Wagtail's page view is the last pattern of each language's URLs: every page address (home,
challenges, the directory) was first tried against every route of every app (about eighty
patterns, a tenth of the directory's time). The app routes never change while a process runs,
so an address that fell through all of them to the page view once always will, in the same
language (the app routes are translated): ``page_view`` remembers such addresses, and
``RememberedPages``, placed first, resolves them to the page view at once. Bounded: a flood of
random addresses only pushes older ones out.
"""

from collections import OrderedDict

from django.urls import URLPattern
from django.utils.translation import get_language

REMEMBERED = 4096
_known: OrderedDict[tuple[str | None, str], None] = OrderedDict()


class _PageView(URLPattern):
    """The page view's own pattern, which remembers each address it resolves."""

    def resolve(self, path):
        match = super().resolve(path)
        if match is not None:
            _known[(get_language(), path)] = None
            if len(_known) > REMEMBERED:
                _known.popitem(last=False)
        return match


class RememberedPages(URLPattern):
    """Placed first: an address the page view resolved before, resolved by it again."""

    def __init__(self, page_view: _PageView):
        super().__init__(page_view.pattern, page_view.callback, page_view.default_args)
        self.page_view = page_view

    def resolve(self, path):
        if (get_language(), path) in _known:
            return URLPattern.resolve(self.page_view, path)
        return None


def page_view(pattern: URLPattern) -> _PageView:
    """The page view's pattern (the last of its list), remembering what it resolves."""
    return _PageView(pattern.pattern, pattern.callback, pattern.default_args, pattern.name)


def forget() -> None:
    """Tests: a URLconf swapped for another."""
    _known.clear()
