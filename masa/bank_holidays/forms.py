from django import forms

from masa.core.forms import GovDateField, GovForm


class BankHolidayForm(GovForm):
    submit_label = "Add the bank holiday"

    day = GovDateField(label="Date of the bank holiday", help_text="For example, 8 5 2023")
    name = forms.CharField(
        label="Name", max_length=100, help_text="For example, Coronation of King Charles III"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.helper.disable_csrf = True  # core/form_page.html writes the token with the <form>
