"""Hounslow 2023-24 learning reviews (yearly report 2023-24, "Learning"): themes, the local learning
review on mental health and suicide with its six questions for the safeguarding partners, the national
"True to Us" benchmarking of the Child Delta review, and pre-birth learning from the rapid review.

Loaded through the real services, so the chain from finding to impact is the one any partnership
would build. Idempotent: a review that already exists is left alone.
"""

from datetime import date
from typing import Any

from masa.actions import services as action_services
from masa.actions.models import Action, ActionStatus
from masa.core.actors import Actor
from masa.demo.actor import DEMO_LOADER
from masa.demo.structure_data import PARTNERSHIPS
from masa.partnership.models import Agency, Group, Partnership, Person
from masa.reviews import services
from masa.reviews.models import Assurance, Review, ReviewKind, ReviewStatus, Theme

EFFECTIVE_PRACTICE_GROUP = "Effective Practice Group"
LBH = "London Borough of Hounslow"
ICB = "NHS North West London Integrated Care Board"

# Seed 000, "Local Learning Review on Mental Health & Suicide": the six questions, word for word.
MENTAL_HEALTH_QUESTIONS = [
    "Does our focus shift when a young person turns 18?",
    "Is the Working Together 2023 revision from January 2024 on reporting deaths of care leavers up to "
    "25 years, going to impact on our service?",
    "Impact of UASC numbers on services and PA allocations?",
    "Issue of capacity and consent post 18?",
    "Thresholds into adults' services – are they fit for purpose?",
    "How do we promote contact with family beyond 18 years?",
]
BOARD_RESPONSE = (
    "The Executive Board accepted the question and the challenge it poses; it forms part of the "
    "partnership's work in its new priority area throughout 2024/27."
)

# Each finding: text, good practice?, theme slugs, then its recommendations: (text, agency, action).
# An action: title, owner key, due date, and (evidence, impact) when it is closed.
MENTAL_HEALTH_FINDINGS: list[dict[str, Any]] = [
    {
        "text": "Pathway planning and earlier preparation around change in transition.",
        "themes": ["adolescents", "mental-health"],
        "recommendations": [
            (
                "Start pathway planning earlier and prepare each young person for the changes of "
                "transition to adulthood.",
                LBH,
                (
                    "Start pathway planning at 16, with a transition review before the 18th birthday",
                    "head_adolescents",
                    date(2024, 9, 30),
                    (
                        "Leaving care pathway plan audit, September 2024, reported to the Effective "
                        "Practice Group.",
                        "Personal advisers now start transition planning at 16 and review it with the "
                        "young person before they turn 18.",
                    ),
                ),
            ),
        ],
    },
    {
        "text": "Support for young people around emotional health and wellbeing.",
        "themes": ["mental-health"],
        "recommendations": [],
    },
    {
        "text": "Safety planning for young people as they go into adulthood.",
        "themes": ["adolescents", "mental-health"],
        "recommendations": [
            (
                "Agree a multi-agency approach to safety planning for young people at risk of "
                "self-harm as they move to adult services.",
                ICB,
                (
                    "Agree safety planning across children's and adults' services",
                    "designated_nurse",
                    date(2027, 3, 31),
                    None,
                ),
            ),
        ],
    },
    {
        "text": "Online harm: professionals need knowledge of the language and culture of children and "
        "young people to help address the huge concern of online harm.",
        "themes": ["online-harm", "adolescents"],
        "recommendations": [
            (
                "Help practitioners understand the language and culture of young people online, "
                "including websites that encourage self-harm.",
                LBH,
                (
                    "Online harm learning session for the Safeguarding Forum",
                    "education_safeguarding_advisor",
                    date(2024, 7, 31),
                    (
                        "Session slides and attendance, Safeguarding Forum, July 2024.",
                        "Practitioners report more confidence in talking with young people about what "
                        "they see online; online harm adopted as a themed priority for 2024/27.",
                    ),
                ),
            ),
        ],
    },
    {
        "text": "Suicide prevention.",
        "themes": ["mental-health"],
        "recommendations": [
            (
                "Link the partnership's learning to the borough's suicide prevention work for young "
                "people and care leavers.",
                ICB,
                (
                    "Bring care leavers into the suicide prevention action plan",
                    "designated_nurse",
                    date(2027, 6, 30),
                    None,
                ),
            ),
        ],
    },
]

# Seed 000, "National Learning 'True to Us'": the areas of good reassurance, then further work.
TRUE_TO_US_ASSESSMENT: list[tuple[str, str, str]] = [
    (
        "Assessments completed by Children's Social Care.",
        Assurance.ASSURED,
        "Good reassurance of strong practice (evidenced in the yearly report's effectiveness section).",
    ),
    (
        "Pre-birth practice.",
        Assurance.ASSURED,
        "Good reassurance: pre-birth work moved to the Safeguarding and Support Teams, pre-birth training "
        "and a revised protocol, monthly audits and a Pre-Birth action plan.",
    ),
    (
        "Trauma informed training is embedded into organisational expectations across the system.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "Strong step up and step-down processes are in place.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "ACEs is a strong focus in health professionals practice and development.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "A joint Housing Protocol with Children's Social Care is in place.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "Complaints procedures are well embedded in all organisations and used to develop services.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "There is a good inclusive education offer for young people who are parents.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "There are good relationships between Social Workers and the CAIT teams.",
        Assurance.ASSURED,
        "Good reassurance of strong practice across the partnership.",
    ),
    (
        "The Child Delta Safeguarding Practice Review could be used as a case study for reflective "
        "analysis, specifically in early years.",
        Assurance.PARTLY_ASSURED,
        "Planned as a case study for reflective analysis in early years.",
    ),
    (
        "Reviewing the robustness of commissioning arrangements (Children's Social Care).",
        Assurance.NOT_ASSURED,
        "Further work is needed through the coming year.",
    ),
    (
        "Address issues of disproportionality as a priority (all agencies).",
        Assurance.NOT_ASSURED,
        "Further work is needed through the coming year.",
    ),
]
TRUE_TO_US_FINDINGS: list[dict[str, Any]] = [
    {
        "text": "Good reassurance of strong practice across the partnership in assessments, pre-birth "
        "practice and trauma informed training, among the areas of learning from Child Delta.",
        "good": True,
        "themes": ["child-sexual-abuse", "pre-birth"],
        "recommendations": [],
    },
    {
        "text": "Further work is needed on the robustness of commissioning arrangements.",
        "themes": ["child-sexual-abuse"],
        "recommendations": [
            (
                "Review the robustness of Children's Social Care commissioning arrangements.",
                LBH,
                ("Review of commissioning arrangements", "head_safeguarding_qa", date(2027, 1, 29), None),
            ),
        ],
    },
    {
        "text": "Issues of disproportionality need to be addressed as a priority by all agencies.",
        "themes": ["child-sexual-abuse"],
        "recommendations": [
            (
                "Every agency addresses disproportionality as a priority.",
                None,
                (
                    "Disproportionality: agency plans to the Board",
                    "head_safeguarding_qa",
                    date(2027, 3, 31),
                    None,
                ),
            ),
        ],
    },
]

# Seed 000, "Theme 2: Pre-Birth Practice" of the 2023-24 rapid reviews.
PRE_BIRTH_FINDINGS: list[dict[str, Any]] = [
    {
        "text": "Pre-birth assessments are often too parent-focussed, even more so when they are started "
        "at a very early stage.",
        "themes": ["pre-birth"],
        "recommendations": [
            (
                "Manage pre-birth work in the Safeguarding and Support Teams from the point of referral.",
                LBH,
                (
                    "Move pre-birth work to the Safeguarding and Support Teams",
                    "head_safeguarding_qa",
                    date(2024, 1, 31),
                    (
                        "Children's Social Care routine monthly audits of pre-birth cases.",
                        "Pre-birth work now allows early assessment, intervention and permanency "
                        "planning, and cases where legal advice was sought are tracked.",
                    ),
                ),
            ),
        ],
    },
    {
        "text": "Pre-birth work needs more time to complete, with a higher level of systemic thinking and "
        "reflection, which was not possible in the assessment teams.",
        "themes": ["pre-birth"],
        "recommendations": [
            (
                "Conclude the partnership's Pre-Birth action plan.",
                LBH,
                ("Complete the Pre-Birth action plan", "head_safeguarding_qa", date(2027, 2, 26), None),
            ),
        ],
    },
]


def _people(partnership: Partnership) -> dict[str, Person]:
    structure = next((p for p in PARTNERSHIPS if p["slug"] == partnership.slug), None)
    if structure is None:
        return {}
    by_email = {p.email: p for p in Person.objects.filter(partnership=partnership).select_related("user")}
    return {p["key"]: by_email[p["email"]] for p in structure["people"] if p["email"] in by_email}


class _Loader:
    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.people = _people(partnership)
        psm = self.people.get("psm")
        self.actor: Actor = psm.user if psm and psm.user else DEMO_LOADER
        self.themes = {t.slug: t for t in Theme.objects.filter(partnership=partnership)}
        self.group = Group.objects.filter(partnership=partnership, name=EFFECTIVE_PRACTICE_GROUP).first()
        self.agencies = {a.name: a for a in Agency.objects.filter(memberships__partnership=partnership)}

    def chain(self, review: Review, findings: list[dict[str, Any]]) -> None:
        # The actions were agreed when the review reported, so their due dates were then ahead.
        agreed_on = review.completed_date or review.start_date
        for spec in findings:
            finding = services.finding_save(
                actor=self.actor,
                review=review,
                text=spec["text"],
                is_good_practice=spec.get("good", False),
                themes=[self.themes[s] for s in spec["themes"] if s in self.themes],
            )
            for text, agency, action in spec["recommendations"]:
                recommendation = services.recommendation_save(
                    actor=self.actor,
                    review=review,
                    text=text,
                    finding=finding,
                    accountable_agency=self.agencies.get(agency) if agency else None,
                )
                if action is not None:
                    self.action(recommendation, *action, agreed_on=agreed_on)

    def action(
        self, recommendation, title: str, owner_key: str, due: date, closed, *, agreed_on: date | None
    ) -> Action | None:
        owner = self.people.get(owner_key)
        if owner is None:
            return None
        action = services.recommendation_action_add(
            actor=self.actor,
            recommendation=recommendation,
            title=title,
            owner=owner,
            due_date=due,
            group=self.group,
            today=agreed_on,
        )
        by = owner.user or self.actor
        if closed is None:
            action_services.action_post_update(
                actor=by, action=action, text="Work has started.", status=ActionStatus.IN_PROGRESS
            )
            return action
        evidence, impact = closed
        action_services.action_add_evidence(actor=by, action=action, kind="text", text=evidence)
        action_services.action_close(actor=by, action=action, impact=impact)
        return action

    def mental_health(self) -> None:
        if Review.objects.filter(partnership=self.partnership, reference="LLR-2024-01").exists():
            return
        review = services.review_create(
            actor=self.actor,
            partnership=self.partnership,
            kind=ReviewKind.LOCAL_LEARNING,
            reference="LLR-2024-01",
            title="Local Learning Review on Mental Health & Suicide",
            summary=(
                "A learning review for a care leaver who sadly took their life: a proactive decision by "
                "the HSCP, as Working Together 2023 now states partnerships should review cases "
                "involving care leavers. A reflective learning discussion with those involved in the "
                "young person's life and partner agencies working with other young people affected by "
                "the same issues."
            ),
            status=ReviewStatus.COMPLETED,
            themes=[
                self.themes[s] for s in ("mental-health", "adolescents", "online-harm") if s in self.themes
            ],
            group=self.group,
            lead=self.people.get("psm"),
            start_date=date(2024, 3, 4),
            completed_date=date(2024, 3, 28),
        )
        for text in MENTAL_HEALTH_QUESTIONS:
            services.question_save(actor=self.actor, review=review, text=text, response=BOARD_RESPONSE)
        self.chain(review, MENTAL_HEALTH_FINDINGS)

    def true_to_us(self) -> None:
        if Review.objects.filter(partnership=self.partnership, reference="NR-2023-01").exists():
            return
        review = services.review_create(
            actor=self.actor,
            partnership=self.partnership,
            kind=ReviewKind.NATIONAL,
            reference="NR-2023-01",
            title="True to Us: Child Delta",
            summary=(
                "The Child Delta case (child sexual abuse in the family), considered with the HSCP's "
                "“True to Us” model to benchmark Hounslow practice against the findings and seek "
                "assurance that any relevant learning was being addressed locally."
            ),
            status=ReviewStatus.COMPLETED,
            themes=[self.themes[s] for s in ("child-sexual-abuse", "pre-birth") if s in self.themes],
            group=self.group,
            lead=self.people.get("psm"),
            start_date=date(2024, 1, 15),
            completed_date=date(2024, 3, 14),
            source_organisation="Brighton & Hove Safeguarding Children's Partnership",
        )
        for text, assurance, evidence in TRUE_TO_US_ASSESSMENT:
            services.national_recommendation_save(
                actor=self.actor,
                review=review,
                text=text,
                assurance=assurance,
                evidence=evidence,
                assessed_on=date(2024, 3, 14),
            )
        self.chain(review, TRUE_TO_US_FINDINGS)

    def pre_birth(self) -> None:
        """Pre-birth findings on the 2023-24 rapid review, when the learning demo has created it."""
        review = Review.objects.filter(
            partnership=self.partnership, kind=ReviewKind.RAPID_REVIEW, incident__reference="SI-2023-02"
        ).first()
        if review is None or review.findings.exists():
            return
        if "pre-birth" in self.themes and not review.themes.filter(slug="pre-birth").exists():
            review.themes.add(self.themes["pre-birth"])
        self.chain(review, PRE_BIRTH_FINDINGS)


def load_reviews_demo(partnership: Partnership) -> None:
    """Load Hounslow's 2023-24 learning reviews into `partnership` (a second run changes nothing)."""
    services.themes_add_defaults(actor=DEMO_LOADER, partnership=partnership)
    loader = _Loader(partnership)
    loader.mental_health()
    loader.true_to_us()
    loader.pre_birth()
