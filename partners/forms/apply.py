"""« Devenir partenaire »: what an organisation tells us when it applies, checked before
anything is stored (the challenges offered are the live ones of the reader's language)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from challenges.models import ChallengePage
from partners.models import PartnerApplication
from portal import validators
from portal.fields import SafeModelMultipleChoiceField


class PartnerApplicationForm(forms.ModelForm):
    challenges = SafeModelMultipleChoiceField(
        label=_("Défis sur lesquels votre organisation agit"),
        queryset=ChallengePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choisissez parmi les défis proposés.")},
    )
    postcode = forms.CharField(
        label=_("Code postal"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ré_action conserve ces informations pour étudier la candidature et "
            "me recontacter."
        ),
        error_messages={"required": _("Votre accord est nécessaire pour envoyer la demande.")},
    )

    class Meta:
        model = PartnerApplication
        fields = [
            "organisation_name",
            "organisation_kind",
            "challenges",
            "postcode",
            "town",
            "website",
            "contact_name",
            "email",
            "phone",
            "message",
        ]
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "website": forms.URLInput(attrs={"placeholder": "https://"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "website": _("Facultatif. Il figurera sur votre page partenaire."),
            "message": _("Ce que vous faites, ce dont vous avez besoin, vos questions."),
        }
        error_messages = {
            "email": {"invalid": _("Saisissez une adresse e-mail valide.")},
            "website": {"invalid": _("Saisissez une adresse web complète (https://…).")},
        }

    def __init__(self, *args, language_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenges"].queryset = (
            ChallengePage.objects.live()
            .filter(locale__language_code=language_code)
            .order_by("path")
        )
        self.fields["organisation_kind"].choices = [
            ("", _("Choisissez un type")),
            *self.fields["organisation_kind"].choices[1:],
        ]

    def clean_postcode(self) -> str:
        return validators.clean_postcode(self.cleaned_data.get("postcode", ""))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
