"""Multi-agency audits of the demo partnerships (docs/domain.md, "14. Multi-agency audits").

Hounslow's are from its yearly report 2023-24 (/work/shared/reference, "HSCP Priorities
2021/24"): the multi-agency audit of child sexual abuse in 2020, which led to the local CSA
strategy and its implementation plan and to a bespoke multi-agency training offer; and the
neglect themed audit of December 2023, its improvements (strengths) and the developments
required (areas for development, each an action in the tracker). The sampled cases, the
agencies' parts and the grades are invented, kept to what the report says: neglect practice
"significantly improved", so most of its grades are good or better, and fewer of the 2020 CSA
audit's. Ealing and Hillingdon each have one smaller audit of their own.

Grades: 1 outstanding, 2 good, 3 requires improvement, 4 inadequate. Each case's row gives the
agreed grade for the tool's six questions in order.
"""

from datetime import date

# Hounslow: child sexual abuse, 2020 ------------------------------------------------------------

CSA = {
    "topic": "Child sexual abuse",
    "theme": "Child Sexual Abuse (partnership priority)",
    "opened_on": date(2020, 9, 14),
    "agency_deadline": date(2020, 10, 16),
    "moderation_on": date(2020, 11, 11),
    "completed_on": date(2020, 11, 25),
    "agencies": ("lb_hounslow", "met_police_west", "hrch", "hounslow_education"),
    "cases": {
        "Child P": ("10_15", "332333"),
        "Child Q": ("5_9", "232323"),
        "Child R": ("10_15", "223232"),
        "Child S": ("16_17", "333342"),
        "Child T": ("5_9", "222323"),
        "Child U": ("10_15", "323332"),
    },
    "summary": (
        "The audit found that practitioners across agencies lacked the skills and confidence to "
        "identify child sexual abuse. Its learning led to the partnership's local CSA strategy and "
        "implementation plan, and to a bespoke multi-agency training offer."
    ),
    "strengths": ("Agencies responded quickly once child sexual abuse had been disclosed.",),
    "developments": (
        (
            "Develop a local child sexual abuse strategy and implementation plan.",
            "head_safeguarding_qa",
            date(2021, 6, 30),
            "The local CSA strategy and implementation plan were agreed, and the plan has been completed.",
        ),
        (
            "Develop a bespoke multi-agency training offer on identifying child sexual abuse.",
            "training_manager",
            date(2021, 9, 30),
            "The bespoke multi-agency CSA training runs in the course programme, supported by "
            "Children's Social Care CSA leads.",
        ),
    ),
    "learning": (
        "Improve the skills and confidence of the workforce to better identify child sexual abuse.",
    ),
}

# Hounslow: neglect, December 2023 ---------------------------------------------------------------

NEGLECT = {
    "topic": "Neglect",
    "theme": "Neglect (partnership priority)",
    "opened_on": date(2023, 11, 6),
    "agency_deadline": date(2023, 11, 30),
    "moderation_on": date(2023, 12, 13),
    "completed_on": date(2023, 12, 20),
    "agencies": ("lb_hounslow", "hrch", "met_police_west", "hounslow_education"),
    "cases": {
        "Child A": ("1_4", "212212"),
        "Child B": ("5_9", "222122"),
        "Child C": ("10_15", "232322"),
        "Child D": ("under_1", "112212"),
        "Child E": ("10_15", "223332"),
        "Child F": ("5_9", "122121"),
        "Child G": ("16_17", "232322"),
    },
    "summary": (
        "Multi-agency practice with neglect has significantly improved over the lifespan of the "
        "partnership. The developments required will update and refresh the neglect multi-agency "
        "strategy and the new multi-agency plan."
    ),
    "strengths": (
        "Better understanding of risk and impact of neglect.",
        "Improved multi-agency collaboration.",
        "Creative and comprehensive use of the Quality of Care (QoC) tool, leading to evidence of "
        "tangible improved outcomes.",
        "Evidence of direct work with children.",
        "Good supervision and management oversight.",
        "Child Protection plans are stronger and having a good impact.",
        "A strong contribution from schools.",
    ),
    "developments": (
        (
            "More Health input and engagement with families in neglectful circumstances.",
            "designated_nurse",
            date(2024, 6, 28),
            "Health's part in neglect work is set out in the refreshed neglect multi-agency strategy.",
        ),
        (
            "Child in Need plans managing issues of neglect need to have more impact.",
            "head_safeguarding_qa",
            date(2024, 7, 31),
            "Taken into the refreshed neglect multi-agency strategy and the new multi-agency plan.",
        ),
        (
            "Unstable housing and multiple moves have a significantly detrimental impact in families "
            "where neglect is a factor: agree how housing moves are considered in neglect plans.",
            "lbh_dsp",
            date(2024, 9, 30),
            "Taken into the refreshed neglect multi-agency strategy and the new multi-agency plan.",
        ),
        (
            "Improve formal escalation and challenge through appropriate routes when there is "
            "professionals' disagreement in care planning.",
            "psm",
            date(2024, 5, 31),
            "The escalation route was restated to practitioners and taken into the refreshed strategy.",
        ),
        (
            "Strengthen the response in complex and entrenched neglect cases to make progress quickly.",
            "head_safeguarding_qa",
            date(2024, 9, 30),
            "Taken into the refreshed neglect multi-agency strategy and the new multi-agency plan.",
        ),
        (
            "Develop practice to effectively address adolescent neglect.",
            "head_adolescents",
            date(2024, 10, 31),
            "Taken into the refreshed neglect multi-agency strategy and the new multi-agency plan.",
        ),
    ),
    "learning": (),
}

HOUNSLOW_AUDITS = (CSA, NEGLECT)

# Ealing and Hillingdon ---------------------------------------------------------------------------

EALING = {
    "topic": "Child exploitation",
    "theme": "",
    "group": "qa_performance",
    "opened_on": date(2024, 10, 7),
    "agency_deadline": date(2024, 11, 1),
    "moderation_on": date(2024, 11, 20),
    "completed_on": date(2024, 11, 27),
    "agencies": ("lb_ealing", "met_police_west", "lnwh"),
    "cases": {
        "Child A": ("16_17", "232332"),
        "Child B": ("10_15", "223322"),
        "Child C": ("16_17", "322323"),
    },
    "summary": (
        "Agencies shared information about exploitation well; plans did not always follow a child "
        "who went missing."
    ),
    "strengths": ("Information about exploitation was shared quickly between agencies.",),
    "developments": (),
    "learning": ("Return home interviews should shape the plan for a child who goes missing.",),
}

# Hillingdon's audit is with the agencies: its dates are set from the day the demo is loaded.
HILLINGDON = {
    "topic": "Children missing education",
    "theme": "",
    "group": "education_safeguarding",
    "agencies": ("lb_hillingdon", "thh", "hillingdon_education"),
    "cases": {"Child A": ("10_15", ""), "Child B": ("5_9", ""), "Child C": ("10_15", "")},
    # The agency whose parts are already submitted, with the grades it gave.
    "submitted": ("lb_hillingdon", "223232"),
}
