"""The growth view for editors: cohorts and volunteers per week, coordinators needed next week
to keep doubling. The chart is inline SVG drawn on the server, with a table alternative."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from programme.services import growth

CHART_HEIGHT = 120
BAR_WIDTH = 28
BAR_GAP = 14


TOP = 20  # room for the value above the tallest bar
LABEL_ROOM = 34  # room for the week under the bars


def _layout(bars: list[dict]) -> list[dict]:
    for index, bar in enumerate(bars):
        bar["x"] = BAR_GAP + index * (BAR_WIDTH + BAR_GAP)
        bar["y"] = TOP + CHART_HEIGHT - bar["height"]
        bar["label_x"] = bar["x"] + BAR_WIDTH // 2
    return bars


class GrowthView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Croissance du programme")
    header_icon = "crosshairs"
    template_name = "programme/admin/growth.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("programme.view_cohort"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weeks = growth.weeks()
        context.update(
            weeks=weeks,
            need=growth.next_week_need(),
            charts=[
                {
                    "id": "cohorts",
                    "title": _("Promotions par semaine"),
                    "bars": _layout(growth.bars(weeks, "cohorts", height=CHART_HEIGHT)),
                },
                {
                    "id": "volunteers",
                    "title": _("Volontaires placés par semaine"),
                    "bars": _layout(growth.bars(weeks, "volunteers", height=CHART_HEIGHT)),
                },
            ],
            bar_width=BAR_WIDTH,
            baseline=TOP + CHART_HEIGHT,
            label_y=TOP + CHART_HEIGHT + 16,
            svg_height=TOP + CHART_HEIGHT + LABEL_ROOM,
            svg_width=len(weeks) * (BAR_WIDTH + BAR_GAP) + BAR_GAP,
        )
        return context
