"""Forms of the sponsors room: employee sign-up, « Devenir sponsor » enquiry, mobilisers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.services.forms import JoinForm, SignUpForm

COMPANY_CODE_HELP = _(
    "Inutile si vous vous inscrivez avec votre adresse e-mail professionnelle. Sinon, "
    "saisissez le code communiqué par votre entreprise."
)


def _company_code_field():
    return forms.CharField(
        label=_("Code entreprise"),
        required=False,
        max_length=64,
        help_text=COMPANY_CODE_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class SponsorChallengesMixin:
    """Only the sponsor's challenges when it has some (theme or sponsored challenges)."""

    def limit_challenges(self, challenge_keys: set) -> None:
        if not challenge_keys:
            return
        self.challenges = {
            pk: page
            for pk, page in self.challenges.items()
            if page.translation_key in challenge_keys
        }
        self.fields["challenge"].choices = [(pk, p.title) for pk, p in self.challenges.items()]


class EmployeeJoinForm(SponsorChallengesMixin, JoinForm):
    company_code = _company_code_field()

    def __init__(self, *args, challenge_keys=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_challenges(set(challenge_keys))


class EmployeeSignUpForm(SponsorChallengesMixin, SignUpForm):
    company_code = _company_code_field()

    field_order = [
        "first_name",
        "email",
        "password",
        "company_code",
        "challenge",
        "start_date",
        "language",
        "area",
        "consent",
    ]

    def __init__(self, *args, challenge_keys=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_challenges(set(challenge_keys))
        self.fields["email"].help_text = _(
            "Votre adresse professionnelle, de préférence : vous y recevrez un lien de "
            "confirmation, puis les mails du programme."
        )


class SponsorEnquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Votre nom"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Votre adresse e-mail professionnelle"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Entreprise"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    tier = forms.ChoiceField(label=_("Niveau envisagé"), required=False)
    internal_programme = forms.BooleanField(
        label=_("Nous souhaitons aussi déployer le programme auprès de nos salarié·es"),
        required=False,
    )
    message = forms.CharField(
        label=_("Votre message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, tiers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = [
            ("", _("Je ne sais pas encore")),
            *[
                (tier.name, f"{tier.name} — {tier.amount_eur:,} €".replace(",", " "))
                for tier in tiers
            ],
        ]


class MobiliserForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail du ou de la salarié·e"),
        help_text=_("La personne a rejoint le programme interne avec cette adresse."),
    )
    challenge = forms.TypedChoiceField(label=_("Défi de la formation"), coerce=int)

    def __init__(self, *args, challenges=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.challenges = {page.pk: page for page in challenges}
        self.fields["challenge"].choices = [(pk, p.title) for pk, p in self.challenges.items()]
