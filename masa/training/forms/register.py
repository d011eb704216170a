"""Forms of the register (docs/domain.md, "21.4 The register and charges"): one question per
booked person, and the correction of one mark with its reason. The services check the rules."""

from collections.abc import Sequence
from typing import Any

from crispy_forms_gds.layout import Field, Layout
from django import forms

from masa.assurance.forms import AssuranceForm
from masa.core.bounds import REASON_LENGTH
from masa.core.forms import text_area
from masa.training.models import Attendance, Booking
from masa.training.services.register import ATTENDANCE_UNKNOWN, mark_field


def _attendance(label: str, name: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Attendance.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": ATTENDANCE_UNKNOWN.format(name=name),
            "invalid_choice": ATTENDANCE_UNKNOWN.format(name=name),
        },
    )


class RegisterForm(AssuranceForm):
    """Attended, attended late or did not attend, for each booked person not yet marked."""

    submit_label = "Save the register"

    def __init__(
        self, *args: Any, bookings: Sequence[Booking] = (), marked: Sequence[Booking] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.bookings, self.marked = list(bookings), list(marked)
        for booking in self.bookings:
            name = str(booking.person)
            self.fields[mark_field(booking)] = _attendance(f"{name} ({booking.agency.name})", name)
        self._build_helper()
        self.helper.layout = Layout(
            *(Field.radios(mark_field(b), legend_size="s", inline=True, small=True) for b in self.bookings)
        )

    def marks(self) -> dict[int, str]:
        """The answers as the service takes them: booking id to attendance. An answer sent for a
        person marked meanwhile (a second tab, a form sent twice) goes too, so that the service
        refuses it by name rather than the page dropping it unseen."""
        marks = {b.pk: self.cleaned_data[mark_field(b)] for b in self.bookings}
        for booking in self.marked:
            if mark_field(booking) in self.data:
                marks[booking.pk] = str(self.data[mark_field(booking)])
        return marks


class CorrectionForm(AssuranceForm):
    submit_label = "Correct the attendance"

    attendance = forms.ChoiceField(label="Attendance", choices=Attendance.choices, widget=forms.RadioSelect)
    reason = text_area(
        "Why the attendance is corrected",
        max_length=REASON_LENGTH,
        required=True,
        help_text="Kept in the audit log. A no-show corrected to attended has its charge waived "
        "with this reason.",
        rows=3,
    )

    def __init__(self, *args: Any, name: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendance"].label = f"Did {name} attend?"
        for key in ("required", "invalid_choice"):
            self.fields["attendance"].error_messages[key] = ATTENDANCE_UNKNOWN.format(name=name)
        self.fields["reason"].error_messages["required"] = "Enter why the attendance is corrected"
