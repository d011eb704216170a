"""The filters of the training calendar (docs/domain.md, "21.2 Courses, sessions and the public
calendar"): a GET form, every question optional."""

from datetime import date

from django import forms

from masa.core.forms import FilterForm, LongSelect
from masa.partnership.models import Priority
from masa.training.models import Course, Level
from masa.training.selectors.calendar import MODES, CalendarFilters


class CalendarFilterForm(FilterForm):
    # LongSelect writes the options in Python: the calendar is a busy public page.
    level = forms.ChoiceField(label="Level", required=False, widget=LongSelect)
    priority = forms.ChoiceField(label="Priority", required=False, widget=LongSelect)
    course = forms.ChoiceField(label="Course", required=False, widget=LongSelect)
    mode = forms.ChoiceField(label="Online or in person", required=False, widget=LongSelect)
    month = forms.ChoiceField(label="Month", required=False, widget=LongSelect)
    places_left = forms.BooleanField(label="Only sessions with places left", required=False)

    def __init__(
        self,
        *args: object,
        priorities: list[Priority],
        courses: list[Course],
        months: list[date],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["level"].choices = [("", "Any level"), *Level.choices]  # type: ignore[attr-defined]
        fields["priority"].choices = [  # type: ignore[attr-defined]
            ("", "Any priority"),
            *((str(p.pk), f"{p.title} ({p.plan.period})") for p in priorities),
        ]
        fields["course"].choices = [("", "Any course"), *((c.slug, c.title) for c in courses)]  # type: ignore[attr-defined]
        fields["mode"].choices = [("", "Online or in person"), *MODES]  # type: ignore[attr-defined]
        fields["month"].choices = [  # type: ignore[attr-defined]
            ("", "Any month"),
            *((f"{m:%Y-%m}", f"{m:%B %Y}") for m in months),
        ]

    def calendar_filters(self) -> CalendarFilters:
        """The visitor's choices; none when the form has an error (the error summary says why)."""
        chosen = self.filters()
        month = chosen.get("month")
        return CalendarFilters(
            level=chosen.get("level", ""),
            priority=int(chosen["priority"]) if chosen.get("priority") else None,
            course=chosen.get("course", ""),
            mode=chosen.get("mode", ""),
            month=date(int(month[:4]), int(month[5:7]), 1) if month else None,
            places_left=bool(chosen.get("places_left")),
        )
