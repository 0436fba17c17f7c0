"""The action directory: facets, full-text search, sort and pagination, all in the query string
(shareable, bookmarkable, no JavaScript needed)."""

from dataclasses import replace

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from actions import filters, services
from portal import page_cache


class ActionIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["actions.ActionPage"]
    max_count_per_parent = 1
    # What it shows of itself changes only when it is published (portal.page_routes).
    route_keeps_fields = True
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("répertoire d'actions")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = filters.ActionDirectoryFilterSet(request.GET, locale_id=self.locale_id)
        valid = filterset.is_valid()
        selected = filterset.directory_filters if valid else services.DirectoryFilters()
        directory = services.Directory(
            locale_id=self.locale_id, filters=selected, options=filterset.options
        )
        facets = directory.facets()
        errors = filterset.form.errors
        context.update(
            filterset=filterset,
            facets=[replace(facet, errors=tuple(errors.get(facet.name, ()))) for facet in facets],
            selected=selected,
            results=None,
            is_filtered=any(
                value for name, value in request.GET.items() if name not in ("page", "sort")
            ),
        )
        if not valid:
            return context
        # Cards come from the card cache (actions.cards): the results are read as narrow rows
        # (CardRow), the pages and their partners are fetched for the misses only.
        paginator = Paginator(directory.paged_card_rows(), services.PER_PAGE)
        paginator.count = directory.count()  # counted with the facets, cached with them
        try:
            context["results"] = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(_("Cette page de résultats n'existe pas.")) from error
        return context

    def serve(self, request, *args, **kwargs):
        """The directory; 400 with the errors next to the fields when a filter is not valid.
        Anonymous answers are cached whole per query string (portal.page_cache): the filters
        only select what is shown, the results change when a page is published (which drops
        the cache) and the completion counts are at most PAGE_CACHE_SECONDS old."""
        page_cache.allow(request, query_string=True)
        context = self.get_context(request, *args, **kwargs)
        status = 400 if context["results"] is None else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)
