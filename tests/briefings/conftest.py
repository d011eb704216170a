"""A small world for the briefing tests: a partnership with agencies, themes, a review, briefings."""

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.utils import timezone

from masa.accounts.models import Role, User
from masa.briefings.models import Briefing, BriefingStatus
from masa.partnership.models import Agency, Partnership
from masa.reviews.models import Finding, Review, Theme
from tests.factories import (
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    RapidReviewFactory,
    member,
)

SECTIONS = {
    "background": "A baby was seriously harmed; the family was known to services before the birth.",
    "what_we_found": "Pre-birth assessments started late and focused on the parents.",
    "why_it_matters": "A baby cannot tell us what is happening; assessment must start early.",
    "what_to_do": "- Refer unborn babies at 12 weeks\n- Include fathers in every assessment",
    "questions_to_ask": "Who else lives in the home?",
    "further_reading": "Pre-birth protocol 2023",
}


@dataclass
class World:
    partnership: Partnership
    agencies: list[Agency]
    themes: dict[str, Theme]
    review: Review
    draft: Briefing
    published: Briefing
    withdrawn: Briefing
    bt: User
    lead: User = field(default=None)  # type: ignore[assignment]


def make_briefing(partnership, *, title, status=BriefingStatus.DRAFT, published_on=None, themes=(), **extra):
    values = {**SECTIONS, **extra}
    briefing = Briefing.objects.create(
        partnership=partnership,
        title=title,
        slug=title.lower().replace(" ", "-").replace(":", ""),
        status=status,
        published_on=published_on,
        **values,
    )
    briefing.themes.set(themes)
    return briefing


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug, name=f"{slug.title()} Safeguarding Children Partnership")
    agencies = [PartnershipAgencyFactory(partnership=p).agency for _ in range(3)]
    themes = {
        s: Theme.objects.create(partnership=p, slug=s, name=name)
        for s, name in (("pre-birth", "Pre-birth"), ("online-harm", "Online harm"), ("neglect", "Neglect"))
    }
    review = RapidReviewFactory(
        partnership=p, reference=f"RR-{slug}-01", title="Pre-birth assessment rapid review"
    )
    review.themes.set([themes["pre-birth"]])
    Finding.objects.create(partnership=p, review=review, number=1, text="Assessment started late")
    Finding.objects.create(partnership=p, review=review, number=2, text="Fathers were not included")
    today = timezone.localdate()
    world = World(
        partnership=p,
        agencies=agencies,
        themes=themes,
        review=review,
        draft=make_briefing(p, title=f"Draft {slug} briefing", themes=[themes["neglect"]]),
        published=make_briefing(
            p,
            title=f"Published {slug} briefing",
            status=BriefingStatus.PUBLISHED,
            published_on=today - timedelta(days=30),
            themes=[themes["pre-birth"]],
            review=review,
        ),
        withdrawn=make_briefing(
            p,
            title=f"Withdrawn {slug} briefing",
            status=BriefingStatus.WITHDRAWN,
            published_on=date(2024, 1, 10),
        ),
        bt=member(p, Role.BUSINESS_TEAM),
    )
    world.lead = member(p, Role.AGENCY_LEAD, mfa=False)
    PersonFactory(partnership=p, agency=agencies[0], user=world.lead)
    return world


@pytest.fixture
def alpha(db) -> World:
    return make_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return make_world("beta")
