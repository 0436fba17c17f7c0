"""The partner's place form: an address and/or a postcode and town; the point is computed after
saving (geocoding), unless the partner types coordinates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matching.models import Place
from matching.services.geocoding import town_of_postcode
from portal import validators


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
        return validators.clean_postcode(self.cleaned_data.get("postcode", ""))

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
            town = town_of_postcode(postcode)
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
