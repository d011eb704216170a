"""Forms of the meeting pages: GOV.UK questions, errors in GOV.UK wording, answers kept."""

from collections.abc import Sequence
from itertools import groupby

from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils import timezone

from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH, length_message
from masa.core.dates import long_date
from masa.core.forms import BoundedForm, GovDateField, GovForm, text_area
from masa.governance.models import AttendanceStatus, Frequency, ItemPurpose, MeetingStatus
from masa.governance.services import OCCURRENCES_RANGE

END_BEFORE_START = "The end time must be after the start time"
REPEAT_NEEDED = "Select how often the meeting repeats, or enter 1 as the number of meetings"
SELECT_FILE = "Select a file"
SELECT_RESTRICTED_TO = "Select who may see this restricted paper"
DEPUTY_NEEDED = "Select who deputised for {name}"
ATTENDANCE_NEEDED = "Select whether {name} attended"
NO_REPEAT = "none"


def time_field(label: str, **kwargs: object) -> forms.TimeField:
    field = forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
        help_text="Use the 24-hour clock, for example 14:30",
        **kwargs,  # type: ignore[arg-type]
    )
    field.error_messages["invalid"] = f"Enter the {label.lower()} as hours and minutes, like 14:30"
    return field


def number_input() -> forms.TextInput:
    """GOV.UK asks for whole numbers in a text input with a numeric keyboard, not type=number."""
    return forms.TextInput(
        attrs={"class": "govuk-input--width-3", "inputmode": "numeric", "spellcheck": "false"}
    )


class MeetingForm(GovForm):
    """GovForm plus links for the error summary that reach the first radio, box or date part."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.helper.disable_csrf = True  # the templates write the token with the <form>
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(
                field, forms.ModelMultipleChoiceField
            ):
                field.empty_label = "Choose one" if field.required else "None"


def group_priorities_by_plan(field: forms.Field, priorities: object) -> None:
    """Show a priority list as one group per strategic plan, the current (latest) plan first.

    Two plans often have priorities with the same titles; the group label, such as
    "2024-27 plan (current)", says which plan each belongs to. `priorities` must come ordered
    newest plan first (`selectors.priority_choices`); the field still checks answers against it.
    """
    field.queryset = priorities  # type: ignore[attr-defined]
    groups: list = [("", field.empty_label)]  # type: ignore[attr-defined]
    for plan, in_plan in groupby(priorities, key=lambda p: p.plan):  # type: ignore[call-overload]
        label = f"{plan.period} plan" + ("" if len(groups) > 1 else " (current)")
        groups.append((label, [(p.pk, p.title) for p in in_plan]))
    field.choices = groups  # type: ignore[attr-defined]


class ScheduleForm(MeetingForm):
    submit_label = "Schedule"

    group: forms.ModelChoiceField = forms.ModelChoiceField(label="Group", queryset=None)
    date = GovDateField(label="Date", help_text="For example, 27 3 2026")
    start_time = time_field("Start time")
    end_time = time_field("End time")
    location = forms.CharField(
        label="Location",
        max_length=300,
        required=False,
        help_text="A room and address, or how to join online",
    )
    papers_deadline_days = forms.IntegerField(
        label="Papers due (days before the meeting)", min_value=0, max_value=60, widget=number_input()
    )
    frequency = forms.ChoiceField(
        label="Does the meeting repeat?",
        choices=[(NO_REPEAT, "No, just this meeting"), *Frequency.choices],
        widget=forms.RadioSelect,
        initial=NO_REPEAT,
    )
    occurrences = forms.IntegerField(
        label="Number of meetings",
        min_value=1,
        max_value=12,
        widget=number_input(),
        help_text="How many meetings to schedule, counting this one (up to 12)",
    )

    def __init__(self, *args: object, groups: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["group"].empty_label = "Choose a group"  # type: ignore[attr-defined]
        self.fields["frequency"].error_messages["required"] = "Select whether the meeting repeats"
        deadline = self.fields["papers_deadline_days"]
        deadline.error_messages["required"] = "Enter how many days before the meeting papers are due"
        deadline.error_messages["min_value"] = deadline.error_messages["max_value"] = (
            "Enter a number of days from 0 to 60"
        )
        for key in ("min_value", "max_value"):
            self.fields["occurrences"].error_messages[key] = OCCURRENCES_RANGE

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", END_BEFORE_START)
        if data.get("frequency") == NO_REPEAT and (data.get("occurrences") or 1) > 1:
            self.add_error("frequency", REPEAT_NEEDED)
        return data


class MeetingEditForm(MeetingForm):
    """Move, relocate or cancel a meeting (members are told with a new invitation)."""

    date = GovDateField(label="Date", help_text="For example, 27 3 2026")
    start_time = time_field("Start time")
    end_time = time_field("End time")
    location = forms.CharField(label="Location", max_length=300, required=False)
    papers_deadline = GovDateField(label="Papers deadline", required=False)
    status = forms.ChoiceField(label="Status", choices=MeetingStatus.choices, widget=forms.RadioSelect)

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", END_BEFORE_START)
        return data


class AgendaItemForm(MeetingForm):
    title = forms.CharField(label="Item title", max_length=300)
    purpose = forms.ChoiceField(label="Purpose", choices=ItemPurpose.choices, widget=forms.RadioSelect)
    presenter: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Presenter", queryset=None, required=False
    )
    minutes_allotted = forms.IntegerField(
        label="Time allowed (minutes)", min_value=1, max_value=480, widget=number_input()
    )
    priority: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Linked priority",
        queryset=None,
        required=False,
        help_text="The strategic priority this item helps with, if any",
    )

    def __init__(self, *args: object, people: object = None, priorities: object = None, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = people  # type: ignore[attr-defined]
        group_priorities_by_plan(self.fields["priority"], priorities)
        self.fields["purpose"].error_messages["required"] = "Select the purpose of the item"
        allotted = self.fields["minutes_allotted"]
        allotted.error_messages["required"] = "Enter the time allowed in minutes"
        allotted.error_messages["min_value"] = allotted.error_messages["max_value"] = (
            "Enter a time allowed from 1 to 480 minutes"
        )


class PaperForm(MeetingForm):
    submit_label = "Upload paper"

    title = forms.CharField(
        label="Paper title", max_length=300, required=False, help_text="Leave blank to use the file name"
    )
    upload = forms.FileField(
        label="Upload a file",
        allow_empty_file=True,  # the service names the empty file in its message
        help_text="A PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX) file, up to 20 MB",
    )
    restricted = forms.BooleanField(label="Only named members may see this paper", required=False)
    restricted_to: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Who may see this paper",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only if the paper is restricted. The business team can always see it.",
    )

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["restricted_to"].queryset = people  # type: ignore[attr-defined]
        for key in ("required", "missing", "invalid"):
            self.fields["upload"].error_messages[key] = SELECT_FILE

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("restricted") and not data.get("restricted_to"):
            self.add_error("restricted_to", SELECT_RESTRICTED_TO)
        if not data.get("restricted"):
            data["restricted_to"] = []
        return data


class AttendanceForm(MeetingForm):
    """One question per member (and the chair): did they attend, and if a deputy came, who."""

    submit_label = "Save attendance"

    def __init__(self, *args: object, rows: Sequence = (), deputies: Sequence = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.people = {}
        self.deputies = {str(p.pk): p for p in deputies}
        layout = []
        for person, record in rows:
            status, deputy = f"status_{person.pk}", f"deputy_{person.pk}"
            self.people[person.pk] = person
            self.fields[status] = forms.ChoiceField(
                label=f"{person.name} ({person.agency.name})",
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                initial=record.status if record else None,
                error_messages={"required": ATTENDANCE_NEEDED.format(name=person.name)},
            )
            self.fields[deputy] = forms.ChoiceField(
                label=f"Deputy for {person.name}",
                choices=[("", "No deputy")]
                + [(k, p.name) for k, p in self.deputies.items() if p.pk != person.pk],
                required=False,
                initial=str(record.deputy_id) if record and record.deputy_id else "",
                help_text="Only if they sent a deputy",
                error_messages={"invalid_choice": f"Select a deputy for {person.name} from the list"},  # noqa: S608
            )
            layout += [Field.radios(status, legend_size="s", small=True), Field.select(deputy)]
        self.helper.layout = Layout(*layout)

    def clean(self) -> dict:
        data = super().clean() or {}
        for pk, person in self.people.items():
            if data.get(f"status_{pk}") == AttendanceStatus.DEPUTY and not data.get(f"deputy_{pk}"):
                self.add_error(f"deputy_{pk}", DEPUTY_NEEDED.format(name=person.name))
        if not self.errors:
            data["records"] = self.records()
        return data

    def records(self) -> list[tuple]:
        """(person, status, deputy) for `attendance_record`; a deputy only when one was sent."""
        data = self.cleaned_data
        return [
            (
                person,
                data[f"status_{pk}"],
                self.deputies[data[f"deputy_{pk}"]]
                if data[f"status_{pk}"] == AttendanceStatus.DEPUTY
                else None,
            )
            for pk, person in self.people.items()
        ]


class ApologiesForm(MeetingForm):
    """A member's own apologies before the meeting (docs/domain.md, "7.1 Meetings")."""

    submit_label = "Send apologies"

    note = text_area(
        "Note for the chair (optional)",
        max_length=REASON_LENGTH,
        rows=3,
        help_text="For example, the reason, or what you would like said on an item",
    )
    deputy: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Deputy (optional)",
        queryset=None,
        required=False,
        help_text="Someone who will attend in your place, if anyone",
    )

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deputy"].queryset = people  # type: ignore[attr-defined]
        self.fields["deputy"].empty_label = "No deputy"  # type: ignore[attr-defined]
        self.fields["deputy"].error_messages["invalid_choice"] = "Select your deputy from the list"
        self.fields["note"].error_messages["max_length"] = length_message("note", REASON_LENGTH)


class GuestForm(MeetingForm):
    """Someone in attendance who is not a member: an officer or a guest (docs/domain.md, 7.1)."""

    submit_label = "Add to the meeting"

    person: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Person in the partnership",
        queryset=None,
        required=False,
        help_text="If they are recorded in the partnership; otherwise leave this and enter their name",
    )
    name = forms.CharField(
        label="Name", max_length=200, required=False, help_text="Leave blank to use the person chosen above"
    )
    role = forms.CharField(
        label="Role or organisation",
        max_length=200,
        help_text="For example, Partnership Business Manager, or Head of Virtual School, Riverside Council",
    )

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["role"].error_messages["required"] = "Enter their role or organisation"

    def clean(self) -> dict:
        data = super().clean() or {}
        if not data.get("person") and not (data.get("name") or "").strip() and "name" not in self.errors:
            self.add_error("name", "Enter the name of the person in attendance, or choose them from the list")
        return data


class MinutesForm(MeetingForm):
    """The summary and each item's discussion in one form; the version read guards against overwrites."""

    submit_label = "Save minutes"

    minutes_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    summary = text_area("Summary", max_length=NARRATIVE_LENGTH, help_text="The main points")

    def __init__(self, *args: object, items: Sequence = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # GovForm gives whole numbers a text box; the version is internal, so it stays hidden.
        self.fields["minutes_version"].widget = forms.HiddenInput()
        self.items = list(items)
        for number, item in enumerate(self.items, start=1):
            self.fields[f"discussion_{item.pk}"] = text_area(
                f"{number}. {item.title}: discussion", max_length=NARRATIVE_LENGTH, rows=6
            )
            self.fields[f"discussion_{item.pk}"].initial = item.discussion
        self.helper.layout = self.helper.build_default_layout(self)

    def clean(self) -> dict:
        data = super().clean() or {}
        data["discussions"] = {item.pk: data.get(f"discussion_{item.pk}", "") for item in self.items}
        return data

    def catch_up(self, version: int) -> None:
        """After a refused save, the next save starts from the version now saved (the text stays)."""
        self.data = {**self.data.dict(), "minutes_version": str(version)}  # type: ignore[attr-defined]


class DecisionForm(MeetingForm):
    submit_label = "Add decision"
    text = text_area("Decision", max_length=SUMMARY_LENGTH, required=True, rows=4)


class ActionForm(MeetingForm):
    submit_label = "Add action"

    title = forms.CharField(label="Action", max_length=300)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(label="Owner", queryset=None)
    due_date = GovDateField(label="Due date", help_text="For example, 27 3 2026")
    description = text_area("Description", max_length=SUMMARY_LENGTH, rows=4)

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["title"].error_messages["required"] = "Enter the action"


class WorkplanItemForm(MeetingForm):
    title = forms.CharField(label="Workplan item", max_length=300)
    priority: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Linked priority", queryset=None, required=False
    )
    lead: forms.ModelChoiceField = forms.ModelChoiceField(label="Lead", queryset=None, required=False)
    due_date = GovDateField(label="Due date", required=False, help_text="For example, 27 3 2026")
    planned_meeting: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Meeting it comes to",
        queryset=None,
        required=False,
        help_text="A meeting of this group or of the Board",
    )
    is_done = forms.BooleanField(label="Done", required=False)

    def __init__(
        self,
        *args: object,
        priorities: object = None,
        people: object = None,
        meetings: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        group_priorities_by_plan(self.fields["priority"], priorities)
        self.fields["lead"].queryset = people  # type: ignore[attr-defined]
        meeting_field = self.fields["planned_meeting"]
        meeting_field.queryset = meetings  # type: ignore[attr-defined]
        meeting_field.label_from_instance = _meeting_label  # type: ignore[attr-defined]
        self.fields["title"].error_messages["required"] = "Enter the workplan item"


def _meeting_label(meeting: object) -> str:

    start = timezone.localtime(meeting.starts_at)  # type: ignore[attr-defined]
    return f"{meeting.group.name}, {long_date(start)}"  # type: ignore[attr-defined]


class YearForm(BoundedForm):
    """The reporting year chooser on the compliance page (GET)."""

    year = forms.TypedChoiceField(label="Reporting year", coerce=int, choices=())

    def __init__(self, *args: object, years: Sequence[int] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [  # type: ignore[attr-defined]
            (y, f"April {y} to March {y + 1}") for y in years
        ]
