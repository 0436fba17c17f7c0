"""The partner's place form: an address and/or a postcode and town; the point is computed after
saving (geocoding), unless the partner types coordinates."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from matching.geocoding import OfflineGeocoder, PlaceNotFound
from matching.models import Place

POSTCODE_FORMAT = re.compile(r"^\d{5}$")
# Metropolitan departments 01-95 (Corsica 20), overseas 971-978 and 98x (Monaco, Pacific, TAAF).
POSTCODE_PREFIX = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-5]|97[1-8]|98\d)")


def normalise_postcode(value: str) -> str:
    return re.sub(r"[\s.\u00a0\u202f]", "", value or "")


def validate_french_postcode(value: str) -> None:
    if not POSTCODE_FORMAT.match(value):
        raise forms.ValidationError(
            _("Un code postal compte 5 chiffres, par exemple 75011 ou 97400."), code="format"
        )
    if not POSTCODE_PREFIX.match(value):
        raise forms.ValidationError(
            _(
                "Ce code postal n'existe pas en France : il commence par un numéro de "
                "département (01 à 95, 971 à 978 ou 98 pour l'outre-mer)."
            ),
            code="department",
        )


class CoordinateField(forms.FloatField):
    """A latitude or longitude typed with a dot or a French decimal comma."""

    widget = forms.TextInput

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs["inputmode"] = "decimal"
        return attrs


class PlaceForm(forms.ModelForm):
    latitude = CoordinateField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Facultatif : laissez vide, elle est calculée depuis l'adresse."),
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Facultatif : à remplir avec la latitude, par exemple 2,3795."),
    )

    class Meta:
        model = Place
        fields = [
            "name",
            "kind",
            "address",
            "postcode",
            "town",
            "public_precision",
            "public_instructions",
            "public_contact",
            "latitude",
            "longitude",
        ]
        help_texts = {
            "address": _("Numéro et rue, par exemple : 12 rue de la République."),
            "town": _("Facultatif si le code postal suffit : nous la retrouvons."),
        }
        widgets = {
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric", "maxlength": 6}
            ),
            "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "public_instructions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].required = False
        self.fields["name"].widget.attrs.setdefault("autocomplete", "organization")

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        validate_french_postcode(postcode)
        return postcode

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not self._coordinate_errors():
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(
                missing, _("Indiquez la latitude et la longitude, ou laissez les deux vides.")
            )
        postcode, town = cleaned.get("postcode"), (cleaned.get("town") or "").strip()
        if postcode and not town:
            town = self._town_of(postcode)
            if town:
                cleaned["town"] = town
            else:
                self.add_error(
                    "town",
                    _("Nous ne connaissons pas ce code postal : indiquez la commune."),
                )
        return cleaned

    def _coordinate_errors(self) -> bool:
        return self.has_error("latitude") or self.has_error("longitude")

    @staticmethod
    def _town_of(postcode: str) -> str:
        try:
            return OfflineGeocoder().geocode(postcode).town
        except PlaceNotFound:
            return ""
