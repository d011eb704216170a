"""Forms of the training coordinator's course and session pages (docs/domain.md, "21.2 Courses,
sessions and the public calendar"): GOV.UK questions; the services check the rules again."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from masa.core.bounds import REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, GovForm, text_area
from masa.governance.forms import time_field
from masa.training.models import ChargePolicy, Level
from masa.training.services.courses import END_BEFORE_START, PLACE_NEEDED


class _Checkboxes(forms.ModelMultipleChoiceField):
    def __init__(self, label: str, noun: str, **kwargs: Any) -> None:
        super().__init__(
            label=label, queryset=None, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )
        self.noun = noun

    def name_errors(self) -> None:
        """After GovForm's wording for single choices: these take several."""
        message = f"Select {self.noun} from the list"  # noqa: S608 (not SQL)
        self.error_messages["invalid_choice"] = self.error_messages["invalid_pk_value"] = message


class _PriorityCheckboxes(_Checkboxes):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.plan.period} plan)"


class _TopicCheckboxes(_Checkboxes):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.analysis.title})"


class CourseForm(GovForm):
    submit_label = "Save the course"

    title = forms.CharField(label="Title", max_length=200)
    slug = forms.CharField(
        label="Web address (optional)",
        max_length=200,
        required=False,
        help_text="Letters, numbers and hyphens, like neglect-awareness; made from the title if left empty",
    )
    summary = text_area("Summary", max_length=SUMMARY_LENGTH, required=True, rows=3)
    level = forms.ChoiceField(label="Level", choices=Level.choices, widget=forms.RadioSelect)
    audience = forms.CharField(label="Who it is for", max_length=300)
    learning_outcomes = text_area(
        "Learning outcomes", max_length=SUMMARY_LENGTH, required=True, help_text="One outcome per line"
    )
    priorities = _PriorityCheckboxes("Partnership priorities it supports", "priorities")
    themes = _Checkboxes("Themes from reviews it answers", "themes")
    needs_topics = _TopicCheckboxes("Needs analysis topics it answers", "needs analysis topics")
    cpd_hours = forms.DecimalField(
        label="CPD hours", max_digits=4, decimal_places=1, help_text="For example, 3 or 1.5"
    )
    trainer = forms.CharField(label="Trainer", max_length=200, help_text="The trainer or training team")
    charge_policy = forms.ChoiceField(
        label="Charges for places not used", choices=ChargePolicy.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, priorities: Any, themes: Any, needs_topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = priorities  # type: ignore[attr-defined]
        self.fields["themes"].queryset = themes  # type: ignore[attr-defined]
        self.fields["needs_topics"].queryset = needs_topics  # type: ignore[attr-defined]
        cpd = self.fields["cpd_hours"]
        cpd.error_messages["invalid"] = "The CPD hours must be a number, like 3 or 1.5"
        for key in ("max_digits", "max_decimal_places", "max_whole_digits"):
            cpd.error_messages[key] = "The CPD hours must be less than 1000, with at most one decimal place"
        for name in ("priorities", "themes", "needs_topics"):
            self.fields[name].name_errors()  # type: ignore[attr-defined]
            if not self.fields[name].queryset.exists():  # type: ignore[attr-defined]
                self.drop_fields(name)

    def clean_cpd_hours(self) -> Decimal:
        hours = self.cleaned_data["cpd_hours"]
        if hours is not None and hours <= 0:
            raise forms.ValidationError("The CPD hours must be more than 0")
        return hours


class SessionForm(GovForm):
    submit_label = "Save the session"

    date = GovDateField(label="Date", help_text="For example, 27 3 2026")
    start_time = time_field("Start time")
    end_time = time_field("End time")
    venue = forms.CharField(
        label="Venue", max_length=300, required=False, help_text="The room and address, if in person"
    )
    online_link = forms.URLField(
        label="Online link",
        max_length=200,
        required=False,
        help_text="The link to join, if online",
        assume_scheme="https",
    )
    capacity = forms.IntegerField(label="Capacity (places)", min_value=1, max_value=1000)
    trainer = forms.CharField(
        label="Trainer (optional)",
        max_length=200,
        required=False,
        help_text="If not the course's usual trainer",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["online_link"].error_messages["invalid"] = (
            "Enter the online link as a web address, like https://meet.example.org/training"
        )
        for key in ("min_value", "max_value"):
            self.fields["capacity"].error_messages[key] = "The capacity must be between 1 and 1000 places"

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", END_BEFORE_START)
        if not data.get("venue") and not data.get("online_link") and "online_link" not in self.errors:
            self.add_error("venue", PLACE_NEEDED)
        return data


def session_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A session form's answers in the shape `services.courses.session_save` takes (times in London)."""
    return {
        "starts_at": timezone.make_aware(datetime.combine(data["date"], data["start_time"])),
        "ends_at": timezone.make_aware(datetime.combine(data["date"], data["end_time"])),
        "venue": data.get("venue", ""),
        "online_link": data.get("online_link", ""),
        "capacity": data["capacity"],
        "trainer": data.get("trainer", ""),
    }


def session_initial(session: Any) -> dict[str, Any]:
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    return {
        "date": starts.date(),
        "start_time": starts.strftime("%H:%M"),
        "end_time": ends.strftime("%H:%M"),
        "venue": session.venue,
        "online_link": session.online_link,
        "capacity": session.capacity,
        "trainer": session.trainer,
    }


class CancelSessionForm(GovForm):
    submit_label = "Cancel the session"

    reason = text_area(
        "Why is the session cancelled?",
        max_length=REASON_LENGTH,
        required=True,
        help_text="Everyone booked or on the waiting list is emailed this reason",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the session is cancelled"
