"""The demo partnerships' Section 11 self-assessments of 2023-24, made up for the demo.

The yearly report 2023-24 does not describe a Section 11 audit, so nothing here is taken from it
and nothing contradicts it: twenty of the partnership's agencies (not the schools, which answer
Section 175, nor the housing providers and services outside Section 11) rated themselves against
masa's default Section 11 standards in the autumn of 2023. Most returned on time, three late,
one not at all. HMYOI Feltham rates itself lowest, in line with the Board's concern about the
establishment, and its improvement actions answer that.

RETURNS maps an agency's key (masa/demo/structure_data.py) to its eight ratings, in standard
order, and the day it submitted (None: not returned).

Ealing and Hillingdon, whose reports masa does not hold, get smaller invented cycles of their own
agencies, so that the register shows more than one partnership's way of working.
"""

from dataclasses import dataclass
from datetime import date

TITLE = "Section 11 self-assessment 2023 to 2024"
OPENS_ON = date(2023, 9, 4)
DEADLINE = date(2023, 11, 30)

RETURNS: dict[str, tuple[str, date | None]] = {
    "lb_hounslow": ("44343443", date(2023, 11, 20)),
    "nhs_nwl_icb": ("43333433", date(2023, 11, 28)),
    "met_police_west": ("33232322", date(2023, 12, 8)),  # late
    "west_london_nhs_trust": ("33333433", date(2023, 11, 24)),
    "hrch": ("33333333", date(2023, 11, 29)),
    "hounslow_primary_care": ("32323333", date(2023, 12, 14)),  # late
    "chelwest": ("33334333", date(2023, 11, 27)),
    "hounslow_drug_alcohol": ("33323333", date(2023, 11, 30)),
    "lbh_housing": ("33233323", date(2023, 11, 16)),
    "probation": ("33333332", date(2023, 11, 22)),
    "hmyoi_feltham": ("22222322", date(2024, 1, 10)),  # late
    "lbh_community_safety": ("33333333", date(2023, 11, 15)),
    "cafcass": ("43334433", date(2023, 11, 9)),
    "hounslow_vcs": ("32323333", date(2023, 11, 30)),
    "lbh_community_inclusion": ("", None),  # not returned
    "lbh_public_health": ("33343333", date(2023, 11, 21)),
    "london_fire_brigade": ("33323333", date(2023, 11, 17)),
    "london_ambulance": ("33333333", date(2023, 11, 23)),
    "hounslow_yjs": ("33343433", date(2023, 11, 14)),
    "hounslow_childrens_home": ("33333333", date(2023, 11, 29)),
}

# What each agency's evidence says, by standard (the same outline for each; a demo, not a report).
EVIDENCE = (
    "A named executive lead for safeguarding reports to the senior leadership team each quarter.",
    "Our safeguarding statement is on the intranet and the public website, reviewed in 2023.",
    "Safeguarding responsibilities are in every job description; escalation routes are in the policy.",
    "Service changes go through an equality and safeguarding impact assessment.",
    "Training records show completion by role; partnership courses are promoted to staff.",
    "Safer recruitment checks are recorded centrally; allegations are referred to the LADO.",
    "We attend strategy meetings, conferences and the partnership's subgroups.",
    "Staff follow the information sharing guidance; advice is available from the safeguarding team.",
)

# (agency key, owner's key, improvement action, due date, closed with this impact or None)
IMPROVEMENTS: tuple[tuple[str, str, str, date, str | None], ...] = (
    (
        "hmyoi_feltham",
        "fyoi_head_safeguarding",
        "Bring safeguarding training for all staff working with children up to date and track it monthly",
        date(2024, 6, 30),
        None,
    ),
    (
        "hmyoi_feltham",
        "fyoi_governor",
        "Report safeguarding in the establishment to the partnership's Feltham subgroup every quarter",
        date(2024, 3, 31),
        "The subgroup now receives a quarterly safeguarding report from the establishment.",
    ),
    (
        "met_police_west",
        "det_supt_public_protection",
        "Audit how quickly child protection information is shared with children's social care",
        date(2024, 5, 31),
        "Audit completed; delays found at weekends were fixed by a new duty rota.",
    ),
    (
        "hounslow_primary_care",
        "named_gp",
        "Raise safeguarding level 3 training completion among GPs to at least 90%",
        date(2024, 9, 30),
        None,
    ),
)

# (agency key, day of the challenge session, who took part, what it found,
#  {standard number: (moderated rating, why)})
CHALLENGES: tuple[tuple[str, date, str, str, dict[int, tuple[int, str]]], ...] = (
    (
        "hmyoi_feltham",
        date(2024, 1, 24),
        "Partnership Service Manager; Designated Nurse; Head of Safeguarding and Quality Assurance",
        "Peers accepted the establishment's own view of its weaknesses and asked for monthly "
        "training figures. The evidence for safer recruitment did not show checks on agency staff.",
        {6: (2, "No evidence that agency staff are checked before they start; agreed at 2.")},
    ),
    (
        "met_police_west",
        date(2024, 1, 24),
        "Partnership Service Manager; Designated Nurse; Head of Safeguarding and Quality Assurance",
        "Peers agreed the ratings; the late return was explained by the change of command team.",
        {},
    ),
)


@dataclass(frozen=True)
class SelfAssessment:
    """One partnership's cycle: its returns, improvements and challenge sessions."""

    title: str
    opens_on: date
    deadline: date
    returns: dict[str, tuple[str, date | None]]
    improvements: tuple[tuple[str, str, str, date, str | None], ...]
    challenges: tuple[tuple[str, date, str, str, dict[int, tuple[int, str]]], ...] = ()


SELF_ASSESSMENTS: dict[str, SelfAssessment] = {
    "hounslow": SelfAssessment(TITLE, OPENS_ON, DEADLINE, RETURNS, IMPROVEMENTS, CHALLENGES),
    "ealing": SelfAssessment(
        "Section 11 self-assessment 2023 to 2024",
        date(2023, 10, 2),
        date(2023, 12, 15),
        {
            "lb_ealing": ("33343333", date(2023, 12, 8)),
            "nhs_nwl_icb": ("43333433", date(2023, 12, 12)),
            "met_police_west": ("33232322", date(2023, 12, 20)),  # late
            "lnwh": ("33233333", date(2023, 12, 14)),
            "west_london_nhs_trust": ("33333433", date(2023, 12, 11)),
            "ealing_yjs": ("33333333", date(2023, 12, 1)),
            "ealing_cvs": ("32323332", date(2023, 12, 15)),
        },
        (
            (
                "lnwh",
                "named_nurse_lnwh",
                "Add a safeguarding check to the discharge of every child seen in the emergency department",
                date(2024, 6, 30),
                None,
            ),
        ),
    ),
    "hillingdon": SelfAssessment(
        "Section 11 self-assessment 2023 to 2024",
        date(2023, 9, 18),
        date(2023, 12, 1),
        {
            "lb_hillingdon": ("33333433", date(2023, 11, 27)),
            "nhs_nwl_icb": ("43333433", date(2023, 11, 28)),
            "met_police_west": ("33232322", date(2023, 12, 6)),  # late
            "thh": ("33323333", date(2023, 11, 30)),
            "cnwl": ("33333333", date(2023, 11, 24)),
            "border_force_heathrow": ("", None),  # not returned
        },
        (
            (
                "thh",
                "named_nurse_thh",
                "Bring safeguarding supervision for paediatric nurses up to the policy's quarterly minimum",
                date(2024, 3, 31),
                "Supervision records for the quarter to March 2024 show every paediatric nurse supervised.",
            ),
        ),
    ),
}
