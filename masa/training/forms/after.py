"""Forms of what follows a session (docs/domain.md, "21.5 Certificates, evaluation and impact"):
the attendee's evaluation and the answer to an impact follow-up. The services check again."""

from typing import Any

from django import forms

from masa.core.forms import GovForm, text_area
from masa.training.services.after import ANSWER_NEEDED, SCORE_NAMES, TEXT_LIMIT, score_error

CONFIDENCE = [
    (1, "1 – Not at all confident"),
    (2, "2 – A little confident"),
    (3, "3 – Fairly confident"),
    (4, "4 – Confident"),
    (5, "5 – Very confident"),
]
USEFULNESS = [
    (1, "1 – Not useful"),
    (2, "2 – A little useful"),
    (3, "3 – Fairly useful"),
    (4, "4 – Useful"),
    (5, "5 – Very useful"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _score(label: str, choices: list[tuple[int, str]]) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=choices, coerce=int, widget=forms.RadioSelect)


class TrainingAfterForm(GovForm):
    def _build_helper(self) -> None:
        super()._build_helper()
        self.helper.disable_csrf = True  # the templates write the token with the <form>


class EvaluationForm(TrainingAfterForm):
    submit_label = "Send your evaluation"

    confidence_before = _score("How confident were you in this subject before the session?", CONFIDENCE)
    confidence_after = _score("How confident are you in this subject after the session?", CONFIDENCE)
    usefulness = _score("How useful was the session for your work?", USEFULNESS)
    best_thing = text_area("What was most useful?", max_length=TEXT_LIMIT, rows=4)
    improvements = text_area("What could be better?", max_length=TEXT_LIMIT, rows=4)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SCORE_NAMES:
            message = score_error(name)
            self.fields[name].error_messages["required"] = message
            self.fields[name].error_messages["invalid_choice"] = message
        self.fields["best_thing"].error_messages["max_length"] = (
            f"What was most useful must be {TEXT_LIMIT:,} characters or fewer"
        )
        self.fields["improvements"].error_messages["max_length"] = (
            f"What could be better must be {TEXT_LIMIT:,} characters or fewer"
        )


class FollowUpAnswerForm(TrainingAfterForm):
    submit_label = "Send your answer"

    practice_changed = text_area(
        "What has changed in practice since the training?",
        max_length=TEXT_LIMIT,
        help_text="For example, something done differently, a tool now used, a conversation had sooner",
    )
    outcome_for_children = text_area(
        "What difference has it made for children and families?", max_length=TEXT_LIMIT
    )
    may_quote = forms.ChoiceField(
        label="May the partnership quote your answer anonymously?",
        help_text="Quotes never carry a name, an agency or anything else that would identify anyone",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["may_quote"].error_messages["required"] = (
            "Select yes if the partnership may quote your answer anonymously"
        )
        for name in ("practice_changed", "outcome_for_children"):
            self.fields[name].error_messages["max_length"] = (
                f"The answer must be {TEXT_LIMIT:,} characters or fewer"
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not (data.get("practice_changed") or "").strip()
            and not (data.get("outcome_for_children") or "").strip()
        ):
            self.add_error("practice_changed", ANSWER_NEEDED)
        return data
