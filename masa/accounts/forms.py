from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms

from masa.accounts.models import Role
from masa.core.forms import BoundedForm, GovForm


class InvitationForm(GovForm):
    submit_label = "Send invitation"
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(label="Agency", queryset=None, required=False)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class MembershipForm(GovForm):
    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(label="Agency", queryset=None, required=False)
    is_active = forms.BooleanField(label="Can use this partnership", required=False)

    def __init__(self, *args: object, agencies: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class AcceptInvitationForm(GovForm):
    submit_label = "Create account"
    password = forms.CharField(
        label="Create a password",
        widget=forms.PasswordInput,
        help_text="At least 12 characters. Avoid common words and numbers only.",
    )
    password_again = forms.CharField(label="Confirm password", widget=forms.PasswordInput)

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", "The passwords do not match")
        return data


class ApiTokenForm(GovForm):
    submit_label = "Create token"
    name = forms.CharField(
        label="Token name", max_length=100, help_text="For example, the system that will use it."
    )


class LoginForm(BoundedForm, AllauthLoginForm):
    """allauth's sign-in form with GOV.UK labels and messages (no placeholders, no hint link)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].error_messages["required"] = "Enter your email address"
        self.fields["password"].help_text = ""
        self.fields["password"].error_messages["required"] = "Enter your password"
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
