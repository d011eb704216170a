"""Load Hounslow's restraint and use of force at HMYOI Feltham (masa/demo/restraint_data.py).

Everything goes through the restraint services, so the demo's figures pass the same checks as a
user's. Idempotent: a partnership that already has the establishment is left alone. Ealing and
Hillingdon have no young offender institution.
"""

from masa.actions.models import Action
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.restraint_data import (
    AGE_KEYS,
    ESTABLISHMENT,
    ETHNICITY_KEYS,
    GROUP,
    QUARTERS,
    REVIEW,
    TYPES,
)
from masa.partnership.models import Group, Partnership
from masa.restraint import services
from masa.restraint.models import Establishment


def load_restraint_demo() -> None:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    group = Group.objects.filter(partnership=partnership, name=GROUP).select_related("chair__user").first()
    if partnership is None or group is None:
        return
    if Establishment.objects.filter(partnership=partnership, name=ESTABLISHMENT).exists():
        return
    actor: Actor = group.chair.user if group.chair and group.chair.user else DEMO_LOADER
    establishment = services.establishment_save(
        actor=actor, partnership=partnership, name=ESTABLISHMENT, group=group
    )
    types = [
        services.type_save(actor=actor, partnership=partnership, name=name, order=n)
        for n, name in enumerate(TYPES, start=1)
    ]
    for quarter, incidents, injuries, children, by_type, by_age, by_ethnicity, themes, concerns in QUARTERS:
        services.quarter_save(
            actor=actor,
            establishment=establishment,
            year=REVIEW["year"],
            quarter=quarter,
            incidents=incidents,
            injuries=injuries,
            children=children,
            type_counts=dict(zip(types, by_type, strict=True)),
            by_age=dict(zip(AGE_KEYS, by_age, strict=True)),
            by_ethnicity=dict(zip(ETHNICITY_KEYS, by_ethnicity, strict=True)),
            themes=themes,
            concerns=concerns,
        )
    actions = Action.objects.filter(partnership=partnership, title__in=REVIEW["actions"])
    services.review_save(
        actor=actor,
        establishment=establishment,
        year=REVIEW["year"],
        summary=REVIEW["summary"],
        themes=REVIEW["themes"],
        concerns=REVIEW["concerns"],
        recommendations=REVIEW["recommendations"],
        actions=actions,
    )
