"""Hounslow's local case discussions of 2023-24 (yearly report 2023-24, "Local Learning").

The report: "The Cases Sub-Group continued to have an active and varied programme of exploring
local cases for learning which did not meet a threshold for notification. Four cases were
discussed in total" and lists nine learning themes, reproduced word for word below. The
arrangements give this work to the Effective Practice Group (it "has the remit for considering
all cases where a referral for any type of review of practice may be made"), so the demo's Cases
Sub-Group is that group, and the cases were discussed at its meetings of 24 October 2023,
19 December 2023 and 27 February 2024 (masa/demo/governance_data.py).

Which theme came from which of the four cases, the referring agencies, the references and the
decisions are not in the report: they are invented sparingly and consistent with it (none of the
four went to a rapid review or a local learning review; good practice was noted on Right Person,
Right Care; online harm became a themed priority). Ealing and Hillingdon have none.
"""

from datetime import date
from typing import Any

# The nine learning themes as the report lists them.
ALERTING = (
    "Alerting other Local Authorities of a vulnerable child who has moved out of Borough and to advise "
    "of considering a welfare check."
)
REFERRALS = "Response to referrals, particularly re-referrals within a short period of time post closure."
COMMUNICATION = (
    "Communication with professionals about rationale of decision making on cases to provide "
    "reassurance for example after a re-referral or strategy meeting."
)
FATHERS = "Recording of Father's information."
ONLINE_HARM = "Online harm, exploitation, and scams particularly for adolescents."
ONLINE_INFLUENCES = "Impact of online influences on adolescent mental health."
SAFE_ONLINE = (
    "Supporting young people to keep themselves safe online, particularly from websites encouraging "
    "them to harm themselves."
)
THINK_FAMILY = "Consistently work in collaboration with adult agencies to Think Family"
RPRC = "Implementation, application and most importantly understanding of Right Person Right Care Policy."

REPORT_THEMES = (
    ALERTING,
    REFERRALS,
    COMMUNICATION,
    FATHERS,
    ONLINE_HARM,
    ONLINE_INFLUENCES,
    SAFE_ONLINE,
    THINK_FAMILY,
    RPRC,
)

# Themes the partnership has none for (masa's defaults are in masa/reviews/models.py), created
# for these learning themes only: slug, name, description.
NEW_THEMES = (
    (
        "information-sharing",
        "Information sharing",
        "Sharing information between agencies and areas, including when a child moves.",
    ),
    (
        "response-to-referrals",
        "Response to referrals",
        "How referrals and re-referrals are answered, and feedback to referrers on decisions.",
    ),
    ("fathers", "Fathers and male carers", "Seeing, recording and involving fathers and male carers."),
    ("think-family", "Think Family", "Working with adult services around the whole family."),
    (
        "right-person-right-care",
        "Right Person, Right Care",
        "The police's Right Person, Right Care policy and how partners understand and apply it.",
    ),
)

# Each report theme mapped to the partnership's themes (slugs).
THEME_MAP = {
    ALERTING: ("information-sharing",),
    REFERRALS: ("response-to-referrals",),
    COMMUNICATION: ("response-to-referrals", "information-sharing"),
    FATHERS: ("fathers",),
    ONLINE_HARM: ("online-harm", "exploitation", "adolescents"),
    ONLINE_INFLUENCES: ("online-harm", "mental-health", "adolescents"),
    SAFE_ONLINE: ("online-harm", "mental-health"),
    THINK_FAMILY: ("think-family",),
    RPRC: ("right-person-right-care",),
}

GROUP = "effective_practice"

# reference, date discussed (a meeting of the group that day), referring agency, decision,
# the report's themes, a closing line, and the titles of the meeting's actions it holds.
HOUNSLOW_DISCUSSIONS: tuple[dict[str, Any], ...] = (
    {
        "reference": "Child LA",
        "discussed_on": date(2023, 10, 24),
        "agency": "lb_hounslow",
        "decision": "single_agency_learning",
        "themes": (ALERTING, FATHERS),
        "closing": (
            "Children's Social Care to write a practice note; fathers' details to be checked in strategy "
            "records."
        ),
        "actions": (
            "Write a practice note on alerting another local authority when a vulnerable child moves",
            "Check that strategy discussions record fathers' details",
        ),
    },
    {
        "reference": "Child LB",
        "discussed_on": date(2023, 12, 19),
        "agency": "hrch",
        "decision": "single_agency_learning",
        "themes": (REFERRALS, COMMUNICATION),
        "closing": (
            "To ensure robust and consistent feedback to referrers, the Chair of the Partnership asked the "
            "Independent Scrutineer to undertake assurance activity and feed back to the Executive Board "
            "in the summer of 2024."
        ),
        "actions": (),
    },
    {
        "reference": "Child LC",
        "discussed_on": date(2023, 12, 19),
        "agency": "hounslow_education",
        "decision": "no_further_action",
        "themes": (ONLINE_HARM, ONLINE_INFLUENCES, SAFE_ONLINE),
        "closing": (
            "A strong theme regarding online harm, which supported the Statutory Safeguarding Partners' "
            "decision to adopt it as a themed priority area."
        ),
        "actions": (),
    },
    {
        "reference": "Child LD",
        "discussed_on": date(2024, 2, 27),
        "agency": "met_police_west",
        "decision": "no_further_action",
        "themes": (THINK_FAMILY, RPRC),
        "closing": "Good practice was noted in the implementation of the Right Person, Right Care policy.",
        "actions": ("Agree how adult services join strategy discussions when a parent is known to them",),
    },
)
