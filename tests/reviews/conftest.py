"""Two partnerships with themes, a learning review, its findings, recommendations and actions."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.utils import timezone

from masa.accounts.models import Role, User
from masa.actions import services as action_services
from masa.actions.models import Action
from masa.partnership.models import Agency, Group, Partnership, Person
from masa.reviews import services
from masa.reviews.models import Finding, Recommendation, Review, ReviewKind, Theme
from tests.factories import (
    SETUP,
    GroupFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    RapidReviewFactory,
    member,
)

TODAY = timezone.localdate()


@dataclass
class World:
    partnership: Partnership
    agency: Agency
    group: Group
    business_team: User
    owner_user: User  # an agency lead who owns the review's actions
    owner: Person
    themes: dict[str, Theme]
    review: Review
    finding: Finding
    recommendation: Recommendation
    actions: list[Action] = field(default_factory=list)


def make_review(world_or_partnership, reference: str, *, themes=(), kind=ReviewKind.LOCAL_LEARNING, **values):
    partnership = getattr(world_or_partnership, "partnership", world_or_partnership)
    values.setdefault("start_date", date(2024, 3, 4))
    if kind == ReviewKind.RAPID_REVIEW:
        # Rapid reviews start from their serious incident, not from the reviews pages.
        review = RapidReviewFactory(partnership=partnership, reference=reference, **values)
        review.themes.set(themes)
        return review
    return services.review_create(
        actor=SETUP,
        partnership=partnership,
        kind=kind,
        reference=reference,
        title=values.pop("title", f"Review {reference}"),
        themes=themes,
        **values,
    )


def add_chain(world: World, review: Review, *, findings: int = 1, closed: bool = True) -> list[Action]:
    """Findings, each with a recommendation and an action (closed with evidence and impact)."""
    actions = []
    for n in range(findings):
        finding = services.finding_save(
            actor=SETUP, review=review, text=f"Finding {n}", themes=[world.themes["online-harm"]]
        )
        recommendation = services.recommendation_save(
            actor=SETUP,
            review=review,
            text=f"Recommendation {n}",
            finding=finding,
            accountable_agency=world.agency,
        )
        action = services.recommendation_action_add(
            actor=SETUP,
            recommendation=recommendation,
            title=f"Action {review.reference} {n}",
            owner=world.owner,
            due_date=TODAY + timedelta(days=30),
        )
        if closed:
            action_services.action_add_evidence(
                actor=world.owner_user, action=action, kind="text", text=f"Audit {n}"
            )
            action_services.action_close(
                actor=world.owner_user, action=action, impact=f"Impact {review.reference} {n}"
            )
        actions.append(action)
    return actions


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p).agency
    group = GroupFactory(partnership=p, name=f"{slug.title()} Effective Practice Group")
    bt = member(p, Role.BUSINESS_TEAM)
    owner_user = member(p, Role.AGENCY_LEAD, mfa=False, full_name=f"Ola Owner {slug}")
    from masa.accounts.models import Membership

    Membership.objects.filter(user=owner_user, partnership=p).update(agency=agency)
    owner = PersonFactory(
        partnership=p, agency=agency, user=owner_user, name=f"Ola Owner {slug}", email=owner_user.email
    )
    services.themes_add_defaults(actor=bt, partnership=p)
    themes = {t.slug: t for t in Theme.objects.filter(partnership=p)}
    review = make_review(
        p, "LLR-2024-01", title="Mental health and suicide", themes=[themes["mental-health"]], group=group
    )
    finding = services.finding_save(
        actor=bt, review=review, text="Transition planning began late", themes=[themes["adolescents"]]
    )
    recommendation = services.recommendation_save(
        actor=bt,
        review=review,
        text="Start pathway planning at 16",
        finding=finding,
        accountable_agency=agency,
    )
    world = World(
        partnership=p,
        agency=agency,
        group=group,
        business_team=bt,
        owner_user=owner_user,
        owner=owner,
        themes=themes,
        review=review,
        finding=finding,
        recommendation=recommendation,
    )
    world.actions.append(
        services.recommendation_action_add(
            actor=bt,
            recommendation=recommendation,
            title="Pathway plans from 16",
            owner=owner,
            due_date=TODAY + timedelta(days=60),
            group=group,
        )
    )
    return world


@pytest.fixture
def alpha(db) -> World:
    return make_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return make_world("beta")
