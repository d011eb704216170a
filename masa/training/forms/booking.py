"""Forms of booking and registering (docs/domain.md, "21.3 Booking, the waiting list and
registering"). The services check the session, the person and the domain."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from masa.accounts.models import User
from masa.core.forms import FilterForm, GovForm
from masa.partnership.models import Agency


class BookForm(GovForm):
    """Booking oneself a place (or a place on the waiting list)."""

    manager_email = forms.EmailField(
        label="Your manager's email address (optional)",
        required=False,
        max_length=254,
        help_text="Some weeks after the session we ask you and your manager what has changed in practice",
    )

    def __init__(self, *args: Any, full: bool = False, **kwargs: Any) -> None:
        self.submit_label = "Join the waiting list" if full else "Book a place"
        super().__init__(*args, **kwargs)


class StaffForm(GovForm):
    """An agency lead choosing members of their staff to book onto a session."""

    submit_label = "Book the selected staff"

    people = forms.ModelMultipleChoiceField(
        label="Staff to book",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Staff already booked or on the waiting list keep their place",
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["people"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = people
        field.label_from_instance = lambda user: f"{user.full_name} ({user.email})"  # type: ignore[method-assign,assignment]
        field.error_messages["required"] = "Select at least one member of staff to book"
        field.error_messages["invalid_choice"] = "Select staff from the list"
        field.error_messages["invalid_pk_value"] = "Select staff from the list"


class StaffBookingsFilter(FilterForm):
    agency = forms.ModelChoiceField(
        label="Agency", queryset=Agency.objects.none(), required=False, empty_label="All agencies"
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = agencies


class RegistrationDomainForm(GovForm):
    submit_label = "Allow this domain"

    agency = forms.ModelChoiceField(label="Agency", queryset=Agency.objects.none())
    domain = forms.CharField(
        label="Email domain",
        max_length=200,
        help_text="The part of the agency's work email addresses after the @, for example nhs.net",
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = agencies
        field.empty_label = "Choose one"


class RegisterForm(GovForm):
    """Registering with a work email address, to book training."""

    submit_label = "Continue"

    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text="We will send a link to this address to check it is yours",
    )
