"""Hounslow 2023-24 serious incidents: the two rapid reviews of the yearly report ("7) Learning").

One followed domestic abuse (the partnership was assured: no actions), one raised pre-birth
assessment (assessments too parent-focused; pre-birth work moved to the Safeguarding and Support
Teams, training in April 2023, audits in July 2023, an action plan). Both recommended no LCSPR, the
Panel agreed and praised the quality of the rapid reviews, and the partners decided no LCSPR.

Loaded through the real services, so the clocks are those any partnership would see. Idempotent:
every stage is added only if it is missing, so a second run changes nothing.
"""

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.incidents import services
from masa.incidents.models import (
    AgeBand,
    Ethnicity,
    IncidentCategory,
    LocalReviewChoice,
    RapidReview,
    SeriousIncident,
    Sex,
)
from masa.partnership.models import Agency, Partnership

POLICE = "Metropolitan Police Service West Area Basic Command Unit"
LOCAL_AUTHORITY = "London Borough of Hounslow"
ICB = "NHS North West London Integrated Care Board"
COMMUNITY_HEALTH = "Hounslow and Richmond Community Healthcare NHS Trust"
HOSPITAL = "Chelsea and Westminster Hospital NHS Foundation Trust (West Middlesex University Hospital)"
EDUCATION = "Hounslow education settings (early years, primary, secondary, post-16 and special provision)"

PANEL_FEEDBACK = (
    "The Panel agreed that the criteria for a local child safeguarding practice review were not met "
    "and that the rationale was clear. It gave positive feedback on the quality and robustness of the "
    "rapid review and the learning it generated."
)

INCIDENTS: list[dict[str, Any]] = [
    {
        "reference": "SI-2023-01",
        "category": IncidentCategory.SERIOUS_HARM,
        "date_aware": date(2023, 6, 12),
        "summary": "Serious injury to a young child in a household known for domestic abuse.",
        "agencies": [POLICE, LOCAL_AUTHORITY],
        "children": [("Child A", AgeBand.AGE_1_4, Sex.MALE, Ethnicity.ASIAN)],
        "notified": date(2023, 6, 16),
        # (agency, requested, due, received, notes)
        "requests": [
            (
                POLICE,
                date(2023, 6, 16),
                date(2023, 6, 23),
                date(2023, 6, 22),
                "Call-outs to the address, Merlin reports and MARAC history.",
            ),
            (
                COMMUNITY_HEALTH,
                date(2023, 6, 16),
                date(2023, 6, 23),
                date(2023, 6, 23),
                "Health visiting contacts and routine enquiries about domestic abuse.",
            ),
            (
                LOCAL_AUTHORITY,
                date(2023, 6, 16),
                date(2023, 6, 23),
                date(2023, 6, 21),
                "Children's social care contacts, assessments and referrals to CADA.",
            ),
            (
                EDUCATION,
                date(2023, 6, 16),
                date(2023, 6, 23),
                date(2023, 6, 23),
                "Nursery attendance and Operation Encompass notifications.",
            ),
        ],  # fmt: skip
        "meeting": date(2023, 6, 28),
        "report": {
            "facts": (
                "A young child was seriously injured at home. The household was known to agencies "
                "because of domestic abuse between the adults. Police, health visiting, children's "
                "social care and the child's nursery had each been involved in the months before."
            ),
            "immediate_actions": (
                "A strategy discussion was held the same day and a section 47 enquiry started. The child "
                "and a sibling were made safe with family members under a safety plan. The police opened "
                "a criminal investigation."
            ),
            "learning": (
                "Agencies recognised and responded to the domestic abuse well, in line with the "
                "partnership's procedures: Daily MARAC, CADA and Operation Encompass worked as intended. "
                "The partnership was assured about domestic abuse practice and no actions were identified. "
                "Work already under way will widen Operation Encompass notifications to any case where a "
                "child's presence in the home is clear, not only when a child is seen by police."
            ),
            "recommendation": LocalReviewChoice.NO_LCSPR,
            "recommendation_reasons": (
                "The rapid review found no new learning about how agencies worked together: practice "
                "met the expected standard. The criteria for an LCSPR are not met."
            ),
        },
        "signed_off": date(2023, 7, 4),
        "rr_submitted": date(2023, 7, 6),
        "panel_response": date(2023, 8, 3),
        "decision": date(2023, 8, 10),
        "decision_reason": (
            "The partners accepted the rapid review's recommendation, which the Panel supported: "
            "practice was assured and the criteria for an LCSPR are not met."
        ),
    },
    {
        "reference": "SI-2023-02",
        "category": IncidentCategory.DEATH,
        "date_aware": date(2023, 11, 20),
        "summary": "Death of an infant; learning about pre-birth assessment and information sharing.",
        "agencies": [LOCAL_AUTHORITY, ICB],
        "children": [("Child B", AgeBand.UNDER_1, Sex.FEMALE, Ethnicity.WHITE)],
        "notified": date(2023, 11, 24),
        "requests": [
            (
                POLICE,
                date(2023, 11, 24),
                date(2023, 12, 1),
                date(2023, 11, 30),
                "Police involvement with the parents, including any domestic abuse reports.",
            ),
            (
                HOSPITAL,
                date(2023, 11, 24),
                date(2023, 12, 1),
                date(2023, 12, 1),
                "Maternity records and midwifery safeguarding notes.",
            ),
            (
                LOCAL_AUTHORITY,
                date(2023, 11, 24),
                date(2023, 12, 1),
                date(2023, 11, 29),
                "Children's social care pre-birth assessment and legal planning records.",
            ),
            (
                EDUCATION,
                date(2023, 11, 24),
                date(2023, 12, 1),
                date(2023, 12, 4),
                "Attendance and any concerns about the older sibling at school.",
            ),
        ],  # fmt: skip
        "meeting": date(2023, 12, 6),
        "report": {
            "facts": (
                "An infant died a few weeks after birth. Children's social care had started a pre-birth "
                "assessment early in the pregnancy; midwifery and health visiting were involved, and "
                "police had attended the parents' address before the birth."
            ),
            "immediate_actions": (
                "A strategy discussion was held and the older sibling's safety was reviewed; a child "
                "protection plan is in place. The police are investigating the death with the coroner."
            ),
            "learning": (
                "Pre-birth assessments were too focused on the parents, and more so when they were "
                "started very early. Pre-birth work needs more time and more systemic thinking and "
                "reflection than the assessment teams could give. Children's social care has moved "
                "pre-birth work to the Safeguarding and Support Teams from the point of referral, for "
                "early assessment, intervention and permanence planning, tracking cases where legal "
                "advice is sought. Pre-birth training in line with national good practice on early "
                "permanence was rolled out in April 2023 and the protocol and flowchart revised; monthly "
                "audits of pre-birth cases were completed in July 2023. A pre-birth action plan is "
                "monitored by the Safeguarding Effectiveness Sub-group."
            ),
            "recommendation": LocalReviewChoice.NO_LCSPR,
            "recommendation_reasons": (
                "The learning is already known and being acted on: practice was improving before the "
                "incident and the action plan tracks the rest. An LCSPR would add no new learning."
            ),
        },
        "signed_off": date(2023, 12, 11),
        "rr_submitted": date(2023, 12, 13),
        "panel_response": date(2024, 1, 10),
        "decision": date(2024, 1, 17),
        "decision_reason": (
            "The partners accepted the recommendation, which the Panel supported: the pre-birth learning "
            "is being addressed through the action plan, so the criteria for an LCSPR are not met."
        ),
    },
]


def _agency(partnership: Partnership, name: str) -> Agency:
    return Agency.objects.get(name=name, memberships__partnership=partnership)


def _member(partnership: Partnership, role: str) -> User | None:
    membership = (
        Membership.objects.filter(partnership=partnership, role=role, is_active=True)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _incident(
    partnership: Partnership, data: dict[str, Any], actor: User, team: list[User]
) -> SeriousIncident:
    incident = SeriousIncident.objects.filter(partnership=partnership, reference=data["reference"]).first()
    if incident is not None:
        return incident
    incident = services.incident_create(
        actor=actor,
        partnership=partnership,
        reference=data["reference"],
        category=data["category"],
        date_aware=data["date_aware"],
        summary=data["summary"],
        agencies=Agency.objects.filter(name__in=data["agencies"]),
    )
    children = [
        services.child_add(
            actor=actor, incident=incident, reference=ref, age_band=band, sex=sex, ethnicity=ethnicity
        )
        for ref, band, sex, ethnicity in data["children"]
    ]
    services.notification_send(actor=actor, incident=incident, children=children, sent_date=data["notified"])
    services.case_team_set(actor=actor, incident=incident, users=team)
    return incident


def _rapid_review(partnership: Partnership, incident: SeriousIncident, data: dict[str, Any], actor: User,
                  dsp: User) -> None:  # fmt: skip
    if not incident.information_requests.exists():
        for name, requested, due, received, notes in data["requests"]:
            request = services.information_request_add(
                actor=actor, incident=incident, agency=_agency(partnership, name),
                requested_on=requested, due_on=due, notes=notes,
            )  # fmt: skip
            services.information_request_received(actor=actor, request=request, received_on=received)
    review = RapidReview.objects.filter(incident=incident).first()
    if review is None or not review.is_signed_off:
        services.rapid_review_meeting_set(actor=actor, incident=incident, meeting_date=data["meeting"])
        services.rapid_review_report_save(actor=actor, incident=incident, **data["report"])
        signed_at = timezone.make_aware(datetime.combine(data["signed_off"], time(16)))
        review = services.rapid_review_sign_off(actor=dsp, incident=incident, signed_at=signed_at)
    if incident.rr_submitted_date is None:
        services.rapid_review_submitted(actor=actor, incident=incident, submitted_date=data["rr_submitted"])
    if review.panel_response_date is None:
        services.panel_response_record(
            actor=actor, incident=incident, response_date=data["panel_response"], agreed=True,
            comments=PANEL_FEEDBACK,
        )  # fmt: skip
    if not review.decision:
        services.decision_record(
            actor=actor, incident=incident, decision=LocalReviewChoice.NO_LCSPR,
            decision_date=data["decision"], reason=data["decision_reason"],
        )  # fmt: skip


def load_learning_demo() -> None:
    partnership = Partnership.objects.filter(slug="hounslow").first()
    if partnership is None:
        return
    actor = _member(partnership, Role.BUSINESS_TEAM)
    dsp = _member(partnership, Role.DSP)
    if actor is None or dsp is None:
        return
    team = [
        m.user
        for m in Membership.objects.filter(
            partnership=partnership, role__in=[Role.BUSINESS_TEAM, Role.DSP]
        ).select_related("user")
    ]
    for data in INCIDENTS:
        incident = _incident(partnership, data, actor, team)
        _rapid_review(partnership, incident, data, actor, dsp)
