"""Forms of the action tracker: GOV.UK questions; the services decide what is allowed."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button
from django import forms

from masa.actions.models import ActionSource, ActionStatus, EvidenceKind
from masa.actions.services import (
    BULK_DUE_DATE,
    BULK_OWNER,
    BULK_WITHDRAW,
    CLOSE_NEEDS_IMPACT,
    EVIDENCE_EMPTY,
    EVIDENCE_KIND_MISSING,
    UPDATE_EMPTY,
    WITHDRAW_NEEDS_REASON,
)
from masa.actions.xlsx import IMPORT_MAX_ROWS
from masa.core.bounds import REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import BoundedForm, GovDateField, GovForm, LongSelect, text_area

DATE_ORDER = "The 'due after' date must be the same as or before the 'due before' date"
REOPEN_NEEDS_REASON = "Enter why the action is being reopened"
OWNER_NOT_LISTED = "Select an owner from the list"
LINK_INVALID = "Enter a link in the correct format, like https://www.example.org/report"
STATUS_FILTERS = [
    ("", "Any status"),
    ("open", "Not closed (open or in progress)"),
    ("in_progress", "In progress"),
    ("closed", "Closed"),
    ("withdrawn", "Withdrawn"),
    ("overdue", "Overdue"),
]


class ActionFilterForm(BoundedForm):
    """The GET filters of the action lists and the XLSX log (all optional)."""

    text = forms.CharField(label="Search titles and descriptions", required=False, max_length=200, strip=True)
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_FILTERS)
    source = forms.ChoiceField(
        label="Source", required=False, choices=[("", "Any source"), *ActionSource.choices]
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group", required=False, queryset=None, empty_label="Any group"
    )
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner's agency", required=False, queryset=None, empty_label="Any agency"
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner", required=False, queryset=None, empty_label="Anyone", widget=LongSelect
    )
    due_after = GovDateField(
        label="Due on or after",
        noun="'due on or after' date",
        required=False,
        help_text="For example, 1 4 2024",
    )
    due_before = GovDateField(
        label="Due on or before",
        noun="'due on or before' date",
        required=False,
        help_text="For example, 31 3 2025",
    )

    def __init__(
        self,
        *args: object,
        groups: object = None,
        agencies: object = None,
        people: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if groups is None:
            del self.fields["group"]  # the page of one group's actions
        else:
            self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["status"].error_messages["invalid_choice"] = "Select a status from the list"
        self.fields["source"].error_messages["invalid_choice"] = "Select a source from the list"
        self.fields["text"].error_messages["max_length"] = "The search must be 200 characters or fewer"
        for name in ("group", "agency"):
            if name in self.fields:
                self.fields[name].error_messages["invalid_choice"] = f"Select a {name} from the list"  # noqa: S608 (not SQL)
        self.fields["owner"].error_messages["invalid_choice"] = OWNER_NOT_LISTED
        self.helper = FormHelper(self)
        self.helper.form_tag = False  # the template writes <form method="get">
        self.helper.form_method = "get"  # no CSRF token in the address
        self.helper.label_size = "s"
        self.helper.add_input(Button("filter", "Apply filters"))

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("due_after") and data.get("due_before") and data["due_before"] < data["due_after"]:
            self.add_error("due_before", DATE_ORDER)
        return data

    def filters(self) -> dict:
        """The selector's keyword arguments; no filters when the form is unbound or invalid."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"] or None,
            "group": data.get("group"),
            "agency_id": data["agency"].pk if data["agency"] else None,
            "owner_id": data["owner"].pk if data["owner"] else None,
            "source": data["source"] or None,
            "text": data["text"] or None,
            "due_after": data["due_after"],
            "due_before": data["due_before"],
        }


class UpdateForm(GovForm):
    submit_label = "Post update"
    text = text_area(
        "Update",
        max_length=SUMMARY_LENGTH,
        required=True,
        help_text="What has been done since the last update.",
    )
    in_progress = forms.BooleanField(label="Mark the action as in progress", required=False)

    def __init__(self, *args: object, action: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = UPDATE_EMPTY
        if getattr(action, "status", None) != ActionStatus.OPEN:
            self.drop_fields("in_progress")


class EvidenceForm(GovForm):
    submit_label = "Add evidence"
    kind = forms.ChoiceField(label="Kind of evidence", choices=EvidenceKind.choices, widget=forms.RadioSelect)
    file = forms.FileField(
        label="Upload a file",
        required=False,
        allow_empty_file=True,  # the document check gives the plain "is empty" message
        help_text="PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX), smaller than 20 MB.",
    )
    link = forms.URLField(
        label="Web address",
        required=False,
        widget=forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false", "autocomplete": "url"}),
        max_length=200,
        assume_scheme="https",
        help_text="Where the evidence is published, for example https://www.example.org/report",
    )
    text = text_area(
        "Describe the evidence", max_length=SUMMARY_LENGTH, help_text="What was done and how you know."
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = EVIDENCE_KIND_MISSING
        self.fields["link"].error_messages["invalid"] = LINK_INVALID
        self.fields["link"].error_messages["max_length"] = "The link must be 200 characters or fewer"
        # The template writes the radios: GOV.UK Frontend's conditional reveal adds aria-expanded
        # to radios, which axe rejects, so each kind's question is always shown under its radio.
        # Those questions are rendered one by one, at the regular label size.
        self.helper.label_size = ""

    def clean(self) -> dict:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind and not data.get(kind) and kind not in self.errors:
            self.add_error(kind, EVIDENCE_EMPTY[kind])
        return data


class CloseForm(GovForm):
    submit_label = "Close action"
    impact = text_area(
        "Impact",
        max_length=SUMMARY_LENGTH,
        required=True,
        help_text="What changed for children or practice because of this action.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["impact"].error_messages["required"] = CLOSE_NEEDS_IMPACT


class ReopenForm(GovForm):
    submit_label = "Reopen action"
    reason = text_area("Why is the action being reopened?", max_length=REASON_LENGTH, required=True)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = REOPEN_NEEDS_REASON


class ChangeForm(GovForm):
    """The details the business team may change, and why (the reason goes in the history)."""

    submit_label = "Save the changes"
    # Title and reason are checked by the service with the due date, so every problem shows at once.
    title = forms.CharField(label="Title", max_length=300, required=False)
    description = text_area("Description", max_length=SUMMARY_LENGTH, rows=4)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(label="Owner", queryset=None, widget=LongSelect)
    owner_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner's agency", queryset=None, help_text="The agency accountable for the action."
    )
    due_date = GovDateField(
        label="Due date",
        help_text="Today or later. A later date counts as an extension. For example, 27 3 2027",
    )
    reason = text_area(
        "Why are you making this change?",
        max_length=REASON_LENGTH,
        help_text="This is kept in the action's history.",
        rows=3,
    )

    def __init__(
        self, *args: object, people: object = None, agencies: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["owner_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["owner"].error_messages["invalid_choice"] = OWNER_NOT_LISTED


class WithdrawForm(GovForm):
    submit_label = "Withdraw action"
    reason = text_area(
        "Why is the action being withdrawn?",
        max_length=REASON_LENGTH,
        required=True,
        help_text="For example, it was replaced by another action or the Board decided against it.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = WITHDRAW_NEEDS_REASON


class BulkChangeForm(GovForm):
    """One change to the actions ticked on the actions list; they can be unticked here."""

    actions = forms.MultipleChoiceField(
        label="Actions to change",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Untick any action that should stay as it is.",
    )
    # The choice, the date and the reason are checked by the service, so every problem shows at once.
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="New owner", queryset=None, required=False, empty_label="Select a person"
    )
    owner_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner's agency",
        queryset=None,
        required=False,
        empty_label="The new owner's own agency",
        help_text="The agency accountable for the actions.",
    )
    due_date = GovDateField(
        label="New due date",
        required=False,
        help_text="Today or later. A later date counts as an extension. For example, 27 3 2027",
    )
    reason = text_area(
        "Why are you making this change?",
        max_length=REASON_LENGTH,
        help_text="This is kept in the history of each action.",
        rows=3,
    )

    def __init__(
        self,
        *args: object,
        change: str = BULK_OWNER,
        choices: object = (),
        people: object = None,
        agencies: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"].choices = choices  # type: ignore[attr-defined]
        self.fields["actions"].error_messages["invalid_choice"] = "Select actions from the list"
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["owner"].error_messages["invalid_choice"] = OWNER_NOT_LISTED
        self.fields["owner_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.submit_label = {
            BULK_OWNER: "Reassign the actions",
            BULK_DUE_DATE: "Move the due dates",
            BULK_WITHDRAW: "Withdraw the actions",
        }[change]
        if change == BULK_WITHDRAW:
            self.fields["reason"].label = "Why are the actions being withdrawn?"
            self.fields["reason"].help_text = (
                "For example, they were replaced by other actions or the Board decided against them. "
                "This is kept in the history of each action."
            )
        unused = {
            BULK_OWNER: ("due_date",),
            BULK_DUE_DATE: ("owner", "owner_agency"),
            BULK_WITHDRAW: ("owner", "owner_agency", "due_date"),
        }[change]
        self.drop_fields(*unused)


class ImportForm(GovForm):
    submit_label = "Import the actions"
    file = forms.FileField(
        label="Action log",
        help_text=(
            f"An Excel spreadsheet (XLSX) smaller than 5 MB, with up to {IMPORT_MAX_ROWS:,} actions "
            "in the columns of the template."
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].error_messages["required"] = "Select the action log"
        self.fields["file"].error_messages["empty"] = "The selected file is empty"


class SettingsForm(GovForm):
    remind_days_before = forms.IntegerField(
        label="Days before the due date to remind the owner",
        min_value=0,
        max_value=365,
        help_text="The owner is emailed this many days before the action is due.",
    )
    escalate_days_overdue = forms.IntegerField(
        label="Days overdue before escalating to the chair",
        min_value=1,
        max_value=365,
        help_text="Past this, the group's chair is told once and the action joins the Board's overdue list.",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name, low in (("remind_days_before", 0), ("escalate_days_overdue", 1)):
            field = self.fields[name]
            field.error_messages["min_value"] = f"The number of days must be {low} or more"
            field.error_messages["max_value"] = "The number of days must be 365 or fewer"
