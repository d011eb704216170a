import pytest
from django.core.exceptions import ValidationError

from masa.partnership import services
from masa.partnership.models import Agency, Group, PartnershipAgency
from tests.factories import SETUP, GroupFactory, PartnershipFactory, PersonFactory


@pytest.fixture
def two(db):
    return PartnershipFactory(slug="alpha"), PartnershipFactory(slug="beta")


def test_agency_add_reuses_an_agency_already_serving_another_partnership(two):
    alpha, beta = two
    first = services.agency_add(
        actor=SETUP,
        partnership=alpha,
        name="Metropolitan Police",
        agency_type="police",
        status="statutory_partner",
    )
    second = services.agency_add(
        actor=SETUP,
        partnership=beta,
        name="metropolitan police ",
        agency_type="police",
        status="statutory_partner",
    )
    assert first.agency == second.agency
    assert Agency.objects.count() == 1
    assert PartnershipAgency.objects.count() == 2


def test_agency_add_twice_in_one_partnership_is_refused(two):
    alpha, _ = two
    services.agency_add(
        actor=SETUP, partnership=alpha, name="CAMHS", agency_type="health", status="relevant_agency"
    )
    with pytest.raises(ValidationError) as error:
        services.agency_add(
            actor=SETUP, partnership=alpha, name="CAMHS", agency_type="health", status="relevant_agency"
        )
    assert services.AGENCY_ALREADY_IN_PARTNERSHIP in error.value.message_dict["name"]


def test_shared_agency_cannot_be_renamed_from_one_partnership(two):
    alpha, beta = two
    link = services.agency_add(
        actor=SETUP, partnership=alpha, name="ICB", agency_type="icb", status="statutory_partner"
    )
    services.agency_add(
        actor=SETUP, partnership=beta, name="ICB", agency_type="icb", status="statutory_partner"
    )
    with pytest.raises(ValidationError) as error:
        services.agency_update(
            actor=SETUP,
            link=link,
            name="Renamed ICB",
            agency_type="icb",
            status="statutory_partner",
            description="",
            is_active=True,
        )
    assert services.SHARED_AGENCY_RENAME in error.value.message_dict["name"]
    link.agency.refresh_from_db()
    assert link.agency.name == "ICB"


def test_unshared_agency_can_be_renamed(two):
    alpha, _ = two
    link = services.agency_add(
        actor=SETUP, partnership=alpha, name="Old name", agency_type="health", status="relevant_agency"
    )
    services.agency_update(
        actor=SETUP,
        link=link,
        name="New name",
        agency_type="health",
        status="relevant_agency",
        description="Acute trust",
        is_active=False,
    )
    link.refresh_from_db()
    assert (link.agency.name, link.description, link.is_active) == ("New name", "Acute trust", False)


def _group_fields(**overrides):
    fields = dict(
        name="Strategic Insights Group",
        short_name="SIG",
        kind="subgroup",
        purpose="Insight",
        people="Analysts",
        process="Quarterly",
        chair=None,
        quorum=3,
        min_meetings_per_year=4,
        reports_to=None,
    )
    fields.update(overrides)
    return fields


def test_group_reporting_line_cannot_loop(two):
    alpha, _ = two
    board = services.group_save(actor=SETUP, partnership=alpha, **_group_fields(name="Board"))
    sub = services.group_save(actor=SETUP, partnership=alpha, **_group_fields(name="Sub", reports_to=board))
    subsub = services.group_save(
        actor=SETUP, partnership=alpha, **_group_fields(name="SubSub", reports_to=sub)
    )
    with pytest.raises(ValidationError) as error:
        services.group_save(
            actor=SETUP, partnership=alpha, group=board, **_group_fields(name="Board", reports_to=subsub)
        )
    assert services.REPORTING_LINE_LOOP in error.value.message_dict["reports_to"]
    board.refresh_from_db()
    assert board.reports_to is None


def test_group_cannot_report_to_or_be_chaired_from_another_partnership(two):
    alpha, beta = two
    foreign_group = GroupFactory(partnership=beta)
    foreign_person = PersonFactory(partnership=beta)
    with pytest.raises(ValidationError) as error:
        services.group_save(actor=SETUP, partnership=alpha, **_group_fields(reports_to=foreign_group))
    assert services.REPORTING_LINE_FOREIGN in error.value.message_dict["reports_to"]
    with pytest.raises(ValidationError) as error:
        services.group_save(actor=SETUP, partnership=alpha, **_group_fields(chair=foreign_person))
    assert services.CHAIR_FOREIGN in error.value.message_dict["chair"]
    assert not Group.objects.filter(partnership=alpha).exists()


def test_group_member_added_once(two):
    alpha, _ = two
    group = GroupFactory(partnership=alpha)
    person = PersonFactory(partnership=alpha)
    services.group_member_add(actor=SETUP, group=group, person=person, member_type="advisory")
    with pytest.raises(ValidationError) as error:
        services.group_member_add(actor=SETUP, group=group, person=person, member_type="voting")
    assert services.PERSON_ALREADY_MEMBER in error.value.message_dict["person"]
    assert group.members.get().member_type == "advisory"


def test_person_must_belong_to_an_agency_of_the_partnership(two):
    alpha, beta = two
    outsider = services.agency_add(
        actor=SETUP, partnership=beta, name="Beta only", agency_type="other", status="relevant_agency"
    ).agency
    with pytest.raises(ValidationError) as error:
        services.person_create(
            actor=SETUP, partnership=alpha, name="A", job_title="B", agency=outsider, email=""
        )
    assert services.AGENCY_NOT_IN_PARTNERSHIP in error.value.message_dict["agency"]


def test_plan_must_end_after_it_starts(two):
    alpha, _ = two
    with pytest.raises(ValidationError) as error:
        services.plan_save(actor=SETUP, partnership=alpha, title="Plan", start_year=2024, end_year=2024)
    assert "The last year must be after the first year" in str(error.value)


def test_the_plan_in_force_holds_todays_financial_year(db):
    from datetime import date

    from masa.partnership.models import StrategicPlan
    from masa.partnership.selectors import plan_in_force

    partnership = PartnershipFactory()
    old = StrategicPlan.objects.create(
        partnership=partnership, title="Plan 2021-24", start_year=2021, end_year=2024
    )
    new = StrategicPlan.objects.create(
        partnership=partnership, title="Plan 2024-27", start_year=2024, end_year=2027
    )
    plans = [old, new]
    assert plan_in_force(plans, date(2024, 3, 31)) == old  # still 2023-24
    assert plan_in_force(plans, date(2024, 4, 1)) == new
    assert plan_in_force(plans, date(2026, 12, 3)) == new
    assert plan_in_force(plans, date(2028, 5, 1)) == new  # between plans: the latest
    assert plan_in_force(plans, date(2019, 5, 1)) == new  # before any: the latest too
    assert plan_in_force([], date(2026, 12, 3)) is None
