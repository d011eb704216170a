"""Forms of the briefing pages: GOV.UK questions; the services check the rules."""

from django import forms

from masa.core.bounds import SUMMARY_LENGTH
from masa.core.forms import GovDateField, GovForm, text_area

NO_NAMES = "Do not include names, addresses, dates of birth or anything that identifies a child or family"


class BriefingBaseForm(GovForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>


def _section(label: str, help_text: str = "", rows: int = 5) -> forms.CharField:
    return text_area(label, max_length=SUMMARY_LENGTH, help_text=help_text, rows=rows)


class BriefingForm(BriefingBaseForm):
    submit_label = "Save the draft"

    title = forms.CharField(label="Title", max_length=200)
    slug = forms.SlugField(
        label="Web address",
        max_length=200,
        required=False,
        help_text="Lower-case letters, numbers and hyphens; leave blank to make one from the title",
    )
    review: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Review it comes from", queryset=None, required=False, empty_label="None"
    )
    themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Themes", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    background = _section("Background", NO_NAMES)
    what_we_found = _section("What we found", "One finding a line")
    why_it_matters = _section("Why it matters")
    what_to_do = _section("What to do", "What practitioners should do differently")
    questions_to_ask = _section("Questions to ask", "Questions for team discussion, one a line", rows=4)
    further_reading = _section("Further reading", "Guidance, policies and courses, one a line", rows=3)

    def __init__(self, *args: object, reviews: object, themes: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews  # type: ignore[attr-defined]
        self.fields["review"].label_from_instance = lambda review: f"{review.reference}: {review.title}"  # type: ignore[attr-defined]
        self.fields["themes"].queryset = themes  # type: ignore[attr-defined]
        self.fields["slug"].error_messages["invalid"] = (
            "The web address must use only lower-case letters, numbers and hyphens"
        )


class DisseminationForm(BriefingBaseForm):
    submit_label = "Confirm dissemination"

    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, help_text="You can confirm only for your own agency"
    )
    confirmed_on = GovDateField(label="Date confirmed", help_text="For example, 27 3 2024")
    how = forms.CharField(
        label="How it was cascaded",
        max_length=300,
        required=False,
        help_text="For example, team meetings, staff newsletter, supervision",
    )
    staff_reached = forms.IntegerField(label="Number of staff reached", required=False, min_value=0)

    def __init__(self, *args: object, agencies: object, any_agency: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        if any_agency:
            self.fields["agency"].help_text = "The business team can record a confirmation for any agency"
        self.fields["staff_reached"].error_messages["min_value"] = (
            "The number of staff reached must be 0 or more"
        )
