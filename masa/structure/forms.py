from django import forms

from masa.core.bounds import NARRATIVE_LENGTH, SUMMARY_LENGTH
from masa.core.forms import GovForm, text_area
from masa.partnership.models import AgencyStatus, AgencyType, GroupKind, MemberType


class AgencyForm(GovForm):
    name = forms.CharField(label="Agency name", max_length=200)
    agency_type = forms.ChoiceField(label="Type of agency", choices=AgencyType.choices)
    status = forms.ChoiceField(
        label="Role in the arrangements",
        choices=AgencyStatus.choices,
        widget=forms.RadioSelect,
        help_text="Statutory partners are the local authority, the integrated care board and the police.",
    )
    description = text_area("What the agency does in the arrangements", max_length=SUMMARY_LENGTH)


class AgencyEditForm(AgencyForm):
    is_active = forms.BooleanField(label="Still part of the arrangements", required=False, initial=True)


class PersonForm(GovForm):
    name = forms.CharField(label="Full name", max_length=200)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(label="Agency", queryset=None)
    email = forms.EmailField(label="Email address", required=False)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class PersonEditForm(PersonForm):
    is_active = forms.BooleanField(label="Still involved", required=False, initial=True)


class GroupForm(GovForm):
    name = forms.CharField(label="Group name", max_length=200)
    short_name = forms.CharField(label="Short name", max_length=30, required=False)
    kind = forms.ChoiceField(label="Kind of group", choices=GroupKind.choices)
    purpose = text_area(
        "Purpose", max_length=NARRATIVE_LENGTH, required=True, help_text="What the group is for.", rows=10
    )
    people = text_area(
        "People",
        max_length=NARRATIVE_LENGTH,
        required=True,
        help_text="Who sits on the group and why.",
        rows=10,
    )
    process = text_area(
        "Process",
        max_length=NARRATIVE_LENGTH,
        required=True,
        help_text="How the group works: how often it meets, how it decides, who it reports to.",
        rows=10,
    )
    chair: forms.ModelChoiceField = forms.ModelChoiceField(label="Chair", queryset=None, required=False)
    quorum = forms.IntegerField(
        label="Quorum", min_value=1, max_value=100, help_text="Voting members needed for a decision."
    )
    min_meetings_per_year = forms.IntegerField(label="Minimum meetings a year", min_value=0, max_value=52)
    reports_to: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Reports to", queryset=None, required=False
    )

    def __init__(self, *args: object, people: object = None, groups: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = people  # type: ignore[attr-defined]
        self.fields["reports_to"].queryset = groups  # type: ignore[attr-defined]
        self.fields["quorum"].error_messages["min_value"] = "The quorum must be at least 1"
        self.fields["min_meetings_per_year"].error_messages["max_value"] = (
            "Minimum meetings a year must be 52 or fewer"
        )


class GroupEditForm(GroupForm):
    is_active = forms.BooleanField(label="The group is active", required=False, initial=True)


class GroupMemberForm(GovForm):
    submit_label = "Add member"
    person: forms.ModelChoiceField = forms.ModelChoiceField(label="Person", queryset=None)
    member_type = forms.ChoiceField(
        label="Type of membership", choices=MemberType.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: object, people: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


class VisionForm(GovForm):
    vision = text_area("Vision", max_length=SUMMARY_LENGTH, required=True, rows=10)


class StatementForm(GovForm):
    title = forms.CharField(label="Title", max_length=200)
    description = text_area("Description", max_length=SUMMARY_LENGTH, rows=10)
    order = forms.IntegerField(label="Position in the list", min_value=0, max_value=100)


class PlanForm(GovForm):
    title = forms.CharField(label="Title", max_length=200)
    start_year = forms.IntegerField(label="First year", min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label="Last year", min_value=2000, max_value=2100)

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end <= start:
            self.add_error("end_year", "The last year must be after the first year")
        return data


class PriorityForm(GovForm):
    title = forms.CharField(label="Priority", max_length=300)
    description = text_area("Description", max_length=SUMMARY_LENGTH, rows=10)
    order = forms.IntegerField(label="Position in the plan", min_value=0, max_value=100)


class ObjectiveForm(GovForm):
    text = text_area("Objective", max_length=SUMMARY_LENGTH, required=True, rows=10)
    order = forms.IntegerField(label="Position under the priority", min_value=0, max_value=100)
