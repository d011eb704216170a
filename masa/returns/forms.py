"""Forms for statutory-return uploads and the 0-17 population table."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from masa.core.forms import GovForm
from masa.returns.models import ReturnKind
from masa.returns.readers import CollectionYear

LA_CODE_MESSAGE = "Enter the LA code as the 3-digit DfE code, like 313"
YEAR_MESSAGE = "Enter the collection year like 2023-24, where the second year follows the first"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files from a single <input type="file" multiple>."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else [data] if data else []
        if not items and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


def clean_la_code(value: str) -> str:
    value = (value or "").strip()
    if not re.fullmatch(r"\d{3}", value):
        raise forms.ValidationError(LA_CODE_MESSAGE)
    return value


def clean_year(value: str) -> str:
    try:
        return CollectionYear.parse(value or "").label
    except ValueError as error:
        raise forms.ValidationError(YEAR_MESSAGE) from error


class ReturnUploadForm(GovForm):
    submit_label = "Upload and import"
    kind = forms.ChoiceField(
        label="Which return is it?", choices=ReturnKind.choices, widget=forms.RadioSelect
    )
    la_code = forms.CharField(
        label="Local authority code",
        max_length=3,
        help_text="The 3-digit DfE code of the local authority whose return this is, like 313",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    year = forms.CharField(
        label="Collection year",
        max_length=9,
        help_text="1 April to 31 March, written like 2023-24",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    return_files = MultipleFileField(
        label="Return files",
        allow_empty_file=True,  # the service gives the plain "is empty" message
        help_text=(
            "The CIN census XML file, or the SSDA903 CSV tables (Header, Episodes, UASC and the "
            "others, select them all) or the SSDA903 XML file."
        ),
    )

    def __init__(self, *args: Any, max_bytes: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Select which return it is"
        self.fields["return_files"].error_messages["required"] = "Select the return file or files to upload"
        if max_bytes:
            limit = max_bytes // 1_048_576
            self.fields["return_files"].help_text += f" Each file must be no bigger than {limit} MB."

    def clean_la_code(self) -> str:
        return clean_la_code(self.cleaned_data.get("la_code", ""))

    def clean_year(self) -> str:
        return clean_year(self.cleaned_data.get("year", ""))


class ConfirmReplaceForm(GovForm):
    submit_label = "Continue"
    replace = forms.ChoiceField(
        choices=[("yes", "Yes, replace it"), ("no", "No, keep the current import")],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, question: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replace"].label = question
        self.fields["replace"].help_text = "The current import stays in the history."
        self.fields["replace"].error_messages["required"] = "Select yes to replace the current import, or no"


class PopulationForm(GovForm):
    submit_label = "Save the population"
    la_code = forms.CharField(
        label="Local authority code",
        max_length=3,
        help_text="The 3-digit DfE code, like 313",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    year = forms.CharField(
        label="Collection year",
        max_length=9,
        help_text="Like 2023-24: use the ONS mid-year estimate for the year's first year",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    children_0_17 = forms.IntegerField(
        label="Children aged 0 to 17",
        help_text="The ONS mid-year estimate, as a whole number",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children_0_17"].widget.attrs["class"] = "govuk-input--width-10"
        self.fields["children_0_17"].error_messages["invalid"] = (
            "The number of children aged 0 to 17 must be a whole number, like 52000"
        )

    def clean_la_code(self) -> str:
        return clean_la_code(self.cleaned_data.get("la_code", ""))

    def clean_year(self) -> str:
        return clean_year(self.cleaned_data.get("year", ""))

    def clean_children_0_17(self) -> int:
        value = self.cleaned_data["children_0_17"]
        if value <= 0:
            raise forms.ValidationError("The number of children aged 0 to 17 must be greater than 0")
        return value


class LeaveOutChildrenForm(GovForm):
    """The explicit choice to import a refused return without the children its problems are about."""

    confirm = forms.BooleanField(required=True)

    def __init__(self, *args: Any, these: str = "", **kwargs: Any) -> None:
        # these: "these 3 children", "this child" (masa.returns.readers.leaving_out.these_children)
        self.submit_label = f"Import without {these}"
        super().__init__(*args, **kwargs)
        field = self.fields["confirm"]
        field.label = f"I understand {these} will be left out of every figure"
        field.help_text = (
            "The rest of the return is imported. The children left out, and why, are listed with "
            "the import, and every figure computed from it says how many were left out."
        )
        field.error_messages["required"] = (
            f"Confirm that you understand {these} will be left out of every figure"
        )
