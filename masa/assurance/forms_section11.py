"""Forms of the Section 11 and Section 175 self-assessments: GOV.UK questions; the services check
the rules again, so a form's answer that breaks one is refused there too."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Button
from django import forms

from masa.assurance.forms import AssuranceForm
from masa.assurance.models import Rating, Section11Return, StandardsKind
from masa.core import bounds
from masa.core.bounds import REASON_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area

RATING_CHOICE = "Select a rating from 1 to 4"


class DefaultSetForm(AssuranceForm):
    submit_label = "Create the set"

    kind = forms.ChoiceField(
        label="Which of masa's default sets?", choices=StandardsKind.choices, widget=forms.RadioSelect
    )


class StandardForm(AssuranceForm):
    submit_label = "Save the standard"

    title = forms.CharField(label="Title of the standard", max_length=200)
    descriptor_1 = text_area(
        "What 1 (inadequate) looks like", max_length=SUMMARY_LENGTH, required=True, rows=3
    )
    descriptor_2 = text_area(
        "What 2 (requires improvement) looks like", max_length=SUMMARY_LENGTH, required=True, rows=3
    )
    descriptor_3 = text_area("What 3 (good) looks like", max_length=SUMMARY_LENGTH, required=True, rows=3)
    descriptor_4 = text_area(
        "What 4 (outstanding) looks like", max_length=SUMMARY_LENGTH, required=True, rows=3
    )


class CycleForm(AssuranceForm):
    submit_label = "Open the cycle"

    standards_set: forms.ModelChoiceField = forms.ModelChoiceField(label="Standards set", queryset=None)
    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Section 11 audit 2024 to 2025"
    )
    agencies: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Agencies or schools asked",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each gets a return for its agency safeguarding lead to complete",
    )
    opens_on = GovDateField(label="Date the cycle opens", help_text="For example, 1 9 2024")
    deadline = GovDateField(label="Deadline for returns", help_text="For example, 31 10 2024")

    def __init__(self, *args: object, sets: object = None, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("standards_set", sets)
        self.set_queryset("agencies", agencies)
        self.fields["agencies"].error_messages["required"] = (
            "Select the agencies or schools asked to complete a return"
        )
        self.fields["title"].error_messages["required"] = "Enter the title of the cycle"
        self.fields["opens_on"].error_messages["required"] = "Enter the date the cycle opens"
        self.fields["deadline"].error_messages["required"] = "Enter the deadline for returns"


def rating_choices(standard: object) -> list[Choice]:
    return [
        Choice(value, f"{value} {label}", hint=standard.descriptor(value))  # type: ignore[attr-defined]
        for value, label in Rating.choices
    ]


class ReturnForm(AssuranceForm):
    """A rating (1 to 4, each with what it looks like), evidence and a link for every standard."""

    def __init__(self, *args: object, section11_return: Section11Return, **kwargs: object) -> None:
        self.standards = list(section11_return.cycle.standards_set.standards.order_by("number", "pk"))
        super().__init__(*args, **kwargs)
        for standard in self.standards:
            key = f"_{standard.pk}"
            self.fields["rating" + key] = forms.TypedChoiceField(
                label=f"Standard {standard.number}: {standard.title}",
                choices=rating_choices(standard),
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": RATING_CHOICE},
            )
            self.fields["evidence" + key] = text_area(
                f"Evidence for standard {standard.number}", max_length=SUMMARY_LENGTH, rows=4
            )
            self.fields["link" + key] = forms.URLField(
                label=f"Link to evidence for standard {standard.number} (optional)",
                required=False,
                max_length=500,
                assume_scheme="https",
                widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
                error_messages={
                    "invalid": "Enter a web address in the correct format, like https://example.org/"
                },
            )
            self._gov_messages(standard)
        self._build_helper()

    def _gov_messages(self, standard: object) -> None:
        number = standard.number  # type: ignore[attr-defined]
        evidence = self.fields[f"evidence_{standard.pk}"]  # type: ignore[attr-defined]
        evidence.error_messages["max_length"] = bounds.length_message(
            f"evidence for standard {number}", SUMMARY_LENGTH
        )
        link = self.fields[f"link_{standard.pk}"]  # type: ignore[attr-defined]
        link.error_messages["max_length"] = bounds.length_message(f"link for standard {number}", 500)

    def _build_helper(self) -> None:
        super()._build_helper()
        self.helper.inputs = []
        self.helper.add_input(Button("submit_return", "Submit the return"))
        self.helper.add_input(Button("save_draft", "Save as draft", css_class="govuk-button--secondary"))

    def answers(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            s.pk: {
                "rating": data.get(f"rating_{s.pk}"),
                "evidence": data.get(f"evidence_{s.pk}") or "",
                "link": data.get(f"link_{s.pk}") or "",
            }
            for s in self.standards
        }


def return_initial(section11_return: Section11Return) -> dict:
    initial: dict = {}
    for row in section11_return.ratings.all():
        key = f"_{row.standard_id}"
        initial["rating" + key] = row.rating
        initial["evidence" + key] = row.evidence
        initial["link" + key] = row.link
    return initial


class ImprovementForm(AssuranceForm):
    submit_label = "Add the improvement action"

    text = text_area("Improvement action", max_length=REASON_LENGTH, required=True, rows=3)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner", queryset=None, required=False, help_text="Someone in your agency"
    )
    due_date = GovDateField(label="Date it is due", required=False, help_text="For example, 31 3 2025")

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("owner", people)
        self.fields["text"].error_messages["required"] = "Enter the improvement action"


class ReopenForm(AssuranceForm):
    submit_label = "Reopen the return"

    reason = text_area("Why is the return being reopened?", max_length=REASON_LENGTH, required=True, rows=3)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the return is being reopened"


class EvidenceFileForm(AssuranceForm):
    submit_label = "Upload the evidence"

    file = forms.FileField(
        label="Upload a document",
        allow_empty_file=True,  # the document check gives the plain "is empty" message
        help_text="PDF, Word (DOCX), Excel (XLSX) or PowerPoint (PPTX), smaller than 20 MB.",
    )
    standard: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Which standard is it evidence for?",
        queryset=None,
        required=False,
        empty_label="The whole return",
    )

    def __init__(self, *args: object, standards: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("standard", standards)
        self.fields["file"].error_messages["required"] = "Select a file to upload"
        self.fields["standard"].empty_label = "The whole return"  # type: ignore[attr-defined]
        self.fields["standard"].label_from_instance = lambda s: f"{s.number}. {s.title}"  # type: ignore[attr-defined]

    def clean(self) -> dict:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            data["original_name"] = upload.name
        return data


NO_CHANGE = ""


class ChallengeForm(AssuranceForm):
    """The challenge session: when, who, what it found, and any moderated rating with why."""

    submit_label = "Save the challenge session"

    challenged_on = GovDateField(label="Date of the challenge session", help_text="For example, 14 11 2023")
    challenged_by = forms.CharField(
        label="Who took part",
        max_length=500,
        help_text="The peers and the business team, for example Police and Health designated nurse",
    )
    summary = text_area("What the challenge found", max_length=SUMMARY_LENGTH, required=True, rows=5)

    def __init__(self, *args: object, section11_return: Section11Return, **kwargs: object) -> None:
        self.rows = list(section11_return.ratings.all())
        super().__init__(*args, **kwargs)
        for row in self.rows:
            standard = row.standard
            own = f"{row.rating} {row.get_rating_display()}" if row.rating else "not rated"
            self.fields[f"moderated_{standard.pk}"] = forms.TypedChoiceField(
                label=f"Standard {standard.number}: {standard.title}",
                help_text=f"The agency rated itself {own}",
                choices=[(NO_CHANGE, "Agreed: no change"), *Rating.choices],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": RATING_CHOICE},
            )
            self.fields[f"note_{standard.pk}"] = text_area(
                f"Why standard {standard.number} was moderated (if it was)", max_length=SUMMARY_LENGTH, rows=2
            )
        self.fields["challenged_by"].error_messages["required"] = (
            "Enter who took part in the challenge session"
        )
        self.fields["summary"].error_messages["required"] = "Enter what the challenge found"
        self.fields["challenged_on"].error_messages["required"] = "Enter the date of the challenge session"
        self._build_helper()

    def moderated(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            row.standard_id: {
                "rating": data.get(f"moderated_{row.standard_id}"),
                "note": data.get(f"note_{row.standard_id}") or "",
            }
            for row in self.rows
        }


def challenge_initial(section11_return: Section11Return) -> dict:
    initial: dict = {
        "challenged_on": section11_return.challenged_on,
        "challenged_by": section11_return.challenged_by,
        "summary": section11_return.challenge_summary,
    }
    for row in section11_return.ratings.all():
        initial[f"moderated_{row.standard_id}"] = row.moderated_rating
        initial[f"note_{row.standard_id}"] = row.moderation_note
    return initial
