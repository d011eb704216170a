"""Restraint figures: breakdowns that must add up, injuries within incidents, one return per
quarter, the partnership's own types, and the yearly review linking existing tracker actions."""

import pytest
from django.core.exceptions import ValidationError

from masa.restraint import selectors, services
from masa.restraint.models import RestraintQuarter, RestraintReview
from masa.restraint.rules import MANAGE_TYPES, RECORD_FIGURES, RECORD_FOR_ESTABLISHMENT, VIEW_FIGURES
from masa.restraint.rules_pure import figure_errors
from tests.factories import SETUP


def _figures(w, **overrides):
    data = dict(
        actor=SETUP,
        establishment=w.establishment,
        year=2023,
        quarter=2,
        incidents=8,
        injuries=1,
        children=5,
        type_counts={w.types[0]: 6, w.types[1]: 2, w.types[2]: 0},
        by_age={"16": 3, "17": 2},
        by_ethnicity={"black": 4, "white": 1},
    )
    data.update(overrides)
    return data


def _errors(excinfo) -> dict[str, str]:
    return {k: v[0] for k, v in excinfo.value.message_dict.items()}


def test_a_quarter_that_adds_up_is_saved_with_its_breakdowns(w):
    saved = services.quarter_save(**_figures(w), themes="Conflict between children", concerns="Staffing")
    assert saved.label == "July to September 2023"
    assert [(b.label, b.count) for b in selectors.type_breakdown(saved)] == [
        ("Guiding hold", 6),
        ("Basic restraint hold", 2),
        ("Ground restraint", 0),
    ]
    assert sum(b.count for b in selectors.age_breakdown(saved)) == 5
    assert saved.by_ethnicity["black"] == 4 and saved.by_ethnicity["not_known"] == 0


def test_injuries_more_than_incidents_are_refused_naming_the_field_and_nothing_is_saved(w):
    before = RestraintQuarter.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        services.quarter_save(**_figures(w, injuries=9))
    assert _errors(excinfo) == {
        "injuries": "The number of injuries (9) cannot be more than the number of incidents (8)"
    }
    assert RestraintQuarter.objects.count() == before


def test_breakdowns_that_do_not_add_up_are_refused_each_naming_its_first_field(w):
    with pytest.raises(ValidationError) as excinfo:
        services.quarter_save(
            **_figures(
                w, type_counts={w.types[0]: 1, w.types[1]: 1}, by_age={"16": 1}, by_ethnicity={"white": 9}
            )
        )
    errors = _errors(excinfo)
    assert errors[f"type_{w.types[0].pk}"] == (
        "The counts by type of restraint must add up to the number of incidents (8): they add up to 2"
    )
    assert errors["age_14_under"].startswith(
        "The counts by age band must add up to the number of children involved (5)"
    )
    assert errors["ethnicity_asian"].endswith("they add up to 9")
    assert not RestraintQuarter.objects.filter(quarter=2).exists()


def test_a_second_return_for_the_same_quarter_is_refused(w):
    with pytest.raises(ValidationError) as excinfo:
        services.quarter_save(**_figures(w, quarter=1))
    assert (
        _errors(excinfo)["quarter"]
        == "Figures for April to June 2023 are already recorded: change them instead"
    )


def test_changing_a_quarter_keeps_one_count_per_type(w):
    services.quarter_save(**_figures(w, quarter=1), quarter_return=w.quarter)
    w.quarter.refresh_from_db()
    assert w.quarter.incidents == 8
    assert {c.restraint_type_id: c.count for c in w.quarter.type_counts.all()} == {
        w.types[0].pk: 6,
        w.types[1].pk: 2,
        w.types[2].pk: 0,
    }


def test_another_partnerships_type_is_refused(w, other):
    with pytest.raises(ValidationError):
        services.quarter_save(**_figures(w, type_counts={other.types[0]: 8}))


def test_children_and_incidents_must_agree_and_year_and_quarter_are_needed():
    assert figure_errors(incidents=3, injuries=0, children=0, by_type={}, by_age={}, by_ethnicity={}) == {
        "children": "Enter how many children were involved: there were incidents in the quarter"
    }
    assert "children" in figure_errors(
        incidents=0, injuries=0, children=2, by_type={}, by_age={}, by_ethnicity={}
    )


def test_year_and_quarter_are_needed(w):
    with pytest.raises(ValidationError) as excinfo:
        services.quarter_save(**_figures(w, year=None, quarter=None))
    assert set(_errors(excinfo)) == {"year", "quarter"}


def test_types_are_the_partnerships_own_list_without_duplicates(w):
    services.type_save(actor=SETUP, partnership=w.partnership, name="Handcuffs", order=9)
    assert [t.name for t in selectors.restraint_types(w.partnership)][-1] == "Handcuffs"
    with pytest.raises(ValidationError) as excinfo:
        services.type_save(actor=SETUP, partnership=w.partnership, name="guiding hold")
    assert "already counts" in _errors(excinfo)["name"]


def test_the_yearly_review_links_existing_actions_of_its_partnership_only(w, other):
    review = services.review_save(
        actor=SETUP, establishment=w.establishment, year=2023, summary="Restraint fell", actions=[w.action]
    )
    assert list(w.action.restraint_reviews.all()) == [review]
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(
            actor=SETUP, establishment=w.establishment, year=2024, summary="Next", actions=[other.action]
        )
    assert _errors(excinfo) == {"actions": services.ACTION_FOREIGN}
    with pytest.raises(ValidationError) as excinfo:
        services.review_save(actor=SETUP, establishment=w.establishment, year=2023, summary="")
    assert set(_errors(excinfo)) == {"summary", "year"}
    assert RestraintReview.objects.filter(establishment=w.establishment).count() == 1


def test_who_may_read_and_record(w, other):
    p = w.partnership
    for user in (w.business_team, w.lsp, w.scrutineer, w.chair, w.group_member):
        assert user.has_perm(VIEW_FIGURES, p), user
    for user in (w.other_member, w.practitioner, other.business_team):
        assert not user.has_perm(VIEW_FIGURES, p)
    assert w.business_team.has_perm(RECORD_FIGURES, p) and w.chair.has_perm(RECORD_FIGURES, p)
    for user in (w.lsp, w.scrutineer, w.group_member, w.other_member):
        assert not user.has_perm(RECORD_FIGURES, p)
    assert w.chair.has_perm(RECORD_FOR_ESTABLISHMENT, w.establishment)
    assert not other.chair.has_perm(RECORD_FOR_ESTABLISHMENT, w.establishment)
    assert not other.business_team.has_perm(RECORD_FOR_ESTABLISHMENT, w.establishment)
    assert w.business_team.has_perm(MANAGE_TYPES, p) and not w.chair.has_perm(MANAGE_TYPES, p)
    assert selectors.establishment_get(w.group_member, p, w.establishment.uuid) == w.establishment
    assert selectors.establishment_get(w.other_member, p, w.establishment.uuid) is None
    assert selectors.establishment_get(other.lsp, p, w.establishment.uuid) is None
