"""Forms of the serious incident pages: GOV.UK questions; the services check the rules."""

from crispy_forms_gds.layout import Button
from django import forms

from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, GovForm, text_area
from masa.incidents.models import (
    INCIDENT_SUMMARY_LENGTH,
    AgeBand,
    Ethnicity,
    IncidentCategory,
    LocalReviewChoice,
    Sex,
)
from masa.incidents.pseudonyms import MAX_PATTERN_LENGTH

NO_NAMES = "Do not include names, addresses or dates of birth"


class LearningForm(GovForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>


def _user_label(user: object) -> str:
    return getattr(user, "full_name", "") or getattr(user, "email", "")


class IncidentForm(LearningForm):
    submit_label = "Record the incident"

    reference = forms.CharField(label="Reference", max_length=30, help_text="For example, SI-2024-01")
    category = forms.ChoiceField(label="Category", choices=IncidentCategory.choices, widget=forms.RadioSelect)
    care_leaver_death = forms.BooleanField(
        label="A care leaver aged 18 to 24 died",
        required=False,
        help_text="Notified to the Secretary of State and Ofsted; no rapid review is needed",
    )
    date_aware = GovDateField(label="Date the partnership became aware", help_text="For example, 22 12 2023")
    agencies: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Agencies involved", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    summary = text_area("Summary", max_length=INCIDENT_SUMMARY_LENGTH, help_text=NO_NAMES, rows=4)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies  # type: ignore[attr-defined]


class ChildForm(LearningForm):
    submit_label = "Add the child"

    reference = forms.CharField(
        label="Child's reference", max_length=30, help_text="For example, Child A. " + NO_NAMES
    )
    age_band = forms.ChoiceField(label="Age band", choices=AgeBand.choices, widget=forms.RadioSelect)
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(label="Ethnic group", choices=Ethnicity.choices, widget=forms.RadioSelect)


class ChildChangeForm(ChildForm):
    submit_label = "Save the changes"

    reason = text_area(
        "Why are you changing the child's details?",
        max_length=REASON_LENGTH,
        required=True,
        help_text=NO_NAMES,
        rows=3,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why you are changing the child's details"


class ChildRemoveForm(LearningForm):
    submit_label = "Remove the child"

    reason = text_area(
        "Why are you removing the child?", max_length=REASON_LENGTH, required=True, help_text=NO_NAMES, rows=3
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why you are removing the child"
        self.helper.inputs = [Button.warning("submit", self.submit_label)]


class IncidentSettingsForm(LearningForm):
    submit_label = "Save the settings"

    child_reference_pattern = forms.CharField(
        label="Child reference pattern",
        max_length=MAX_PATTERN_LENGTH,
        help_text=(
            "A regular expression your child references follow, such as SI-\\d{4}-\\d{2}-C\\d. "
            "A reference that matches it is not taken for a name. "
            "References that contain a date are always refused"
        ),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )


class NotifyForm(LearningForm):
    submit_label = "Record the notification"

    children: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Children in this notification",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="A notification can include at most 4 children",
    )
    sent_date = GovDateField(label="Date the Panel was notified", help_text="For example, 2 1 2024")

    def __init__(self, *args: object, children: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["children"].queryset = children  # type: ignore[attr-defined]
        self.fields["children"].error_messages["required"] = "Select at least one child"
        self.fields["children"].error_messages["invalid_choice"] = "Select children from the list"
        self.fields["children"].error_messages["invalid_pk_value"] = "Select children from the list"


class CaseTeamForm(LearningForm):
    submit_label = "Save the case team"

    users: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Case team",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only the case team and the business team may open the incident",
    )

    def __init__(self, *args: object, users: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["users"]
        field.queryset = users  # type: ignore[attr-defined]
        field.label_from_instance = _user_label  # type: ignore[attr-defined]
        field.error_messages["invalid_choice"] = "Select people from the list"
        field.error_messages["invalid_pk_value"] = "Select people from the list"


class RapidReviewForm(LearningForm):
    submit_label = "Save"

    submitted_date = GovDateField(
        label="Date the rapid review was sent to the Panel", help_text="For example, 19 1 2024"
    )


# Rapid reviews ------------------------------------------------------------------------------

YES_NO = [("yes", "Yes"), ("no", "No")]


class InformationRequestForm(LearningForm):
    submit_label = "Record the request"

    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, widget=forms.RadioSelect
    )
    requested_on = GovDateField(label="Date requested", help_text="For example, 3 1 2024")
    due_on = GovDateField(label="Due date", help_text="The date the agency agreed to reply by")
    notes = text_area("Notes", max_length=SUMMARY_LENGTH, help_text=NO_NAMES, rows=3)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class InformationReceivedForm(LearningForm):
    submit_label = "Save"

    received_on = GovDateField(label="Date received", help_text="For example, 9 1 2024")


class MeetingForm(LearningForm):
    submit_label = "Save"

    meeting_date = GovDateField(label="Date of the rapid review meeting", help_text="For example, 12 1 2024")


class ReportForm(LearningForm):
    """The sections of the Panel's rapid review template; every section is needed before sign-off."""

    submit_label = "Save the draft"

    facts = text_area("Facts of the case", max_length=NARRATIVE_LENGTH, help_text=NO_NAMES, rows=6)
    immediate_actions = text_area(
        "Immediate safeguarding actions taken", max_length=NARRATIVE_LENGTH, help_text=NO_NAMES, rows=6
    )
    learning = text_area("Learning identified", max_length=NARRATIVE_LENGTH, help_text=NO_NAMES, rows=6)
    recommendation = forms.ChoiceField(
        label="Recommendation on a local review",
        choices=LocalReviewChoice.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    recommendation_reasons = text_area(
        "Reasons for the recommendation", max_length=SUMMARY_LENGTH, help_text=NO_NAMES, rows=4
    )


class SignOffForm(LearningForm):
    submit_label = "Sign off the rapid review"

    confirm = forms.BooleanField(
        label="I confirm, as a delegated safeguarding partner, that this report may go to the Panel",
        help_text="Once signed off, the report can no longer be changed",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confirm"].error_messages["required"] = "Confirm that the report may go to the Panel"


class PanelResponseForm(LearningForm):
    submit_label = "Save the Panel's response"

    response_date = GovDateField(
        label="Date the Panel's response was received", help_text="For example, 2 2 2024"
    )
    agreed = forms.ChoiceField(
        label="Did the Panel agree with the recommendation?", choices=YES_NO, widget=forms.RadioSelect
    )
    comments = text_area("The Panel's comments", max_length=SUMMARY_LENGTH, help_text=NO_NAMES, rows=4)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed"].error_messages["required"] = (
            "Select whether the Panel agreed with the recommendation"
        )


class DecisionForm(LearningForm):
    submit_label = "Record the decision"

    decision = forms.ChoiceField(
        label="The partnership's decision", choices=LocalReviewChoice.choices, widget=forms.RadioSelect
    )
    decision_date = GovDateField(label="Date of the decision", help_text="For example, 9 2 2024")
    reason = text_area(
        "Reason for the decision", max_length=SUMMARY_LENGTH, required=True, help_text=NO_NAMES, rows=4
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].error_messages["required"] = "Select the partnership's decision"
        self.fields["reason"].error_messages["required"] = "Enter the reason for the decision"
