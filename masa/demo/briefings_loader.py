"""Hounslow 2023-24 7-minute briefings, from the learning section of the yearly report 2023-24.

Two published briefings: pre-birth practice (the second rapid review of the year), and
adolescents and care leavers (the local learning review on mental health and suicide, with
online harm). Each is linked to a learning review with a matching theme when one has been
loaded, and about two thirds of the partnership's agencies have confirmed they cascaded it.
Running the loader again changes nothing.
"""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from masa.accounts.models import Membership, Role
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus
from masa.partnership.models import Partnership, PartnershipAgency
from masa.reviews.models import DEFAULT_THEMES, Review, Theme

THEME_NAMES = dict(DEFAULT_THEMES)

BRIEFINGS: list[dict[str, Any]] = [
    {
        "slug": "pre-birth-practice",
        "title": "Pre-birth practice: assessing for a baby not yet born",
        "themes": ["pre-birth", "domestic-abuse"],
        # The first theme that finds a review links the briefing to it.
        "review_themes": ["pre-birth", "domestic-abuse"],
        "published_on": date(2024, 2, 12),
        "background": (
            "In 2023-24 the partnership held two rapid reviews. Both involved domestic abuse; one "
            "tested the robustness of pre-birth assessment. Neither met the criteria for a local "
            "child safeguarding practice review, and the National Panel agreed."
        ),
        "what_we_found": (
            "- Pre-birth assessments were often too focused on the parents, more so when started early.\n"
            "- Assessment teams had too little time for the systemic thinking and reflection pre-birth "
            "work needs.\n"
            "- Domestic abuse practice was strong: the partnership was assured and no actions were needed."
        ),
        "why_it_matters": (
            "A baby cannot be seen before birth, so the assessment has to picture the baby's "
            "world: who will care for them, who else is in the home, and what risks they will face "
            "from their first day."
        ),
        "what_to_do": (
            "- Refer unborn babies early so the Safeguarding and Support Teams can assess, intervene "
            "and plan for permanence in good time.\n"
            "- Keep the baby at the centre: ask what life will be like for this baby.\n"
            "- Include fathers and partners in every pre-birth assessment.\n"
            "- Follow the revised pre-birth protocol and flowchart (summer 2023)."
        ),
        "questions_to_ask": (
            "- When did we last refer an unborn baby, and how many weeks into the pregnancy?\n"
            "- Do we know who else lives in or visits the home?\n"
            "- How would the baby's day look through their eyes?"
        ),
        "further_reading": (
            "- HSCP pre-birth protocol and flowchart\n"
            "- HSCP multi-agency pre-birth training (from April 2023)"
        ),
    },
    {
        "slug": "adolescents-mental-health-and-online-harm",
        "title": "Adolescents and care leavers: mental health, suicide prevention and online harm",
        "themes": ["adolescents", "mental-health", "online-harm"],
        "review_themes": ["mental-health", "online-harm", "adolescents"],
        "published_on": date(2024, 4, 22),
        "background": (
            "In March 2024 the partnership held a local learning review after a care leaver took their "
            "own life, as Working Together 2023 now expects for care leavers. A reflective learning "
            "session brought together practitioners who knew the young person and others working "
            "with young people facing the same issues."
        ),
        "what_we_found": (
            "- Pathway planning and preparation for the changes at 18 started too late.\n"
            "- Young people needed more support with their emotional health and wellbeing.\n"
            "- Safety planning did not always follow young people into adulthood.\n"
            "- Online harm, including websites encouraging self-harm, affected young people's mental health."
        ),
        "why_it_matters": (
            "Support can fall away when a young person turns 18, just when the risks they face "
            "change. Online harm cannot be stopped, but practitioners who understand the language "
            "and culture of young people online can help keep them safe."
        ),
        "what_to_do": (
            "- Start pathway planning early and plan each transition with the young person.\n"
            "- Ask every young person about their online life and the sites they use.\n"
            "- Make a safety plan that continues past 18 and involves adult services.\n"
            "- Think family: help young people keep in touch with family beyond 18 where safe."
        ),
        "questions_to_ask": (
            "- Does our focus shift when a young person turns 18?\n"
            "- Are thresholds into adult services fit for purpose for care leavers?\n"
            "- How confident is our team in talking about online harm and suicide?"
        ),
        "further_reading": (
            "- Working Together to Safeguard Children 2023: notifying deaths of care leavers\n"
            "- HSCP training on online harm and suicide prevention"
        ),
    },
]

SECTION_FIELDS = (
    "background",
    "what_we_found",
    "why_it_matters",
    "what_to_do",
    "questions_to_ask",
    "further_reading",
)
CASCADE_METHODS = (
    "Team meetings",
    "Staff newsletter and intranet",
    "Safeguarding supervision",
    "Designated safeguarding leads' forum",
    "Practice development session",
)


def _theme(partnership: Partnership, slug: str) -> Theme:
    theme = Theme.objects.filter(partnership=partnership, slug=slug).first()
    if theme is None:
        name = THEME_NAMES.get(slug, slug.replace("-", " ").capitalize())
        # A theme renamed to the default name keeps its own slug: reuse it rather than clash.
        theme, _ = Theme.objects.get_or_create(partnership=partnership, name=name, defaults={"slug": slug})
    return theme


def _review_for(partnership: Partnership, theme_slugs: list[str]) -> Review | None:
    for slug in theme_slugs:
        review = (
            Review.objects.filter(partnership=partnership, themes__slug=slug)
            .order_by("start_date", "reference")
            .first()
        )
        if review is not None:
            return review
    return None


def _confirm_cascades(partnership: Partnership, briefing: Briefing, offset: int, actor: Any) -> None:
    links = list(
        PartnershipAgency.objects.filter(partnership=partnership, is_active=True)
        .select_related("agency")
        .order_by("agency__name")
    )
    assert briefing.published_on is not None
    for index, link in enumerate(links):
        if (index + offset) % 3 == 2:  # about a third have not confirmed yet
            continue
        BriefingDissemination.objects.get_or_create(
            briefing=briefing,
            agency=link.agency,
            defaults={
                "partnership": partnership,
                "confirmed_on": min(
                    briefing.published_on + timedelta(days=7 + 3 * index), timezone.localdate()
                ),
                "confirmed_by": actor,
                "how": CASCADE_METHODS[index % len(CASCADE_METHODS)],
                "staff_reached": 15 + (index * 37) % 180,
            },
        )


def load_briefings_demo(partnership: Partnership) -> list[Briefing]:
    """The two Hounslow briefings, their themes, review links and dissemination."""
    membership = (
        Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_TEAM)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    actor = membership.user if membership else None
    briefings = []
    for offset, data in enumerate(BRIEFINGS):
        themes = [_theme(partnership, slug) for slug in data["themes"]]
        review = _review_for(partnership, data["review_themes"])
        briefing = Briefing.objects.filter(partnership=partnership, slug=data["slug"]).first()
        if briefing is None:
            briefing = Briefing.objects.create(
                partnership=partnership,
                slug=data["slug"],
                title=data["title"],
                review=review,
                status=BriefingStatus.PUBLISHED,
                published_on=data["published_on"],
                **{name: data[name] for name in SECTION_FIELDS},
            )
            briefing.themes.set(themes)
        elif briefing.review is None and review is not None:
            # The reviews may be loaded after the briefings: link them on a later run.
            briefing.review = review
            briefing.save(update_fields=["review", "updated_at"])
        if briefing.status == BriefingStatus.PUBLISHED:
            _confirm_cascades(partnership, briefing, offset, actor)
        briefings.append(briefing)
    return briefings
