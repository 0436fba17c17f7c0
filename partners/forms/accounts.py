from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from partners.models import PartnerRole


class InvitedAccountForm(forms.Form):
    """Create the invited person's account: the email comes from the invitation."""

    first_name = forms.CharField(label=_("Prénom"), max_length=80)
    password1 = forms.CharField(
        label=_("Mot de passe"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Au moins 8 caractères, pas uniquement des chiffres."),
    )
    password2 = forms.CharField(
        label=_("Mot de passe (confirmation)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Les deux mots de passe ne correspondent pas."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InviteMemberForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne à inviter"))
    role = forms.ChoiceField(label=_("Rôle"), choices=PartnerRole.choices)
