"""Hounslow 2023-24 serious incidents: the two rapid reviews of the yearly report (seed 000).

One followed domestic abuse, one raised pre-birth assessment; neither led to an LCSPR.
Loaded through the real services, so the clocks are those any partnership would see.
"""

from datetime import date
from typing import Any

from masa.accounts.models import Membership, Role
from masa.learning import services
from masa.learning.models import AgeBand, Ethnicity, IncidentCategory, SeriousIncident, Sex
from masa.partnership.models import Agency, Partnership

INCIDENTS: list[dict[str, Any]] = [
    {
        "reference": "SI-2023-01",
        "category": IncidentCategory.SERIOUS_HARM,
        "date_aware": date(2023, 6, 12),
        "summary": "Serious injury to a young child in a household known for domestic abuse.",
        "agencies": [
            "Metropolitan Police Service West Area Basic Command Unit",
            "London Borough of Hounslow",
        ],
        "children": [("Child A", AgeBand.AGE_1_4, Sex.MALE, Ethnicity.ASIAN)],
        "notified": date(2023, 6, 16),
        "rr_submitted": date(2023, 7, 6),
    },
    {
        "reference": "SI-2023-02",
        "category": IncidentCategory.DEATH,
        "date_aware": date(2023, 11, 20),
        "summary": "Death of an infant; learning about pre-birth assessment and information sharing.",
        "agencies": ["London Borough of Hounslow", "NHS North West London Integrated Care Board"],
        "children": [("Child B", AgeBand.UNDER_1, Sex.FEMALE, Ethnicity.WHITE)],
        "notified": date(2023, 11, 24),
        "rr_submitted": date(2023, 12, 13),
    },
]


def load_learning_demo() -> None:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    if partnership is None or SeriousIncident.objects.filter(partnership=partnership).exists():
        return
    team = [
        m.user
        for m in Membership.objects.filter(
            partnership=partnership, role__in=[Role.BUSINESS_TEAM, Role.DSP]
        ).select_related("user")
    ]
    actor = team[0] if team else None
    for data in INCIDENTS:
        incident = services.incident_create(
            actor=actor,  # type: ignore[arg-type]
            partnership=partnership,
            reference=data["reference"],
            category=data["category"],
            date_aware=data["date_aware"],
            summary=data["summary"],
            agencies=Agency.objects.filter(name__in=data["agencies"]),
        )
        children = [
            services.child_add(
                actor=actor,  # type: ignore[arg-type]
                incident=incident,
                reference=ref,
                age_band=band,
                sex=sex,
                ethnicity=ethnicity,
            )
            for ref, band, sex, ethnicity in data["children"]
        ]
        services.notification_send(
            actor=actor,  # type: ignore[arg-type]
            incident=incident,
            children=children,
            sent_date=data["notified"],
        )
        services.case_team_set(actor=actor, incident=incident, users=team)  # type: ignore[arg-type]
        services.rapid_review_submitted(
            actor=actor,  # type: ignore[arg-type]
            incident=incident,
            submitted_date=data["rr_submitted"],
        )
