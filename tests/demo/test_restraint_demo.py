"""The demo's restraint and use of force: HMYOI Feltham's quarters of 2023-24, overseen by
Hounslow's FYOI Group, and the group's yearly review linking the actions it agreed."""

import pytest

from masa.accounts.models import User
from masa.demo.restraint_loader import load_restraint_demo
from masa.restraint.models import Establishment, RestraintQuarter, RestraintReview
from masa.restraint.rules import RECORD_FOR_ESTABLISHMENT, VIEW_FIGURES

pytestmark = pytest.mark.usefixtures("_demo_for_module")


def test_feltham_is_overseen_by_the_fyoi_group_with_four_quarters_that_add_up(demo):
    feltham = Establishment.objects.get(partnership__slug="hounslow", name="HMYOI Feltham")
    assert feltham.group.short_name == "FYOI Group"
    quarters = list(RestraintQuarter.objects.filter(establishment=feltham).order_by("quarter"))
    assert [q.year for q in quarters] == [2023] * 4 and [q.quarter for q in quarters] == [1, 2, 3, 4]
    for q in quarters:
        assert sum(c.count for c in q.type_counts.all()) == q.incidents
        assert sum(q.by_age.values()) == q.children == sum(q.by_ethnicity.values())
        assert q.injuries <= q.incidents
    # Use of force rose in August 2023 and fell back after the summer (the group's minutes).
    incidents = [q.incidents for q in quarters]
    assert max(incidents) == incidents[1] and incidents[3] < incidents[2] < incidents[1]
    assert "development session in October 2023" in quarters[2].themes
    assert "92% of young people reported feeling safe" in quarters[3].themes


def test_the_yearly_review_quotes_the_report_and_links_the_groups_actions(demo):
    review = RestraintReview.objects.get(partnership__slug="hounslow", year=2023)
    assert "use of force was justified and proportionate" in review.summary
    assert "92% of young people" in review.summary
    assert "Cookham Wood" in review.concerns
    titles = {a.title for a in review.actions.all()}
    assert "Review every restraint using pain-inducing techniques" in titles and len(titles) == 5


def test_only_hounslow_has_restraint_figures_and_the_loader_is_idempotent(demo):
    assert set(Establishment.objects.values_list("partnership__slug", flat=True)) == {"hounslow"}
    before = RestraintQuarter.objects.count()
    load_restraint_demo()
    assert RestraintQuarter.objects.count() == before


def test_the_chair_records_and_the_governor_reads(demo):
    feltham = Establishment.objects.select_related("group__chair__user", "partnership").get(
        name="HMYOI Feltham"
    )
    chair = feltham.group.chair.user
    assert chair.has_perm(RECORD_FOR_ESTABLISHMENT, feltham)
    governor = User.objects.get(email="martina.kessler@feltham.example.org")
    assert governor.has_perm(VIEW_FIGURES, feltham.partnership)
    assert not governor.has_perm(RECORD_FOR_ESTABLISHMENT, feltham)
