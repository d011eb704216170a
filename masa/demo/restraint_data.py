"""Hounslow's restraint and use of force at HMYOI Feltham in 2023-24 (docs/domain.md,
"Restraint and use of force at HMYOI Feltham").

The yearly report (section 10, "Feltham Young Offenders Institute") gives no quarterly counts of
restraint: the counts below are invented, sparingly, to agree with what it and the FYOI Group's
minutes in the demo say: use of force stable in the spring, rising in August 2023 (the incidents
the report and the inspectors refer to), falling after the summer with better de-escalation, and
returning to the levels before August by the new year. What the report does say is quoted: FYOI
took part in the development session in October 2023; HMIP's unannounced inspection in March 2024
found use of force justified and proportionate and 92% of young people feeling safe with other
young people and staff; more 18+ young people on Feltham A, the closure of Cookham Wood and the
wider court catchment area are monitored at every meeting. Ealing and Hillingdon have no young
offender institution, so none.
"""

from typing import Any

ESTABLISHMENT = "HMYOI Feltham"
GROUP = "Feltham Young Offenders Institute (FYOI) Group"
TYPES = ["Guiding hold", "Basic restraint hold", "Ground restraint", "Handcuffs", "Pain-inducing technique"]
AGE_KEYS = ["14_under", "15", "16", "17", "18_over"]
ETHNICITY_KEYS = ["asian", "black", "mixed", "white", "other", "not_known"]

# (quarter, incidents, injuries, children, counts by TYPES, by AGE_KEYS, by ETHNICITY_KEYS,
#  themes, concerns), all of the reporting year 2023 to 2024.
QUARTERS = [
    (
        1,
        52,
        3,
        31,
        [24, 18, 6, 3, 1],
        [1, 5, 9, 12, 4],
        [4, 14, 6, 6, 1, 0],
        "Use of force incidents were stable. Most incidents were conflict between young people on the units.",
        "Self-harm incidents rose in May.",
    ),
    (
        2,
        81,
        7,
        44,
        [30, 29, 13, 6, 3],
        [2, 7, 12, 17, 6],
        [6, 19, 8, 9, 2, 0],
        "Use of force rose in August 2023, with the incidents at the establishment that month. All "
        "body-worn camera footage of use of force in August was reviewed.",
        "Two incidents were referred to the LADO. Weekend staffing on Feltham A.",
    ),
    (
        3,
        58,
        4,
        35,
        [27, 20, 7, 3, 1],
        [1, 5, 10, 14, 5],
        [5, 15, 7, 7, 1, 0],
        "Better de-escalation since the summer. Representatives from FYOI took part in the partnership's "
        "development session in October 2023. The group accepted the annual review of restraint in "
        "December 2023.",
        "Use of pain-inducing techniques: each use to be reviewed by the Head of Safeguarding.",
    ),
    (
        4,
        49,
        2,
        30,
        [24, 17, 5, 2, 1],
        [0, 4, 8, 12, 6],
        [4, 13, 6, 6, 1, 0],
        "Figures returning to the levels before August. HMIP's unannounced inspection in March 2024 found "
        "use of force justified and proportionate; 92% of young people reported feeling safe with other "
        "young people and staff.",
        "More young people over 18 held on Feltham A to ease pressure on the adult estate.",
    ),
]

REVIEW: dict[str, Any] = {
    "year": 2023,
    "summary": (
        "Use of force at HMYOI Feltham rose in the summer of 2023, with the incidents of August, and fell "
        "after it as de-escalation improved, returning to the levels before August by the new year. The "
        "group accepted its annual review of restraint in December 2023. In March 2024 HMIP's "
        "unannounced inspection found that use of force was justified and proportionate, and 92% of "
        "young people reported feeling safe with other young people and staff, although the safety "
        "function dropped to level 1 from level 3."
    ),
    "themes": (
        "Conflict between young people on the units; the rise in August 2023 and the recovery since; "
        "better de-escalation; restraint of under-18s by ethnicity, which showed no disproportionate "
        "use of force."
    ),
    "concerns": (
        "The increasing numbers of 18+ young people on Feltham A, the closure of Cookham Wood and the "
        "expansion of the court catchment area, which the group will monitor at every meeting over the "
        "coming year."
    ),
    "recommendations": (
        "Keep reviewing every restraint using pain-inducing techniques; keep reporting restraint by "
        "ethnicity in the annual review; compare FYOI's use of force with other young offender "
        "institutions; report directly into the HSCP Board."
    ),
    # Actions the FYOI Group agreed at its meetings (masa/demo/governance_data.py), by title.
    "actions": [
        "Review body-worn camera footage of every use of force in August",
        "Refer any unexplained injury after restraint to the LADO on the same day",
        "Report restraint of under-18s by ethnicity",
        "Review every restraint using pain-inducing techniques",
        "Compare FYOI use of force data with other young offender institutions",
    ],
}
