"""Forms of independent scrutiny and the statement of assurance: GOV.UK questions; the services
check the rules."""

from django import forms

from masa.assurance.forms import AssuranceForm, FindingResponseForm
from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.scrutiny.models import ActivityKind, ActivityStatus, ResponseKind


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Reporting year starting in April of",
        min_value=2000,
        max_value=2100,
        help_text="For example, 2024 for April 2024 to March 2025",
        error_messages={"required": "Enter the year the reporting year starts, for example 2024"},
    )


class PlanForm(AssuranceForm):
    submit_label = "Save the plan"

    year = _year_field()
    summary = text_area("What the plan sets out to do", max_length=SUMMARY_LENGTH, rows=5)


class ActivityForm(AssuranceForm):
    submit_label = "Save the activity"

    kind = forms.ChoiceField(
        label="What kind of activity is it?",
        choices=ActivityKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of activity"},
    )
    title = forms.CharField(
        label="What the activity is",
        max_length=300,
        help_text="For example, observe the Partnership Board",
        error_messages={"required": "Enter what the activity is"},
    )
    planned_on = GovDateField(label="Date planned", noun="date planned", help_text="For example, 12 6 2024")
    status = forms.ChoiceField(
        label="Status",
        choices=ActivityStatus.choices,
        widget=forms.RadioSelect,
        initial=ActivityStatus.PLANNED,
        error_messages={"required": "Select the status of the activity"},
    )
    done_on = GovDateField(
        label="Date done", noun="date done", required=False, help_text="Needed once it is done"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["planned_on"].error_messages["required"] = "Enter the date the activity is planned for"


class FindingForm(AssuranceForm):
    submit_label = "Save the finding"

    text = text_area(
        "What the scrutineer found",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=5,
        help_text="The partnership responds; a finding it accepts becomes an action in the action tracker",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter what the scrutineer found"


class ResponseForm(FindingResponseForm):
    response_kinds = ResponseKind.choices
    owner_hint = "Needed when the partnership accepts a finding, in whole or in part"


class CommentForm(AssuranceForm):
    submit_label = "Save the comment"

    year = _year_field()
    text = text_area(
        "The scrutineer's comment on the year",
        max_length=NARRATIVE_LENGTH,
        required=True,
        rows=10,
        help_text="The words the yearly report quotes",
    )
    publish = forms.BooleanField(
        label="Publish it: every member of the partnership can read it", required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter the scrutineer's comment"


class StatementForm(AssuranceForm):
    submit_label = "Save the statement"

    year = _year_field()
    text = text_area("Statement of assurance", max_length=NARRATIVE_LENGTH, required=True, rows=12)
    reason = text_area(
        "Why is the text being changed?",
        max_length=REASON_LENGTH,
        rows=3,
        help_text="Needed once a lead safeguarding partner has signed it off: every sign-off will be cleared",
    )

    def __init__(self, *args: object, signed: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter the text of the statement of assurance"
        if not signed:
            self.drop_fields("reason")


class SignOffForm(AssuranceForm):
    submit_label = "Sign off the statement"

    signed_on = GovDateField(
        label="Date of your sign-off", noun="date of the sign-off", help_text="For example, 12 9 2024"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].error_messages["required"] = "Enter the date of the sign-off"
