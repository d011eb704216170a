"""Demo data: Hounslow's Partnership Effectiveness Review 2023 (HSCP Yearly Report 2023-24, section 4).

Pure data, no Django imports. The report says the HSCP commissioned an independent review ahead
of Working Together 2023; it "acknowledged significant strengths in the partnership arrangements,
however made some recommendations to improve quality assurance activity, leadership visibility
and meeting purposefulness and impact", and the themes were considered at a whole-partnership
Development Session (October 2023, section 10). The report does not name the reviewer, give the
review's dates or the partnership's self-ratings: the period (the half year before the
Development Session), the ratings, the responses' wording, the owners and due dates are the
demo's, written to agree with the report and the arrangements agreed in December 2024 (groups'
terms of reference written as Purpose, People, Process; the Strategic Insights Group as the
assurance and impact conduit).

Ealing and Hillingdon (invented neighbours, see structure_data.py) each have a smaller draft: the
independent scrutineer's review of 2023-24 under way, two principles evaluated, a strength and a
recommendation still awaiting the partnership's response.
"""

from datetime import date

REVIEWS: dict[str, dict] = {
    "hounslow": {
        "title": "Partnership Effectiveness Review 2023",
        "period_start": date(2023, 4, 1),
        "period_end": date(2023, 9, 30),
        "reviewer_name": "Independent reviewer",
        "published": True,
        "summary": (
            "The HSCP commissioned an independent effectiveness review, ahead of the revision of "
            "Working Together 2023, to assess how well the partnership was operating since the "
            "implementation of Working Together 2018 and the change from Boards to Partnerships. It "
            "considered whether the operating structure, systems, processes, leadership engagement and "
            "governance were effective in delivering the partnership's statutory responsibilities and, "
            "most importantly, whether it was improving safeguarding outcomes for children and families. "
            "The review themes were considered at a whole partnership Development Session with "
            "representatives from all statutory safeguarding partners and relevant agencies. The "
            "review and the Partnership Development Day cost £11,875."
        ),
        # The day the partnership agreed its responses and published the review (the Development
        # Session, October 2023).
        "agreed": date(2023, 10, 31),
        "assessments": {
            "Empowerment": (
                2,
                "Children's and families' views reach the partnership mainly through agencies' own "
                "feedback. The refreshed arrangements make the partnership's engagement of children, "
                "young people and families a core area of focus for the Independent Scrutineer.",
                "Multi-Agency Safeguarding Arrangements, section 5",
            ),
            "Prevention": (
                3,
                "Learning from rapid reviews and audits shapes the training programme; the Pre-Birth "
                "action plan is monitored by the Safeguarding Effectiveness Sub-group.",
                "HSCP Yearly Report 2023-24, sections 6 and 7",
            ),
            "Proportionality": (
                3,
                "The partnership does not replicate single-agency quality assurance: it gathers "
                "agencies' existing evidence and targets multi-agency audits.",
                "Multi-Agency Safeguarding Arrangements, section 4 (Quality Assurance)",
            ),
            "Protection": (
                2,
                "The Executive Board cannot give positive assurance about Feltham Young Offenders "
                "Institute; a dedicated sub-group monitors progress and reports to the Board.",
                "HSCP Yearly Report 2023-24, statement of assurance and section 10",
            ),
            "Partnership": (
                3,
                "The independent review acknowledged significant strengths in the partnership "
                "arrangements; statutory partners and relevant agencies took part in the "
                "Development Session.",
                "HSCP Yearly Report 2023-24, section 4",
            ),
            "Accountability": (
                2,
                "Leadership visibility and the purpose and impact of meetings need strengthening. The "
                "partnership appointed its first Independent Scrutineer in November 2023.",
                "HSCP Yearly Report 2023-24, introduction and section 4",
            ),
        },
        "findings": [
            {
                "kind": "strength",
                "principle": "Partnership",
                "text": "Significant strengths in the partnership arrangements.",
            },
            {
                "kind": "strength",
                "principle": None,
                "text": (
                    "The HSCP is in a strong position to operationalise the requirements of Working "
                    "Together 2023 within the timeline set out by the Department for Education."
                ),
            },
            {
                "kind": "recommendation",
                "principle": "Proportionality",
                "text": "Improve quality assurance activity.",
                "response": (
                    "Accepted. The Strategic Insights Group will bring the multi-agency dataset, audits "
                    "and case review learning together and act as the assurance and impact conduit "
                    "between all partnership groups."
                ),
                "owner": "performance_officer",
                "group": "Strategic Insights Group",
                "due": date(2024, 12, 31),
                "impact": (
                    "The arrangements agreed in December 2024 set out the Strategic Insights Group's "
                    "scrutiny of multi-agency performance on behalf of the HSCP Board."
                ),
            },
            {
                "kind": "recommendation",
                "principle": "Accountability",
                "text": "Improve leadership visibility.",
                "response": (
                    "Accepted. The lead safeguarding partners will meet at least twice a year and the "
                    "HSCP Board at least quarterly, with the Independent Scrutineer holding partners to "
                    "account."
                ),
                "owner": "lbh_dsp",
                "group": "HSCP Board",
                "due": date(2024, 12, 31),
                "impact": (
                    "The arrangements agreed in December 2024 set the lead safeguarding partners' and "
                    "the Board's meetings and the Independent Scrutineer's role."
                ),
            },
            {
                "kind": "recommendation",
                "principle": "Partnership",
                "text": "Improve meeting purposefulness and impact.",
                "response": (
                    "Accepted. Every group's terms of reference will be rewritten around purpose, "
                    "people and process, with a workplan and a reporting line."
                ),
                "owner": "psm",
                "group": "HSCP Board",
                "due": date(2024, 12, 31),
                "impact": (
                    "Every group's terms of reference in the arrangements agreed in December 2024 are "
                    "written as Purpose, People and Process."
                ),
            },
        ],
    },
    "ealing": {
        "title": "Effectiveness review 2023 to 2024",
        "period_start": date(2023, 4, 1),
        "period_end": date(2024, 3, 31),
        "reviewer_name": "Philippa Oyenuga-Grant",
        "reviewer_organisation": "Independent Scrutineer",
        "published": False,
        "summary": "The Independent Scrutineer's annual review of the arrangements, in draft.",
        "assessments": {
            "Partnership": (
                3,
                "The three safeguarding partners and the relevant agencies meet as one Board.",
                "Board minutes 2023-24",
            ),
            "Accountability": (2, "Actions from the Board are not yet followed up consistently.", ""),
        },
        "findings": [
            {
                "kind": "strength",
                "principle": "Partnership",
                "text": "Committed, stable partnership leadership.",
            },
            {
                "kind": "recommendation",
                "principle": "Accountability",
                "text": "Track the Board's actions to completion and report progress at each meeting.",
            },
        ],
    },
    "hillingdon": {
        "title": "Effectiveness review 2023 to 2024",
        "period_start": date(2023, 4, 1),
        "period_end": date(2024, 3, 31),
        "reviewer_name": "Judith Nakamura-Bell",
        "reviewer_organisation": "Independent Scrutineer",
        "published": False,
        "summary": "The Independent Scrutineer's annual review of the arrangements, in draft.",
        "assessments": {
            "Prevention": (3, "Learning from reviews reaches practitioners through briefings.", ""),
            "Empowerment": (2, "Children's views are gathered by agencies but rarely reach the Board.", ""),
        },
        "findings": [
            {
                "kind": "strength",
                "principle": "Prevention",
                "text": "Learning is shared quickly with practitioners.",
            },
            {
                "kind": "recommendation",
                "principle": "Empowerment",
                "text": "Hear directly from children and families at the Executive Board.",
            },
        ],
    },
}
