"""Shared GOV.UK form behaviour: crispy-forms-gds layout, plain-English errors, input bounds."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from masa.core import bounds


class DateBounds:
    """Refuses a date outside masa.core.bounds (the API's BoundedDate checks the same range)."""

    def __init__(self, label: str) -> None:
        self.message = bounds.date_message(label)

    def __call__(self, value: Any) -> None:
        day = value.date() if isinstance(value, datetime) else value
        if isinstance(day, date) and bounds.date_out_of_range(day):
            raise ValidationError(self.message, code="date_range")


class NumberBounds:
    """Refuses a number the database cannot hold (a 32-bit count, a 14-digit decimal)."""

    def __init__(self, low: Any, high: Any, message: str) -> None:
        self.low, self.high, self.message = low, high, message

    def __call__(self, value: Any) -> None:
        if value is not None and not self.low <= value <= self.high:
            raise ValidationError(self.message, code="number_range")


class TextRules:
    """Refuses NUL and other control characters (the API's CleanText checks the same)."""

    def __init__(self, label: str) -> None:
        self.message = bounds.text_message(label)

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and bounds.has_control_characters(value):
            raise ValidationError(self.message, code="control_characters")


def bound_field(field: forms.Field, label: str) -> None:
    """Give one field masa's bounds, unless the form set narrower ones itself.

    Dates stay between 1900 and 2100, whole numbers within the database's integer (0 and up
    unless the form says otherwise), decimals within the indicator columns, text free of
    control characters. Fields keep their own bounds when narrower (quorum 1 to 100, say).
    """
    if getattr(field, "masa_bounded", False):
        return
    field.masa_bounded = True  # type: ignore[attr-defined]
    if isinstance(field, forms.DateField | forms.DateTimeField | DateInputField):
        field.validators.append(DateBounds(label))
    elif isinstance(field, forms.DecimalField | forms.FloatField):  # both subclass IntegerField
        if getattr(field, "max_digits", None) is None:
            limit = bounds.DECIMAL_LIMIT - Decimal("0.001")
            field.validators.append(
                NumberBounds(-limit, limit, f"The {label} must be less than 100,000,000,000")
            )
    elif isinstance(field, forms.IntegerField):
        own_low, own_high = _value(field.min_value), _value(field.max_value)
        if own_low is None or own_high is None or own_high > bounds.MAX_COUNT:
            low = 0 if own_low is None else own_low
            high = bounds.MAX_COUNT if own_high is None else min(own_high, bounds.MAX_COUNT)
            field.validators.append(NumberBounds(low, high, bounds.count_message(label, low, high)))
    elif isinstance(field, forms.CharField):
        field.validators.append(TextRules(label))


def _value(limit: Any) -> Any:
    return limit() if callable(limit) else limit


class BoundedForm(forms.Form):
    """A form whose every field keeps masa.core.bounds, checked before the field's own rules run.

    The bounds are added when the form is cleaned, so fields a form adds in its __init__ are
    covered too. Use it (or GovForm) for every form, GET filters included.
    """

    def full_clean(self) -> None:
        for name, field in self.fields.items():
            bound_field(field, (str(field.label) if field.label else name.replace("_", " ")).lower())
        super().full_clean()


class FilterForm(BoundedForm):
    """The GET filters above a list, all optional, rendered inside the template's <form method="get">.

    A choice that is not on the list gets "Select a {name} from the list"; `filters()` gives the
    chosen values (none when the form is unbound or has errors). Subclasses set their querysets
    and choices after calling this.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, field in self.fields.items():
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["invalid_choice"] = f"Select a {name} from the list"  # noqa: S608 (not SQL)
        self.helper = FormHelper(self)
        self.helper.form_tag = False  # the template writes <form method="get">
        self.helper.form_method = "get"  # no CSRF token in the address
        self.helper.label_size = "s"
        self.helper.add_input(Button("filter", "Apply filters"))

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


def text_area(
    label: str, *, max_length: int, required: bool = False, help_text: str = "", rows: int = 5
) -> forms.CharField:
    """A free-text answer with its limit (masa.core.bounds), shown with the GOV.UK character count."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _layout_item(name: str, field: forms.Field) -> str | Field:
    """A text area with a limit gets the GOV.UK character count; any other field renders as it is."""
    if not (
        isinstance(field, forms.CharField) and field.max_length and isinstance(field.widget, forms.Textarea)
    ):
        return name
    # The character count tells the user the limit and the error says it again; the browser's own
    # maxlength would cut off pasted text without a word (GOV.UK Frontend removes it too).
    field.widget.attrs.pop("maxlength", None)
    rows = field.widget.attrs.get("rows", 5)
    # crispy-forms-gds adds the count's message to aria-describedby, which must exist by then.
    return Field.textarea(name, rows=rows, max_characters=field.max_length, aria_describedby="")


class GovFormHelper(FormHelper):
    """crispy-forms-gds' helper, laying text areas with a limit out with the character count."""

    def build_default_layout(self, form: forms.Form) -> Layout:
        return Layout(*(_layout_item(name, field) for name, field in form.fields.items()))


class GovForm(BoundedForm):
    """A form rendered with GOV.UK Frontend markup, with GOV.UK-style error messages."""

    submit_label = "Save"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._build_helper()
        for name, field in self.fields.items():
            label = (field.label or name.replace("_", " ")).lower()
            # GOV.UK: "Enter the name", "Select the agency", not "This field is required."
            if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["required"] = "Select the " + label
                field.error_messages["invalid_choice"] = f"Select a {label} from the list"  # noqa: S608 (not SQL)
            else:
                field.error_messages["required"] = f"Enter the {label}"
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = f"The {label} must be a whole number"
                # GOV.UK: whole numbers use a text input with a numeric keyboard, not type=number.
                field.widget = forms.TextInput(
                    attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-4"}
                )
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = (
                    "Enter an email address in the correct format, like name@example.org"
                )
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = bounds.length_message(label, field.max_length)

    def _build_helper(self) -> None:
        self.helper = GovFormHelper(self)
        # Templates write the <form> element themselves (with the CSRF token).
        self.helper.form_tag = False
        self.helper.label_size = "s"
        self.helper.legend_size = "s"
        self.helper.add_input(Button("submit", self.submit_label))

    def drop_fields(self, *names: str) -> None:
        """Remove fields that do not apply to this record (the layout is rebuilt without them)."""
        for name in names:
            del self.fields[name]
        self._build_helper()

    def apply_errors(self, error: object) -> None:
        """Show a service's ValidationError on the form, keeping the user's answers."""
        from django.core.exceptions import ValidationError

        assert isinstance(error, ValidationError)
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class GovDateField(DateInputField):
    """A GOV.UK date input (day, month, year) with GOV.UK error messages."""

    def __init__(self, *, label: str, required: bool = True, noun: str = "", **kwargs: object) -> None:
        """`noun` names the date in errors ("The {noun} must be a real date"); the label by default."""
        super().__init__(label=label, required=required, require_all_fields=False, **kwargs)
        name = noun or label.lower()
        self.real_date = f"The {name} must be a real date"
        for sub, part in zip(self.fields, ("day", "month", "year"), strict=True):
            sub.error_messages["incomplete"] = f"The {name} must include a {part}"
            sub.validators = [RegexValidator(r"^[0-9]+$", self.real_date)]

    def compress(self, data_list: list) -> date | None:
        day, month, year = (list(data_list) + [None, None, None])[:3]
        if not (day and month and year):
            return None
        if len(str(year)) != 4:
            raise ValidationError(f"The year must include 4 numbers, like {timezone.localdate().year}")
        try:
            return date(int(year), int(month), int(day))
        except ValueError as error:
            raise ValidationError(self.real_date) from error


class LongSelect(forms.Select):
    """A select for long lists (everyone in a partnership), its options written in Python.

    Django's select template includes a template per option, which costs about a twentieth of a
    millisecond each: a list of the 300 people of a large partnership made an action list page
    twice as slow. The HTML is the same as Django's for flat choices; grouped choices become
    `<optgroup>`s.
    """

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        selected = {str(v) for v in self.format_value(value)}
        selected_attr = mark_safe(" selected")  # noqa: S308 (a constant)

        def options(choices: Any) -> SafeString:
            return format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((str(v), selected_attr if str(v) in selected else "", label) for v, label in choices),
            )

        parts = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                parts.append(
                    format_html('<optgroup label="{}">{}</optgroup>', group_value, options(group_label))
                )
            else:
                parts.append(options([(group_value, group_label)]))
        return format_html(
            "<select{}>{}</select>",
            flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            mark_safe("".join(parts)),  # noqa: S308 (each part escaped by format_html)
        )
