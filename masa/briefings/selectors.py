"""Reads of 7-minute briefings, their dissemination and the public learning page.

Every query is scoped to one partnership, with a constant number of queries per page. The public
reads return only published briefings and published review reports: drafts, withdrawn briefings
and unpublished reviews do not exist as far as a visitor can tell.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet

from masa.accounts.models import Membership, User
from masa.briefings.models import Briefing, BriefingDissemination, BriefingStatus
from masa.partnership.models import Agency, Partnership, PartnershipAgency, Person
from masa.reviews.models import Finding, Review, ReviewStatus, Theme
from masa.reviews.rules import MANAGE_REVIEWS


def _briefings(partnership: Partnership) -> QuerySet[Briefing]:
    return (
        Briefing.objects.filter(partnership=partnership)
        .select_related("review", "partnership")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )


def briefing_list(partnership: Partnership, *, status: str = "") -> QuerySet[Briefing]:
    """Every briefing of the partnership with its number of confirmed agencies; drafts first."""
    qs = _briefings(partnership).annotate(confirmed=Count("disseminations", distinct=True))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "-published_on", "title")


def briefings_seen_by(user: User, partnership: Partnership) -> QuerySet[Briefing]:
    """The briefings of the partnership this user may find: drafts only for those who write them."""
    qs = Briefing.objects.filter(partnership=partnership)
    if not user.has_perm(MANAGE_REVIEWS, partnership):
        qs = qs.exclude(status=BriefingStatus.DRAFT)
    return qs


def briefing_get(partnership: Partnership, uuid: str) -> Briefing | None:
    return _briefings(partnership).filter(uuid=uuid).first()


def theme_choices(partnership: Partnership) -> QuerySet[Theme]:
    return Theme.objects.filter(partnership=partnership, is_active=True).order_by("name")


def review_choices(partnership: Partnership) -> QuerySet[Review]:
    return Review.objects.filter(partnership=partnership).order_by("reference")


def review_for_briefing(partnership: Partnership, uuid: str) -> Review | None:
    """A review of the partnership with its findings and themes, to start a briefing from."""
    return (
        Review.objects.filter(partnership=partnership, uuid=uuid)
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.order_by("number")),
            Prefetch("themes", queryset=Theme.objects.filter(is_active=True)),
        )
        .first()
    )


def briefing_prefill(review: Review) -> dict:
    """Initial answers for a briefing drawn from a review: title, themes and what was found."""
    findings = [f"{finding.number}. {finding.text.strip()}" for finding in review.findings.all()]
    return {
        "title": review.title,
        "review": review,
        "themes": [theme.pk for theme in review.themes.all()],
        "what_we_found": "\n".join(findings),
    }


# Dissemination ----------------------------------------------------------------------------


def agency_of(user: User, partnership: Partnership) -> Agency | None:
    """The agency a user works for in this partnership: their Person record's, else their membership's."""
    person = (
        Person.objects.filter(partnership=partnership, user=user, is_active=True)
        .select_related("agency")
        .order_by("pk")
        .first()
    )
    if person is not None:
        return person.agency
    membership = (
        Membership.objects.filter(partnership=partnership, user=user, is_active=True)
        .select_related("agency")
        .first()
    )
    return membership.agency if membership else None


def agency_choices(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True).order_by(
        "name"
    )


@dataclass
class DisseminationRow:
    link: PartnershipAgency
    dissemination: BriefingDissemination | None


@dataclass
class DisseminationTable:
    rows: list[DisseminationRow]
    confirmed: int
    total: int

    @property
    def summary(self) -> str:
        noun = "agency" if self.total == 1 else "agencies"
        return f"{self.confirmed} of {self.total} {noun} confirmed"


def dissemination_table(briefing: Briefing) -> DisseminationTable:
    """Every active agency of the partnership, with its confirmation or none yet (two queries)."""
    links = list(
        PartnershipAgency.objects.filter(partnership_id=briefing.partnership_id, is_active=True)
        .select_related("agency")
        .order_by("agency__name")
    )
    confirmations = {
        d.agency_id: d
        for d in BriefingDissemination.objects.filter(briefing=briefing).select_related("confirmed_by")
    }
    rows = [DisseminationRow(link, confirmations.get(link.agency_id)) for link in links]
    return DisseminationTable(
        rows=rows, confirmed=sum(1 for row in rows if row.dissemination), total=len(rows)
    )


def dissemination_for(briefing: Briefing, agency: Agency | None) -> BriefingDissemination | None:
    if agency is None:
        return None
    return BriefingDissemination.objects.filter(briefing=briefing, agency=agency).first()


# The public learning page -----------------------------------------------------------------


def public_partnership(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def public_briefings(partnership: Partnership, *, theme: str = "") -> QuerySet[Briefing]:
    """Published briefings, newest first, optionally of one theme (by slug)."""
    qs = _briefings(partnership).filter(status=BriefingStatus.PUBLISHED)
    if theme:
        qs = qs.filter(themes__slug=theme)
    return qs.order_by("-published_on", "title").distinct()


def public_briefing_get(partnership: Partnership, slug: str) -> Briefing | None:
    return _briefings(partnership).filter(status=BriefingStatus.PUBLISHED, slug=slug).first()


def public_themes(partnership: Partnership) -> QuerySet[Theme]:
    """Themes that have at least one published briefing (the filter offers nothing that is empty)."""
    return (
        Theme.objects.filter(partnership=partnership)
        .filter(briefings__status=BriefingStatus.PUBLISHED)
        .distinct()
        .order_by("name")
    )


def _published_reviews(partnership: Partnership) -> QuerySet[Review]:
    return Review.objects.filter(
        partnership=partnership, status=ReviewStatus.PUBLISHED, publication_date__isnull=False
    )


def public_reviews(partnership: Partnership) -> QuerySet[Review]:
    """Published review reports, newest first."""
    return _published_reviews(partnership).order_by("-publication_date", "reference")


def public_review_get(partnership: Partnership, uuid: str) -> Review | None:
    return _published_reviews(partnership).exclude(final_report="").filter(uuid=uuid).first()
