"""Forms of professional escalations: GOV.UK questions; the services check the rules."""

from django import forms

from masa.assurance.forms import AssuranceForm, action_due_field, action_group_field, action_owner_field
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.escalations.models import Stage


class EscalationForm(AssuranceForm):
    submit_label = "Raise the escalation"

    raised_on = GovDateField(label="Date the escalation was raised", help_text="For example, 2 5 2024")
    raised_by_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency raising it", queryset=None, help_text="Your agency, or the agency you raise it for"
    )
    raised_by_role = forms.CharField(
        label="Role of the person raising it",
        max_length=100,
        help_text="A role, not a name: for example, Social worker or School designated safeguarding lead",
    )
    agencies: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Other agencies involved",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="The agencies the disagreement is with",
    )
    child_reference = forms.CharField(
        label="Child's reference (optional)",
        max_length=100,
        required=False,
        help_text="A pseudonymised reference such as Child A: never a name or a date of birth",
    )
    concern = text_area(
        "What the disagreement is about",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=5,
        help_text="Describe the professional disagreement without naming the child, family or staff",
    )
    themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Themes (optional)", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: object, agencies: object = None, themes: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("raised_by_agency", agencies)
        self.set_queryset("agencies", agencies)
        self.set_queryset("themes", themes)
        messages = {
            "raised_on": "Enter the date the escalation was raised",
            "raised_by_agency": "Select the agency raising the escalation",
            "raised_by_role": "Enter the role of the person raising it, for example Social worker",
            "agencies": "Select the other agencies involved",
            "concern": "Enter what the disagreement is about",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message


class AdvanceForm(AssuranceForm):
    submit_label = "Move to the stage"

    stage = forms.TypedChoiceField(
        label="Stage it moves to",
        coerce=int,
        choices=[(s.value, s.label) for s in Stage if s.value > 1],
        widget=forms.RadioSelect,
    )
    started_on = GovDateField(label="Date the stage started", help_text="For example, 20 6 2024")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].error_messages["required"] = "Select the stage the escalation moves to"
        self.fields["started_on"].error_messages["required"] = "Enter the date the stage started"


class ResolveForm(AssuranceForm):
    submit_label = "Record the resolution"

    resolved_on = GovDateField(label="Date resolved", help_text="For example, 30 6 2024")
    resolution = text_area(
        "How it was resolved", max_length=SUMMARY_LENGTH, required=True, rows=5, help_text="What was agreed"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resolved_on"].error_messages["required"] = "Enter the date the escalation was resolved"
        self.fields["resolution"].error_messages["required"] = "Enter how the escalation was resolved"


class FollowUpForm(AssuranceForm):
    submit_label = "Add the follow-up action"

    text = forms.CharField(label="Follow-up action", max_length=300)
    owner = action_owner_field("The action goes to the action tracker")
    due_date = action_due_field()
    group = action_group_field()

    def __init__(self, *args: object, people: object = None, groups: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.offer_action_fields(people, groups)
        self.fields["text"].error_messages["required"] = "Enter the follow-up action"
