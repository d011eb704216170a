"""Forms of the catalogue and data call pages: GOV.UK questions; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator

from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import BoundedForm, GovDateField, GovForm, text_area
from masa.indicators.models import ComparatorKind, Frequency, Polarity, Unit

CODE_HELP = "Lower case letters, numbers and underscores, like referrals_rate"
YEAR_HELP = "The financial year, like 2023-24"


class IndicatorsForm(GovForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>


def _decimal(label: str, **kwargs: Any) -> forms.DecimalField:
    field = forms.DecimalField(label=label, max_digits=14, decimal_places=3, **kwargs)
    field.error_messages["invalid"] = f"The {label.lower()} must be a number"
    field.error_messages["max_decimal_places"] = (
        f"The {label.lower()} must have no more than 3 decimal places"
    )
    field.error_messages["max_digits"] = f"The {label.lower()} is too large"
    field.error_messages["max_whole_digits"] = f"The {label.lower()} is too large"
    return field


class IndicatorForm(IndicatorsForm):
    submit_label = "Save the indicator"

    code = forms.CharField(
        label="Id",
        max_length=60,
        help_text=CODE_HELP,
        validators=[
            RegexValidator(
                r"^[a-z0-9_]+$", "The id must only use lower case letters, numbers and underscores"
            )
        ],
    )
    title = forms.CharField(label="Title", max_length=200)
    definition = text_area(
        "Definition",
        max_length=SUMMARY_LENGTH,
        required=True,
        help_text="What it measures, in plain English",
        rows=4,
    )
    formula = forms.CharField(
        label="Formula", max_length=300, required=False, help_text="Numerator ÷ denominator"
    )
    unit = forms.ChoiceField(label="Unit", choices=Unit.choices, widget=forms.RadioSelect)
    polarity = forms.ChoiceField(label="Polarity", choices=Polarity.choices, widget=forms.RadioSelect)
    frequency = forms.ChoiceField(label="Frequency", choices=Frequency.choices, widget=forms.RadioSelect)
    source_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Source agency",
        queryset=None,
        required=False,
        help_text="The agency asked for it in data calls",
    )
    priorities: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Priorities", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    groups: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Groups", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    is_dfe_defined = forms.BooleanField(label="Defined by the DfE", required=False)
    is_active = forms.BooleanField(label="Active (asked for in data calls)", required=False, initial=True)

    def __init__(
        self, *args: Any, agencies: Any = None, priorities: Any = None, groups: Any = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["source_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["priorities"].queryset = priorities  # type: ignore[attr-defined]
        self.fields["groups"].queryset = groups  # type: ignore[attr-defined]


class TargetForm(IndicatorsForm):
    submit_label = "Save the target"

    year = forms.CharField(label="Year", max_length=7, help_text=YEAR_HELP)
    value = _decimal("Target")
    tolerance = _decimal(
        "Tolerance", required=False, help_text="Amber when the figure is within this distance of the target"
    )


class ComparatorForm(IndicatorsForm):
    submit_label = "Save the comparator"

    year = forms.CharField(label="Year", max_length=7, help_text=YEAR_HELP)
    kind = forms.ChoiceField(label="Comparator", choices=ComparatorKind.choices, widget=forms.RadioSelect)
    value = _decimal("Value")
    source = forms.CharField(
        label="Source", max_length=300, required=False, help_text="For example, DfE Children in need 2024"
    )


class UploadForm(IndicatorsForm):
    file = forms.FileField(label="File")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Select a file"
        self.fields["file"].error_messages["empty"] = "The selected file is empty"


class ComparatorImportForm(UploadForm):
    submit_label = "Import the comparators"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Comparators file"
        self.fields[
            "file"
        ].help_text = (
            "A CSV or Excel (XLSX) file with the columns indicator code, year, kind, value and source"
        )


class TemplateUploadForm(UploadForm):
    submit_label = "Upload the template"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Filled-in template"
        self.fields["file"].help_text = "The Excel (XLSX) template downloaded for this submission"


class PeriodForm(IndicatorsForm):
    submit_label = "Create the period"

    frequency = forms.ChoiceField(label="Frequency", choices=Frequency.choices, widget=forms.RadioSelect)
    start = GovDateField(label="Start date", help_text="For example, 1 4 2023")
    end = GovDateField(label="End date", help_text="For example, 30 6 2023")


class DataCallForm(IndicatorsForm):
    submit_label = "Open the data call"

    period: forms.ModelChoiceField = forms.ModelChoiceField(label="Period", queryset=None)
    due_date = GovDateField(label="Due date", help_text="For example, 31 7 2023")

    def __init__(self, *args: Any, periods: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = periods  # type: ignore[attr-defined]


class NoteForm(IndicatorsForm):
    note = forms.CharField(
        label="What needs to change", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )

    def __init__(self, *args: Any, submit_label: str = "Return the submission", **kwargs: Any) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
        self.fields["note"].error_messages["required"] = "Enter what needs to change"


class ConfirmForm(IndicatorsForm):
    """A button with nothing to fill in (approve, close, add the DfE indicators)."""

    def __init__(self, *args: Any, submit_label: str = "Confirm", **kwargs: Any) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class CatalogueFilterForm(BoundedForm):
    """The catalogue's filters (GET; never invalid: unknown choices are ignored)."""

    priority = forms.ChoiceField(label="Priority", required=False)
    group = forms.ChoiceField(label="Group", required=False)
    agency = forms.ChoiceField(label="Source agency", required=False)
    origin = forms.ChoiceField(
        label="Defined by", required=False, choices=[("", "All"), ("dfe", "The DfE"), ("local", "Locally")]
    )

    def __init__(self, *args: Any, priorities: Any, groups: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority"].choices = [("", "All")] + [(str(p.uuid), p.title) for p in priorities]  # type: ignore[attr-defined]
        self.fields["group"].choices = [("", "All")] + [(str(g.uuid), g.name) for g in groups]  # type: ignore[attr-defined]
        self.fields["agency"].choices = [("", "All")] + [(str(a.uuid), a.name) for a in agencies]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {name: "" for name in self.fields}
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}
