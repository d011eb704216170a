"""Generates a large learning record for the clocks dashboard and theme page benchmarks.

`generate()` makes a new partnership (the governance bench's structure) with 2,000 serious
incidents over five years, each with a child, a Panel notification and a rapid-review learning
record; 100 LCSPRs; two findings and two recommendations per review; 20,000 actions from
those recommendations (about half closed with evidence and impact). `grow()` adds a fraction
more. Dates are relative to today so the clocks keep their meaning.
"""

import random
from datetime import timedelta

from auditlog.context import disable_auditlog
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from bench.governance_data import make_structure
from masa.actions.models import Action, ActionEvidence, ActionSource, ActionStatus, EvidenceKind
from masa.clocks.calendar import add_working_days
from masa.incidents.models import (
    AgeBand,
    Ethnicity,
    IncidentCategory,
    IncidentChild,
    PanelNotification,
    SeriousIncident,
    Sex,
)
from masa.partnership.models import Person
from masa.reviews.models import (
    DEFAULT_THEMES,
    Finding,
    Recommendation,
    Review,
    ReviewKind,
    ReviewStatus,
    Theme,
)

BATCH = 5000
YEARS = 5


def generate(
    slug: str = "learnshire", incidents: int = 2000, actions: int = 20_000, lcsprs: int = 100, seed: int = 1
) -> dict:
    rng = random.Random(seed)
    with transaction.atomic(), disable_auditlog():
        partnership, user = make_structure(slug, 30, 300, rng)
        Theme.objects.bulk_create(
            [Theme(partnership=partnership, slug=s, name=name) for s, name in DEFAULT_THEMES]
        )
        _Generator(partnership, seed).add(incidents, actions, lcsprs)
    return {"partnership": partnership, "user": user, "counts": counts(partnership)}


def grow(result: dict, fraction: float = 0.1, seed: int = 2) -> None:
    counts_now = result["counts"]
    with transaction.atomic(), disable_auditlog():
        _Generator(result["partnership"], seed).add(
            max(1, int(counts_now["incidents"] * fraction)),
            max(1, int(counts_now["review actions"] * fraction)),
            max(1, int(counts_now["LCSPRs"] * fraction)),
        )
    result["counts"] = counts(result["partnership"])


def counts(partnership) -> dict[str, int]:
    return {
        "incidents": SeriousIncident.objects.filter(partnership=partnership).count(),
        "reviews": Review.objects.filter(partnership=partnership).count(),
        "LCSPRs": Review.objects.filter(partnership=partnership, kind=ReviewKind.LCSPR).count(),
        "recommendations": Recommendation.objects.filter(partnership=partnership).count(),
        "review actions": Action.objects.filter(
            partnership=partnership, source=ActionSource.REVIEW_RECOMMENDATION
        ).count(),
    }


class _Generator:
    def __init__(self, partnership, seed: int) -> None:
        self.partnership = partnership
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.people = list(Person.objects.filter(partnership=partnership).values_list("pk", "agency_id"))
        self.themes = list(Theme.objects.filter(partnership=partnership))
        self.number = Action.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0
        self.serial = SeriousIncident.objects.filter(partnership=partnership).count()

    def add(self, n_incidents: int, n_actions: int, n_lcsprs: int) -> None:
        owned = {"partnership": self.partnership}
        incidents = self._incidents(n_incidents)
        children = IncidentChild.objects.bulk_create(
            [
                IncidentChild(
                    **owned,
                    incident=incident,
                    reference="Child A",
                    age_band=self.rng.choice(AgeBand.values[:-1]),
                    sex=self.rng.choice(Sex.values),
                    ethnicity=self.rng.choice(Ethnicity.values),
                )
                for incident in incidents
            ],
            batch_size=BATCH,
        )
        notifications = PanelNotification.objects.bulk_create(
            [
                PanelNotification(
                    **owned,
                    incident=incident,
                    sent_date=min(self.today, add_working_days(incident.date_aware, self.rng.randint(1, 6))),
                )
                for incident in incidents
            ],
            batch_size=BATCH,
        )
        PanelNotification.children.through.objects.bulk_create(
            [
                PanelNotification.children.through(panelnotification_id=n.pk, incidentchild_id=c.pk)
                for n, c in zip(notifications, children, strict=True)
            ],
            batch_size=BATCH,
        )
        reviews = self._reviews(incidents, n_lcsprs)
        recommendations = self._findings_and_recommendations(reviews)
        self._actions(recommendations, n_actions)

    def _incidents(self, total: int) -> list[SeriousIncident]:
        rows = []
        for n in range(total):
            self.serial += 1
            days_ago = int(365 * YEARS * (total - n) / total) + self.rng.randint(0, 3)
            aware = self.today - timedelta(days=days_ago)
            submitted = add_working_days(aware, self.rng.randint(14, 24))
            rows.append(
                SeriousIncident(
                    partnership=self.partnership,
                    reference=f"SI-{self.serial:05d}",
                    category=self.rng.choice(IncidentCategory.values),
                    date_aware=aware,
                    summary="A serious incident (benchmark data)",
                    rr_submitted_date=submitted if submitted < self.today - timedelta(days=10) else None,
                )
            )
        return SeriousIncident.objects.bulk_create(rows, batch_size=BATCH)

    def _reviews(self, incidents: list[SeriousIncident], n_lcsprs: int) -> list[Review]:
        rows = [
            Review(
                partnership=self.partnership,
                kind=ReviewKind.RAPID_REVIEW,
                reference=f"RR-{incident.reference}",
                title=f"Rapid review {incident.reference}",
                status=ReviewStatus.COMPLETED,
                incident=incident,
                start_date=incident.date_aware,
            )
            for incident in incidents
        ]
        for incident in self.rng.sample(incidents, min(n_lcsprs, len(incidents))):
            decided = incident.date_aware + timedelta(days=40)
            rows.append(
                Review(
                    partnership=self.partnership,
                    kind=ReviewKind.LCSPR,
                    reference=f"LCSPR-{incident.reference}",
                    title=f"LCSPR {incident.reference}",
                    status=ReviewStatus.IN_PROGRESS,
                    incident=incident,
                    start_date=decided,
                    decision_date=decided,
                    final_report_received_date=(
                        decided + timedelta(days=170) if decided + timedelta(days=200) < self.today else None
                    ),
                )
            )
        reviews = Review.objects.bulk_create(rows, batch_size=BATCH)
        Review.themes.through.objects.bulk_create(
            [
                Review.themes.through(review_id=review.pk, theme_id=theme.pk)
                for review in reviews
                for theme in self.rng.sample(self.themes, 2)
            ],
            batch_size=BATCH,
        )
        return reviews

    def _findings_and_recommendations(self, reviews: list[Review]) -> list[Recommendation]:
        owned = {"partnership": self.partnership}
        findings = Finding.objects.bulk_create(
            [
                Finding(**owned, review=review, number=n, text=f"Finding {n}: information was not shared")
                for review in reviews
                for n in (1, 2)
            ],
            batch_size=BATCH,
        )
        Finding.themes.through.objects.bulk_create(
            [
                Finding.themes.through(finding_id=finding.pk, theme_id=self.rng.choice(self.themes).pk)
                for finding in findings
            ],
            batch_size=BATCH,
        )
        return Recommendation.objects.bulk_create(
            [
                Recommendation(
                    **owned,
                    review_id=finding.review_id,
                    finding=finding,
                    number=finding.number,
                    text="Agencies share safety plans within a day",
                    accountable_agency_id=self.rng.choice(self.people)[1],
                )
                for finding in findings
            ],
            batch_size=BATCH,
        )

    def _actions(self, recommendations: list[Recommendation], total: int) -> None:
        rows = []
        for n in range(total):
            recommendation = recommendations[n % len(recommendations)]
            person_id, agency_id = self.rng.choice(self.people)
            self.number += 1
            due = self.today + timedelta(days=self.rng.randint(-700, 120))
            closed = due < self.today and self.rng.random() < 0.6
            rows.append(
                Action(
                    partnership=self.partnership,
                    number=self.number,
                    title="Put the review's recommendation into practice",
                    owner_id=person_id,
                    owner_agency_id=agency_id,
                    due_date=due,
                    source=ActionSource.REVIEW_RECOMMENDATION,
                    review_recommendation=recommendation,
                    status=ActionStatus.CLOSED if closed else ActionStatus.OPEN,
                    impact="Safety plans are now shared the same day" if closed else "",
                )
            )
        actions = Action.objects.bulk_create(rows, batch_size=BATCH)
        ActionEvidence.objects.bulk_create(
            [
                ActionEvidence(
                    partnership=self.partnership, action=a, kind=EvidenceKind.TEXT, text="Audit of 20 cases"
                )
                for a in actions
                if a.status == ActionStatus.CLOSED
            ],
            batch_size=BATCH,
        )
