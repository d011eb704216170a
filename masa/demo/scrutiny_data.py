"""Hounslow's independent scrutiny and statement of assurance, from the HSCP Yearly Report 2023-24.

The report: the partnership appointed its first Independent Scrutineer in November 2023, who
started in February 2024 (section 3); the statement of assurance by the Executive Board (section
1) and the scrutineer's comment (section 2) are quoted as written. The 2024-25 plan holds what the
report says the scrutineer would do: lead the self-evaluation of the child criminal exploitation
and multi-agency child exploitation arrangements (section 6) and test how the front door feeds back
to referrers, reporting to the Executive Board in the summer of 2024 (section 7). The outcome of
that test (64% of sampled contacts) is the figure the demo governance minutes record. The dates of
the activities and of the sign-offs are invented. Ealing and Hillingdon have no scrutiny records.
"""

from datetime import date

STATEMENT_2023 = (
    "There are solid and mature partnership relationships in place across the Hounslow Safeguarding "
    "Children Partnership (HSCP) and operationally, with the Executive leaders meeting sufficiently "
    "regularly throughout the performance year offering robust discussion and challenge to ensure "
    "organisations are held to account.\n\n"
    "As demonstrated throughout the 2023-24 yearly report, the Statutory Safeguarding Partners "
    "individually and collectively as a partnership team have undergone a substantial amount of "
    "independent scrutiny either from regulatory bodies or by invitation through our multi-agency "
    "safeguarding scrutiny arrangements, the outcomes of which have supported the Executive Board to "
    "collectively feel assured that safeguarding children's systems in Hounslow are safe.\n\n"
    "However, the Executive Board on behalf of the Statutory Safeguarding Partners are unable to "
    "provide positive assurance about the circumstances within Feltham Young Offenders Institute as "
    "detailed in Section 9 of this report. Given the establishments recent inspection outcomes and "
    "ongoing concerns it remains a priority of the partnership to continuously seek assurance that "
    "young people in the establishment are safe and their wellbeing is prioritised. The dedicated "
    "sub-group of the partnership is closely monitoring progress and will report directly into the "
    "Executive Board"
)

COMMENT_2023 = (
    "Having undertaken the independent review of the effectiveness of the Safeguarding Partnership I "
    "can support the Board's Statement of Assurance.\n\n"
    "The year ahead is significant as the Safeguarding Partnership puts arrangements in place that "
    "respond positively to Working Together 2023 and builds on the feedback from the independent "
    "review of the effectiveness of the Partnership, which invited leaders to focus on 'purpose, "
    "people and process' (see Section 4).\n\n"
    "Working Together 2023, strengthens the expectations of scrutiny to provide safeguarding partners "
    "and relevant agencies with independent, rigorous, and effective support and challenge at both a "
    "strategic and operational level. I am looking forward to developing the role of Independent "
    "Scrutineer, with a focus on holding partners to account for ensuring that as the Partnership "
    "develops, statutory duties continue to be fulfilled, quality assurance mechanisms remain in place "
    "and are developed further, and that local child safeguarding practice reviews and national "
    "reviews are analysed, with key learning areas identified and effectively implemented across the "
    "safeguarding system.\n\n"
    "Developing the role of the Independent Scrutineer, my approach will draw from, Six Steps for "
    "Independent Scrutiny: Safeguarding children partnership arrangement, through an agreed schedule "
    'of scrutiny and feedback, whilst also exercising the Hounslow Scrutineers "Right to Roam" across '
    "the safeguarding system.\n\n"
    "I will also focus on promoting engagement, with the professionals and organisations that are the "
    "Hounslow Safeguarding Partnership, and through connecting with the various engagement "
    "arrangements for the children, young people, parents and carers that the Safeguarding "
    "Partnership is here to serve. I will ensure that as Independent Scrutineer, the voice of children "
    "and families is considered as part of scrutiny and that this is at the heart of developing "
    "arrangements."
)

SCRUTINY: dict[str, dict] = {
    "hounslow": {
        "statement": {"year": 2023, "text": STATEMENT_2023, "signed_on": date(2024, 9, 30)},
        "signers": ["lbh_ceo", "icb_lsp", "met_lsp"],
        "comment": {"year": 2023, "text": COMMENT_2023},
        "plan": {
            "year": 2024,
            "summary": (
                "The first full year of independent scrutiny since the Independent Scrutineer was "
                "appointed in November 2023 and started in February 2024: an agreed schedule of "
                "scrutiny and feedback drawing on the Six Steps for Independent Scrutiny, with the "
                "scrutineer's right to roam across the safeguarding system."
            ),
            "activities": [
                {
                    "kind": "practitioners",
                    "title": (
                        "Test how the front door feeds back to referrers, and report to the Executive Board"
                    ),
                    "planned_on": date(2024, 5, 1),
                    "done_on": date(2024, 7, 15),
                    "findings": [
                        {
                            "text": (
                                "Referrers heard the outcome of their contact in 64% of the contacts "
                                "sampled. Schools, which make over half of all contacts, most often "
                                "heard nothing."
                            ),
                            "response": "accepted",
                            "response_text": (
                                "Accepted. The front door will send every referrer a standard outcome "
                                "message, and the scrutineer will check again once it is in place."
                            ),
                            "owner": "head_safeguarding_qa",
                            "due": date(2025, 3, 31),
                            "agreed": date(2024, 7, 25),
                            "impact": (
                                "A standard outcome message to referrers is in place; the scrutineer's "
                                "2025 re-check found referrers heard the outcome in 91% of sampled contacts."
                            ),
                        }
                    ],
                },
                {
                    "kind": "observation",
                    "title": "Observe the Executive Board",
                    "planned_on": date(2024, 6, 20),
                    "done_on": None,
                    "findings": [],
                },
                {
                    "kind": "report_review",
                    "title": (
                        "Lead the self-evaluation of the child criminal exploitation and multi-agency "
                        "child exploitation arrangements"
                    ),
                    "planned_on": date(2024, 9, 1),
                    "done_on": None,
                    "findings": [],
                },
                {
                    "kind": "children",
                    "title": (
                        "Hear from children, young people, parents and carers through the engagement "
                        "arrangements"
                    ),
                    "planned_on": date(2024, 11, 1),
                    "done_on": None,
                    "findings": [],
                },
            ],
        },
    },
}
