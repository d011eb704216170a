"""Shared set-up for the catalogue and data call tests: a partnership, agencies with leads,
indicators of each unit, a quarter and an open data call."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from masa.accounts.models import Membership, Role
from masa.indicators import services
from masa.indicators.models import DataCall, Indicator, Period, Submission
from masa.partnership.models import Agency, Partnership
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member

Q1_START, Q1_END = date(2023, 4, 1), date(2023, 6, 30)


@dataclass
class World:
    partnership: Partnership
    business: Any
    police: Agency
    health: Agency
    police_lead: Any
    health_lead: Any
    indicators: dict[str, Indicator]
    period: Period
    call: DataCall

    def submission(self, agency: Agency) -> Submission:
        return Submission.objects.get(data_call=self.call, agency=agency)


def agency_lead(partnership: Partnership, agency: Agency, **kwargs: Any):
    """An agency lead whose Person (and membership) is in the agency."""
    user = member(partnership, Role.AGENCY_LEAD, mfa=False, **kwargs)
    Membership.objects.filter(user=user, partnership=partnership).update(agency=agency)
    PersonFactory(partnership=partnership, agency=agency, user=user, email=user.email)
    return user


def indicator(
    partnership: Partnership, code: str, unit: str, agency: Agency | None, **kwargs: Any
) -> Indicator:
    return services.indicator_create(
        actor=SETUP,
        partnership=partnership,
        code=code,
        title=kwargs.pop("title", code.replace("_", " ").capitalize()),
        definition=kwargs.pop("definition", f"What {code} measures"),
        unit=unit,
        frequency=kwargs.pop("frequency", "quarterly"),
        source_agency=agency,
        **kwargs,
    )


def build_world(slug: str = "alpha", *, open_call: bool = True) -> World:
    partnership = PartnershipFactory(slug=slug)
    police = PartnershipAgencyFactory(partnership=partnership, agency__name=f"{slug} police").agency
    health = PartnershipAgencyFactory(partnership=partnership, agency__name=f"{slug} health").agency
    business = member(partnership, Role.BUSINESS_TEAM)
    police_lead = agency_lead(partnership, police)
    health_lead = agency_lead(partnership, health)
    indicators = {
        "missing_episodes": indicator(
            partnership, "missing_episodes", "count", police, title="Missing episodes"
        ),
        "arrests_pct": indicator(partnership, "arrests_pct", "percent", police, title="Arrests charged"),
        "visits_rate": indicator(partnership, "visits_rate", "rate_10k", police, title="Visits rate"),
        "wait_days": indicator(partnership, "wait_days", "days", police, title="Days waiting"),
        "health_checks": indicator(partnership, "health_checks", "count", health, title="Health checks"),
        "yearly_thing": indicator(partnership, "yearly_thing", "count", police, frequency="yearly"),
    }
    period = services.period_create(
        actor=business, partnership=partnership, frequency="quarterly", start=Q1_START, end=Q1_END
    )
    call = (
        services.data_call_open(
            actor=business, partnership=partnership, period=period, due_date=date(2023, 7, 31)
        )
        if open_call
        else None
    )
    return World(partnership, business, police, health, police_lead, health_lead, indicators, period, call)  # type: ignore[arg-type]


def police_answers(**overrides: Any) -> dict[str, services.Answer]:
    answers = {
        "missing_episodes": services.Answer(value="12"),
        "arrests_pct": services.Answer(numerator="3", denominator="4"),
        "visits_rate": services.Answer(numerator="25", denominator="68630"),
        "wait_days": services.Answer(missing_reason="The system was down"),
    }
    answers.update(overrides)
    return answers


def police_indicators(world: World) -> list[Indicator]:
    from masa.indicators.selectors import submission_indicators

    return submission_indicators(world.submission(world.police))
