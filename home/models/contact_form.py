from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal import honeypot, ratelimit


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactFormPage(AbstractEmailForm):
    """Contact / partnership form: submissions are stored and emailed to the staff.

    Spam resistance: a honeypot field that people never see (bots that fill it are thanked and
    ignored) and a per-address rate limit answering 429.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("message de remerciement"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Courriel à l'équipe"),
        ),
    ]

    class Meta:
        verbose_name = _("formulaire de contact")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if honeypot.caught(request):
                return self.render_landing_page(request)
            allowed = ratelimit.allow_form_submission(request, "contact-form")
            if not allowed:
                context = self.get_context(request)
                context["form"] = self.get_form(page=self, user=request.user)
                context["rate_limited"] = True
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = honeypot.HONEYPOT_FIELD
        return context
