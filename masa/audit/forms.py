from auditlog.models import LogEntry
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button
from django import forms

from masa.core.forms import BoundedForm


class AuditFilterForm(BoundedForm):
    actor = forms.CharField(label="Who", required=False, max_length=200)
    action = forms.TypedChoiceField(
        label="What they did",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any action"), *LogEntry.Action.choices],
    )
    record_type: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Type of record", required=False, queryset=None, empty_label="Any record"
    )
    date_from = forms.DateField(label="From (YYYY-MM-DD)", required=False)
    date_to = forms.DateField(label="To (YYYY-MM-DD)", required=False)

    def __init__(self, *args: object, content_types: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["record_type"].queryset = content_types  # type: ignore[attr-defined]
        self.fields["record_type"].label_from_instance = lambda ct: ct.name.capitalize()  # type: ignore[attr-defined]
        for name in ("date_from", "date_to"):
            self.fields[name].error_messages["invalid"] = (
                "Enter a real date in the format YYYY-MM-DD, like 2024-03-31"
            )
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.label_size = "s"
        self.helper.add_input(Button("filter", "Apply filters"))

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data
