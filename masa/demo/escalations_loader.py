"""Load Hounslow's professional escalations of 2023-24 (masa/demo/escalations_data.py).

Through the services, on the days the data gives. Idempotent: a partnership that already has an
escalation is left alone.
"""

from datetime import date

from masa.actions import services as action_services
from masa.demo.actor import DEMO_LOADER
from masa.demo.case_audits_loader import _Directory
from masa.demo.escalations_data import HOUNSLOW_ESCALATIONS
from masa.escalations import services
from masa.escalations.models import Escalation
from masa.partnership.models import Partnership
from masa.reviews.models import Theme
from masa.reviews.services import themes_add_defaults


def load_escalations_demo() -> None:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    if partnership is None or Escalation.objects.filter(partnership=partnership).exists():
        return
    themes_add_defaults(actor=DEMO_LOADER, partnership=partnership)
    themes = {t.slug: t for t in Theme.objects.filter(partnership=partnership)}
    d = _Directory(partnership)
    for data in HOUNSLOW_ESCALATIONS:
        resolved_on: date = data["resolved_on"]
        escalation = services.escalation_raise(
            actor=DEMO_LOADER,
            partnership=partnership,
            raised_on=data["raised_on"],
            raised_by_agency=d.agencies[data["agency"]],
            raised_by_role=data["role"],
            agencies=[d.agencies[key] for key in data["agencies"]],
            concern=data["concern"],
            child_reference=data["child"],
            themes=[themes[slug] for slug in data["themes"]],
            today=data["raised_on"],
        )
        for stage, started_on in data["stages"]:
            services.escalation_advance(
                actor=DEMO_LOADER, escalation=escalation, stage=stage, started_on=started_on, today=started_on
            )
        services.escalation_resolve(
            actor=DEMO_LOADER,
            escalation=escalation,
            resolved_on=resolved_on,
            resolution=data["resolution"],
            today=resolved_on,
        )
        if follow_up := data.get("follow_up"):
            escalation = services.follow_up_add(
                actor=DEMO_LOADER,
                escalation=escalation,
                text=follow_up["text"],
                owner=d.people[follow_up["owner"]],
                due_date=follow_up["due_date"],
                group=d.groups.get(follow_up["group"]),
                today=resolved_on,
            )
            assert escalation.action is not None
            action_services.action_close(
                actor=DEMO_LOADER, action=escalation.action, impact=follow_up["impact"]
            )
