"""Forms of the inspections register: GOV.UK questions; the services check the rules."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button
from django import forms

from masa.assurance.models import COMMON_JUDGEMENTS, FindingKind, InspectionKind
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import BoundedForm, GovDateField, GovForm, LongSelect, text_area

OTHER = "other"
OTHER_NEEDED = "Enter the judgement as the report gives it"
JUDGEMENT_CHOICES = [*((j, j) for j in COMMON_JUDGEMENTS), (OTHER, "Another judgement")]


def judgement_initial(value: str) -> dict[str, str]:
    """The radios' answer and the "other" text for a stored judgement."""
    if not value:
        return {"judgement": "", "other_judgement": ""}
    if value in COMMON_JUDGEMENTS:
        return {"judgement": value, "other_judgement": ""}
    return {"judgement": OTHER, "other_judgement": value}


class AssuranceForm(GovForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = "Choose one" if field.required else "None"

    def _build_helper(self) -> None:
        super()._build_helper()
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>

    def set_queryset(self, name: str, queryset: object) -> None:
        self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class JudgementMixin(BoundedForm):
    """A judgement picked from the common ones, or typed as published ("Level 1")."""

    judgement = forms.ChoiceField(label="Judgement", choices=JUDGEMENT_CHOICES, widget=forms.RadioSelect)
    other_judgement = forms.CharField(
        label="The judgement as the report gives it",
        max_length=100,
        required=False,
        help_text='Only if you chose another judgement, for example "Level 1"',
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        choice = data.get("judgement")
        if choice == OTHER:
            other = (data.get("other_judgement") or "").strip()
            if not other:
                self.add_error("other_judgement", OTHER_NEEDED)
            data["judgement"] = other
        data.pop("other_judgement", None)
        return data


class InspectionFilterForm(BoundedForm):
    """The GET filters of the register (all optional)."""

    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *InspectionKind.choices]
    )
    year = forms.TypedChoiceField(label="Year (April to March)", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, years: list[int] = (), **kwargs: object) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [("", "Any year"), *((y, f"{y} to {y + 1}") for y in years)]  # type: ignore[attr-defined]
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = f"Select a {name} from the list"  # noqa: S608 (not SQL)
        self.helper = FormHelper(self)
        self.helper.form_tag = False  # the template writes <form method="get">
        self.helper.form_method = "get"
        self.helper.label_size = "s"
        self.helper.add_input(Button("filter", "Apply filters"))

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class InspectionForm(JudgementMixin, AssuranceForm):
    submit_label = "Save the inspection"

    kind = forms.ChoiceField(
        label="Kind of inspection", choices=InspectionKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Ofsted ILACS inspection of children's services"
    )
    inspected_body: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency inspected",
        queryset=None,
        required=False,
        help_text="Leave as None for an inspection of the whole area",
    )
    start_date = GovDateField(label="Date the inspection started", help_text="For example, 2 10 2023")
    end_date = GovDateField(label="Date the inspection ended", required=False)
    published_date = GovDateField(label="Date the report was published", required=False)
    report_url = forms.URLField(
        label="Published report (web address)", required=False, max_length=500, assume_scheme="https"
    )
    summary = text_area("Summary", max_length=SUMMARY_LENGTH, required=False, rows=5)

    field_order = [
        "kind",
        "title",
        "inspected_body",
        "start_date",
        "end_date",
        "published_date",
        "judgement",
        "other_judgement",
        "report_url",
        "summary",
    ]

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self._build_helper()
        self.set_queryset("inspected_body", agencies)
        judgement = self.fields["judgement"]
        judgement.label = "Overall judgement"
        judgement.required = False
        judgement.choices = [*JUDGEMENT_CHOICES, ("", "Not known yet")]  # type: ignore[attr-defined]
        self.fields["kind"].error_messages["required"] = "Select the kind of inspection"
        self.fields["start_date"].error_messages["required"] = "Enter the date the inspection started"
        self.fields["report_url"].error_messages["invalid"] = (
            "Enter a web address in the correct format, like https://reports.ofsted.gov.uk/"
        )

    def clean(self) -> dict:
        data = super().clean()
        data["overall_judgement"] = data.pop("judgement", "") or ""
        return data


class JudgementForm(JudgementMixin, AssuranceForm):
    submit_label = "Save the judgement"

    area = forms.CharField(
        label="Area judged",
        max_length=200,
        help_text="For example, the impact of leaders on social work practice with children and families",
    )
    field_order = ["area", "judgement", "other_judgement"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self._build_helper()
        self.fields["judgement"].error_messages["required"] = "Select the judgement"


class FindingForm(AssuranceForm):
    submit_label = "Save"

    kind = forms.ChoiceField(
        label="What kind of finding is it?",
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        help_text="A cause of concern or a recommendation becomes an action in the action tracker",
    )
    text = text_area("What the inspection found", max_length=SUMMARY_LENGTH, required=True, rows=4)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency that answers for it", queryset=None, required=False
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner of the action",
        queryset=None,
        required=False,
        widget=LongSelect,
        help_text="Needed for a cause of concern or a recommendation; optional for an area for improvement",
    )
    due_date = GovDateField(
        label="Date the action is due", required=False, help_text="For example, 31 3 2025"
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group that oversees the action", queryset=None, required=False
    )

    def __init__(
        self,
        *args: object,
        agencies: object = None,
        people: object = None,
        groups: object = None,
        has_action: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = "Select the kind of finding"
        self.fields["text"].error_messages["required"] = "Enter what the inspection found"
        if has_action:
            # The action is changed on its own page, with a reason kept in its history.
            self.drop_fields("owner", "due_date", "group")
        else:
            self.set_queryset("owner", people)
            self.set_queryset("group", groups)
            self.fields["owner"].label_from_instance = lambda p: f"{p.name} ({p.agency.name})"  # type: ignore[attr-defined]
        self.set_queryset("agency", agencies)
