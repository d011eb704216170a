"""The commentary form and the one write the dashboards make: saving a commentary.

The write lives beside its form because the dashboards own no services module; it follows the
services pattern (keyword-only arguments, an actor, one atomic block, plain-English refusals).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from masa.accounts.models import User
from masa.core.forms import GovForm
from masa.indicators.models import Commentary, Indicator, Period
from masa.partnership.models import Partnership

TELLS_US_REQUIRED = "Enter what this figure tells us"
DOING_REQUIRED = "Enter what the partnership is doing about it"
TOO_LONG = "{label} must be 5,000 characters or fewer"
OTHER_PARTNERSHIP = "The indicator and the period must belong to this partnership"
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


@transaction.atomic
def commentary_save(
    *,
    actor: User,
    partnership: Partnership,
    indicator: Indicator,
    period: Period,
    what_it_tells_us: str,
    what_we_are_doing: str,
) -> Commentary:
    """Write (or rewrite) the commentary on one indicator for one period; the audit log keeps the old text."""
    if indicator.partnership_id != partnership.pk or period.partnership_id != partnership.pk:
        raise ValidationError({"what_it_tells_us": OTHER_PARTNERSHIP})
    errors = {}
    if not what_it_tells_us.strip():
        errors["what_it_tells_us"] = TELLS_US_REQUIRED
    if not what_we_are_doing.strip():
        errors["what_we_are_doing"] = DOING_REQUIRED
    if errors:
        raise ValidationError(errors)
    commentary, _ = Commentary.objects.update_or_create(
        indicator=indicator,
        period=period,
        defaults={
            "partnership": partnership,
            "what_it_tells_us": what_it_tells_us.strip(),
            "what_we_are_doing": what_we_are_doing.strip(),
            "author": actor,
        },
    )
    return commentary
