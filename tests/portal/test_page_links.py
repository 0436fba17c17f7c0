"""The page links under every paginated list (portal_tags.page_links)."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

TEMPLATE = Template("{% load portal_tags %}{% page_links page 'Pages de résultats' anchor %}")


def draw(query: str, number: int, anchor: str = "") -> str:
    request = RequestFactory().get(f"/liste/?{query}")
    page = Paginator(range(25), 10).get_page(number)
    return TEMPLATE.render(Context({"request": request, "page": page, "anchor": anchor}))


def test_the_links_keep_the_other_parameters_and_replace_the_page():
    html = draw("q=soupe&challenge=froid&page=2", 2)
    assert 'rel="prev" href="?q=soupe&amp;challenge=froid&amp;page=1"' in html
    assert 'rel="next" href="?q=soupe&amp;challenge=froid&amp;page=3"' in html
    assert 'aria-label="Pages de résultats"' in html and "Page 2 sur 3" in html


def test_the_links_open_the_page_at_the_anchor():
    html = draw("page=1", 1, anchor="pledges-title")
    assert 'rel="next" href="?page=2#pledges-title"' in html
    assert 'rel="prev"' not in html


def test_a_single_page_draws_no_links():
    request = RequestFactory().get("/liste/")
    page = Paginator(range(5), 10).get_page(1)
    assert "<nav" not in TEMPLATE.render(Context({"request": request, "page": page}))
