"""Forms of restraint and use of force: GOV.UK questions; the services check the figures add up."""

from typing import Any

from django import forms

from masa.assurance.forms import AssuranceForm
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.restraint.models import AGE_BANDS, ETHNICITIES, QUARTER_MONTHS, RestraintType
from masa.restraint.services import YEAR_NEEDED, age_field, ethnicity_field, type_field

QUARTER_CHOICES = [(q, f"Quarter {q}: {months}") for q, months in QUARTER_MONTHS.items()]


def _count(label: str, *, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=100_000, required=required)


def _year() -> forms.IntegerField:
    return forms.IntegerField(
        label="Reporting year starts in",
        min_value=2000,
        max_value=2100,
        help_text="The year of the 1 April the reporting year starts on, for example 2023 for 2023 to 2024",
    )


class QuarterFormBase(AssuranceForm):
    submit_label = "Save the figures"

    year = _year()
    quarter = forms.TypedChoiceField(
        label="Quarter", choices=QUARTER_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    incidents = _count("Incidents of restraint or use of force", required=True)
    injuries = _count("Injuries to children", required=True)
    children = _count("Children involved", required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, noun in (
            ("incidents", "incidents"),
            ("injuries", "injuries"),
            ("children", "children involved"),
        ):
            self.fields[name].error_messages["min_value"] = f"The number of {noun} cannot be less than 0"
        self.fields["year"].error_messages["required"] = YEAR_NEEDED


def quarter_figures(data: dict[str, Any], restraint_types: list[RestraintType]) -> dict[str, Any]:
    """The cleaned answers of a quarter's form in the shape `services.quarter_save` takes."""
    return {
        **{name: data[name] for name in ("year", "quarter", "incidents", "injuries", "children")},
        "type_counts": {t: data.get(type_field(t)) for t in restraint_types},
        "by_age": {key: data.get(age_field(key)) for key, _ in AGE_BANDS},
        "by_ethnicity": {key: data.get(ethnicity_field(key)) for key, _ in ETHNICITIES},
        "themes": data.get("themes", ""),
        "concerns": data.get("concerns", ""),
    }


def quarter_form(restraint_types: list[RestraintType]) -> type[QuarterFormBase]:
    """The quarter's question form with a count for each of the partnership's types of restraint,
    each age band and each ethnicity (blank counts as 0)."""
    fields: dict[str, Any] = {}
    for kind in restraint_types:
        fields[type_field(kind)] = _count(f"Incidents by type: {kind.name}")
    for key, label in AGE_BANDS:
        fields[age_field(key)] = _count(f"Children aged {label}")
    for key, label in ETHNICITIES:
        fields[ethnicity_field(key)] = _count(f"Children by ethnicity: {label}")
    fields["themes"] = text_area("Themes", max_length=SUMMARY_LENGTH, rows=4)
    fields["concerns"] = text_area("Concerns", max_length=SUMMARY_LENGTH, rows=4)
    return type("QuarterForm", (QuarterFormBase,), fields)


class ReviewForm(AssuranceForm):
    submit_label = "Save the review"

    year = _year()
    summary = text_area("Summary", max_length=SUMMARY_LENGTH, required=True, rows=5)
    themes = text_area("Themes", max_length=SUMMARY_LENGTH, rows=4)
    concerns = text_area("Concerns", max_length=SUMMARY_LENGTH, rows=4)
    recommendations = text_area("Recommendations", max_length=SUMMARY_LENGTH, rows=4)
    presented_on = GovDateField(
        label="Date presented to the Board", required=False, help_text="For example, 16 5 2024"
    )
    actions: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Actions in the action tracker that follow the review",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, actions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].error_messages["required"] = YEAR_NEEDED
        self.fields["summary"].error_messages["required"] = "Enter the summary of the review"
        self.set_queryset("actions", actions)
        self.fields["actions"].label_from_instance = lambda a: f"{a.reference}: {a.title}"  # type: ignore[attr-defined]


class TypeForm(AssuranceForm):
    submit_label = "Add the type"

    name = forms.CharField(label="Type of restraint or use of force", max_length=100)
    order = forms.IntegerField(label="Position in the list", min_value=0, max_value=999, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the name of the type of restraint"
