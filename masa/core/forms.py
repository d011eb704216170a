"""Shared GOV.UK form behaviour: crispy-forms-gds layout and plain-English errors."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button
from django import forms


class GovForm(forms.Form):
    """A form rendered with GOV.UK Frontend markup, with GOV.UK-style error messages."""

    submit_label = "Save"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._build_helper()
        for name, field in self.fields.items():
            label = (field.label or name.replace("_", " ")).lower()
            # GOV.UK: "Enter the name", "Select the agency", not "This field is required."
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["required"] = "Select the " + label
                field.error_messages["invalid_choice"] = f"Select a {label} from the list"  # noqa: S608 (not SQL)
            else:
                field.error_messages["required"] = f"Enter the {label}"
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = f"The {label} must be a whole number"
                # GOV.UK: whole numbers use a text input with a numeric keyboard, not type=number.
                field.widget = forms.TextInput(
                    attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-4"}
                )
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = (
                    "Enter an email address in the correct format, like name@example.org"
                )
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"The {label} must be {field.max_length} characters or fewer"
                )

    def _build_helper(self) -> None:
        self.helper = FormHelper(self)
        # Templates write the <form> element themselves (with the CSRF token).
        self.helper.form_tag = False
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        self.helper.add_input(Button("submit", self.submit_label))

    def drop_fields(self, *names: str) -> None:
        """Remove fields that do not apply to this record (the layout is rebuilt without them)."""
        for name in names:
            del self.fields[name]
        self._build_helper()

    def apply_errors(self, error: object) -> None:
        """Show a service's ValidationError on the form, keeping the user's answers."""
        from django.core.exceptions import ValidationError

        assert isinstance(error, ValidationError)
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)
