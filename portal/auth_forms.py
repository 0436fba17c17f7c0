"""The sign-in form: the email address is the login."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from portal.accounts import normalise_email


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        """Accounts are stored under the normalised address; staff accounts named otherwise
        (no "@") sign in with their name as typed."""
        username = self.cleaned_data["username"].strip()
        return normalise_email(username) if "@" in username else username
