"""« Devenir partenaire »: an organisation applies, an editor approves or refuses.

``submit`` stores the application and tells the editors (STAFF_EMAIL) and the applicant.
``approve`` creates the organisation's partner page and invites its contact as the partner's
owner; ``refuse`` sends a polite answer. Both decide once: a second click (or two editors at
once) finds the application already decided under its row lock and changes nothing.

The partner page is created PUBLISHED, in French (the default locale), under the partner
index, as a revision by the approving editor: approving the application is the editorial
review, the page holds only the public facts the organisation gave for publication (name,
kind chosen by the editor, website, challenges), and the partner's needs link to it as soon as
they are published. Editors complete it (logo, description) and translate it like any page.
The contact's name, email, phone and message are never copied onto it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from challenges.models import ChallengePage, PartnerIndexPage, PartnerKind, PartnerPage
from partners import services
from partners.models import ApplicationStatus, PartnerApplication, PartnerRole
from portal import mail, notify
from portal.i18n import absolute_url, in_default_language


def _canonical(challenges) -> list[ChallengePage]:
    return [in_default_language(page) for page in challenges]


@transaction.atomic
def submit(*, data: dict, language: str) -> PartnerApplication:
    """Store a validated application (the form's cleaned data) and tell editors and applicant."""
    challenges = data.get("challenges") or []
    fields = {name: value for name, value in data.items() if name not in ("challenges", "consent")}
    application = PartnerApplication(**fields, language=language, consent_at=timezone.now())
    application.full_clean()
    application.save()
    application.challenges.set(_canonical(challenges))
    mail.after_commit(lambda: send_staff_notice(application))
    mail.after_commit(lambda: send_acknowledgement(application))
    return application


def admin_url(application: PartnerApplication) -> str:
    return absolute_url(reverse("partner_application_decide", args=[application.pk]))


def send_staff_notice(application: PartnerApplication) -> None:
    notify.to_staff(
        subject=gettext_lazy("Candidature partenaire : %(name)s"),
        subject_params={"name": application.organisation_name},
        template="partners/email/application_staff.txt",
        context={"application": application, "url": admin_url(application)},
    ).send()


def _to_applicant(application: PartnerApplication, template: str, context: dict) -> None:
    notify.send(
        to=application.email,
        language=application.language,
        subject=gettext_lazy("Votre candidature partenaire sur ré_action"),
        template=template,
        context={"application": application, **context},
    )


def send_acknowledgement(application: PartnerApplication) -> None:
    _to_applicant(application, "partners/email/application_received.txt", {})


def _lock_pending(application: PartnerApplication) -> PartnerApplication:
    locked = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.PENDING:
        raise ValidationError(
            _("Cette candidature a déjà été traitée (%(status)s).")
            % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked


def partner_index() -> PartnerIndexPage:
    index = PartnerIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ValidationError(_("Créez d'abord la page « Partenaires » du site."), code="no_index")
    return index


def _free_slug(index: PartnerIndexPage, name: str) -> str:
    base = slugify(name)[:70] or "partenaire"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def approve(
    *, application: PartnerApplication, editor, kind: str = PartnerKind.EXPERT
) -> PartnerPage:
    """Create and publish the partner page, invite the contact as owner, record the decision."""
    application = _lock_pending(application)
    index = partner_index()
    permissions = index.permissions_for_user(editor)
    if not (permissions.can_add_subpage() and permissions.can_publish_subpage()):
        raise PermissionDenied(_("Vous ne pouvez pas publier de page partenaire."))
    page = PartnerPage(
        title=application.organisation_name,
        slug=_free_slug(index, application.organisation_name),
        kind=kind,
        website=application.website,
        owner=editor,
    )
    index.add_child(instance=page)
    page.challenges.set(application.challenges.all())
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    application.status = ApplicationStatus.APPROVED
    application.partner = page
    application.decided_at = timezone.now()
    application.decided_by = editor
    application.save(update_fields=["status", "partner", "decided_at", "decided_by"])
    services.invite(
        partner=page,
        email=application.email,
        role=PartnerRole.OWNER,
        invited_by=editor,
        language=application.language,
    )
    return page


@transaction.atomic
def refuse(*, application: PartnerApplication, editor, reason: str = "") -> PartnerApplication:
    """Record the refusal and answer the applicant politely (with the editor's words, if any)."""
    application = _lock_pending(application)
    application.status = ApplicationStatus.REFUSED
    application.decided_at = timezone.now()
    application.decided_by = editor
    application.save(update_fields=["status", "decided_at", "decided_by"])
    mail.after_commit(lambda: send_refusal(application, reason.strip()))
    return application


def send_refusal(application: PartnerApplication, reason: str) -> None:
    _to_applicant(application, "partners/email/application_refused.txt", {"reason": reason})
