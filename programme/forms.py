"""Forms of the programme's public pages: sign-up, impact report, coordinator tools."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from challenges.models import ChallengePage
from programme.areas import AREA_CHOICES, REMOTE
from programme.models.impact import MAX_QUANTITY_PER_REPORT
from programme.services import content
from programme.services.signup import Choice


class WeekField(forms.TypedChoiceField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, coerce=lambda value: forms.DateField().to_python(value), **kwargs)


def _challenge_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Le défi qui vous motive"), widget=forms.RadioSelect, coerce=int
    )


def _area_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Où souhaitez-vous agir ?"),
        choices=AREA_CHOICES,
        help_text=_("Votre département, ou « à distance » pour une promotion en ligne."),
    )


class ChallengesOfLanguage:
    def _offer_challenges(self) -> None:
        language = get_language() or settings.LANGUAGE_CODE
        self.challenges = {page.pk: page for page in content.challenges_for_language(language)}
        self.fields["challenge"].choices = [(pk, p.title) for pk, p in self.challenges.items()]


class CohortFinderForm(ChallengesOfLanguage, forms.Form):
    """The first step of the sign-up (a GET form): a challenge and an area, to see the
    cohorts that exist for them before signing up."""

    challenge = _challenge_field()
    area = _area_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_challenges()
        self.fields["area"].initial = REMOTE

    def chosen(self) -> tuple[ChallengePage, str]:
        return self.challenges[self.cleaned_data["challenge"]], self.cleaned_data["area"]


class JoinForm(ChallengesOfLanguage, forms.Form):
    """What a volunteer picks: challenge, start week, language and area."""

    challenge = _challenge_field()
    start_date = WeekField(
        label=_("Votre semaine"),
        help_text=_("Les promotions commencent le lundi et durent une semaine."),
    )
    language = forms.ChoiceField(
        label=_("Langue des mails et des échanges"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    area = _area_field()

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_challenges()
        language = get_language() or settings.LANGUAGE_CODE
        mondays = content.next_mondays(today or timezone.localdate())
        self.fields["start_date"].choices = [
            (monday.isoformat(), formats.date_format(monday, "l j F Y")) for monday in mondays
        ]
        self.fields["start_date"].initial = mondays[0].isoformat()
        self.fields["language"].initial = language
        self.fields["area"].initial = REMOTE

    def chosen(self) -> tuple[ChallengePage, str] | None:
        """The challenge and area of the submitted form, when both are valid."""
        data = getattr(self, "cleaned_data", {})
        if data.get("challenge") in self.challenges and data.get("area"):
            return self.challenges[data["challenge"]], data["area"]
        return None

    def choice(self) -> Choice:
        data = self.cleaned_data
        return Choice(
            challenge=self.challenges[data["challenge"]],
            start_date=data["start_date"],
            language=data["language"],
            area=data["area"],
        )


class SignUpForm(JoinForm):
    """Sign-up of someone without an account: only what the programme needs."""

    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=80,
        help_text=_("Il sera visible de votre coordinateur·rice et de votre promotion."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Vous y recevrez un lien de confirmation, puis les mails du programme."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        help_text=_("Au moins 8 caractères, pas uniquement des chiffres."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ré_action utilise mon prénom et mon adresse e-mail pour le "
            "programme, et les partage avec ma promotion et son coordinateur·rice."
        ),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


def action_page_choices(language: str) -> list[tuple[int, str]]:
    """Actions one may link a report to: the directory's action pages once the ``actions``
    room has them, else the actions the programme's days point to."""
    try:
        action_model = apps.get_model("actions", "ActionPage")
    except LookupError:
        action_model = None
    if action_model is not None:
        pages = action_model.objects.live().filter(locale__language_code=language)
        return [(page.pk, page.title) for page in pages.order_by("title")[:200]]
    page = content.programme_page_for_language(language)
    ids = (
        {day["action_page"].pk for day in page.schedule_days() if day["action_page"]}
        if page
        else set()
    )
    pages = Page.objects.live().filter(pk__in=ids).order_by("title")
    return [(p.pk, p.title) for p in pages]


class ReportForm(forms.Form):
    """A volunteer reports an action done, with the quantity of its impact unit."""

    metric = forms.TypedChoiceField(label=_("Ce que vous avez fait"), coerce=int)
    quantity = forms.IntegerField(
        label=_("Combien ?"), min_value=1, max_value=MAX_QUANTITY_PER_REPORT
    )
    action_page = forms.TypedChoiceField(
        label=_("Action du répertoire (facultatif)"), coerce=int, required=False, empty_value=None
    )
    pledge = forms.TypedChoiceField(
        label=_("Engagement sur un besoin (facultatif)"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    note = forms.CharField(
        label=_("Une précision (facultatif)"),
        max_length=280,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sans nom ni coordonnées de personnes aidées."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or settings.LANGUAGE_CODE
        self.metrics = {metric.pk: metric for metric in content.metrics_for_language(language)}
        self.fields["metric"].choices = [
            (pk, f"{metric.page.title} — {metric.label}") for pk, metric in self.metrics.items()
        ]
        actions = action_page_choices(language)
        if actions:
            self.fields["action_page"].choices = [("", "—"), *actions]
        else:
            del self.fields["action_page"]
        self.pledges = _own_pledges(user)
        if self.pledges:
            self.fields["pledge"].choices = [
                ("", "—"),
                *[(p.pk, str(p)) for p in self.pledges.values()],
            ]
        else:
            del self.fields["pledge"]


def _own_pledges(user) -> dict:
    """The volunteer's open pledges (matching room), when that room is installed."""
    try:
        pledge_model = apps.get_model("matching", "Pledge")
    except LookupError:
        return {}
    pledges = (
        pledge_model.objects.filter(volunteer__user=user)
        .exclude(status="cancelled")
        .select_related("need")
        .order_by("-created_at")[:50]
    )
    return {pledge.pk: pledge for pledge in pledges}


class CohortMessageForm(forms.Form):
    subject = forms.CharField(label=_("Objet"), max_length=150)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class CohortLinksForm(forms.Form):
    call_url = forms.URLField(
        label=_("Lien de l'appel quotidien"), required=False, assume_scheme="https"
    )
    chat_url = forms.URLField(
        label=_("Lien du groupe de discussion"), required=False, assume_scheme="https"
    )
