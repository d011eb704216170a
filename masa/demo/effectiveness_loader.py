"""Load the demo's effectiveness reviews (masa/demo/effectiveness_data.py).

Everything goes through the effectiveness services, so the findings are numbered, the accepted
recommendations become tracker actions and publishing (Hounslow's; the others are drafts) freezes
the figures masa holds for the period, as for any partnership. Idempotent: a partnership that
already has a review is left alone.
"""

from datetime import UTC, datetime, time

from masa.actions import services as action_services
from masa.actions.models import Action
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.effectiveness_data import REVIEWS
from masa.demo.structure_data import PARTNERSHIPS
from masa.effectiveness import services
from masa.effectiveness.models import EffectivenessReview, ResponseKind
from masa.partnership.models import Group, Partnership, Person, Principle


def load_effectiveness_demo() -> None:
    for slug, spec in REVIEWS.items():
        partnership = Partnership.objects.filter(slug=slug).first()
        if (
            partnership is not None
            and not EffectivenessReview.objects.filter(partnership=partnership).exists()
        ):
            _load(partnership, spec)


def _load(partnership: Partnership, spec: dict) -> None:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership).select_related("user")}
    people = {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}
    groups = {g.name: g for g in Group.objects.filter(partnership=partnership)}
    principles = {p.title: p for p in Principle.objects.filter(partnership=partnership)}
    manager = people.get("psm") or people.get("business_manager")
    actor: Actor = manager.user if manager and manager.user else DEMO_LOADER

    review = services.review_save(
        actor=actor,
        partnership=partnership,
        title=spec["title"],
        period_start=spec["period_start"],
        period_end=spec["period_end"],
        reviewer_name=spec["reviewer_name"],
        reviewer_organisation=spec.get("reviewer_organisation", ""),
        summary=spec["summary"],
    )
    for title, (rating, narrative, evidence) in spec["assessments"].items():
        if title in principles:
            services.assessment_save(
                actor=actor,
                review=review,
                principle=principles[title],
                rating=rating,
                narrative=narrative,
                evidence=evidence,
            )
    for item in spec["findings"]:
        finding = services.finding_save(
            actor=actor,
            review=review,
            kind=item["kind"],
            text=item["text"],
            principle=principles.get(item["principle"] or ""),
        )
        owner = people.get(item.get("owner", ""))
        if "response" not in item or owner is None:
            continue
        finding = services.response_save(
            actor=actor,
            finding=finding,
            response=ResponseKind.ACCEPTED,
            response_text=item["response"],
            owner=owner,
            due_date=item["due"],
            group=groups.get(item["group"]),
            today=spec["agreed"],
        )
        assert finding.action is not None
        by = owner.user or actor
        action_services.action_close(actor=by, action=finding.action, impact=item["impact"])
        # Closed when the refreshed arrangements were agreed, as history, not on the day of loading.
        closed_at = datetime.combine(item["due"], time(12), tzinfo=UTC)
        Action.objects.filter(pk=finding.action.pk).update(closed_at=closed_at)
    if spec["published"]:
        services.review_publish(actor=actor, review=review, today=spec["agreed"])
        published_at = datetime.combine(spec["agreed"], time(12), tzinfo=UTC)
        EffectivenessReview.objects.filter(pk=review.pk).update(published_at=published_at)
