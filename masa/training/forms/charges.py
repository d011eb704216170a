"""Forms of the charging policy, waivers and the charges' filters (docs/domain.md, "21.4 The
register and charges"). Amounts are pounds and pence from £0 to £1,000."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms

from masa.assurance.forms import AssuranceForm
from masa.core.bounds import REASON_LENGTH
from masa.core.forms import FilterForm, text_area
from masa.training.services.charges import (
    CHARGE_OUT_OF_RANGE,
    CHARGE_PENNIES,
    CUTOFF_OUT_OF_RANGE,
    FIRST_FOLLOW_UP_WEEK,
    FOLLOW_UP_OUT_OF_RANGE,
    INVOICE_CONTACT_LENGTH,
    LAST_FOLLOW_UP_WEEK,
    MAX_CHARGE,
    MAX_CUTOFF_DAYS,
    WAIVER_REASON_NEEDED,
)


def _pounds(label: str, noun: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0"),
        max_value=MAX_CHARGE,
        max_digits=7,
        decimal_places=2,
        error_messages={
            "required": f"Enter the {noun}, or 0 for no charge",
            "invalid": CHARGE_PENNIES.format(label=noun),
            "min_value": CHARGE_OUT_OF_RANGE.format(label=noun),
            "max_value": CHARGE_OUT_OF_RANGE.format(label=noun),
            "max_digits": CHARGE_OUT_OF_RANGE.format(label=noun),
            "max_decimal_places": CHARGE_PENNIES.format(label=noun),
            "max_whole_digits": CHARGE_OUT_OF_RANGE.format(label=noun),
        },
    )


class PolicyForm(AssuranceForm):
    submit_label = "Save the charging policy"

    cancellation_cutoff_days = forms.IntegerField(
        label="Cancellation cut-off (days before the session)",
        min_value=0,
        max_value=MAX_CUTOFF_DAYS,
        help_text="A place cancelled fewer than this many days before the session is charged",
    )
    no_show_charge = _pounds("Charge for a no-show (£)", "charge for a no-show")
    late_cancellation_charge = _pounds("Charge for a late cancellation (£)", "charge for a late cancellation")
    follow_up_weeks = forms.IntegerField(
        label="Weeks after the session to ask about impact",
        min_value=FIRST_FOLLOW_UP_WEEK,
        max_value=LAST_FOLLOW_UP_WEEK,
        help_text=f"From {FIRST_FOLLOW_UP_WEEK} to {LAST_FOLLOW_UP_WEEK} weeks",
    )
    invoice_contact = forms.CharField(
        label="Who agencies ask about charges",
        max_length=INVOICE_CONTACT_LENGTH,
        required=False,
        help_text="A name, team or email address, printed on the invoice lines",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cutoff, weeks = self.fields["cancellation_cutoff_days"], self.fields["follow_up_weeks"]
        for key in ("invalid", "min_value", "max_value"):
            cutoff.error_messages[key] = CUTOFF_OUT_OF_RANGE
            weeks.error_messages[key] = FOLLOW_UP_OUT_OF_RANGE
        cutoff.error_messages["required"] = "Enter the cancellation cut-off in days, or 0 for none"
        weeks.error_messages["required"] = "Enter the weeks after the session to ask about impact"
        for name in ("no_show_charge", "late_cancellation_charge"):
            # Pounds and pence: a text input with the decimal keyboard, not type=number (GOV.UK).
            self.fields[name].widget = forms.TextInput(
                attrs={"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-5"}
            )
            noun = str(self.fields[name].label).split(" (")[0].lower()
            self.fields[name].error_messages["invalid"] = CHARGE_PENNIES.format(label=noun)


class WaiverForm(AssuranceForm):
    submit_label = "Waive the charge"

    reason = text_area(
        "Why the charge is waived",
        max_length=REASON_LENGTH,
        required=True,
        rows=3,
        help_text="Printed on the agency's invoice lines beside the waived charge",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = WAIVER_REASON_NEEDED


class ChargeFilterForm(FilterForm):
    quarter = forms.ChoiceField(label="Quarter", required=False)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, required=False, to_field_name="uuid"
    )

    def __init__(self, *args: Any, quarters: Sequence[str] = (), agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [("", "Every quarter"), *((q, q) for q in quarters)]  # type: ignore[attr-defined]
        agency_field = self.fields["agency"]
        agency_field.queryset = agencies  # type: ignore[attr-defined]
        agency_field.empty_label = "Every agency"  # type: ignore[attr-defined]
