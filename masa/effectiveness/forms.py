"""Forms of the effectiveness review: GOV.UK questions; the services check the rules."""

from django import forms

from masa.assurance.forms import AssuranceForm, FindingResponseForm
from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.effectiveness.models import DESCRIPTORS, FindingKind, ResponseKind, SelfRating


class EffectivenessForm(AssuranceForm):
    """The assurance pages' question form: "Choose one" or "None" as a list's empty choice."""


class ReviewForm(EffectivenessForm):
    submit_label = "Save the review"

    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Partnership Effectiveness Review 2023"
    )
    period_start = GovDateField(
        label="Date the period starts", noun="date the period starts", help_text="For example, 1 4 2023"
    )
    period_end = GovDateField(
        label="Date the period ends", noun="date the period ends", help_text="For example, 31 3 2024"
    )
    reviewer_name = forms.CharField(
        label="Reviewer", max_length=200, required=False, help_text="Who carried out the review"
    )
    reviewer_organisation = forms.CharField(label="Reviewer's organisation", max_length=200, required=False)
    commissioned_on = GovDateField(label="Date the review was commissioned", required=False)
    reported_on = GovDateField(label="Date the review reported", required=False)
    summary = text_area("Summary", max_length=SUMMARY_LENGTH, rows=5)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the title of the review"
        self.fields["period_start"].error_messages["required"] = "Enter the date the period starts"
        self.fields["period_end"].error_messages["required"] = "Enter the date the period ends"


RATING_CHOICES = [(r.value, r.label) for r in SelfRating]


class AssessmentForm(EffectivenessForm):
    submit_label = "Save the self-evaluation"

    rating = forms.TypedChoiceField(
        label="How well does the partnership meet the principle?",
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    narrative = text_area("Self-evaluation", max_length=NARRATIVE_LENGTH, required=True, rows=6)
    evidence = text_area(
        "Evidence",
        max_length=SUMMARY_LENGTH,
        rows=4,
        help_text="Where the evidence is: reports, audits, minutes, figures",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        rating = self.fields["rating"]
        rating.error_messages["required"] = "Select how well the partnership meets the principle"
        rating.help_text = " ".join(f"{r.label}: {DESCRIPTORS[r]}" for r in SelfRating)
        self.fields["narrative"].error_messages["required"] = "Enter the self-evaluation of the principle"


class FindingForm(EffectivenessForm):
    submit_label = "Save the finding"

    kind = forms.ChoiceField(
        label="What kind of finding is it?",
        choices=FindingKind.choices,
        widget=forms.RadioSelect,
        help_text="A recommendation the partnership accepts becomes an action in the action tracker",
    )
    text = text_area("What the reviewer found", max_length=SUMMARY_LENGTH, required=True, rows=4)
    principle: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Principle it is about", queryset=None, required=False
    )

    def __init__(self, *args: object, principles: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["required"] = (
            "Select whether the finding is a strength or a recommendation"
        )
        self.fields["text"].error_messages["required"] = "Enter what the reviewer found"
        self.set_queryset("principle", principles)


class ResponseForm(FindingResponseForm):
    response_kinds = ResponseKind.choices
    owner_hint = "Needed when the partnership accepts a recommendation, in whole or in part"


class ReopenForm(EffectivenessForm):
    submit_label = "Reopen the review"

    reason = text_area("Why is the review being reopened?", max_length=REASON_LENGTH, required=True, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the review is being reopened"


class PublishForm(EffectivenessForm):
    submit_label = "Publish the review"
