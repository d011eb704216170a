"""Changes to restraint and use of force (docs/domain.md, "Restraint and use of force at HMYOI
Feltham"). Each service is atomic and saves nothing when it refuses: refusals are
ValidationErrors in plain English keyed by the form field they are about; django-auditlog
records each change under the actor.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from masa.actions.models import Action
from masa.core.actors import Actor, attributed, user_or_none
from masa.partnership.models import Group, Partnership
from masa.restraint.models import (
    AGE_BANDS,
    ETHNICITIES,
    Establishment,
    RestraintQuarter,
    RestraintReview,
    RestraintType,
    RestraintTypeCount,
    quarter_label,
    year_label,
)
from masa.restraint.rules_pure import figure_errors

NAME_NEEDED = "Enter the name of the establishment"
GROUP_FOREIGN = "Select a group of this partnership"
TYPE_NAME_NEEDED = "Enter the name of the type of restraint"
TYPE_EXISTS = "The partnership already counts a type of restraint called {name}"
YEAR_NEEDED = "Enter the year the reporting year starts in, for example 2023"
QUARTER_NEEDED = "Select the quarter"
QUARTER_EXISTS = "Figures for {label} are already recorded: change them instead"
TYPE_FOREIGN = "The type of restraint belongs to another partnership"
REVIEW_EXISTS = "The review of restraint for {label} is already recorded: change it instead"
SUMMARY_NEEDED = "Enter the summary of the review"
ACTION_FOREIGN = "Select actions of this partnership's action tracker"

FIRST_YEAR, LAST_YEAR = 2000, 2100


def type_field(restraint_type: RestraintType) -> str:
    """The form field (and error key) of a type's count."""
    return f"type_{restraint_type.pk}"


def age_field(key: str) -> str:
    return f"age_{key}"


def ethnicity_field(key: str) -> str:
    return f"ethnicity_{key}"


@attributed
@transaction.atomic
def establishment_save(
    *,
    actor: Actor,
    partnership: Partnership,
    name: str,
    group: Group,
    establishment: Establishment | None = None,
) -> Establishment:
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = NAME_NEEDED
    if group.partnership_id != partnership.pk:
        errors["group"] = GROUP_FOREIGN
    if errors:
        raise ValidationError(errors)
    establishment = establishment or Establishment(partnership=partnership)
    establishment.name, establishment.group = name, group
    establishment.save()
    return establishment


@attributed
@transaction.atomic
def type_save(
    *,
    actor: Actor,
    partnership: Partnership,
    name: str,
    order: int = 0,
    is_active: bool = True,
    restraint_type: RestraintType | None = None,
) -> RestraintType:
    """Add a type of restraint to the partnership's list, or change one."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": TYPE_NAME_NEEDED})
    clash = RestraintType.objects.filter(partnership=partnership, name__iexact=name)
    if restraint_type is not None:
        clash = clash.exclude(pk=restraint_type.pk)
    if clash.exists():
        raise ValidationError({"name": TYPE_EXISTS.format(name=name)})
    restraint_type = restraint_type or RestraintType(partnership=partnership)
    restraint_type.name, restraint_type.order, restraint_type.is_active = name, order, is_active
    restraint_type.save()
    return restraint_type


def _counts(values: Mapping[str, int | None]) -> dict[str, int]:
    return {key: int(value or 0) for key, value in values.items()}


@attributed
@transaction.atomic
def quarter_save(
    *,
    actor: Actor,
    establishment: Establishment,
    year: int | None,
    quarter: int | None,
    incidents: int,
    injuries: int,
    children: int,
    type_counts: Mapping[RestraintType, int | None],
    by_age: Mapping[str, int | None],
    by_ethnicity: Mapping[str, int | None],
    themes: str = "",
    concerns: str = "",
    quarter_return: RestraintQuarter | None = None,
) -> RestraintQuarter:
    """Record a quarter's figures (or change them): every breakdown must add up, or nothing is saved.

    `type_counts` maps each of the partnership's types to its count; `by_age` and `by_ethnicity`
    map the keys of AGE_BANDS and ETHNICITIES to counts (a missing key counts 0).
    """
    errors: dict[str, str] = {}
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = YEAR_NEEDED
    if quarter not in (1, 2, 3, 4):
        errors["quarter"] = QUARTER_NEEDED
    for kind in type_counts:
        if kind.partnership_id != establishment.partnership_id:
            raise ValidationError(TYPE_FOREIGN)
    by_type = {type_field(k): int(v or 0) for k, v in type_counts.items()}
    ages = {age_field(key): int(by_age.get(key) or 0) for key, _ in AGE_BANDS}
    ethnicities = {ethnicity_field(key): int(by_ethnicity.get(key) or 0) for key, _ in ETHNICITIES}
    errors.update(
        figure_errors(
            incidents=incidents,
            injuries=injuries,
            children=children,
            by_type=by_type,
            by_age=ages,
            by_ethnicity=ethnicities,
        )
    )
    if not errors:
        assert year is not None and quarter is not None
        clash = RestraintQuarter.objects.filter(establishment=establishment, year=year, quarter=quarter)
        if quarter_return is not None:
            clash = clash.exclude(pk=quarter_return.pk)
        if clash.exists():
            errors["quarter"] = QUARTER_EXISTS.format(label=quarter_label(year, quarter))
    if errors:
        raise ValidationError(errors)
    if quarter_return is None:
        quarter_return = RestraintQuarter(
            partnership_id=establishment.partnership_id,
            establishment=establishment,
            recorded_by=user_or_none(actor),
        )
    else:
        quarter_return = RestraintQuarter.objects.select_for_update().get(pk=quarter_return.pk)
    quarter_return.year, quarter_return.quarter = year, quarter  # type: ignore[assignment]
    quarter_return.incidents, quarter_return.injuries, quarter_return.children = incidents, injuries, children
    quarter_return.by_age = _counts({key: by_age.get(key) for key, _ in AGE_BANDS})
    quarter_return.by_ethnicity = _counts({key: by_ethnicity.get(key) for key, _ in ETHNICITIES})
    quarter_return.themes, quarter_return.concerns = themes.strip(), concerns.strip()
    quarter_return.save()
    for kind, count in type_counts.items():
        RestraintTypeCount.objects.update_or_create(
            quarter_return=quarter_return,
            restraint_type=kind,
            defaults={"partnership_id": establishment.partnership_id, "count": int(count or 0)},
        )
    return quarter_return


@attributed
@transaction.atomic
def review_save(
    *,
    actor: Actor,
    establishment: Establishment,
    year: int | None,
    summary: str,
    themes: str = "",
    concerns: str = "",
    recommendations: str = "",
    presented_on: date | None = None,
    actions: Iterable[Action] = (),
    review: RestraintReview | None = None,
) -> RestraintReview:
    """Record the overseeing group's yearly review of restraint to the Board, linking existing
    tracker actions that follow it."""
    errors: dict[str, str] = {}
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = YEAR_NEEDED
    if not summary.strip():
        errors["summary"] = SUMMARY_NEEDED
    actions = list(actions)
    if any(a.partnership_id != establishment.partnership_id for a in actions):
        errors["actions"] = ACTION_FOREIGN
    if year is not None and "year" not in errors:
        clash = RestraintReview.objects.filter(establishment=establishment, year=year)
        if review is not None:
            clash = clash.exclude(pk=review.pk)
        if clash.exists():
            errors["year"] = REVIEW_EXISTS.format(label=year_label(year))
    if errors:
        raise ValidationError(errors)
    review = review or RestraintReview(
        partnership_id=establishment.partnership_id, establishment=establishment
    )
    review.year = year  # type: ignore[assignment]
    review.summary, review.themes = summary.strip(), themes.strip()
    review.concerns, review.recommendations = concerns.strip(), recommendations.strip()
    review.presented_on = presented_on
    review.save()
    review.actions.set(actions)
    return review
