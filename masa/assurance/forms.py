"""Forms of the inspections register: GOV.UK questions; the services check the rules."""

from typing import Any

from django import forms

from masa.assurance.models import (
    COMMON_JUDGEMENTS,
    AssuranceLevel,
    FindingKind,
    InspectionKind,
    RequestStatus,
)
from masa.assurance.services import FollowUp
from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import BoundedForm, FilterForm, GovDateField, GovForm, LongSelect, text_area

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

    def set_people(self, name: str, people: object) -> None:
        """A choice of people, each named with their agency (two people may share a name)."""
        self.set_queryset(name, people)
        self.fields[name].label_from_instance = person_with_agency  # type: ignore[attr-defined]

    def offer_action_fields(self, people: object, groups: object = None) -> None:
        """The choices of the fields that make a finding's tracker action (`action_owner_field` and
        the others below); the group only where the form has one."""
        self.set_people("owner", people)
        if "group" in self.fields:
            self.set_queryset("group", groups)


def person_with_agency(person: Any) -> str:
    return f"{person.name} ({person.agency.name})"


# The fields of a finding whose answer is an action in the tracker (inspections, audits, the
# effectiveness review): who owns it, when it is due and, where asked, the group overseeing it.
def action_owner_field(help_text: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Owner of the action", queryset=None, required=False, widget=LongSelect, help_text=help_text
    )


def action_due_field() -> GovDateField:
    return GovDateField(label="Date the action is due", required=False, help_text="For example, 31 3 2025")


def action_group_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label="Group that oversees the action", queryset=None, required=False)


class FindingResponseForm(AssuranceForm):
    """The partnership's response to a finding (the effectiveness review's, the independent
    scrutineer's): accepted in whole or in part, it is answered by an action in the tracker.
    A subclass names its response kinds and when the owner is needed."""

    submit_label = "Save the response"
    response_kinds: list[tuple[str, str]] = []
    owner_hint = ""

    response = forms.ChoiceField(label="The partnership's response", widget=forms.RadioSelect)
    response_text = text_area(
        "What the partnership will do, or why it does not accept it",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=4,
    )
    owner = action_owner_field("")
    due_date = action_due_field()
    group = action_group_field()

    def __init__(
        self,
        *args: object,
        people: object = None,
        groups: object = None,
        needs_action_fields: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = self.response_kinds  # type: ignore[attr-defined]
        self.fields["response"].error_messages["required"] = "Select the partnership's response"
        self.fields["response_text"].error_messages["required"] = "Enter the partnership's response"
        if not needs_action_fields:
            # No action is wanted, or the one already made is changed on its own page.
            self.drop_fields("owner", "due_date", "group")
        else:
            self.fields["owner"].help_text = self.owner_hint
            self.offer_action_fields(people, groups)


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


class InspectionFilterForm(FilterForm):
    """The GET filters of the register (all optional)."""

    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any kind"), *InspectionKind.choices]
    )
    year = forms.TypedChoiceField(label="Year (April to March)", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, years: list[int] = (), **kwargs: object) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [("", "Any year"), *((y, f"{y} to {y + 1}") for y in years)]  # type: ignore[attr-defined]


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
    owner = action_owner_field(
        "Needed for a cause of concern or a recommendation; optional for an area for improvement"
    )
    due_date = action_due_field()
    group = action_group_field()

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
            self.offer_action_fields(people, groups)
        self.set_queryset("agency", agencies)


# Assurance requests ----------------------------------------------------------------------------

FOLLOW_UP_SLOTS = 3


class RequestFilterForm(FilterForm):
    """The GET filters of the requests list (all optional)."""

    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *RequestStatus.choices]
    )
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency asked", required=False, queryset=None, empty_label="Any agency"
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group that asked", required=False, queryset=None, empty_label="Any group"
    )
    overdue = forms.BooleanField(label="Only overdue (past due, no report yet)", required=False)

    def __init__(
        self, *args: object, agencies: object = None, groups: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]


class RequestForm(AssuranceForm):
    submit_label = "Save the request"

    agency: forms.ModelChoiceField = forms.ModelChoiceField(label="Agency asked", queryset=None)
    subject = forms.CharField(
        label="Subject",
        max_length=200,
        help_text="In a few words, for example: Missing children: return home interviews",
    )
    asked = text_area(
        "What the agency is asked to report on",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=5,
        help_text="What the group wants to know, and what evidence it expects",
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(label="Group that asks", queryset=None)
    meeting: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Meeting at which it was asked",
        queryset=None,
        required=False,
        widget=LongSelect,
        help_text="Optional. A meeting of the group that asks",
    )
    lead: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Lead person at the agency",
        queryset=None,
        required=False,
        widget=LongSelect,
        help_text="Optional. The person at the agency asked who will answer",
    )
    due_date = GovDateField(label="Date the report is due", help_text="For example, 31 3 2025")

    def __init__(
        self,
        *args: object,
        agencies: object = None,
        groups: object = None,
        meetings: object = None,
        people: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("agency", agencies)
        self.set_queryset("group", groups)
        self.set_queryset("meeting", meetings)
        self.set_people("lead", people)
        self.fields["agency"].error_messages["required"] = "Select the agency asked"
        self.fields["group"].error_messages["required"] = "Select the group that asks"
        self.fields["subject"].error_messages["required"] = "Enter what the request is about"
        self.fields["asked"].error_messages["required"] = "Enter what the agency is asked to report on"
        self.fields["due_date"].error_messages["required"] = "Enter the date the report is due"


class ReportForm(AssuranceForm):
    submit_label = "Send the report"

    file = forms.FileField(
        label="Upload the report",
        required=False,
        allow_empty_file=True,  # the document check gives the plain "is empty" message
        help_text="PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX), smaller than 20 MB.",
    )
    link = forms.URLField(
        label="Or a link to the report",
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false", "autocomplete": "url"}),
        help_text="Where the report is kept, for example on the agency's SharePoint",
    )
    text = text_area(
        "Or the report as text",
        max_length=NARRATIVE_LENGTH,
        rows=8,
        help_text="Or a summary with the file or link",
    )
    received_on = GovDateField(
        label="Date the report was received", required=False, help_text="Leave empty for today"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["link"].error_messages["invalid"] = (
            "Enter a web address in the correct format, like https://www.example.org/report"
        )

    def clean(self) -> dict:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            data["original_name"] = upload.name
        return data


class RequestJudgementForm(AssuranceForm):
    submit_label = "Record the judgement"

    judgement = forms.ChoiceField(
        label="Is the group assured?", choices=AssuranceLevel.choices, widget=forms.RadioSelect
    )
    reasons = text_area(
        "Reasons for the judgement",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=5,
        help_text="What in the report assured the group, and what did not",
    )
    judged_on = GovDateField(
        label="Date of the judgement", help_text="Usually the date of the group's meeting"
    )

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, FOLLOW_UP_SLOTS + 1):
            self.fields[f"action_{n}_title"] = forms.CharField(
                label=f"Follow-up action {n} (optional)",
                max_length=300,
                required=False,
                help_text="It goes into the action tracker" if n == 1 else "",
            )
            owner: forms.ModelChoiceField = forms.ModelChoiceField(
                label=f"Owner of follow-up action {n}",
                queryset=people,  # type: ignore[arg-type]
                required=False,
                widget=LongSelect,
            )
            owner.label_from_instance = person_with_agency  # type: ignore[method-assign,assignment]
            owner.empty_label = "None"
            self.fields[f"action_{n}_owner"] = owner
            self.fields[f"action_{n}_due_date"] = GovDateField(
                label=f"Date follow-up action {n} is due", required=False
            )
        self._build_helper()
        self.fields["judgement"].error_messages["required"] = (
            "Select whether the group is assured, partly assured or not assured"
        )
        self.fields["reasons"].error_messages["required"] = "Enter the reasons for the judgement"
        self.fields["judged_on"].error_messages["required"] = "Enter the date of the judgement"

    def clean(self) -> dict:
        data = super().clean() or {}
        follow_ups = []
        for n in range(1, FOLLOW_UP_SLOTS + 1):
            title = (data.pop(f"action_{n}_title", "") or "").strip()
            owner = data.pop(f"action_{n}_owner", None)
            due = data.pop(f"action_{n}_due_date", None)
            if title or owner or due:
                follow_ups.append(FollowUp(title=title, owner=owner, due_date=due))
        data["follow_ups"] = follow_ups
        return data


class WithdrawRequestForm(AssuranceForm):
    submit_label = "Withdraw the request"

    reason = text_area("Why is the request being withdrawn?", max_length=REASON_LENGTH, required=True, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the request is being withdrawn"
