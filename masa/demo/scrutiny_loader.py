"""Load the demo's independent scrutiny and statement of assurance (masa/demo/scrutiny_data.py).

Everything goes through the scrutiny services, as the pages do: the scrutineer writes the plan,
the findings and the comment; the partnership service manager records the response (so the
accepted finding becomes a tracker action) and drafts the statement; each lead safeguarding
partner signs it off as themself. Idempotent: a partnership that already has a plan is left alone.
"""

from datetime import UTC, date, datetime, time

from masa.accounts.models import User
from masa.actions import services as action_services
from masa.actions.models import Action
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.scrutiny_data import SCRUTINY
from masa.demo.structure_data import PARTNERSHIPS
from masa.partnership.models import Partnership, Person
from masa.scrutiny import services
from masa.scrutiny.models import ActivityStatus, ScrutinyPlan


def load_scrutiny_demo() -> None:
    for slug, spec in SCRUTINY.items():
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is not None and not ScrutinyPlan.objects.filter(partnership=partnership).exists():
            _load(partnership, spec)


def _close(action: Action, impact: str, *, on: date, actor: Actor) -> None:
    """Closed as history, on the day given, not on the day of loading."""
    action_services.action_close(actor=actor, action=action, impact=impact)
    Action.objects.filter(pk=action.pk).update(closed_at=datetime.combine(on, time(12), tzinfo=UTC))


def _load(partnership: Partnership, spec: dict) -> None:
    structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership).select_related("user")}
    people = {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}

    def user_of(key: str) -> User | None:
        person = people.get(key)
        return person.user if person else None

    scrutineer: Actor = user_of("scrutineer") or DEMO_LOADER
    business: Actor = user_of("psm") or DEMO_LOADER

    plan_spec = spec["plan"]
    plan = services.plan_save(
        actor=scrutineer, partnership=partnership, year=plan_spec["year"], summary=plan_spec["summary"]
    )
    for item in plan_spec["activities"]:
        activity = services.activity_save(
            actor=scrutineer,
            plan=plan,
            kind=item["kind"],
            title=item["title"],
            planned_on=item["planned_on"],
            status=ActivityStatus.DONE if item["done_on"] else ActivityStatus.PLANNED,
            done_on=item["done_on"],
        )
        for found in item["findings"]:
            finding = services.finding_save(actor=scrutineer, activity=activity, text=found["text"])
            if "response" in found:
                finding = services.response_save(
                    actor=business,
                    finding=finding,
                    response=found["response"],
                    response_text=found["response_text"],
                    owner=people.get(found.get("owner", "")),
                    due_date=found.get("due"),
                    today=found.get("agreed"),
                )
                if finding.action is not None and "impact" in found:
                    _close(finding.action, found["impact"], on=found["due"], actor=business)
    comment = spec["comment"]
    services.comment_save(
        actor=scrutineer, partnership=partnership, year=comment["year"], text=comment["text"], publish=True
    )
    statement_spec = spec["statement"]
    statement = services.statement_save(
        actor=business, partnership=partnership, year=statement_spec["year"], text=statement_spec["text"]
    )
    for key in spec["signers"]:
        signer = user_of(key)
        if signer is not None:
            services.statement_sign_off(
                actor=signer, statement=statement, signed_on=statement_spec["signed_on"]
            )
