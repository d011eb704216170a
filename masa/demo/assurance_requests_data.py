"""The demo's assurance requests: what Hounslow's Board and subgroups asked agencies to report on.

The five requests of 2023-24 follow the yearly report 2023-24 (seed 000, "Safeguarding
Assurance", "Early help", "Private Fostering" and "Feltham Young Offenders Institute") and the
Board's agenda items in masa/demo/governance_data.py, in their words where they have them: the
Met's answer to HMICFRS' accelerated causes of concern (partly assured: significant progress, with
oversight continuing through the Multi-Agency Child Exploitation arrangements and the Adolescent
Safeguarding Group), CAMHS waiting times (partly assured: waits fell by a few months while
referrals rose), HMYOI Feltham after the incidents of August 2023 (not assured: the Board could
not give positive assurance about the establishment), the quality of targeted early help
assessments (assured) and private fostering (assured). The days are invented inside the months
the sources give; the meetings are the demo's own.

The sixth is live work of the current year, written around masa.demo.load_day.WRITTEN_AROUND and
moved with the day the demo is loaded: a request to the police that is past its due date with no
report yet, so the home page shows an overdue request.

Each request: group, agency key, lead person key (or None), subject, what is asked, the day asked,
the meeting (its day) or None, due date; then the report (received day, text) or None; then the
judgement (level, reasons, day) or None.
"""

from datetime import date
from typing import Any

ASSURANCE_REQUESTS: dict[str, list[dict[str, Any]]] = {
    "hounslow": [
        {
            "group": "Safeguarding Forum",
            "agency": "lb_hounslow",
            "lead": "head_safeguarding_qa",
            "subject": "Private fostering: oversight of arrangements",
            "asked": (
                "How children's social care checks that privately fostered children are known, "
                "visited and safe: the audit of new arrangements, re-audits of longer placements, "
                "and how referrals from other agencies are followed up."
            ),
            "requested_on": date(2023, 6, 6),
            "meeting": date(2023, 6, 6),
            "due": date(2023, 9, 1),
            "report": (
                date(2023, 8, 30),
                "The dedicated fostering practitioner audits every new case each month and "
                "re-audits longer-term placements. A transfer protocol meeting now follows every "
                "notification and referral to the fostering team, so each case follows the same "
                "process with oversight from the outset. Five children were newly privately "
                "fostered this year.",
            ),
            "judgement": (
                "assured",
                "Monthly audit and re-audit are in place and a transfer protocol meeting gives "
                "consistent oversight from the outset. Awareness raising continues through "
                "training and 7-minute briefings.",
                date(2023, 9, 12),
            ),
        },
        {
            "group": "HSCP Board",
            "agency": "hmyoi_feltham",
            "lead": "fyoi_head_safeguarding",
            "subject": "HMYOI Feltham: safety of young people after the incidents of August 2023",
            "asked": (
                "What happened in August 2023, the Governor's immediate response, and how the "
                "establishment now knows that young people are safe and their wellbeing is put first."
            ),
            "requested_on": date(2023, 9, 21),
            "meeting": date(2023, 9, 21),
            "due": date(2023, 12, 1),
            "report": (
                date(2023, 12, 4),
                "The Governor's report sets out the immediate response to the incidents of August "
                "2023, the stability and improvements put in place since, and the safeguarding "
                "function's work with the partnership's FYOI Group.",
            ),
            "judgement": (
                "not_assured",
                "The Board recognises the Governor's dedication and the improvements since August "
                "2023, but it cannot yet give positive assurance about the circumstances within "
                "the establishment. The FYOI Group will keep seeking assurance on the safety and "
                "wellbeing of young people and report to every Board meeting.",
                date(2023, 12, 14),
            ),
        },
        {
            "group": "HSCP Board",
            "agency": "met_police_west",
            "lead": "det_supt_public_protection",
            "subject": "HMICFRS child exploitation: the response to the accelerated causes of concern",
            "asked": (
                "How West Area is answering the accelerated causes of concern: missing children at "
                "risk of exploitation graded high enough, and exploitation investigations that "
                "pursue offenders."
            ),
            "requested_on": date(2023, 9, 21),
            "meeting": date(2023, 9, 21),
            "due": date(2023, 12, 1),
            "report": (
                date(2023, 12, 1),
                "West Area has strengthened and standardised the frontline response to missing "
                "people, stabilised RADT postings, enlarged the Exploitation Team and the Missing "
                "Persons Unit, passes every missing child to a secondary investigator on the next "
                "duty shift, and has appointed a Detective Inspector to lead an offender-focused "
                "approach.",
            ),
            "judgement": (
                "partly_assured",
                "Significant progress has been made in taking safeguarding action when a case "
                "reaches the Exploitation Team. The full inspection report is not yet published; "
                "progress will be monitored through the Multi-Agency Child Exploitation "
                "arrangements and reported to the Adolescent Safeguarding Group.",
                date(2023, 12, 14),
            ),
        },
        {
            "group": "Strategic Insights Group",
            "agency": "lb_hounslow",
            "lead": "head_safeguarding_qa",
            "subject": "Targeted early help: quality of assessments and plans",
            "asked": (
                "What audits show about the quality of targeted early help assessments and plans, "
                "and how timeliness will be measured."
            ),
            "requested_on": date(2023, 11, 9),
            "meeting": date(2023, 11, 9),
            "due": date(2024, 1, 31),
            "report": (
                date(2024, 1, 26),
                "Audits of targeted early help assessments and plans found them of good quality, "
                "with evidence of early intervention leading to good outcomes. Timeliness measures "
                "are being developed, with changes to data reporting under way.",
            ),
            "judgement": (
                "assured",
                "Audits show targeted early help assessments and plans are of good quality. The "
                "group will look at timeliness when the new measures are reported.",
                date(2024, 2, 8),
            ),
        },
        {
            "group": "HSCP Board",
            "agency": "nhs_nwl_icb",
            "lead": "icb_dsp",
            "subject": "CAMHS waiting times",
            "asked": (
                "Whether reducing CAMHS waiting lists remains a priority locally: referrals, waits "
                "for a first appointment, and the Children and Young People's Mental Health "
                "Partnership Board's plan."
            ),
            "requested_on": date(2023, 6, 15),
            "meeting": date(2023, 6, 15),
            "due": date(2024, 3, 8),
            "report": (
                date(2024, 3, 7),
                "Referrals rose to 953 in 2023 (588 in 2020, 395 in 2021, 706 in 2022). Waits "
                "have fallen by a few months despite the increase; extra investment has been made "
                "but the surge in demand keeps pressure on the service. Six priority areas "
                "include recruitment and retention and closer working with schools.",
            ),
            "judgement": (
                "partly_assured",
                "Waits for a first appointment have fallen, but demand and complexity keep rising "
                "and the Board is not yet assured that waits are reducing consistently. CAMHS "
                "waiting times stay on the Board's forward plan, reported every six months.",
                date(2024, 3, 21),
            ),
        },
        {
            # Live work: moves with the day the demo is loaded; overdue by about three weeks.
            "group": "Adolescent Safeguarding Group",
            "agency": "met_police_west",
            "lead": "det_supt_public_protection",
            "subject": "Child exploitation: missing children's return interviews and referrals to MACE",
            "asked": (
                "How many children reported missing were offered a return interview within 72 "
                "hours, how many were referred to the Multi-Agency Child Exploitation meeting, "
                "and what changed for them."
            ),
            "requested_on": date(2026, 9, 15),
            "meeting": None,
            "due": date(2026, 11, 3),
            "report": None,
            "judgement": None,
        },
    ],
}
