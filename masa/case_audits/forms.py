"""Forms of multi-agency audits: GOV.UK questions; the services check the rules again, so a
form's answer that breaks one is refused there too."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button
from django import forms

from masa.assurance.forms import AssuranceForm, action_due_field, action_owner_field
from masa.case_audits.models import AgeBand, AgencyReturn, AuditCase, AuditGrade, AuditQuestion, FindingKind
from masa.core import bounds
from masa.core.bounds import REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area

GRADE_CHOICE = "Select a grade from the tool's scale for question {number}"


class ToolForm(AssuranceForm):
    submit_label = "Create the tool"

    name = forms.CharField(
        label="Name of the tool", max_length=200, help_text="For example, Neglect multi-agency audit tool"
    )
    description = text_area("Description (optional)", max_length=SUMMARY_LENGTH, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the name of the audit tool"


class QuestionForm(AssuranceForm):
    submit_label = "Save the question"

    text = forms.CharField(label="Question", max_length=500)
    guidance = text_area("Guidance for auditors (optional)", max_length=SUMMARY_LENGTH, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter the question"


class GradeForm(AssuranceForm):
    submit_label = "Save the grade"

    label = forms.CharField(label="Name of the grade", max_length=100)
    descriptor = text_area("What it looks like", max_length=SUMMARY_LENGTH, required=True, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].error_messages["required"] = "Enter the name of the grade"
        self.fields["descriptor"].error_messages["required"] = "Enter what the grade looks like"


class AuditForm(AssuranceForm):
    submit_label = "Open the audit"

    tool: forms.ModelChoiceField = forms.ModelChoiceField(label="Audit tool", queryset=None)
    topic = forms.CharField(label="Topic", max_length=200, help_text="For example, Neglect")
    theme = forms.CharField(label="Priority or theme it tests (optional)", max_length=200, required=False)
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group that commissioned it (optional)", queryset=None, required=False
    )
    agencies: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Agencies taking part",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each completes its part for every case in the sample",
    )
    opened_on = GovDateField(label="Date the audit opens", help_text="For example, 1 11 2023")
    agency_deadline = GovDateField(label="Deadline for agencies", help_text="For example, 30 11 2023")
    moderation_on = GovDateField(
        label="Date of the moderation meeting (optional)", required=False, help_text="For example, 12 12 2023"
    )

    def __init__(
        self,
        *args: object,
        tools: object = None,
        groups: object = None,
        agencies: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("tool", tools)
        self.set_queryset("group", groups)
        self.set_queryset("agencies", agencies)
        messages = {
            "tool": "Select the audit tool",
            "topic": "Enter the topic of the audit",
            "agencies": "Select the agencies taking part",
            "opened_on": "Enter the date the audit opens",
            "agency_deadline": "Enter the deadline for agencies",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message


class CaseForm(AssuranceForm):
    submit_label = "Add the case"

    reference = forms.CharField(
        label="Case reference",
        max_length=100,
        help_text="The pseudonymised reference only, such as Child A: never a name or a date of birth",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    age_band = forms.ChoiceField(
        label="Age band (optional)", choices=[("", "Not given"), *AgeBand.choices], required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reference"].error_messages["required"] = "Enter the case reference"


def grade_choices(grades: list[AuditGrade]) -> list[Choice]:
    return [Choice(g.value, f"{g.value} {g.label}", hint=g.descriptor) for g in grades]


def _grade_field(question: AuditQuestion, grades: list[AuditGrade], *, required: bool = False) -> forms.Field:
    return forms.TypedChoiceField(
        label=f"Question {question.number}: {question.text}",
        help_text=question.guidance,
        choices=grade_choices(grades),
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": GRADE_CHOICE.format(number=question.number),
            "required": f"Select a grade for question {question.number}",
        },
    )


class PartForm(AssuranceForm):
    """An agency's part for one case: a grade and a comment for each question."""

    def __init__(
        self, *args: object, questions: list[AuditQuestion], grades: list[AuditGrade], **kwargs: object
    ) -> None:
        self.questions = questions
        super().__init__(*args, **kwargs)
        for q in questions:
            self.fields[f"grade_{q.pk}"] = _grade_field(q, grades)
            self.fields[f"comment_{q.pk}"] = text_area(
                f"Comment on question {q.number}", max_length=SUMMARY_LENGTH, rows=3
            )
            self.fields[f"comment_{q.pk}"].error_messages["max_length"] = bounds.length_message(
                f"comment on question {q.number}", SUMMARY_LENGTH
            )
        self._build_helper()

    def _build_helper(self) -> None:
        super()._build_helper()
        self.helper.inputs = []
        self.helper.add_input(Button("submit_part", "Submit your part"))
        self.helper.add_input(Button("save_draft", "Save as draft", css_class="govuk-button--secondary"))

    def answers(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            q.pk: {"grade": data.get(f"grade_{q.pk}"), "comment": data.get(f"comment_{q.pk}") or ""}
            for q in self.questions
        }


def part_initial(agency_return: AgencyReturn) -> dict:
    initial: dict = {}
    for answer in agency_return.answers.all():
        initial[f"grade_{answer.question_id}"] = answer.grade
        initial[f"comment_{answer.question_id}"] = answer.comment
    return initial


class ReopenForm(AssuranceForm):
    submit_label = "Reopen the part"

    reason = text_area("Why is the part being reopened?", max_length=REASON_LENGTH, required=True, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the part is being reopened"


class ModerationForm(AssuranceForm):
    """The moderation meeting's agreed grade for each question of one case, with the rationale."""

    submit_label = "Save the agreed grades"

    moderation_on = GovDateField(label="Date of the moderation meeting", help_text="For example, 12 12 2023")

    def __init__(
        self,
        *args: object,
        questions: list[AuditQuestion],
        grades: list[AuditGrade],
        agency_grades: dict[int, str],
        **kwargs: object,
    ) -> None:
        self.questions = questions
        super().__init__(*args, **kwargs)
        self.fields["moderation_on"].error_messages["required"] = "Enter the date of the moderation meeting"
        for q in questions:
            field = _grade_field(q, grades, required=True)
            field.help_text = f"Agencies' grades: {agency_grades.get(q.pk) or 'none submitted'}"
            self.fields[f"grade_{q.pk}"] = field
            self.fields[f"rationale_{q.pk}"] = text_area(
                f"Rationale for question {q.number} (optional)", max_length=SUMMARY_LENGTH, rows=2
            )
        self._build_helper()

    def grades(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            q.pk: {"grade": data.get(f"grade_{q.pk}"), "rationale": data.get(f"rationale_{q.pk}") or ""}
            for q in self.questions
        }


def moderation_initial(case: AuditCase) -> dict:
    initial: dict = {"moderation_on": case.audit.moderation_on}
    for row in case.moderated_grades.all():
        initial[f"grade_{row.question_id}"] = row.grade
        initial[f"rationale_{row.question_id}"] = row.rationale
    return initial


class FindingForm(AssuranceForm):
    submit_label = "Add the finding"

    kind = forms.ChoiceField(label="Kind of finding", choices=FindingKind.choices, widget=forms.RadioSelect)
    text = text_area("Finding", max_length=SUMMARY_LENGTH, required=True, rows=4)
    owner = action_owner_field("Needed for an area for development: its action goes to the action tracker")
    due_date = action_due_field()

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.offer_action_fields(people)
        self.fields["kind"].error_messages["required"] = "Select the kind of finding"
        self.fields["text"].error_messages["required"] = "Enter the finding"


class CompleteForm(AssuranceForm):
    submit_label = "Complete and publish the audit"

    summary = text_area(
        "Summary for practitioners",
        max_length=SUMMARY_LENGTH,
        required=True,
        rows=6,
        help_text="Practitioners see this with the findings and learning: no case references or grades",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["summary"].error_messages["required"] = "Enter the summary for practitioners"
