"""Hounslow's professional escalations of 2023-24 (the demo; docs/domain.md, "Professional
escalations").

The yearly report gives no count of escalations; its neglect audit of December 2023 asked the
agencies to "improve formal escalation and challenge through appropriate routes when there is
professionals' disagreement in care planning". This is a modest, invented set in keeping with
it: twelve escalations across the year, most resolved between practitioners or their managers,
two taken to senior managers with the partnership's help. Raisers are given by role and agency
only; children by pseudonymised reference. Ealing and Hillingdon have none.

Each: raised on, raising agency key, raiser's role, other agency keys, child's reference, what
it is about, theme slugs, then (stage, date it started) for stages 2 and 3 reached, and the date
resolved with the resolution.
"""

from datetime import date

LA = "lb_hounslow"
POLICE = "met_police_west"
SCHOOLS = "hounslow_education"
HRCH = "hrch"
GP = "hounslow_primary_care"
MATERNITY = "chelwest"
HOUSING = "lbh_housing"
YJS = "hounslow_yjs"

HOUNSLOW_ESCALATIONS: list[dict] = [
    {
        "raised_on": date(2023, 4, 18),
        "agency": SCHOOLS,
        "role": "School designated safeguarding lead",
        "agencies": (LA,),
        "child": "Child E1",
        "concern": (
            "The school disagreed with the decision to take no further action on a referral about neglect."
        ),
        "themes": ("neglect",),
        "stages": (),
        "resolved_on": date(2023, 4, 26),
        "resolution": (
            "The team manager reviewed the referral with the school; an early help assessment was agreed."
        ),
    },
    {
        "raised_on": date(2023, 5, 9),
        "agency": HRCH,
        "role": "Health visitor",
        "agencies": (LA,),
        "child": "Child E2",
        "concern": (
            "The health visitor was not invited to a child in need meeting for an infant with weight loss."
        ),
        "themes": ("neglect", "pre-birth"),
        "stages": ((2, date(2023, 5, 19)),),
        "resolved_on": date(2023, 6, 2),
        "resolution": (
            "Managers agreed health visitors are invited to every child in need meeting for under-fives."
        ),
    },
    {
        "raised_on": date(2023, 6, 6),
        "agency": POLICE,
        "role": "Detective constable, Child Abuse Investigation Team",
        "agencies": (LA,),
        "child": "Child E3",
        "concern": "Police and children's social care disagreed on whether a joint investigation was needed.",
        "themes": ("domestic-abuse",),
        "stages": (),
        "resolved_on": date(2023, 6, 9),
        "resolution": "A further strategy discussion agreed a joint investigation.",
    },
    {
        "raised_on": date(2023, 7, 4),
        "agency": LA,
        "role": "Social worker",
        "agencies": (HOUSING,),
        "child": "Child E4",
        "concern": (
            "A family was moved to temporary accommodation out of the borough without the social "
            "worker being told."
        ),
        "themes": ("neglect",),
        "stages": ((2, date(2023, 7, 14)), (3, date(2023, 8, 8))),
        "resolved_on": date(2023, 9, 20),
        "resolution": (
            "Senior managers agreed a protocol for notifying children's social care before a family on a "
            "plan is moved; the Partnership Service Manager brought it to the Effective Practice Group."
        ),
        "follow_up": {
            "text": (
                "Agree how children's social care is told before a family on a plan is moved out "
                "of the borough"
            ),
            "owner": "psm",
            "group": "effective_practice",
            "due_date": date(2023, 12, 31),
            "impact": (
                "Housing now tells the front door before moving a family on a plan; none moved untold since."
            ),
        },
    },
    {
        "raised_on": date(2023, 8, 15),
        "agency": MATERNITY,
        "role": "Safeguarding midwife",
        "agencies": (LA,),
        "child": "Child E5",
        "concern": "The midwife disagreed with the decision not to hold a pre-birth conference.",
        "themes": ("pre-birth", "domestic-abuse"),
        "stages": ((2, date(2023, 8, 25)),),
        "resolved_on": date(2023, 9, 6),
        "resolution": "The service manager agreed a pre-birth conference, held before 32 weeks.",
    },
    {
        "raised_on": date(2023, 9, 19),
        "agency": SCHOOLS,
        "role": "Headteacher",
        "agencies": (LA, HRCH),
        "child": "",
        "concern": "Waiting times for emotional wellbeing support for pupils referred by schools.",
        "themes": ("mental-health",),
        "stages": (),
        "resolved_on": date(2023, 10, 3),
        "resolution": "A named link worker was agreed for the school cluster.",
    },
    {
        "raised_on": date(2023, 10, 10),
        "agency": YJS,
        "role": "Youth justice officer",
        "agencies": (POLICE, LA),
        "child": "Child E6",
        "concern": (
            "Information about a young person at risk of exploitation was not shared before a MACE meeting."
        ),
        "themes": ("exploitation", "adolescents"),
        "stages": ((2, date(2023, 10, 20)),),
        "resolved_on": date(2023, 11, 7),
        "resolution": "Managers agreed the MACE papers go to youth justice with the agenda.",
    },
    {
        "raised_on": date(2023, 11, 14),
        "agency": GP,
        "role": "GP safeguarding lead",
        "agencies": (LA,),
        "child": "Child E7",
        "concern": "The practice was not told the outcome of a referral it made.",
        "themes": (),
        "stages": (),
        "resolved_on": date(2023, 11, 21),
        "resolution": "The outcome was shared and the front door's feedback to referrers was checked.",
    },
    {
        "raised_on": date(2023, 12, 5),
        "agency": LA,
        "role": "Team manager, Children's Social Care",
        "agencies": (HRCH, SCHOOLS),
        "child": "Child E8",
        "concern": (
            "Agencies disagreed on whether a child in need plan was managing neglect, or a child "
            "protection plan was needed."
        ),
        "themes": ("neglect",),
        "stages": ((2, date(2023, 12, 15)), (3, date(2024, 1, 16))),
        "resolved_on": date(2024, 2, 13),
        "resolution": (
            "Senior managers and the designated nurse agreed a child protection conference; the case "
            "was shared with the neglect strategy refresh."
        ),
    },
    {
        "raised_on": date(2024, 1, 23),
        "agency": HRCH,
        "role": "School nurse",
        "agencies": (SCHOOLS,),
        "child": "Child E9",
        "concern": "The school did not share a disclosure with the school nursing service.",
        "themes": ("child-sexual-abuse",),
        "stages": (),
        "resolved_on": date(2024, 1, 30),
        "resolution": "The designated safeguarding lead and school nurse agreed how disclosures are shared.",
    },
    {
        "raised_on": date(2024, 2, 20),
        "agency": POLICE,
        "role": "Police sergeant, Missing Persons Unit",
        "agencies": (LA,),
        "child": "Child E10",
        "concern": "Return home interviews were not shared after repeated missing episodes.",
        "themes": ("exploitation",),
        "stages": (),
        "resolved_on": date(2024, 3, 1),
        "resolution": "The interviews were shared and a monthly exchange agreed.",
    },
    {
        "raised_on": date(2024, 3, 12),
        "agency": LA,
        "role": "Social worker",
        "agencies": (GP,),
        "child": "Child E11",
        "concern": "A GP report was not provided for an initial child protection conference.",
        "themes": (),
        "stages": ((2, date(2024, 3, 19)),),
        "resolved_on": date(2024, 4, 2),
        "resolution": "The practice manager agreed a named contact for conference reports.",
    },
]
