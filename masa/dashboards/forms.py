"""The commentary form of the dashboards (its write is masa.indicators.services.commentary_save)."""

from __future__ import annotations

from django import forms

from masa.core.forms import GovForm
from masa.indicators.services import DOING_REQUIRED, TELLS_US_REQUIRED

TOO_LONG = "{label} must be 5,000 characters or fewer"
MAX_LENGTH = 5000


class CommentaryForm(GovForm):
    submit_label = "Save commentary"

    what_it_tells_us = forms.CharField(
        label="What this tells us",
        help_text="What the figure says about children and families, compared with the target and before",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_LENGTH,
    )
    what_we_are_doing = forms.CharField(
        label="What we are doing",
        help_text="What the partners are doing about it, and who",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_LENGTH,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["what_it_tells_us"].error_messages["required"] = TELLS_US_REQUIRED
        self.fields["what_we_are_doing"].error_messages["required"] = DOING_REQUIRED
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG.format(label=field.label)
