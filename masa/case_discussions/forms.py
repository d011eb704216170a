"""Forms of local case discussions: GOV.UK questions; the services check the rules again, so an
answer a form lets through that breaks one is refused there too."""

from typing import Any

from django import forms
from django.utils import timezone

from masa.assurance.forms import AssuranceForm, action_due_field, action_group_field, action_owner_field
from masa.case_discussions.models import CaseDiscussion, Decision
from masa.core.bounds import NARRATIVE_LENGTH
from masa.core.forms import GovDateField, LongSelect, text_area


def meeting_label(meeting: Any) -> str:
    return f"{meeting.group.name}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


class DiscussionForm(AssuranceForm):
    submit_label = "Save the discussion"

    reference = forms.CharField(
        label="Case reference",
        max_length=100,
        help_text="The pseudonymised reference only, such as Child A: never a name or a date of birth",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Group that discussed the case", queryset=None
    )
    meeting: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Meeting it was discussed at (optional)",
        queryset=None,
        required=False,
        widget=LongSelect,
        help_text="With a meeting, the date discussed is the meeting's date",
    )
    discussed_on = GovDateField(
        label="Date discussed",
        required=False,
        help_text="Leave empty to take the meeting's date. For example, 14 11 2023",
    )
    referring_agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency that referred the case", queryset=None
    )
    decision = forms.ChoiceField(
        label="What did the group decide?", choices=Decision.choices, widget=forms.RadioSelect
    )
    themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Themes (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The partnership's themes: the discussion is listed on each theme's page",
    )
    learning = text_area("Learning", max_length=NARRATIVE_LENGTH, rows=6)
    is_shareable = forms.BooleanField(
        label="Share the learning with practitioners (never the case reference)", required=False
    )

    def __init__(
        self,
        *args: object,
        groups: object = None,
        meetings: object = None,
        agencies: object = None,
        themes: object = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.set_queryset("group", groups)
        self.set_queryset("meeting", meetings)
        self.fields["meeting"].label_from_instance = meeting_label  # type: ignore[attr-defined]
        self.set_queryset("referring_agency", agencies)
        self.set_queryset("themes", themes)
        messages = {
            "reference": "Enter the case reference",
            "group": "Select the group that discussed the case",
            "referring_agency": "Select the agency that referred the case",
            "decision": "Select what the group decided",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message


def discussion_initial(discussion: CaseDiscussion) -> dict[str, Any]:
    return {
        "reference": discussion.reference,
        "group": discussion.group,
        "meeting": discussion.meeting,
        "discussed_on": discussion.discussed_on,
        "referring_agency": discussion.referring_agency,
        "decision": discussion.decision,
        "themes": list(discussion.themes.all()),
        "learning": discussion.learning,
        "is_shareable": discussion.is_shareable,
    }


class ActionForm(AssuranceForm):
    submit_label = "Add the action"

    title = forms.CharField(
        label="Action",
        max_length=300,
        help_text="What is to be done. The tracker is read widely: never the case reference",
    )
    owner = action_owner_field("The action goes to the action tracker")
    due_date = action_due_field()
    group = action_group_field()

    def __init__(self, *args: object, people: object = None, groups: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.offer_action_fields(people, groups)
        self.fields["title"].error_messages["required"] = "Enter the action"
        self.fields["group"].help_text = "Leave as None for the group that discussed the case"
