"""Forms of the learning review and theme pages: GOV.UK questions; the services check the rules."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button
from django import forms

from masa.core.bounds import NARRATIVE_LENGTH, SUMMARY_LENGTH
from masa.core.forms import BoundedForm, FilterForm, GovDateField, GovForm, text_area
from masa.reviews.models import RAPID_REVIEW_EDITABLE, RECORDED_KINDS, Assurance, ReviewKind, ReviewStatus

NO_NAMES = "Do not include names, addresses or dates of birth"
SELECT_FROM_LIST = "Select {label} from the list"


class ReviewsForm(GovForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.error_messages["invalid_choice"] = SELECT_FROM_LIST.format(label=name)
                field.error_messages["invalid_pk_value"] = SELECT_FROM_LIST.format(label=name)
            elif isinstance(field, forms.ModelChoiceField):
                field.empty_label = "Choose one" if field.required else "None"

    def _build_helper(self) -> None:
        super()._build_helper()
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>

    def set_queryset(self, name: str, queryset: object) -> None:
        self.fields[name].queryset = queryset  # type: ignore[attr-defined]


def _text(
    label: str, *, required: bool = True, rows: int = 4, help_text: str = "", max_length: int = SUMMARY_LENGTH
) -> forms.CharField:
    return text_area(label, max_length=max_length, required=required, help_text=help_text, rows=rows)


# Themes ----------------------------------------------------------------------------------------


class ThemeForm(ReviewsForm):
    submit_label = "Save the theme"

    name = forms.CharField(label="Name", max_length=80)
    slug = forms.CharField(
        label="Web address",
        max_length=80,
        required=False,
        help_text="Lowercase letters, numbers and hyphens, for example online-harm. "
        "Leave blank to make it from the name",
    )
    description = _text("Description", required=False, rows=3)
    is_active = forms.BooleanField(
        label="In use", required=False, help_text="Untick to retire the theme: its history is kept"
    )

    def __init__(self, *args: object, editing: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            self.drop_fields("is_active")
        else:
            self.fields["slug"].required = True
            self.fields["slug"].help_text = "Lowercase letters, numbers and hyphens, for example online-harm"


# Reviews ---------------------------------------------------------------------------------------


class ReviewFilterForm(FilterForm):
    """The GET filters of the review list (all optional)."""

    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any kind"), *ReviewKind.choices])
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *ReviewStatus.choices]
    )
    theme = forms.ChoiceField(label="Theme", required=False)

    def __init__(self, *args: object, themes: object = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["theme"].choices = [("", "Any theme"), *((t.slug, t.name) for t in themes)]  # type: ignore[attr-defined]


class ReviewKindForm(BoundedForm):
    """The first question when recording a review: which kind (the next page asks for its details)."""

    kind = forms.ChoiceField(
        label="What kind of review is it?",
        choices=[(kind.value, kind.label) for kind in RECORDED_KINDS],
        widget=forms.RadioSelect,
        help_text="Rapid reviews are recorded from their serious incident",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["kind"].error_messages["required"] = "Select the kind of review"
        self.fields["kind"].error_messages["invalid_choice"] = "Select the kind of review"
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.form_method = "get"
        self.helper.legend_size = "m"
        self.helper.add_input(Button("next", "Continue"))


# Fields asked only for some kinds of review.
LCSPR_FIELDS = (
    "decision_date",
    "reviewer_name",
    "reviewer_commissioned_date",
    "terms_of_reference",
    "final_report_received_date",
    "final_report",
    "publication_date",
    "published_url",
    "panel_copy_sent_date",
    "secretary_of_state_copy_sent_date",
)
NATIONAL_FIELDS = ("source_organisation", "source_url", "publication_date")


class ReviewForm(ReviewsForm):
    submit_label = "Save the review"

    reference = forms.CharField(label="Reference", max_length=30, help_text='For example, "LLR-2024-01"')
    title = forms.CharField(label="Title", max_length=200)
    summary = _text("Summary", required=False, help_text="What the review is about. " + NO_NAMES)
    status = forms.ChoiceField(label="Status", choices=ReviewStatus.choices, widget=forms.RadioSelect)
    themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Themes", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    incident: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Serious incident", queryset=None, required=False
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group overseeing the review", queryset=None, required=False
    )
    lead: forms.ModelChoiceField = forms.ModelChoiceField(label="Review lead", queryset=None, required=False)
    start_date = GovDateField(
        label="Date the review started", required=False, help_text="For example, 4 3 2024"
    )
    completed_date = GovDateField(label="Date the review was completed", required=False)
    decision_date = GovDateField(
        label="Date of the decision to hold the review",
        required=False,
        help_text="Starts the 6-month guide for the final report (Working Together 2023 ch.5)",
    )
    reviewer_name = forms.CharField(label="Independent reviewer", max_length=200, required=False)
    reviewer_commissioned_date = GovDateField(label="Date the reviewer was commissioned", required=False)
    terms_of_reference = _text("Terms of reference", required=False, rows=6, max_length=NARRATIVE_LENGTH)
    final_report_received_date = GovDateField(label="Date the final report was received", required=False)
    final_report = forms.FileField(
        label="Final report",
        required=False,
        allow_empty_file=True,  # the service names the empty file in its message
        help_text="A PDF or Word (DOCX) file, up to 20 MB. Leave empty to keep the current report",
    )
    publication_date = GovDateField(label="Publication date", required=False)
    published_url = forms.URLField(
        label="Published at (web address)", required=False, max_length=200, assume_scheme="https"
    )
    panel_copy_sent_date = GovDateField(
        label="Date the copy was sent to the Panel",
        required=False,
        help_text="Working Together 2023 expects it at least 7 working days before publication",
    )
    secretary_of_state_copy_sent_date = GovDateField(
        label="Date the copy was sent to the Secretary of State",
        required=False,
        help_text="Working Together 2023 expects it at least 7 working days before publication",
    )
    source_organisation = forms.CharField(
        label="Published by",
        max_length=200,
        required=False,
        help_text="For example, the Child Safeguarding Practice Review Panel or another partnership",
    )
    source_url = forms.URLField(
        label="Web address of the review", required=False, max_length=200, assume_scheme="https"
    )

    def __init__(
        self,
        *args: object,
        kind: str,
        themes: object = None,
        incidents: object = None,
        groups: object = None,
        people: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        keep = {"themes", *RAPID_REVIEW_EDITABLE}
        if kind != ReviewKind.RAPID_REVIEW:
            keep |= {"reference", "status", "start_date", "completed_date"}
        if kind == ReviewKind.LCSPR:
            keep |= set(LCSPR_FIELDS)
        if kind == ReviewKind.NATIONAL:
            keep |= set(NATIONAL_FIELDS)
            self.fields["publication_date"].label = "Date the review was published"
        if kind == ReviewKind.LCSPR:
            keep.add("incident")
        self.drop_fields(*[name for name in self.fields if name not in keep])
        self.set_queryset("themes", themes)
        self.set_queryset("group", groups)
        self.set_queryset("lead", people)
        if "incident" in self.fields:
            self.set_queryset("incident", incidents)
        for name in ("published_url", "source_url"):
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = (
                    "Enter a web address in the correct format, like https://www.example.org/review"
                )
        if "status" in self.fields:
            self.fields["status"].error_messages["required"] = "Select the status"


# The chain: findings, recommendations, actions --------------------------------------------------


class MilestoneForm(ReviewsForm):
    submit_label = "Save the milestone"

    title = forms.CharField(label="Milestone", max_length=200, help_text="For example, panel meeting")
    due_date = GovDateField(label="Due date", help_text="For example, 30 4 2024")
    completed_date = GovDateField(label="Date completed", required=False)


class QuestionForm(ReviewsForm):
    submit_label = "Save the question"

    text = _text("Question for the safeguarding partners", rows=3)
    response = _text("The partners' response", required=False, rows=5)


class NationalRecommendationForm(ReviewsForm):
    submit_label = "Save"

    text = _text("Recommendation or learning", rows=3)
    assurance = forms.ChoiceField(
        label="How assured is the partnership?",
        choices=[("", "Not assessed yet"), *Assurance.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    evidence = _text("Evidence", required=False, rows=5, help_text="What local practice shows against it")
    assessed_on = GovDateField(label="Date assessed", required=False, help_text="Leave empty for today")


class FindingForm(ReviewsForm):
    submit_label = "Save the finding"

    text = _text("Finding", help_text=NO_NAMES)
    is_good_practice = forms.ChoiceField(
        label="Is this good practice or learning?",
        choices=[("learning", "Learning: something to improve"), ("good", "Good practice: assurance")],
        widget=forms.RadioSelect,
    )
    themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Themes", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, themes: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("themes", themes)
        self.fields["is_good_practice"].error_messages["required"] = (
            "Select whether this is good practice or learning"
        )


class RecommendationForm(ReviewsForm):
    submit_label = "Save the recommendation"

    text = _text("Recommendation")
    finding: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Finding it follows", queryset=None, required=False
    )
    accountable_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Accountable agency", queryset=None, required=False
    )

    def __init__(
        self, *args: object, findings: object = None, agencies: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("finding", findings)
        self.set_queryset("accountable_agency", agencies)
        self.fields["finding"].label_from_instance = lambda f: f"{f.number}. {f.text[:90]}"  # type: ignore[attr-defined]


class RecommendationActionForm(ReviewsForm):
    submit_label = "Add the action"

    title = forms.CharField(label="Action", max_length=300)
    description = _text("Details", required=False, rows=3)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(label="Owner", queryset=None)
    due_date = GovDateField(label="Due date", help_text="For example, 31 10 2024")
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group that oversees it", queryset=None, required=False
    )

    def __init__(self, *args: object, people: object = None, groups: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("owner", people)
        self.set_queryset("group", groups)
        self.fields["owner"].label_from_instance = lambda p: f"{p.name} ({p.agency.name})"  # type: ignore[attr-defined]
        self.fields["owner"].error_messages["required"] = "Select the owner"
