"""Form fields shared by the rooms."""

from django import forms
from django.core.exceptions import ValidationError


class SafeModelChoiceField(forms.ModelChoiceField):
    """A model choice whose lookup of an id beyond the database's integers (SQLite raises
    OverflowError) is an invalid choice (400), not a server error."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError as error:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several model choices, with the same guard against ids beyond the database's integers."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError as error:
            raise ValidationError(
                self.error_messages["invalid_pk_value"],
                code="invalid_pk_value",
                params={"pk": "…"},
            ) from error
