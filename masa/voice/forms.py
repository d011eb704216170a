"""Forms of the voice of children and families: GOV.UK questions; the services check the rules."""

from typing import Any

from django import forms

from masa.assurance.forms import AssuranceForm
from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.voice.models import ActivityKind, EntryStatus

NO_NAMES = (
    "Do not name or describe anyone in a way that identifies them: no names, initials, schools or "
    "addresses. masa refuses titles with names, email addresses and phone numbers"
)


def _count(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False)


def action_label(action: Any) -> str:
    return f"{action.reference}: {action.title}"


class ActivityForm(AssuranceForm):
    submit_label = "Save the activity"

    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Youth Council session on online safety"
    )
    held_on = GovDateField(
        label="Date of the activity", noun="date of the activity", help_text="For example, 16 1 2024"
    )
    kind = forms.ChoiceField(label="Kind of activity", choices=ActivityKind.choices, widget=forms.RadioSelect)
    forum = forms.CharField(
        label="Group or forum",
        max_length=200,
        required=False,
        help_text="For example, Youth Council or Corporate Parenting Board",
    )
    aged_under_11 = _count("Under 11")
    aged_11_to_15 = _count("11 to 15")
    aged_16_to_17 = _count("16 to 17")
    aged_18_to_25 = _count("18 to 25")
    adults = _count("Parents, carers and other adults")
    care_experienced = _count("Of whom care-experienced")
    young_carers = _count("Of whom young carers")
    with_send = _count("Of whom with special educational needs or disabilities")
    what_they_said = text_area(
        "What they said", max_length=NARRATIVE_LENGTH, required=True, rows=6, help_text=NO_NAMES
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the title of the activity"
        self.fields["held_on"].error_messages["required"] = "Enter the date of the activity"
        self.fields["kind"].error_messages["required"] = "Select what kind of activity it was"
        self.fields["what_they_said"].error_messages["required"] = "Enter what children and families said"
        self.fields["aged_under_11"].help_text = (
            "How many took part, by age band: counts only, never names. "
            "Leave a band empty if no one took part"
        )
        self.fields[
            "care_experienced"
        ].help_text = (
            "Someone may belong to more than one group; no group can be bigger than the number who took part"
        )


class EntryForm(AssuranceForm):
    submit_label = "Save the entry"

    you_said = text_area("You said", max_length=SUMMARY_LENGTH, required=True, rows=4, help_text=NO_NAMES)
    we_did = text_area(
        "We did",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=4,
        help_text="What the partnership did, or plans to do, because of it. " + NO_NAMES,
    )
    status = forms.ChoiceField(
        label="Is the change planned or done?", choices=EntryStatus.choices, widget=forms.RadioSelect
    )
    actions: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Actions in the action tracker that carry the change",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Optional. These are never shown on the public page",
    )

    def __init__(self, *args: object, actions: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["you_said"].error_messages["required"] = "Enter what children or families said"
        self.fields["we_did"].error_messages["required"] = "Enter what the partnership did, or plans to do"
        self.fields["status"].error_messages["required"] = "Select whether the change is planned or done"
        self.set_queryset("actions", actions)
        self.fields["actions"].error_messages["invalid_choice"] = (
            "Select actions of this partnership's action tracker"
        )
        self.fields["actions"].label_from_instance = action_label  # type: ignore[attr-defined]


class PublishForm(AssuranceForm):
    submit_label = "Publish on the public page"


class WithdrawForm(AssuranceForm):
    submit_label = "Take it off the public page"

    reason = text_area(
        "Why is it being taken off the public page?", max_length=REASON_LENGTH, required=True, rows=3
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = (
            "Enter why the entry is being taken off the public page"
        )
