from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class DigestSubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Langue des messages"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
