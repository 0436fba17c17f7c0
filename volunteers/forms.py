"""Forms of the volunteer space: sign-up, profile, notifications, account deletion."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from matching.models import Availability, Skill
from matching.models.volunteers import MAX_RADIUS_KM
from matching.services import challenges_for_language
from portal import accounts, validators
from portal.fields import SafeModelMultipleChoiceField

DEFAULT_RADIUS_KM = 20


def _challenges_field() -> SafeModelMultipleChoiceField:
    return SafeModelMultipleChoiceField(
        label=_("Les défis qui vous motivent"),
        queryset=challenges_for_language(settings.LANGUAGE_CODE),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vous recevrez les besoins urgents de ces défis (tous si aucun n'est coché)."),
    )


def _radius_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Rayon d'action (km)"),
        min_value=1,
        max_value=MAX_RADIUS_KM,
        initial=DEFAULT_RADIUS_KM,
        help_text=format_lazy(
            _("Entre 1 et {max} km autour de votre code postal."), max=MAX_RADIUS_KM
        ),
        error_messages={
            "min_value": _("Le rayon doit être d'au moins 1 km."),
            "max_value": _("Le rayon ne peut pas dépasser %(limit_value)s km."),
            "invalid": _("Indiquez un nombre entier de kilomètres."),
        },
    )


def _postcode_field() -> forms.CharField:
    return forms.CharField(
        label=_("Code postal"),
        max_length=10,
        help_text=_("Il reste privé : il sert seulement à trouver les besoins près de chez vous."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        validators=[validators.clean_postcode],
    )


class ChallengesMixin:
    """Challenges offered in the reader's language (the profile stores them all the same)."""

    def _offer_challenges(self, language: str) -> None:
        self.fields["challenges"].queryset = challenges_for_language(language)


class SignUpForm(ChallengesMixin, forms.Form):
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        help_text=_("Elle sert à vous connecter et à recevoir les besoins urgents."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        help_text=_("Au moins 8 caractères, pas uniquement des chiffres."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Mot de passe (encore une fois)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    postcode = _postcode_field()
    radius_km = _radius_field()
    challenges = _challenges_field()
    data_consent = forms.BooleanField(
        label=_(
            "J'accepte que ré_action conserve mon prénom, mon adresse e-mail et mon code postal "
            "pour me proposer des besoins près de chez moi. Je peux exporter ou supprimer ces "
            "données à tout moment depuis mon espace."
        ),
        error_messages={"required": _("Cochez cette case pour créer votre compte.")},
    )
    contact_consent = forms.BooleanField(
        label=_("J'accepte d'être contacté·e par e-mail au sujet des besoins près de chez moi."),
        required=False,
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_challenges(language)

    def clean_email(self):
        return accounts.normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password1:
            user = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
            )
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(ChallengesMixin, forms.Form):
    postcode = _postcode_field()
    radius_km = _radius_field()
    challenges = _challenges_field()
    skills = forms.MultipleChoiceField(
        label=_("Vos compétences"),
        choices=Skill.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("Vos disponibilités"),
        choices=Availability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"),
        max_length=25,
        required=False,
        help_text=_(
            "Partagé avec un partenaire seulement si vous le choisissez pour un engagement. "
            "Format : 06 12 34 56 78 ou +33 6 12 34 56 78."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Langue des e-mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._offer_challenges(language)

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        return validators.clean_phone(phone) if phone else ""


class NotificationsForm(forms.Form):
    urgent_alerts = forms.BooleanField(
        label=_("Recevoir par e-mail les besoins urgents près de chez moi"), required=False
    )
    weekly_digest = forms.BooleanField(
        label=_("Recevoir chaque semaine la lettre des nouvelles actions"),
        required=False,
    )

    def __init__(self, *args, partner_space=False, **kwargs):
        """A partner's staff also choose the emails of their partner space."""
        super().__init__(*args, **kwargs)
        if partner_space:
            self.fields["notify_pledges"] = forms.BooleanField(
                label=_("Espace partenaire : un e-mail à chaque nouvel engagement"),
                required=False,
            )
            self.fields["daily_summary"] = forms.BooleanField(
                label=_("Espace partenaire : un résumé quotidien des engagements"),
                required=False,
            )

    def partner_preferences(self) -> dict[str, bool] | None:
        if "notify_pledges" not in self.fields:
            return None
        return {name: self.cleaned_data[name] for name in ("notify_pledges", "daily_summary")}


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect."), code="wrong_password")
        return password
