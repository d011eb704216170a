"""The demo's inspections register.

Hounslow's three inspections are those of the yearly report 2023-24 (seed 000, "Safeguarding
Assurance" and "Feltham Young Offenders Institute"), in its words: the Ofsted ILACS inspection of
October 2023 (Good; Outstanding for leadership), the HMICFRS child exploitation inspection of the
Metropolitan Police in the autumn of 2023 with its three causes of concern, and HMI Prisons'
unannounced inspection of HMYOI Feltham in March 2024. The report gives months, not days: the
days here are invented, inside the months it names. It says HMICFRS made "8 further
recommendations for action" without listing them, so the register says so rather than inventing
them; the police's actions in response are the evidence and updates of the causes of concern.

Ealing and Hillingdon have one small invented inspection each, to show the register beside
Hounslow's; they are illustrations, not those partnerships' real inspections.

Each inspection: kind, title, inspected agency key (None for the whole area), dates, overall
judgement, summary, judgements [(area, judgement)], findings [{kind, text, agency, action}];
an action: owner key, group name, due date, update (or None), and (evidence, impact) when closed.
"""

from datetime import date
from typing import Any

INSPECTIONS: dict[str, list[dict[str, Any]]] = {
    "hounslow": [
        {
            "kind": "ofsted_ilacs",
            "title": "Ofsted inspection of Hounslow children's social care services (ILACS)",
            "agency": "lb_hounslow",
            "start": date(2023, 10, 2),
            "end": date(2023, 10, 13),
            "published": None,
            "overall": "Good",
            "summary": (
                "In October 2023 Children's Social Care received a \u201cGood\u201d rating following its "
                "ILACS inspection and achieved an \u201cOutstanding\u201d grade for Leadership. The "
                "inspection recognised the \u201cclear strategic direction, strong partnerships and good "
                "political and corporate support for children's services\u201d that have improved the "
                "conditions for frontline social work practice, and a \u201cstrong, child-focused culture "
                "that is evident throughout the organisation\u201d."
            ),
            "judgements": [("Overall effectiveness", "Good"), ("Leadership", "Outstanding")],
            "findings": [],
        },
        {
            "kind": "hmicfrs",
            "title": "HMICFRS child exploitation inspection of the Metropolitan Police Service",
            "agency": "met_police_west",
            "start": date(2023, 10, 16),
            "end": date(2023, 10, 27),
            "published": None,
            "overall": "Not graded",
            "summary": (
                "A themed inspection of child exploitation across London, commissioned by MOPAC. Its "
                "findings were highly critical, and a notice of accelerated causes of concern was published "
                "before the full report. The Met was required to take immediate action on two areas: "
                "missing children at risk of exploitation were consistently not graded high enough, and "
                "investigations into exploitation were not robust enough in pursuing offenders or possible "
                "evidence that can lead to prosecution of offenders or groups. A third cause of concern, on "
                "victim-blaming language, was added alongside 8 further recommendations for action, which "
                "the yearly report does not list. Progress is monitored through the local multi-agency child "
                "exploitation arrangements and reported to the Adolescent Safeguarding Group."
            ),
            "judgements": [],
            "findings": [
                {
                    "kind": "cause_of_concern",
                    "text": (
                        "A failure to adequately identify and assess risks, and to respond adequately, when "
                        "children are reported missing."
                    ),
                    "agency": "met_police_west",
                    "action": {
                        "owner": "det_supt_public_protection",
                        "group": "Adolescent Safeguarding Group",
                        "agreed": date(2023, 11, 6),
                        "due": date(2024, 3, 29),
                        "update": (
                            "Immediate action: missing children at risk of exploitation were consistently "
                            "not graded high enough. The West Area has strengthened and standardised the "
                            "frontline response to missing people."
                        ),
                        "closed": (
                            "Assurance to the Executive Board from the Detective Superintendent for Public "
                            "Protection, West Area: the response to missing people strengthened and "
                            "standardised by the frontline teams; the RADT postings stabilised and the team "
                            "that takes initial missing person reports uplifted; the Missing Persons Unit "
                            "in the West Area enlarged.",
                            "Every missing child is passed to secondary investigators as soon as they are on "
                            "duty, rather than after 48 hours as before.",
                        ),
                    },
                },
                {
                    "kind": "cause_of_concern",
                    "text": (
                        "Not carrying out sufficiently effective investigations when children are at risk "
                        "of, or harmed by, criminal or sexual exploitation."
                    ),
                    "agency": "met_police_west",
                    "action": {
                        "owner": "det_supt_public_protection",
                        "group": "Adolescent Safeguarding Group",
                        "agreed": date(2023, 11, 6),
                        "due": date(2027, 3, 31),
                        "update": (
                            "The Exploitation Team has been enlarged and has reviewed cases for possible "
                            "crime allegations linked to exploitation, including all sexual allegations "
                            "where the victim is under 18. A new Detective Inspector is developing the team "
                            "to be offender focused and proactive, and chairs a monthly Police Exploitation "
                            "meeting."
                        ),
                        "closed": None,
                    },
                },
                {
                    "kind": "cause_of_concern",
                    "text": "The use of victim-blaming language.",
                    "agency": "met_police_west",
                    "action": {
                        "owner": "met_dsp",
                        "group": "Adolescent Safeguarding Group",
                        "agreed": date(2023, 11, 6),
                        "due": date(2027, 1, 29),
                        "update": None,
                        "closed": None,
                    },
                },
            ],
        },
        {
            "kind": "hmip",
            "title": "HMI Prisons unannounced inspection of HMYOI Feltham",
            "agency": "hmyoi_feltham",
            "start": date(2024, 3, 4),
            "end": date(2024, 3, 15),
            "published": None,
            "overall": "Not graded",
            "summary": (
                "The establishment's annual unannounced inspection. Safety dropped to level 1 from level 3 "
                "and purposeful activity also dropped to level 1, linked to the Ofsted inspection of "
                "education. Inspectors based their conclusion on data that included the issues of August "
                "2023 but recognised the stability and improvements since. No urgent actions were "
                "identified, and inspectors were not concerned about the position of the establishment, its "
                "systems or the safety of young people. They noted robust safeguarding practice, with areas "
                "of good practice other YOIs should adopt; a strong and positive relationship with the LADO "
                "and the HSCP; good safeguarding reviews; the most developed CUSP and Team Around the Child "
                "practice of all YOIs; good separation systems; use of force that was justified and "
                "proportionate; and 92% of young people feeling safe with other young people and staff."
            ),
            "judgements": [
                ("Safety", "Level 1 (level 3 at the last inspection)"),
                ("Purposeful activity", "Level 1"),
            ],
            "findings": [
                {
                    "kind": "area_for_improvement",
                    "text": (
                        "Purposeful activity: the Ofsted inspection of education identified concerns about "
                        "the curriculum."
                    ),
                    "agency": "hmyoi_feltham",
                    "action": {
                        "owner": "fyoi_governor",
                        "group": "Feltham Young Offenders Institute (FYOI) Group",
                        "agreed": date(2024, 4, 15),
                        "due": date(2027, 2, 26),
                        "update": "Reported to the FYOI Group, which reviews progress at every meeting.",
                        "closed": None,
                    },
                },
            ],
        },
    ],
    "ealing": [
        {
            "kind": "jtai",
            "title": "Joint targeted area inspection: the multi-agency response to children who need help",
            "agency": None,
            "start": date(2025, 5, 12),
            "end": date(2025, 5, 23),
            "published": date(2025, 7, 8),
            "overall": "Not graded",
            "summary": "An invented example for the demo.",
            "judgements": [],
            "findings": [
                {
                    "kind": "recommendation",
                    "text": "Make sure every agency applies the early help thresholds in the same way.",
                    "agency": "lb_ealing",
                    "action": {
                        "owner": "head_safeguarding_qa",
                        "group": "Quality Assurance and Performance Subgroup",
                        "agreed": date(2025, 7, 21),
                        "due": date(2027, 3, 26),
                        "update": None,
                        "closed": None,
                    },
                },
            ],
        },
    ],
    "hillingdon": [
        {
            "kind": "area_send",
            "title": "Ofsted and CQC area SEND inspection of Hillingdon",
            "agency": None,
            "start": date(2025, 1, 20),
            "end": date(2025, 1, 24),
            "published": date(2025, 3, 11),
            "overall": "Typically positive experiences and outcomes",
            "summary": "An invented example for the demo.",
            "judgements": [],
            "findings": [
                {
                    "kind": "recommendation",
                    "text": "Reduce the waiting times for health assessments of children with SEND.",
                    "agency": "nhs_nwl_icb",
                    "action": {
                        "owner": "designated_nurse",
                        "group": "Learning and Improvement Subgroup",
                        "agreed": date(2025, 3, 24),
                        "due": date(2027, 2, 26),
                        "update": None,
                        "closed": None,
                    },
                },
            ],
        },
    ],
}
