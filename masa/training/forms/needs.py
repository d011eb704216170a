"""Forms of the training needs analysis (docs/domain.md, "21.1 The training needs analysis"):
GOV.UK questions; the services check the dates, the topics and the numbers again."""

from typing import Any

from django import forms

from masa.assurance.forms import AssuranceForm
from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import GovDateField, text_area
from masa.training.models import NeedsAnalysis, NeedsResponse, NeedsTopic
from masa.training.selectors.needs import LEVEL_NAMES
from masa.training.services.needs import PRIORITY_FOREIGN, STAFF_NEGATIVE, TITLE_NEEDED, staff_field

# Empty topic rows offered below the topics already there.
SPARE_TOPICS = 4
FIRST_TOPICS = 6


class AnalysisForm(AssuranceForm):
    submit_label = "Save the needs analysis"

    title = forms.CharField(
        label="Title", max_length=200, help_text="For example, Training needs 2024 to 2025"
    )
    opens_on = GovDateField(label="Opens on", help_text="For example, 1 11 2023")
    closes_on = GovDateField(label="Closes on", help_text="Agencies can answer until the end of this day")
    introduction = text_area(
        "Introduction for the agencies", max_length=SUMMARY_LENGTH, help_text="What you are asking and why"
    )

    def __init__(self, *args: Any, priorities: Any = None, topics: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = TITLE_NEEDED
        self.topic_count = max(FIRST_TOPICS, topics + SPARE_TOPICS)
        for number in range(1, self.topic_count + 1):
            self.fields[f"topic_{number}"] = forms.CharField(
                label=f"Topic {number}",
                max_length=200,
                required=False,
                help_text="For example, Recognising neglect" if number == 1 else "",
            )
            self.fields[f"topic_{number}_priority"] = forms.ModelChoiceField(
                label=f"Priority topic {number} serves (optional)",
                queryset=priorities,
                required=False,
                empty_label="None",
                error_messages={"invalid_choice": PRIORITY_FOREIGN},
            )
        self._build_helper()


def analysis_initial(analysis: NeedsAnalysis) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "title": analysis.title,
        "opens_on": analysis.opens_on,
        "closes_on": analysis.closes_on,
        "introduction": analysis.introduction,
    }
    for number, topic in enumerate(analysis.topics.all(), start=1):
        initial[f"topic_{number}"] = topic.name
        initial[f"topic_{number}_priority"] = topic.priority_id
    return initial


class AnswerForm(AssuranceForm):
    """For each topic and level, the number of staff needing training (blank is 0); comments."""

    comments = text_area("Other training needs or comments", max_length=SUMMARY_LENGTH)

    def __init__(self, *args: Any, topics: list[NeedsTopic], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topics = topics
        for topic in topics:
            for level, name in LEVEL_NAMES:
                field = forms.IntegerField(
                    label=name,
                    min_value=0,
                    max_value=100_000,
                    required=False,
                    # GOV.UK: whole numbers in a text input with a numeric keyboard.
                    widget=forms.TextInput(
                        attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-4"}
                    ),
                )
                message = STAFF_NEGATIVE.format(topic=topic.name, level=name.lower())
                field.error_messages["min_value"] = message
                field.error_messages["invalid"] = (
                    f"The number of staff for {topic.name} at {name.lower()} level must be a whole number"
                )
                field.error_messages["max_value"] = (
                    f"The number of staff for {topic.name} at {name.lower()} level must be 100,000 or fewer"
                )
                self.fields[staff_field(topic.pk, level)] = field
        # The comments come last, after the topics.
        self.fields["comments"] = self.fields.pop("comments")

    def rows(self) -> list[tuple[NeedsTopic, list[forms.BoundField]]]:
        """Each topic with its fields, one per level, for the template's fieldsets."""
        return [
            (topic, [self[staff_field(topic.pk, level)] for level, _ in LEVEL_NAMES]) for topic in self.topics
        ]

    def staff(self) -> dict[tuple[int, str], int | None]:
        return {
            (topic.pk, level): self.cleaned_data.get(staff_field(topic.pk, level))
            for topic in self.topics
            for level, _ in LEVEL_NAMES
        }


def answer_initial(response: NeedsResponse | None) -> dict[str, Any]:
    if response is None:
        return {}
    initial: dict[str, Any] = {"comments": response.comments}
    for answer in response.answers.all():
        initial[staff_field(answer.topic_id, answer.level)] = answer.staff
    return initial
