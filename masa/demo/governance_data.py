"""Hounslow's 2023-24 meetings, decisions and actions, and its forward plan (pure data, no Django).

Drawn from the HSCP Yearly Report 2023-24: the two rapid reviews (domestic abuse; pre-birth
assessment), the neglect audit, HMICFRS child exploitation findings and MACE, EHE and CME,
the FYOI annual review of restraint and HMIP inspection, the training strategy and needs
analysis, CAMHS waiting times, the multi-agency chronology system and the effectiveness review.
People and groups are the keys of `structure_data.py`. Figures follow the report; where the
report gives none, the demo invents plausible ones.
"""

from datetime import date

# Priorities by (first year of the plan, order in the plan).
CSA = (2021, 1)
NEGLECT = (2021, 2)
ADOLESCENTS = (2021, 3)
EDUCATION = (2021, 4)
ADOLESCENTS_27 = (2024, 1)
EDUCATION_27 = (2024, 2)
MENTAL_HEALTH_27 = (2024, 3)
ONLINE_HARM_27 = (2024, 4)
ASSURANCE_27 = (2024, 5)

PARTNERSHIP = "hounslow"
YEAR_START = date(2023, 4, 1)
YEAR_END = date(2024, 3, 31)

# If a member cannot come, the person they usually send (same agency); otherwise any
# colleague of the same agency who is not in the group, or apologies if there is none.
DEPUTIES = {
    "lbh_ceo": "lbh_dsp",
    "icb_lsp": "icb_dsp",
    "met_lsp": "met_dsp",
    "lbh_dsp": "head_safeguarding_qa",
    "icb_dsp": "designated_nurse",
    "met_dsp": "det_supt_public_protection",
    "director_education": "education_safeguarding_advisor",
    "designated_nurse": "designated_doctor",
    "fyoi_governor": "fyoi_head_safeguarding",
    "named_nurse_hrch": "health_visitor",
}

# One meeting of one subgroup that was not quorate: (group key, meeting index).
NOT_QUORATE = ("safeguarding_forum", 2)

PROGRESS_NOTES = [
    "Lead identified in each agency and a first meeting held.",
    "Draft circulated to subgroup members for comment by the end of the month.",
    "Delayed by winter pressures; revised timescale agreed with the chair.",
    "Data requested from partners; two of three returns received so far.",
    "Discussed at the agency's internal safeguarding committee, which supports the approach.",
    "Task and finish meeting held; actions split between health and children's social care.",
    "Update given under matters arising; work is on track.",
    "Awaiting sign-off from the agency's senior leadership team.",
    "Partly complete: the remaining part depends on the new case management system.",
    "Resources agreed; work starts next month.",
    "Chased by the business unit; owner confirmed the work is in hand.",
    "First draft shared with the Partnership Service Manager.",
]


def act(title: str, owner: str, impact: str) -> dict:
    """An action agreed on an item. The impact is what is recorded if the action is closed."""
    return {"title": title, "owner": owner, "impact": impact}


def item(
    title: str,
    purpose: str,
    presenter: str,
    minutes: int,
    discussion: str,
    *,
    priority: tuple[int, int] | None = None,
    decisions: tuple[str, ...] = (),
    actions: tuple[dict, ...] = (),
) -> dict:
    return {
        "title": title,
        "purpose": purpose,
        "presenter": presenter,
        "minutes": minutes,
        "discussion": discussion,
        "priority": priority,
        "decisions": list(decisions),
        "actions": list(actions),
    }


def meeting(day: date, items: list[dict]) -> dict:
    return {"date": day, "items": items}


HOUNSLOW_HOUSE = "Hounslow House, 7 Bath Road, Hounslow TW3 3EB"

# Groups in the order they are loaded. `times` are Europe/London wall-clock times.
GROUPS: dict[str, dict] = {
    "lsp": {
        "location": f"{HOUNSLOW_HOUSE} – Leader's Room",
        "times": ((14, 0), (15, 30)),
        "meetings": [
            meeting(
                date(2023, 7, 12),
                [
                    item(
                        "HSCP budget 2023-24 and partner contributions",
                        "decision",
                        "partnership_chair",
                        20,
                        "The Partnership Chair set out the 2023-24 budget of £241,998: local authority "
                        "£157,500, ICB £31,698, MOPAC £5,000, London Fire Brigade £500 and one-off DfE "
                        "funding of £47,300 to implement Working Together 2023. Partners noted that "
                        "contributions have not changed since 2019 while the business unit's work has grown.",
                        decisions=(
                            "The 2023-24 budget of £241,998 was agreed, with the DfE grant ring-fenced for "
                            "implementing Working Together 2023.",
                        ),
                        actions=(
                            act(
                                "Confirm the ICB contribution of £31,698 for 2023-24 in writing",
                                "icb_lsp",
                                "The contribution was confirmed and paid in quarter 2, so the partnership "
                                "could commit to the effectiveness review and the e-learning recommission "
                                "without a funding gap.",
                            ),
                            act(
                                "Propose a fair-share formula for partner contributions from 2024-25",
                                "partnership_chair",
                                "The LSPs agreed a three-way formula in January 2024, giving the business "
                                "unit a settled budget to plan the 2024-27 priorities.",
                            ),
                        ),
                    ),
                    item(
                        "Working Together 2023: what changes for Hounslow's arrangements",
                        "discussion",
                        "partnership_chair",
                        30,
                        "Lead Safeguarding Partners discussed the new LSP and DSP roles, the strengthened "
                        "expectation of independent scrutiny and the deadline of December 2024 for "
                        "publishing revised arrangements. They agreed the Board should be renamed the HSCP "
                        "Board and that each LSP would delegate to a named senior officer.",
                        actions=(
                            act(
                                "Each LSP to name its Delegated Safeguarding Partner in writing",
                                "lbh_ceo",
                                "All three DSPs were named by September 2023 and now attend every Board "
                                "meeting with authority to commit their agency's resources.",
                            ),
                            act(
                                "Commission an independent review of the partnership's effectiveness",
                                "partnership_chair",
                                "The review reported in autumn 2023; its 'purpose, people and process' "
                                "findings shaped the revised arrangements and the terms of reference of "
                                "every subgroup.",
                            ),
                        ),
                    ),
                    item(
                        "Recruitment of an Independent Scrutineer",
                        "decision",
                        "partnership_chair",
                        15,
                        "Since the Independent Chair left in January 2023 the partnership has had no "
                        "independent challenge. LSPs considered a scrutineer role drawing on the Six Steps "
                        "for Independent Scrutiny, with a 'right to roam' across the safeguarding system.",
                        decisions=(
                            "Agreed to recruit an Independent Scrutineer, funded from the local authority "
                            "contribution.",
                        ),
                        actions=(
                            act(
                                "Finalise the Independent Scrutineer role profile and run the recruitment",
                                "partnership_chair",
                                "The scrutineer was appointed in November 2023 and started in February 2024, "
                                "restoring independent challenge to the Board.",
                            ),
                            act(
                                "Brief the new Independent Scrutineer on open inspection and review actions",
                                "psm",
                                "The scrutineer's induction pack listed every open inspection and review "
                                "action, which set her first scrutiny plan.",
                            ),
                        ),
                    ),
                    item(
                        "Yearly report 2022-23: sign-off",
                        "decision",
                        "partnership_chair",
                        15,
                        "LSPs reviewed the draft yearly report. They asked for clearer evidence of impact "
                        "for children, not only of activity, in next year's report.",
                        decisions=("The 2022-23 yearly report was signed off for publication.",),
                        actions=(
                            act(
                                "Publish the 2022-23 yearly report and send it to the National Panel and "
                                "the What Works Centre",
                                "psm",
                                "The report was published within the 12-month statutory window and sent to "
                                "the Panel and the What Works Centre on the same day.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 1, 24),
                [
                    item(
                        "Independent Scrutineer: induction and scrutiny plan",
                        "discussion",
                        "scrutineer",
                        25,
                        "The incoming Independent Scrutineer described her approach: an agreed schedule of "
                        "scrutiny and feedback, a right to roam, and making sure the voice of children and "
                        "families is at the heart of scrutiny. LSPs welcomed a first focus on feedback to "
                        "referrers and on the multi-agency child exploitation arrangements.",
                        actions=(
                            act(
                                "Agree a schedule of scrutiny for 2024-25 with the Independent Scrutineer",
                                "scrutineer",
                                "The schedule was agreed in April 2024; the first findings, on feedback to "
                                "referrers, went to the Board in summer 2024 and led to a standard outcome "
                                "message from the MASH.",
                            ),
                        ),
                    ),
                    item(
                        "Partner contributions 2024-25",
                        "decision",
                        "partnership_chair",
                        15,
                        "The Partnership Chair presented the fair-share formula requested in July. Partners "
                        "noted MOPAC and London Fire Brigade contributions are voluntary.",
                        decisions=("The fair-share formula for 2024-25 contributions was agreed.",),
                        actions=(
                            act(
                                "Tell each agency's finance lead its 2024-25 contribution",
                                "lbh_ceo",
                                "All three statutory partners paid their 2024-25 contribution in quarter 1, "
                                "for the first time without chasing.",
                            ),
                        ),
                    ),
                    item(
                        "HMICFRS child exploitation inspection: the Met's response",
                        "assurance",
                        "met_lsp",
                        25,
                        "The Met set out its response to the accelerated causes of concern: missing children "
                        "at risk of exploitation were not graded high enough, and exploitation "
                        "investigations did not pursue offenders robustly. West Area has enlarged its "
                        "Exploitation Team and Missing Persons Unit and passes every missing child to a "
                        "secondary investigator as soon as one is on duty, not after 48 hours.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Report progress on the accelerated causes of concern to every Board meeting",
                                "met_lsp",
                                "Quarterly reports to the Board showed missing children at risk of "
                                "exploitation graded correctly in over 95% of sampled cases by mid-2024.",
                            ),
                            act(
                                "Share the West Area missing-children grading audit with the Adolescent "
                                "Safeguarding Group",
                                "met_dsp",
                                "The audit is now a standing item at the Adolescent Safeguarding Group, "
                                "which tracks grading of missing children every quarter.",
                            ),
                        ),
                    ),
                    item(
                        "Revised multi-agency safeguarding arrangements: timetable",
                        "decision",
                        "partnership_chair",
                        20,
                        "LSPs considered the timetable for publishing revised arrangements under Working "
                        "Together 2023 and the findings of the effectiveness review.",
                        decisions=(
                            "Agreed the timetable: draft arrangements to the Board in September 2024 and "
                            "publication by December 2024.",
                        ),
                        actions=(
                            act(
                                "Draft the revised arrangements using the Purpose, People, Process model",
                                "psm",
                                "The revised arrangements were published in December 2024, on time, with "
                                "terms of reference for every group written as Purpose, People, Process.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "board": {
        "location": f"{HOUNSLOW_HOUSE} – Committee Room 1",
        "times": ((10, 0), (12, 30)),
        "meetings": [
            meeting(
                date(2023, 6, 15),
                [
                    item(
                        "Safeguarding performance dashboard, quarter 4 2022-23",
                        "assurance",
                        "lbh_dsp",
                        25,
                        "The dashboard showed 3,300 referrals in 2022-23, 81% progressing to assessment, and "
                        "rising re-referrals after Early Help step-down. Members noted the dashboard holds "
                        "only children's social care data and asked for health and police measures.",
                        actions=(
                            act(
                                "Add health and police indicators to the Board dashboard",
                                "icb_dsp",
                                "From quarter 2 the dashboard includes health visiting contacts, missing "
                                "episodes and Operation Encompass notifications, so the Board sees the whole "
                                "system and not only children's social care.",
                            ),
                            act(
                                "Analyse re-referrals within 12 months of closure and report back",
                                "lbh_dsp",
                                "The analysis showed re-referrals clustered after step-down to a limited "
                                "Early Help offer; the Front Door changed its step-down practice and "
                                "re-referrals fell during 2023-24.",
                            ),
                        ),
                    ),
                    item(
                        "CAMHS waiting times",
                        "assurance",
                        "icb_dsp",
                        20,
                        "Referrals to CAMHS were 588 in 2020, 395 in 2021, 706 in 2022 and are on course to "
                        "exceed 900 in 2023. Waits have fallen by a few months despite the increase. The "
                        "Children and Young People's Mental Health Partnership Board has six priority areas, "
                        "including closer working with schools and recruitment and retention.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Report CAMHS waiting times to the Board every six months until waits are "
                                "reducing",
                                "icb_dsp",
                                "CAMHS waiting times are on the Board's forward plan; the March 2024 report "
                                "showed the longest wait for a first appointment down from 38 to 29 weeks.",
                            ),
                            act(
                                "Map how schools can get CAMHS advice while a child is waiting",
                                "director_education",
                                "Every secondary school now has a named Mental Health Support Team "
                                "practitioner, and designated safeguarding leads know how to get advice "
                                "while a child waits.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review: domestic abuse (notified April 2023)",
                        "decision",
                        "lbh_dsp",
                        30,
                        "The Effective Practice Group presented the rapid review. Agencies recognised and "
                        "responded well to domestic abuse; CADA and daily MARAC worked as intended. "
                        "Operation Encompass is well embedded but notifications are sent only when police "
                        "see a child, not when a child is known to live at the address.",
                        decisions=(
                            "The Board agreed the criteria for a local child safeguarding practice review "
                            "were not met, and approved the report for the National Panel.",
                        ),
                        actions=(
                            act(
                                "Send the rapid review report to the National Panel",
                                "lbh_dsp",
                                "The Panel agreed with the partnership's recommendation and praised the "
                                "quality and robustness of the rapid review.",
                            ),
                            act(
                                "Send Operation Encompass notifications whenever a child is known to live at "
                                "the address, not only when seen by police",
                                "met_dsp",
                                "Schools now receive a notification whenever police know a child lives at "
                                "the address, so more children get support in school the morning after a "
                                "domestic abuse incident.",
                            ),
                        ),
                    ),
                    item(
                        "Independent review of the partnership's effectiveness: scope",
                        "decision",
                        "partnership_chair",
                        20,
                        "The Chair proposed an independent review, ahead of the revised arrangements, of "
                        "structure, systems, leadership engagement and governance, and above all of impact "
                        "on outcomes for children and families.",
                        decisions=(
                            "Commissioned the independent effectiveness review with a partnership "
                            "development day (budget £11,875).",
                        ),
                        actions=(
                            act(
                                "Agree the review's terms of reference and interview list with the reviewer",
                                "partnership_chair",
                                "The reviewer interviewed 26 leaders and practitioners from 14 agencies; "
                                "every statutory partner and most relevant agencies were heard.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 9, 21),
                [
                    item(
                        "Safeguarding performance dashboard, quarter 1 2023-24",
                        "assurance",
                        "lbh_dsp",
                        25,
                        "92% of referrals now progress to assessment, up from 81%. School attendance of "
                        "children on child protection plans is 82.8% against 93.6% for all pupils.",
                        actions=(
                            act(
                                "Bring an analysis of attendance of children on child protection plans to "
                                "the Education Safeguarding Group",
                                "director_education",
                                "Each child on a plan with attendance below 90% now has attendance as a "
                                "named outcome in the plan, checked at every core group.",
                            ),
                        ),
                    ),
                    item(
                        "Multi-agency training strategy",
                        "decision",
                        "lbh_dsp",
                        20,
                        "The new Training and Development Manager, in post since August 2023, presented a "
                        "joint strategy for a needs-led training offer with shared responsibility for "
                        "delivery, attendance and evaluation.",
                        decisions=("The joint multi-agency training strategy was agreed.",),
                        actions=(
                            act(
                                "Run a multi-agency training needs analysis",
                                "training_manager",
                                "The analysis ran in November 2023; it showed demand for neglect and "
                                "adolescent safeguarding training, which the March 2024 programme includes.",
                            ),
                            act(
                                "Each statutory partner to name a training champion",
                                "icb_dsp",
                                "Champions in the council, ICB and police promote courses in their own "
                                "agencies; bookings from health staff doubled in the first quarter.",
                            ),
                        ),
                    ),
                    item(
                        "Multi-agency chronology system: expansion",
                        "decision",
                        "lbh_dsp",
                        15,
                        "Rapid review chronologies are compiled by hand from each agency's records and took "
                        "about three weeks in the last review. Extending the chronology system to health and "
                        "police would cost £6,000.",
                        decisions=(
                            "Agreed £6,000 to extend the multi-agency chronology system to health and "
                            "police.",
                        ),
                        actions=(
                            act(
                                "Give named health and police leads access to the chronology system",
                                "head_safeguarding_qa",
                                "All agencies now add to one chronology; the pre-birth rapid review's "
                                "chronology was complete in 5 working days instead of about 3 weeks.",
                            ),
                            act(
                                "Write a data-sharing agreement for the chronology system",
                                "psm",
                                "The agreement was signed by all three statutory partners in November 2023, "
                                "so records could be shared lawfully from the next rapid review.",
                            ),
                        ),
                    ),
                    item(
                        "HMYOI Feltham: safeguarding concerns in August 2023",
                        "assurance",
                        "partnership_chair",
                        20,
                        "The Board heard about serious incidents at FYOI in August 2023 and the Governor's "
                        "immediate response. The Board cannot yet give positive assurance about the "
                        "establishment.",
                        actions=(
                            act(
                                "The FYOI group to report to every Board meeting until the Board is assured",
                                "psm",
                                "The FYOI group has reported to every Board meeting since September 2023; "
                                "the Board's oversight is recorded in the yearly report's statement of "
                                "assurance.",
                            ),
                        ),
                    ),
                    item(
                        "Vulnerable children in education: task and finish group",
                        "decision",
                        "director_education",
                        15,
                        "Absence, persistent absence, primary exclusions and elective home education are "
                        "all rising. The Director of Education proposed a task and finish group to "
                        "understand which children are most at risk.",
                        priority=EDUCATION,
                        decisions=(
                            "Agreed a task and finish group chaired by the Education Safeguarding Advisor.",
                        ),
                        actions=(
                            act(
                                "Set up the vulnerable children in education task and finish group and agree "
                                "its workplan",
                                "education_safeguarding_advisor",
                                "The group met four times and produced a workplan; its work on EHE "
                                "monitoring is now part of the Education Safeguarding Group's routine.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 12, 14),
                [
                    item(
                        "Ofsted ILACS inspection of children's social care (October 2023)",
                        "information",
                        "lbh_dsp",
                        15,
                        "Children's social care was judged Good overall and Outstanding for leadership. "
                        "Inspectors found a strong, child-focused culture and strong partnerships.",
                        actions=(
                            act(
                                "Share the inspection findings on partnership working with all subgroups",
                                "lbh_dsp",
                                "Every subgroup discussed the findings in January 2024 and added the "
                                "relevant recommendations to its workplan.",
                            ),
                        ),
                    ),
                    item(
                        "HMICFRS child exploitation inspection: accelerated causes of concern",
                        "assurance",
                        "met_dsp",
                        25,
                        "West Area has strengthened its response to missing children, stabilised RADT "
                        "postings, enlarged the Exploitation Team and Missing Persons Unit, and appointed a "
                        "Detective Inspector to lead an offender-focused approach.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Report the missing-children grading audit to the Adolescent Safeguarding "
                                "Group",
                                "det_supt_public_protection",
                                "The February 2024 audit found 96% of missing children at risk of "
                                "exploitation graded correctly, up from 71% in the autumn.",
                            ),
                            act(
                                "Brief all frontline officers on avoiding victim-blaming language",
                                "met_dsp",
                                "Every West Area response team was briefed by March 2024; a dip sample of "
                                "crime reports found no victim-blaming language in 40 records.",
                            ),
                        ),
                    ),
                    item(
                        "Independent effectiveness review: findings",
                        "decision",
                        "partnership_chair",
                        30,
                        "The review found significant strengths and recommended better quality assurance, "
                        "more visible leadership, and meetings with a clear purpose and impact. The themes "
                        "were explored at the whole-partnership development session in October.",
                        decisions=(
                            "The Board accepted the review's recommendations.",
                            "Agreed to rewrite every subgroup's terms of reference as Purpose, People, "
                            "Process.",
                        ),
                        actions=(
                            act(
                                "Rewrite each subgroup's terms of reference as Purpose, People and Process",
                                "psm",
                                "All subgroups adopted new terms of reference by April 2024; two groups "
                                "merged and duplicated membership fell.",
                            ),
                            act(
                                "Set a forward plan for Board agendas so every item states its purpose",
                                "partnership_chair",
                                "Every Board agenda since April 2024 says whether an item is for decision, "
                                "assurance or information; items for decision or assurance rose from about "
                                "40% to over 70%.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review: pre-birth assessment",
                        "decision",
                        "lbh_dsp",
                        30,
                        "The second rapid review found pre-birth assessments too parent-focused and started "
                        "too late, with too little time for reflection in the assessment teams. Children's "
                        "social care has moved pre-birth work to the Safeguarding and Support Teams.",
                        decisions=(
                            "The Board agreed the criteria for a local child safeguarding practice review "
                            "were not met.",
                            "A pre-birth action plan will be monitored by the Effective Practice Group.",
                        ),
                        actions=(
                            act(
                                "Write a multi-agency pre-birth action plan",
                                "head_safeguarding_qa",
                                "The plan was agreed in January 2024 and monitored at every Effective "
                                "Practice Group; 9 of its 11 actions were complete by March 2024.",
                            ),
                            act(
                                "Midwifery to refer every pregnancy with safeguarding concerns to children's "
                                "social care by 20 weeks",
                                "named_nurse_wmuh",
                                "The median gestation at referral fell from 27 to 19 weeks in the 2024 "
                                "audit, "
                                "giving time for pre-birth assessment and early permanence planning.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 3, 21),
                [
                    item(
                        "Strategic priorities 2024-27",
                        "decision",
                        "partnership_chair",
                        30,
                        "The Board considered progress on the 2021-24 priorities and proposals from local "
                        "learning. Neglect and child sexual abuse practice has improved enough to move to "
                        "routine assurance; online harm and mental health emerged strongly from local cases.",
                        decisions=(
                            "Agreed five priorities for 2024-27: safeguarding adolescents; vulnerable "
                            "children in education; mental health, self-harm and suicide prevention; online "
                            "harm; continuous assurance that safeguarding systems are safe and effective.",
                            "Neglect and child sexual abuse are concluded as priorities and move to core "
                            "assurance.",
                        ),
                        actions=(
                            act(
                                "Write a delivery plan for each 2024-27 priority with a named lead subgroup",
                                "psm",
                                "Delivery plans with measures were agreed for all five priorities by July "
                                "2024 and are reported to the Board twice a year.",
                            ),
                            act(
                                "Publish the 2024-27 priorities to partners and the public",
                                "partnership_chair",
                                "The priorities are on the HSCP website and in the yearly report, and were "
                                "presented at the April 2024 practitioner forum.",
                            ),
                        ),
                    ),
                    item(
                        "Multi-agency neglect audit (December 2023): findings",
                        "assurance",
                        "lbh_dsp",
                        25,
                        "The audit found better understanding of neglect, good use of the Quality of Care "
                        "tool, strong child protection plans and a strong contribution from schools. "
                        "Developments: more health input, more effective child in need plans, the harm of "
                        "unstable housing, escalation of professional disagreement, entrenched neglect and "
                        "adolescent neglect.",
                        priority=NEGLECT,
                        actions=(
                            act(
                                "Refresh the neglect strategy using the audit's six areas for development",
                                "head_safeguarding_qa",
                                "The refreshed strategy and multi-agency plan were agreed in September 2024; "
                                "adolescent neglect now has its own practice guidance.",
                            ),
                            act(
                                "Health visitors to attend every core group for children on plans for "
                                "neglect",
                                "icb_dsp",
                                "Health visitor attendance at core groups for neglect rose from 58% to 87% "
                                "in the 2024 re-audit.",
                            ),
                            act(
                                "Agree how child in need plans for neglect are reviewed when progress stalls",
                                "lbh_dsp",
                                "Child in need plans for neglect go to a manager review after three months "
                                "without progress; stalled cases now step up in good time.",
                            ),
                            act(
                                "Agree with Housing how families with neglect concerns are kept from "
                                "repeated "
                                "moves",
                                "lbh_dsp",
                                "Housing now flags families with a child on a plan for neglect and consults "
                                "the social worker before any move; multiple moves fell in the re-audit.",
                            ),
                        ),
                    ),
                    item(
                        "CAMHS waiting times: six-month report",
                        "assurance",
                        "icb_dsp",
                        20,
                        "953 referrals in 2023. Waits for a first appointment have fallen, but demand and "
                        "complexity keep rising. The Board is not yet assured that waits are reducing "
                        "consistently.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Keep CAMHS waiting times on the Board forward plan until waits are reducing",
                                "icb_dsp",
                                "CAMHS waits are reported to the Board every six months; the Board agreed "
                                "in 2025 that waits had fallen for three reports in a row.",
                            ),
                        ),
                    ),
                    item(
                        "HMYOI Feltham: HMIP inspection (March 2024), first feedback",
                        "information",
                        "partnership_chair",
                        15,
                        "Initial feedback: safety and purposeful activity dropped to level 1, partly because "
                        "of the August 2023 incidents. No urgent actions; safeguarding practice robust, good "
                        "separation systems, use of force justified and proportionate, and 92% of young "
                        "people feel safe.",
                        actions=(
                            act(
                                "Bring the published HMIP report and FYOI action plan to the Board",
                                "psm",
                                "The Board considered the report and action plan in June 2024 and receives "
                                "progress at every meeting through the FYOI group.",
                            ),
                        ),
                    ),
                    item(
                        "Headteachers' view of the front door and feedback to referrers",
                        "discussion",
                        "senior_education_leader",
                        15,
                        "Schools make over half of all contacts but often hear nothing about the outcome. "
                        "Headteachers value the MASH education social worker.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Ask the Independent Scrutineer to test how the front door feeds back to "
                                "referrers",
                                "partnership_chair",
                                "The scrutineer found referrers heard the outcome in 64% of sampled "
                                "contacts; after a standard outcome message was introduced a 2025 re-check "
                                "found 91%.",
                            ),
                        ),
                    ),
                    item(
                        "Yearly report 2023-24: structure and timetable",
                        "decision",
                        "partnership_chair",
                        10,
                        "The report will follow Working Together 2023: statement of assurance, the "
                        "scrutineer's comment, effectiveness, priorities, learning, training, private "
                        "fostering and FYOI, with evidence of impact.",
                        decisions=("Agreed the structure and a sign-off by the LSPs in July 2024.",),
                        actions=(
                            act(
                                "Collect agencies' contributions to the 2023-24 yearly report",
                                "performance_officer",
                                "All statutory partners and 11 relevant agencies contributed; the report "
                                "was signed off in July 2024.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "strategic_insights": {
        "location": "Microsoft Teams",
        "times": ((13, 30), (15, 30)),
        "meetings": [
            meeting(
                date(2023, 5, 11),
                [
                    item(
                        "Multi-agency safeguarding dataset, quarter 4 2022-23",
                        "assurance",
                        "performance_officer",
                        25,
                        "Children's social care data is complete, but police, health and education data "
                        "arrive late and in different formats, so trends across agencies cannot be seen.",
                        actions=(
                            act(
                                "Agree a core set of 20 indicators every agency can supply quarterly",
                                "performance_officer",
                                "The agreed dataset went live in quarter 2 with police, health and "
                                "education data and now feeds the Board dashboard.",
                            ),
                        ),
                    ),
                    item(
                        "Section 11 audit 2023: timetable and tool",
                        "decision",
                        "psm",
                        20,
                        "The group considered the updated London Section 11 self-assessment tool and a "
                        "timetable that avoids the summer holidays.",
                        decisions=("Agreed to run the Section 11 self-assessment from September 2023.",),
                        actions=(
                            act(
                                "Send the Section 11 tool to all relevant agencies with a return date",
                                "psm",
                                "21 agencies received the tool in September; 18 returned it on time.",
                            ),
                            act(
                                "Arrange peer challenge sessions for Section 11 returns",
                                "designated_nurse",
                                "Three peer challenge sessions tested agencies' self-ratings; four agencies "
                                "lowered a rating after challenge and added an improvement action.",
                            ),
                        ),
                    ),
                    item(
                        "Learning from complaints in health providers",
                        "discussion",
                        "named_nurse_wmuh",
                        20,
                        "Complaints from families about safeguarding processes are handled separately by "
                        "each trust and not shared with the partnership.",
                        actions=(
                            act(
                                "Collate safeguarding themes from complaints across the three health trusts",
                                "named_nurse_wmuh",
                                "A six-monthly themes report now comes to the group; the first led to "
                                "clearer letters to parents after a child protection medical.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 8, 10),
                [
                    item(
                        "Multi-agency safeguarding dataset, quarter 1 2023-24",
                        "assurance",
                        "performance_officer",
                        25,
                        "First quarter with police data in the dataset. Missing episodes and return home "
                        "interviews are not yet included.",
                        actions=(
                            act(
                                "Add missing episodes and return home interviews to the dataset",
                                "det_supt_public_protection",
                                "Missing episodes and return home interview timeliness are reported "
                                "quarterly from quarter 3; timeliness rose from 61% to 84% once visible.",
                            ),
                        ),
                    ),
                    item(
                        "Child sexual abuse strategy: assurance",
                        "assurance",
                        "head_safeguarding_qa",
                        20,
                        "The CSA strategy and implementation plan from the 2020 audit are complete. A "
                        "bespoke multi-agency training course continues. The partnership is part of the "
                        "North West London CSA programme shaping a CSA hub.",
                        priority=CSA,
                        actions=(
                            act(
                                "Report how many CSA concerns universal services identified before and after "
                                "the CSA training",
                                "head_safeguarding_qa",
                                "Referrals for suspected CSA from schools and health rose by a third after "
                                "the training, with the same share leading to a section 47 enquiry.",
                            ),
                        ),
                    ),
                    item(
                        "Probation: information sharing about parents under supervision",
                        "discussion",
                        "probation_head",
                        20,
                        "Probation does not always know whether a parent it supervises has children known "
                        "to children's social care.",
                        actions=(
                            act(
                                "Agree a protocol so Probation checks children's social care records for "
                                "every parent under supervision",
                                "probation_head",
                                "Probation now checks every new case with children in the household within "
                                "10 working days; all cases sampled in 2024 had the check recorded.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 11, 9),
                [
                    item(
                        "Multi-agency safeguarding dataset, quarter 2 2023-24",
                        "assurance",
                        "performance_officer",
                        25,
                        "Re-referrals are falling. 42 of 301 new child protection plans were repeat plans.",
                        actions=(
                            act(
                                "Look in depth at the 42 repeat child protection plans",
                                "head_safeguarding_qa",
                                "The review found most repeat plans followed step-down without a lead "
                                "professional; plans now name one before they end.",
                            ),
                            act(
                                "Report repeat child protection plans in the quarterly dataset",
                                "performance_officer",
                                "Repeat plans are a standing measure in the dataset; the rate fell from 14% "
                                "to 10% during 2024-25.",
                            ),
                        ),
                    ),
                    item(
                        "Section 11 audit 2023: returns and themes",
                        "assurance",
                        "psm",
                        25,
                        "18 of 21 agencies returned the self-assessment. Common weaknesses: supervision "
                        "records, safer recruitment checks for volunteers, and hearing children's views.",
                        actions=(
                            act(
                                "Chase the three agencies that have not returned their Section 11 "
                                "self-assessment",
                                "psm",
                                "All 21 agencies had returned by January 2024, the first complete Section 11 "
                                "round since 2019.",
                            ),
                            act(
                                "Write a Section 11 summary for the Board with areas of weakness",
                                "designated_nurse",
                                "The Board received the summary in March 2024 and asked each agency to "
                                "report progress on its weakest standard within six months.",
                            ),
                        ),
                    ),
                    item(
                        "Multi-agency chronology system: data-sharing agreement",
                        "decision",
                        "head_safeguarding_qa",
                        15,
                        "The data-sharing agreement for the expanded chronology system is ready for "
                        "agreement.",
                        decisions=("The group recommended the data-sharing agreement for signature.",),
                        actions=(
                            act(
                                "Train health and police users of the chronology system",
                                "named_nurse_hrch",
                                "22 health and police staff were trained; every agency contributed directly "
                                "to the next rapid review chronology.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 2, 8),
                [
                    item(
                        "Multi-agency safeguarding dataset, quarter 3 2023-24",
                        "assurance",
                        "performance_officer",
                        20,
                        "The education measures show 491 children electively home educated and 649 "
                        "children missing education in the last academic year; neither is in the dataset.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Add elective home education and children missing education to the dataset",
                                "education_safeguarding_advisor",
                                "EHE and CME numbers are reported quarterly from 2024-25, which let the "
                                "group see the rise in EHE among children known to social care.",
                            ),
                        ),
                    ),
                    item(
                        "Quality assurance framework 2024-27: draft",
                        "decision",
                        "designated_nurse",
                        30,
                        "The effectiveness review asked for stronger quality assurance. The draft framework "
                        "brings together the dataset, multi-agency audits, Section 11 and feedback from "
                        "children and families.",
                        decisions=("Agreed the draft framework for consultation with all subgroups.",),
                        actions=(
                            act(
                                "Consult subgroups on the quality assurance framework",
                                "psm",
                                "All subgroups commented; the framework was adopted by the Board in June "
                                "2024 "
                                "and sets the audit programme each year.",
                            ),
                            act(
                                "Design a programme of multi-agency audits for 2024-25",
                                "head_safeguarding_qa",
                                "Four themed audits were planned for 2024-25, each chosen from the dataset "
                                "and learning reviews rather than by rota.",
                            ),
                        ),
                    ),
                    item(
                        "Hospital attendances for self-harm by under-18s",
                        "discussion",
                        "named_nurse_wmuh",
                        20,
                        "Attendances for self-harm at West Middlesex rose through 2023, mostly girls aged "
                        "13 to 16.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Report under-18 self-harm attendances at West Middlesex every quarter",
                                "named_nurse_wmuh",
                                "The quarterly figures now inform the mental health and suicide prevention "
                                "priority and showed which schools to target first.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "adolescent_safeguarding": {
        "location": f"{HOUNSLOW_HOUSE} – Meeting Room 4.02",
        "times": ((10, 0), (12, 0)),
        "meetings": [
            meeting(
                date(2023, 5, 17),
                [
                    item(
                        "MACE panel report, April 2023",
                        "assurance",
                        "head_adolescents",
                        25,
                        "The MACE panel discussed 23 children, mostly at risk of criminal exploitation "
                        "through county lines. Several were repeatedly missing from the same locations.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Map the places where children discussed at MACE were found when missing",
                                "det_supt_public_protection",
                                "The map identified hotspots near Hounslow bus station and two parks; patrol "
                                "plans changed and linked missing episodes fell over the next six months.",
                            ),
                        ),
                    ),
                    item(
                        "Safeguarding adolescents strategy: progress",
                        "assurance",
                        "head_adolescents",
                        20,
                        "Most of the strategy written after the Serious Youth Violence Systemic Review is "
                        "delivered. Gaps remain in transitions and in contextual safeguarding plans.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Refresh the safeguarding adolescents strategy action plan",
                                "head_adolescents",
                                "The refreshed plan added transitions for 10 to 13 year olds and is "
                                "reported to the Board twice a year.",
                            ),
                        ),
                    ),
                    item(
                        "Transitions for 10 to 13 year olds",
                        "discussion",
                        "education_safeguarding_advisor",
                        25,
                        "Children moving to secondary school who are already on the edge of exploitation "
                        "are not always known to their new school.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Identify Year 6 children at risk of exploitation before they move to "
                                "secondary school",
                                "education_safeguarding_advisor",
                                "Primary schools flagged 34 children in summer 2023; each secondary school "
                                "had a transition meeting for its flagged children before September.",
                            ),
                            act(
                                "Pilot a transition mentoring offer with the voluntary sector",
                                "vcs_lead",
                                "Twelve children had a mentor through Year 7; none were discussed at MACE "
                                "during the year.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 8, 16),
                [
                    item(
                        "MACE panel report, July 2023",
                        "assurance",
                        "head_adolescents",
                        20,
                        "Fewer children discussed over the summer but more girls at risk of sexual "
                        "exploitation. Plans rarely record a trusted adult.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Record a trusted adult in every MACE plan",
                                "head_adolescents",
                                "Every MACE plan since October 2023 names a trusted adult chosen by the "
                                "child.",
                            ),
                            act(
                                "Ask children discussed at MACE what helped them, with the voluntary sector",
                                "vcs_lead",
                                "Twelve young people gave their views; they asked for fewer professionals "
                                "and one consistent worker, which MACE plans now name.",
                            ),
                        ),
                    ),
                    item(
                        "Youth Justice Service: disproportionality in out-of-court disposals",
                        "discussion",
                        "yjs_head",
                        25,
                        "Black boys are over-represented among children receiving out-of-court disposals "
                        "compared with the local population.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Analyse out-of-court disposals by ethnicity, age and offence",
                                "yjs_head",
                                "The analysis went to the joint decision-making panel, which now reviews "
                                "every disposal for consistency; the gap narrowed in 2024-25.",
                            ),
                            act(
                                "Review stop and search of under-18s in Hounslow by ethnicity",
                                "det_supt_public_protection",
                                "The review was shared with the community monitoring group, and body-worn "
                                "footage of under-18 searches is now dip-sampled monthly.",
                            ),
                        ),
                    ),
                    item(
                        "Referrals from youth justice to CAMHS",
                        "discussion",
                        "named_nurse_wlt",
                        20,
                        "Children known to youth justice wait as long as any other child for CAMHS, even "
                        "when the court order depends on it.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Agree a fast consultation route from the Youth Justice Service to CAMHS",
                                "named_nurse_wlt",
                                "A CAMHS clinician now joins the youth justice team weekly; children are "
                                "seen for consultation within two weeks.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 11, 15),
                [
                    item(
                        "HMICFRS accelerated causes of concern: missing children",
                        "assurance",
                        "det_supt_public_protection",
                        30,
                        "The inspection found missing children at risk of exploitation were not graded high "
                        "enough and exploitation investigations did not pursue offenders.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Pass every missing child report to a secondary investigator on the next "
                                "duty shift",
                                "det_supt_public_protection",
                                "Missing child reports now reach an investigator the same day instead of "
                                "after 48 hours.",
                            ),
                            act(
                                "Attend every MACE panel with a police exploitation lead",
                                "det_supt_public_protection",
                                "A police exploitation lead has attended every MACE panel since December "
                                "2023, so disruption plans are agreed at the meeting.",
                            ),
                            act(
                                "Review all open exploitation cases for possible crime allegations",
                                "det_supt_public_protection",
                                "The review of all open exploitation cases recorded 19 new crimes, including "
                                "every sexual allegation where the victim was under 18.",
                            ),
                        ),
                    ),
                    item(
                        "Self-evaluation of child criminal exploitation and MACE arrangements",
                        "decision",
                        "head_adolescents",
                        20,
                        "The group considered how to test whether the MACE arrangements work for children, "
                        "not only whether meetings happen.",
                        priority=ADOLESCENTS,
                        decisions=(
                            "Agreed to ask the Independent Scrutineer to lead a self-evaluation of child "
                            "criminal exploitation and MACE.",
                        ),
                        actions=(
                            act(
                                "Prepare the MACE case sample and data pack for the self-evaluation",
                                "head_adolescents",
                                "The pack of 15 cases and two years of data let the scrutineer finish the "
                                "self-evaluation in one quarter.",
                            ),
                        ),
                    ),
                    item(
                        "Return home interviews: timeliness",
                        "assurance",
                        "vcs_lead",
                        20,
                        "61% of return home interviews happen within 72 hours. Children told the provider "
                        "they prefer someone they already know.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Offer return home interviews by a worker the child already knows where "
                                "possible",
                                "vcs_lead",
                                "Interviews by a known worker rose to 45% of the total, and 84% now happen "
                                "within 72 hours.",
                            ),
                            act(
                                "Share themes from return home interviews with MACE monthly",
                                "vcs_lead",
                                "Themes from interviews, such as locations and peers, now shape MACE "
                                "disruption plans.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 2, 21),
                [
                    item(
                        "MACE panel report, January 2024",
                        "assurance",
                        "head_adolescents",
                        20,
                        "Online grooming featured in a third of new referrals, but the MACE referral form "
                        "does not ask about it.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Add online exploitation to the MACE referral form",
                                "head_adolescents",
                                "The form now asks about online contact and platforms; online risk is "
                                "recorded for every child referred since April 2024.",
                            ),
                        ),
                    ),
                    item(
                        "Young people moving from youth justice to Probation",
                        "discussion",
                        "probation_head",
                        20,
                        "Young people turning 18 during an order lose their youth justice worker with "
                        "little handover.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Agree a joint transition protocol for 17 year olds moving from youth "
                                "justice "
                                "to Probation",
                                "probation_head",
                                "Every transfer since the protocol has had a three-way handover meeting with "
                                "the young person.",
                            ),
                        ),
                    ),
                    item(
                        "Online harm: early learning from local cases",
                        "discussion",
                        "education_safeguarding_advisor",
                        25,
                        "Schools describe scams, sextortion and sites encouraging self-harm. Practitioners "
                        "feel they do not know the language and culture of children's online lives.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Gather examples of online harm from schools for the 2024-27 priority",
                                "education_safeguarding_advisor",
                                "Thirty schools sent examples, which shaped the online harm delivery plan "
                                "and the new practitioner course.",
                            ),
                            act(
                                "Brief youth workers on sextortion and what to do",
                                "vcs_lead",
                                "Forty youth and voluntary sector workers were briefed; two disclosures in "
                                "the following term were reported to police the same day.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "safeguarding_forum": {
        "location": f"{HOUNSLOW_HOUSE} – Conference Room and Microsoft Teams",
        "times": ((14, 0), (16, 0)),
        "meetings": [
            meeting(
                date(2023, 6, 6),
                [
                    item(
                        "Agency safeguarding updates",
                        "information",
                        "named_nurse_hrch",
                        25,
                        "Agencies shared staffing changes and new safeguarding leads. Several practitioners "
                        "did not know who the current leads in other agencies are.",
                        actions=(
                            act(
                                "Circulate a contact list of safeguarding leads in every agency",
                                "psm",
                                "The list is on the HSCP website and updated quarterly; practitioners use it "
                                "to reach the right lead first time.",
                            ),
                        ),
                    ),
                    item(
                        "Private fostering: raising awareness",
                        "discussion",
                        "mash_social_worker",
                        20,
                        "Only five new private fostering arrangements were notified last year. Most "
                        "arrangements are probably unknown to the local authority.",
                        actions=(
                            act(
                                "Give private fostering briefings to GP practices",
                                "named_gp",
                                "Briefings reached 38 of 44 practices; two of the year's notifications came "
                                "from GPs.",
                            ),
                            act(
                                "Add private fostering to the faith and community groups newsletter",
                                "vcs_lead",
                                "An article reached over 200 community groups; one group asked for training.",
                            ),
                        ),
                    ),
                    item(
                        "Fire safety in homes where neglect is a concern",
                        "discussion",
                        "lfb_borough_commander",
                        20,
                        "London Fire Brigade described fires in cluttered homes with no working smoke "
                        "alarms where children were known to services.",
                        priority=NEGLECT,
                        actions=(
                            act(
                                "Offer home fire safety visits to families on plans for neglect",
                                "lfb_borough_commander",
                                "Social workers now refer directly; 37 visits in 2023-24 fitted smoke alarms "
                                "in homes of children on plans for neglect.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 9, 12),
                [
                    item(
                        "Agency safeguarding updates",
                        "information",
                        "named_nurse_hrch",
                        20,
                        "Updates from health, the voluntary sector and London Fire Brigade. Health visiting "
                        "caseloads remain high.",
                        actions=(
                            act(
                                "Report health visiting caseloads and vacancies to the Forum each quarter",
                                "health_visitor",
                                "Caseload figures went to the Board, which supported a recruitment drive; "
                                "vacancies halved in a year.",
                            ),
                        ),
                    ),
                    item(
                        "Right Person, Right Care: what changes for practitioners",
                        "information",
                        "mash_social_worker",
                        20,
                        "The Met's Right Person, Right Care approach changes when police attend welfare "
                        "concerns. Practitioners were unsure when to call police.",
                        actions=(
                            act(
                                "Write a practitioner briefing on Right Person, Right Care",
                                "mash_social_worker",
                                "The briefing is on the website; the local learning review later found good "
                                "practice in applying the policy.",
                            ),
                        ),
                    ),
                    item(
                        "The voice of the baby in health visiting records",
                        "discussion",
                        "health_visitor",
                        20,
                        "Records describe parents well but rarely what life is like for the baby.",
                        priority=NEGLECT,
                        actions=(
                            act(
                                "Add a 'day in the life of the baby' section to the health visiting record",
                                "health_visitor",
                                "The section is in the record template; an audit found it completed in 80% "
                                "of records for babies on plans.",
                            ),
                        ),
                    ),
                    item(
                        "NSPCC PANTS campaign relaunch",
                        "decision",
                        "named_nurse_hrch",
                        15,
                        "Hounslow was chosen by the NSPCC to relaunch the PANTS campaign, which helps young "
                        "children understand that their body belongs to them.",
                        priority=CSA,
                        decisions=("Agreed to support the PANTS relaunch in 2024-25.",),
                        actions=(
                            act(
                                "Plan PANTS sessions in primary schools and family hubs",
                                "vcs_lead",
                                "Sessions were planned in all three family hubs and 20 primary schools for "
                                "2024-25.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 12, 12),
                [
                    item(
                        "Agency safeguarding updates",
                        "information",
                        "named_nurse_hrch",
                        15,
                        "Short updates only: winter pressures meant several agencies sent apologies.",
                        actions=(
                            act(
                                "Ratify the meeting's decisions with voting members by email",
                                "psm",
                                "All voting members agreed the decisions by email within a week, so the "
                                "outcome message pilot started on time.",
                            ),
                        ),
                    ),
                    item(
                        "Escalation policy: is it used?",
                        "discussion",
                        "psm",
                        20,
                        "GPs and health visitors said they rarely use the escalation policy when they "
                        "disagree with a decision, and some did not know it exists.",
                        actions=(
                            act(
                                "Survey practitioners on their use of the escalation policy",
                                "psm",
                                "120 practitioners replied; the policy was shortened to one page and "
                                "escalations recorded by the business unit doubled.",
                            ),
                        ),
                    ),
                    item(
                        "Neglect: using the Quality of Care tool",
                        "discussion",
                        "health_visitor",
                        20,
                        "Social workers use the Quality of Care tool well; health colleagues are less "
                        "confident.",
                        priority=NEGLECT,
                        actions=(
                            act(
                                "Train health visitors to use the Quality of Care tool",
                                "health_visitor",
                                "All health visiting teams were trained; the tool now appears in health "
                                "reports to core groups.",
                            ),
                        ),
                    ),
                    item(
                        "Feedback to referrers from the MASH",
                        "decision",
                        "mash_social_worker",
                        20,
                        "Referrers want to know the outcome of their referral. The MASH proposed a standard "
                        "outcome message.",
                        decisions=(
                            "Agreed a standard outcome message to professional referrers, subject to "
                            "ratification by email as the meeting was not quorate.",
                        ),
                        actions=(
                            act(
                                "Pilot a standard outcome email to professional referrers",
                                "mash_social_worker",
                                "The pilot ran from January 2024 and became standard; referrers' complaints "
                                "about not hearing back stopped.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 3, 12),
                [
                    item(
                        "Agency safeguarding updates",
                        "information",
                        "named_nurse_hrch",
                        20,
                        "Updates included the new family hubs and changes to the health visiting service.",
                        actions=(
                            act(
                                "Invite the family hubs manager to present the hubs' safeguarding offer",
                                "vcs_lead",
                                "The hubs' offer was presented in June 2024 and practitioners now refer "
                                "families directly to hub programmes.",
                            ),
                        ),
                    ),
                    item(
                        "Operation Encompass in early years settings",
                        "discussion",
                        "vcs_lead",
                        20,
                        "Nurseries and childminders do not receive Operation Encompass notifications, yet "
                        "many of the youngest children are with them the next day.",
                        actions=(
                            act(
                                "Ask the Met to extend Operation Encompass to early years settings",
                                "named_nurse_hrch",
                                "Early years settings joined Operation Encompass in 2024-25 as part of the "
                                "London roll-out.",
                            ),
                        ),
                    ),
                    item(
                        "Seven-minute briefings: topics for 2024-25",
                        "decision",
                        "psm",
                        15,
                        "Practitioners find seven-minute briefings useful; the forum chose topics for the "
                        "coming year.",
                        decisions=(
                            "Agreed four briefings for 2024-25: online harm, suicide prevention, private "
                            "fostering and working with fathers.",
                        ),
                        actions=(
                            act(
                                "Write a seven-minute briefing on working with fathers",
                                "psm",
                                "The briefing was downloaded over 300 times in its first quarter.",
                            ),
                            act(
                                "Write a seven-minute briefing on online harm",
                                "mash_social_worker",
                                "The briefing is used in team meetings across health and children's social "
                                "care.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "effective_practice": {
        "location": f"{HOUNSLOW_HOUSE} – Meeting Room 3.01",
        "times": ((10, 0), (12, 0)),
        "meetings": [
            meeting(
                date(2023, 4, 25),
                [
                    item(
                        "Serious incident notified in April 2023: rapid review",
                        "decision",
                        "head_safeguarding_qa",
                        30,
                        "A serious incident involving domestic abuse was notified to the National Panel. "
                        "The rapid review must report within 15 working days of notification.",
                        decisions=(
                            "Agreed to hold the rapid review on 11 May 2023; chronologies due within 5 "
                            "working days.",
                        ),
                        actions=(
                            act(
                                "Request chronologies from every agency involved",
                                "psm",
                                "All seven agencies returned chronologies on time and the rapid review met "
                                "the 15 working day deadline.",
                            ),
                            act(
                                "Police to provide the household's domestic abuse call history",
                                "det_supt_public_protection",
                                "The call history showed three earlier incidents; the review could check "
                                "that each had led to an Operation Encompass notification.",
                            ),
                        ),
                    ),
                    item(
                        "Pre-birth protocol and training",
                        "decision",
                        "head_safeguarding_qa",
                        20,
                        "The revised pre-birth protocol and flowchart reflect national good practice on "
                        "early permanence.",
                        decisions=("Agreed the revised pre-birth protocol and flowchart for consultation.",),
                        actions=(
                            act(
                                "Roll out pre-birth training to midwives and social workers",
                                "named_nurse_wmuh",
                                "Training ran from April 2023; 84 midwives and social workers attended.",
                            ),
                            act(
                                "Publish the revised pre-birth protocol",
                                "psm",
                                "The protocol was published in summer 2023 and is used in every pre-birth "
                                "strategy discussion.",
                            ),
                        ),
                    ),
                    item(
                        "LADO annual report 2022-23",
                        "assurance",
                        "lado",
                        20,
                        "Allegations against people working with children rose, with most from education. "
                        "Designated safeguarding leads are not always sure when to refer.",
                        actions=(
                            act(
                                "Deliver allegations management training to designated safeguarding leads",
                                "lado",
                                "Four sessions reached 110 designated safeguarding leads; inappropriate "
                                "consultations to the LADO fell.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        15,
                        "Two actions from the 2018 domestic abuse LCSPR remain open without evidence.",
                        actions=(
                            act(
                                "Close the remaining 2018 domestic abuse LCSPR actions with evidence",
                                "head_safeguarding_qa",
                                "Both actions were closed with audit evidence; the review's action plan is "
                                "complete.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 6, 27),
                [
                    item(
                        "Rapid review (domestic abuse): learning briefing",
                        "information",
                        "psm",
                        15,
                        "The Board agreed the rapid review's recommendation. The learning confirms strong "
                        "domestic abuse practice.",
                        actions=(
                            act(
                                "Publish a seven-minute briefing on the domestic abuse rapid review",
                                "psm",
                                "The briefing was shared with all agencies in July 2023 and used in team "
                                "meetings.",
                            ),
                        ),
                    ),
                    item(
                        "National reviews: quarterly scan",
                        "discussion",
                        "designated_doctor",
                        20,
                        "The Panel's review of safeguarding children with disabilities in residential "
                        "settings was considered.",
                        actions=(
                            act(
                                "Benchmark Hounslow against the Panel's review of disabled children in "
                                "residential settings",
                                "designated_doctor",
                                "Every Hounslow child in a residential special school was visited by an "
                                "independent person and their safeguarding checked.",
                            ),
                        ),
                    ),
                    item(
                        "Pre-birth cases: monthly audit",
                        "assurance",
                        "head_safeguarding_qa",
                        20,
                        "Audits show assessments started late and focused on parents.",
                        actions=(
                            act(
                                "Audit pre-birth cases in July 2023 against the new protocol",
                                "head_safeguarding_qa",
                                "The July audit set a baseline; referral by 20 weeks became the plan's main "
                                "measure.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        10,
                        "No overdue review actions.",
                        actions=(
                            act(
                                "Add review actions to the multi-agency chronology system's tracker",
                                "psm",
                                "Review actions and their evidence are tracked in one place, so the group "
                                "sees overdue actions at a glance.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 8, 22),
                [
                    item(
                        "Serious incident notified in August 2023: rapid review",
                        "decision",
                        "head_safeguarding_qa",
                        30,
                        "A second serious incident was notified: a baby harmed shortly after birth, with "
                        "domestic abuse and a pre-birth assessment in progress.",
                        decisions=(
                            "Agreed to hold the rapid review within 15 working days of notification.",
                        ),
                        actions=(
                            act(
                                "Obtain the midwifery and GP chronologies",
                                "designated_nurse",
                                "Both chronologies were in the chronology system within five working days.",
                            ),
                        ),
                    ),
                    item(
                        "Child protection medicals out of hours",
                        "discussion",
                        "designated_doctor",
                        20,
                        "Children needing a child protection medical at weekends sometimes wait until "
                        "Monday.",
                        actions=(
                            act(
                                "Agree an out-of-hours pathway for child protection medicals",
                                "designated_doctor",
                                "A weekend rota with neighbouring boroughs now offers a medical within 24 "
                                "hours, seven days a week.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        10,
                        "All actions from the domestic abuse rapid review briefing are complete.",
                        actions=(
                            act(
                                "Send the Panel's feedback on the domestic abuse rapid review to all "
                                "agencies",
                                "psm",
                                "Agencies received the Panel's positive feedback, which was used in the "
                                "effectiveness review.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 10, 24),
                [
                    item(
                        "Rapid review (pre-birth): learning and recommendation",
                        "decision",
                        "head_safeguarding_qa",
                        30,
                        "Learning: pre-birth assessments were too parent-focused and needed more time and "
                        "reflection than the assessment teams could give.",
                        decisions=(
                            "Recommend to the Board that the criteria for an LCSPR are not met, with a "
                            "pre-birth action plan.",
                        ),
                        actions=(
                            act(
                                "Move pre-birth work to the Safeguarding and Support Teams from referral",
                                "head_safeguarding_qa",
                                "Pre-birth cases have been held by the Safeguarding and Support Teams since "
                                "November 2023, allowing early permanence planning.",
                            ),
                            act(
                                "Check that GPs are told of every pre-birth assessment",
                                "named_gp",
                                "GPs now receive a copy of every pre-birth assessment outcome.",
                            ),
                        ),
                    ),
                    item(
                        "Local learning: a child who moved out of borough",
                        "discussion",
                        "lado",
                        20,
                        "A vulnerable child moved to another borough and the new local authority was not "
                        "told.",
                        actions=(
                            act(
                                "Write a practice note on alerting another local authority when a vulnerable "
                                "child moves",
                                "head_safeguarding_qa",
                                "The note is in the London procedures local section; welfare checks are "
                                "requested for every child with an open plan who moves.",
                            ),
                            act(
                                "Check that strategy discussions record fathers' details",
                                "named_nurse_wmuh",
                                "A dip sample in 2024 found fathers' details in most strategy records.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        10,
                        "Pre-birth protocol actions on track.",
                        actions=(
                            act(
                                "Check every agency has trained staff on the revised pre-birth protocol",
                                "designated_nurse",
                                "Training records showed all midwifery and health visiting teams had been "
                                "trained by December 2023.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 12, 19),
                [
                    item(
                        "National learning: Child Delta ('True to Us')",
                        "discussion",
                        "designated_nurse",
                        30,
                        "Using its 'True to Us' model, the group tested local practice against the Child "
                        "Delta review. Strong practice in assessments, pre-birth work, trauma-informed "
                        "training, step-up and step-down, and the housing protocol. Further work needed on "
                        "commissioning, disproportionality and working with fathers.",
                        actions=(
                            act(
                                "Review the robustness of commissioning arrangements for placements",
                                "head_safeguarding_qa",
                                "Placement contracts now require providers to report safeguarding concerns "
                                "to the placing social worker within 24 hours.",
                            ),
                            act(
                                "Add a check of fathers' details to health and social care audit tools",
                                "named_nurse_wmuh",
                                "Fathers' details were recorded in 78% of audited records in 2024, up from "
                                "52%.",
                            ),
                            act(
                                "Analyse disproportionality in child protection plans by ethnicity",
                                "designated_nurse",
                                "The analysis informed the 2024-27 assurance priority; each agency set a "
                                "disproportionality measure.",
                            ),
                        ),
                    ),
                    item(
                        "Neglect audit (December 2023): emerging findings",
                        "information",
                        "head_safeguarding_qa",
                        15,
                        "Early findings are positive: better understanding of neglect and good use of the "
                        "Quality of Care tool.",
                        priority=NEGLECT,
                        actions=(
                            act(
                                "Write up the neglect audit for the Board",
                                "head_safeguarding_qa",
                                "The Board received the report in March 2024 and concluded neglect as a "
                                "priority.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        10,
                        "Pre-birth action plan drafted; two actions overdue.",
                        actions=(
                            act(
                                "Agree new dates for the two overdue pre-birth actions",
                                "psm",
                                "New dates were agreed and both actions were completed by March 2024.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 2, 27),
                [
                    item(
                        "Local learning review: a care leaver who died by suicide",
                        "decision",
                        "head_safeguarding_qa",
                        30,
                        "Working Together 2023 expects partnerships to consider learning where a care leaver "
                        "dies. The group considered a reflective learning review.",
                        priority=ADOLESCENTS,
                        decisions=(
                            "Agreed to hold a local learning review with a reflective learning session in "
                            "March 2024.",
                        ),
                        actions=(
                            act(
                                "Invite practitioners who knew the young person to the reflective session",
                                "psm",
                                "Fourteen practitioners from eight agencies took part; the session produced "
                                "six questions for safeguarding partners.",
                            ),
                            act(
                                "Draft the questions for safeguarding partners arising from the review",
                                "designated_doctor",
                                "The Board accepted the six questions and made them the basis of the mental "
                                "health, self-harm and suicide prevention priority.",
                            ),
                        ),
                    ),
                    item(
                        "Pre-birth action plan: progress",
                        "assurance",
                        "named_nurse_wmuh",
                        20,
                        "Nine of eleven actions complete. Referral by 20 weeks is improving.",
                        actions=(
                            act(
                                "Re-audit pre-birth cases in June 2024",
                                "head_safeguarding_qa",
                                "The re-audit found referral by 20 weeks in most cases and the plan was "
                                "concluded in 2024-25.",
                            ),
                        ),
                    ),
                    item(
                        "Learning themes from four local cases",
                        "discussion",
                        "education_safeguarding_advisor",
                        20,
                        "Themes: re-referrals shortly after closure, feedback to professionals, recording "
                        "fathers' details, online harm, online influences on adolescent mental health, and "
                        "Think Family with adult services.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Propose online harm as a 2024-27 priority to the Board",
                                "education_safeguarding_advisor",
                                "The Board adopted online harm as a priority for 2024-27.",
                            ),
                            act(
                                "Agree how adult services join strategy discussions when a parent is known "
                                "to them",
                                "lado",
                                "Adult mental health and substance misuse services now join strategy "
                                "discussions when a parent is open to them.",
                            ),
                        ),
                    ),
                    item(
                        "Rapid review and review action plan tracker",
                        "assurance",
                        "psm",
                        10,
                        "All review actions on track.",
                        actions=(
                            act(
                                "Prepare the learning section of the 2023-24 yearly report",
                                "psm",
                                "The learning section describes both rapid reviews and the local learning "
                                "review with their impact.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "practice_development": {
        "location": f"{HOUNSLOW_HOUSE} – Training Room 2",
        "times": ((14, 0), (16, 0)),
        "meetings": [
            meeting(
                date(2023, 5, 23),
                [
                    item(
                        "Training programme: attendance and evaluation",
                        "assurance",
                        "training_manager",
                        20,
                        "Attendance is uneven: a quarter of booked places were not used, mostly without "
                        "notice.",
                        actions=(
                            act(
                                "Introduce reminders and a waiting list for every course",
                                "training_manager",
                                "Unused places fell from 25% to 9% once reminders and waiting lists were in "
                                "place.",
                            ),
                        ),
                    ),
                    item(
                        "Virtual College e-learning: recommission",
                        "decision",
                        "psm",
                        15,
                        "The e-learning contract ends in June. Usage is high among schools and the voluntary "
                        "sector.",
                        decisions=("Agreed to recommission the Virtual College package (£5,961.67).",),
                        actions=(
                            act(
                                "Complete the Virtual College contract",
                                "psm",
                                "The contract was renewed without a gap in access; 1,900 e-learning courses "
                                "were completed in 2023-24.",
                            ),
                        ),
                    ),
                    item(
                        "Trauma-informed practice training",
                        "discussion",
                        "named_nurse_wlt",
                        20,
                        "Each agency trains its staff differently on trauma-informed practice.",
                        actions=(
                            act(
                                "Agree a common trauma-informed practice module for all agencies",
                                "named_nurse_wlt",
                                "A common module is in the multi-agency programme and is an expectation in "
                                "each agency's induction.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 9, 5),
                [
                    item(
                        "Joint training strategy: recommendation to the Board",
                        "decision",
                        "training_manager",
                        25,
                        "The strategy sets a needs-led offer and shared responsibility for delivery, "
                        "attendance and evaluation.",
                        decisions=("Recommended the joint training strategy to the Board.",),
                        actions=(
                            act(
                                "Present the training strategy to the Board in September",
                                "training_manager",
                                "The Board agreed the strategy on 21 September 2023.",
                            ),
                        ),
                    ),
                    item(
                        "Training needs analysis: design",
                        "decision",
                        "training_manager",
                        20,
                        "A short survey for every practitioner, followed by focus groups.",
                        decisions=("Agreed the survey questions and a November launch.",),
                        actions=(
                            act(
                                "Launch the training needs analysis survey in November",
                                "training_manager",
                                "The survey launched on time; despite a low response it identified neglect "
                                "and adolescent safeguarding as the main needs.",
                            ),
                        ),
                    ),
                    item(
                        "Training programme: attendance and evaluation",
                        "assurance",
                        "training_manager",
                        15,
                        "Attendance improved over the summer. Evaluations are collected only on the day.",
                        actions=(
                            act(
                                "Publish the training brochure quarterly",
                                "training_manager",
                                "The brochure is refreshed every quarter and bookings rose after each issue.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 11, 28),
                [
                    item(
                        "Training needs analysis: early responses",
                        "discussion",
                        "training_manager",
                        20,
                        "The response rate is low, especially from front-line health staff.",
                        actions=(
                            act(
                                "Ask each agency lead to promote the needs analysis to front-line staff",
                                "named_nurse_hrch",
                                "Health responses tripled in the last two weeks of the survey.",
                            ),
                        ),
                    ),
                    item(
                        "A dedicated training space",
                        "discussion",
                        "vcs_lead",
                        15,
                        "Face-to-face courses move between borrowed rooms, which puts people off.",
                        actions=(
                            act(
                                "Find a dedicated room for face-to-face multi-agency training",
                                "training_manager",
                                "A room at the Civic Centre is booked for HSCP training two days a week.",
                            ),
                            act(
                                "Run the first face-to-face course in the new training room",
                                "training_manager",
                                "The room has hosted a course most weeks since January 2024.",
                            ),
                        ),
                    ),
                    item(
                        "Neglect and adolescent safeguarding courses",
                        "decision",
                        "head_safeguarding_qa",
                        20,
                        "Both were the most requested topics.",
                        priority=NEGLECT,
                        decisions=("Agreed to add both courses to the spring programme.",),
                        actions=(
                            act(
                                "Write a multi-agency neglect course using the Quality of Care tool",
                                "head_safeguarding_qa",
                                "The course ran four times in 2024 with 96 practitioners.",
                            ),
                        ),
                    ),
                    item(
                        "Training programme: attendance and evaluation",
                        "assurance",
                        "training_manager",
                        10,
                        "Autumn courses were full.",
                        actions=(
                            act(
                                "Add extra dates for the most popular courses",
                                "training_manager",
                                "Two extra dates for the pre-birth and neglect courses cleared the waiting "
                                "lists.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 3, 5),
                [
                    item(
                        "Multi-agency training programme 2024-25: launch",
                        "decision",
                        "training_manager",
                        20,
                        "The full programme is ready, mostly delivered by practitioners and managers from "
                        "partner agencies.",
                        decisions=("Agreed to launch the full programme in March 2024.",),
                        actions=(
                            act(
                                "Launch the programme and circulate the brochure",
                                "training_manager",
                                "The programme launched in March 2024; the spring courses filled within "
                                "three weeks.",
                            ),
                        ),
                    ),
                    item(
                        "Measuring the impact of training",
                        "discussion",
                        "training_manager",
                        20,
                        "Evaluations show satisfaction, not whether practice changed for children.",
                        actions=(
                            act(
                                "Add a three-month follow-up evaluation to every course",
                                "training_manager",
                                "Follow-ups show two thirds of practitioners changed a specific practice; "
                                "examples are reported to the Board.",
                            ),
                            act(
                                "Design a way to collect service user feedback on the impact of training",
                                "vcs_lead",
                                "A parent panel reviews two courses a year and their feedback changed the "
                                "neglect course.",
                            ),
                        ),
                    ),
                    item(
                        "Training champions in every agency",
                        "decision",
                        "named_nurse_hrch",
                        15,
                        "Champions would promote courses and help deliver them.",
                        decisions=("Agreed to ask every agency to name a training champion.",),
                        actions=(
                            act(
                                "Recruit training champions in every relevant agency",
                                "psm",
                                "Champions are in place in 15 agencies and co-deliver a quarter of courses.",
                            ),
                        ),
                    ),
                    item(
                        "Suicide prevention training for practitioners",
                        "discussion",
                        "named_nurse_wlt",
                        20,
                        "There is no face-to-face suicide prevention training for practitioners.",
                        priority=ADOLESCENTS,
                        actions=(
                            act(
                                "Commission face-to-face suicide prevention training",
                                "named_nurse_wlt",
                                "Training was commissioned for 2024-25 with Public Health.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "fyoi": {
        "location": "HMYOI Feltham, Bedfont Road, Feltham TW13 4ND – Boardroom",
        "times": ((10, 0), (12, 0)),
        "meetings": [
            meeting(
                date(2023, 6, 8),
                [
                    item(
                        "Safeguarding data: use of force, separation and self-harm",
                        "assurance",
                        "fyoi_head_safeguarding",
                        25,
                        "Use of force incidents and separations were stable. Self-harm incidents rose in "
                        "May.",
                        actions=(
                            act(
                                "Report self-harm incidents by wing and age each quarter",
                                "fyoi_head_safeguarding",
                                "Quarterly data showed self-harm concentrated on one wing; staffing and "
                                "activities there were changed.",
                            ),
                        ),
                    ),
                    item(
                        "LADO referrals from FYOI",
                        "assurance",
                        "lado",
                        20,
                        "Referrals to the LADO are timely and investigations well managed.",
                        actions=(
                            act(
                                "Share anonymised LADO outcomes with the FYOI senior team every quarter",
                                "lado",
                                "The senior team uses the outcomes in staff supervision and training.",
                            ),
                        ),
                    ),
                    item(
                        "Access to mental health in-reach",
                        "discussion",
                        "designated_nurse",
                        20,
                        "Young people wait for mental health in-reach assessments after arrival.",
                        actions=(
                            act(
                                "Agree a target time for mental health assessment after arrival",
                                "designated_nurse",
                                "All young people are now assessed within five days of arrival.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 9, 7),
                [
                    item(
                        "Incidents in August 2023",
                        "assurance",
                        "fyoi_governor",
                        30,
                        "The Governor described the August incidents and the establishment's response.",
                        actions=(
                            act(
                                "Give the Board a written account of the August incidents and the actions "
                                "taken",
                                "fyoi_governor",
                                "The Board received the account in September 2023 and followed up progress "
                                "at each meeting.",
                            ),
                            act(
                                "Review staff deployment on Feltham A at weekends",
                                "fyoi_governor",
                                "Weekend staffing was increased and incidents at weekends fell.",
                            ),
                        ),
                    ),
                    item(
                        "Safeguarding data: use of force, separation and self-harm",
                        "assurance",
                        "fyoi_head_safeguarding",
                        20,
                        "Use of force rose in August.",
                        actions=(
                            act(
                                "Review body-worn camera footage of every use of force in August",
                                "fyoi_head_safeguarding",
                                "All footage was reviewed; two incidents were referred to the LADO.",
                            ),
                            act(
                                "Refer any unexplained injury after restraint to the LADO on the same day",
                                "lado",
                                "Same-day referrals are now the norm and investigations start within a week.",
                            ),
                        ),
                    ),
                    item(
                        "Youth Justice Service: resettlement planning",
                        "discussion",
                        "yjs_head",
                        20,
                        "Resettlement plans are started late for young people from Hounslow.",
                        actions=(
                            act(
                                "Start resettlement planning at the first review for Hounslow young people",
                                "yjs_head",
                                "Every Hounslow young person released since had accommodation confirmed "
                                "before release.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 12, 7),
                [
                    item(
                        "Annual review of restraint 2023",
                        "decision",
                        "fyoi_head_safeguarding",
                        30,
                        "The annual review found use of force justified and proportionate in nearly all "
                        "cases, with better de-escalation since the summer.",
                        decisions=("The group accepted the annual review and will report it to the Board.",),
                        actions=(
                            act(
                                "Report restraint of under-18s by ethnicity",
                                "fyoi_head_safeguarding",
                                "The breakdown showed no disproportionate use of force and is now part of "
                                "the annual review.",
                            ),
                            act(
                                "Share the annual review of restraint with the Youth Justice Board",
                                "psm",
                                "The Youth Justice Board received the review and used it in its national "
                                "monitoring of the secure estate.",
                            ),
                            act(
                                "Review every restraint using pain-inducing techniques",
                                "fyoi_head_safeguarding",
                                "Each use is reviewed by the Head of Safeguarding within 72 hours.",
                            ),
                        ),
                    ),
                    item(
                        "More young adults (18+) held on Feltham A",
                        "discussion",
                        "fyoi_governor",
                        20,
                        "To ease pressure on adult prisons, FYOI has been directed to hold more young adults "
                        "on Feltham A.",
                        actions=(
                            act(
                                "Monitor the impact of more 18+ young people on Feltham A at every meeting",
                                "fyoi_governor",
                                "The monthly figures are a standing item; no rise in incidents between "
                                "age groups has been seen.",
                            ),
                        ),
                    ),
                    item(
                        "Safeguarding data: use of force, separation and self-harm",
                        "assurance",
                        "fyoi_head_safeguarding",
                        15,
                        "Figures returning to the levels before August.",
                        actions=(
                            act(
                                "Compare FYOI use of force data with other young offender institutions",
                                "fyoi_head_safeguarding",
                                "The comparison placed FYOI in the middle of the range and was shared with "
                                "HMIP before the inspection.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 3, 28),
                [
                    item(
                        "HMIP unannounced inspection (March 2024): first feedback",
                        "information",
                        "fyoi_governor",
                        25,
                        "Safety and purposeful activity dropped to level 1. Inspectors praised safeguarding "
                        "practice, the relationship with the LADO and the HSCP, and CUSP and Team Around "
                        "the Child work.",
                        actions=(
                            act(
                                "Share the HMIP action plan with the group when the report is published",
                                "fyoi_governor",
                                "The action plan was shared in June 2024 and is tracked at every meeting.",
                            ),
                        ),
                    ),
                    item(
                        "Closure of Cookham Wood: impact on FYOI",
                        "discussion",
                        "yjs_head",
                        20,
                        "The closure of Cookham Wood will move a significant number of young people to FYOI "
                        "and widen the court catchment area.",
                        actions=(
                            act(
                                "Track the number and needs of young people moving from Cookham Wood",
                                "fyoi_head_safeguarding",
                                "Every transferred young person had a safeguarding review in their first "
                                "week.",
                            ),
                        ),
                    ),
                    item(
                        "Education: Ofsted concerns about the curriculum",
                        "discussion",
                        "head_safeguarding_qa",
                        20,
                        "Ofsted found weaknesses in the curriculum, lowering purposeful activity.",
                        actions=(
                            act(
                                "Ask the education provider for a curriculum improvement plan",
                                "fyoi_governor",
                                "The plan raised time in education to 15 hours a week for most young people.",
                            ),
                        ),
                    ),
                    item(
                        "Safeguarding data: use of force, separation and self-harm",
                        "assurance",
                        "fyoi_head_safeguarding",
                        15,
                        "92% of young people told inspectors they feel safe.",
                        actions=(
                            act(
                                "Ask young people's council for their view of safety on each wing",
                                "fyoi_head_safeguarding",
                                "The young people's council now reports to the group twice a year; their "
                                "concerns about showers led to a change in routine.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
    "education_safeguarding": {
        "location": f"{HOUNSLOW_HOUSE} – Meeting Room 2.03",
        "times": ((15, 30), (17, 0)),
        "meetings": [
            meeting(
                date(2023, 6, 20),
                [
                    item(
                        "Elective home education and children missing education",
                        "assurance",
                        "education_safeguarding_advisor",
                        20,
                        "EHE numbers are rising quickly. Some children known to social care are withdrawn "
                        "from school without the social worker knowing.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Agree that EHE tells the social worker within two days when a child known "
                                "to social care is withdrawn",
                                "education_safeguarding_advisor",
                                "Social workers are told of every withdrawal within two days and EHE is "
                                "invited to core groups and conferences.",
                            ),
                        ),
                    ),
                    item(
                        "Section 175 and 157 safeguarding audit of schools",
                        "decision",
                        "senior_education_leader",
                        20,
                        "Schools' safeguarding self-assessment, the education equivalent of Section 11.",
                        priority=EDUCATION,
                        decisions=("Agreed to run the schools' safeguarding audit in the autumn term.",),
                        actions=(
                            act(
                                "Send the Section 175/157 audit to every school",
                                "education_safeguarding_advisor",
                                "94% of schools returned the audit; safer recruitment was the weakest area "
                                "and was covered in training.",
                            ),
                        ),
                    ),
                    item(
                        "Vulnerable children in education: workplan",
                        "decision",
                        "director_education",
                        20,
                        "The task and finish group's workplan focuses on the cohort most at risk.",
                        priority=EDUCATION,
                        decisions=("The workplan was agreed.",),
                        actions=(
                            act(
                                "Define the cohort of children most at risk in education",
                                "director_education",
                                "The definition combines absence, exclusion, EHE and social care status and "
                                "is used by the attendance service.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2023, 11, 21),
                [
                    item(
                        "Elective home education and children missing education",
                        "assurance",
                        "education_safeguarding_advisor",
                        20,
                        "649 children were recorded missing education last academic year.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Name a children's social care representative for the EHE liaison meeting",
                                "head_safeguarding_qa",
                                "A named representative attends every liaison meeting; missed annual visits "
                                "after two attempts are passed to social care.",
                            ),
                        ),
                    ),
                    item(
                        "Attendance of children on child protection plans",
                        "discussion",
                        "director_education",
                        20,
                        "Children on plans attend 82.8% of sessions; children looked after 86.9%.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Make attendance a named outcome in plans for children below 90%",
                                "head_safeguarding_qa",
                                "Attendance of children on plans rose in the spring term.",
                            ),
                        ),
                    ),
                    item(
                        "Specialist Home Engagement Lead (SHEL) programme",
                        "information",
                        "senior_education_leader",
                        15,
                        "Schools in the SHEL programme made 10% fewer contacts to children's social care.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Offer the SHEL programme to every secondary school",
                                "senior_education_leader",
                                "Six more schools joined in 2024.",
                            ),
                        ),
                    ),
                ],
            ),
            meeting(
                date(2024, 2, 29),
                [
                    item(
                        "Elective home education and children missing education",
                        "assurance",
                        "education_safeguarding_advisor",
                        20,
                        "491 EHE children, 122 more than a year ago; 106 left EHE between September and "
                        "March.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Analyse why children leave elective home education",
                                "education_safeguarding_advisor",
                                "The analysis showed most returned to school within a year; the EHE team "
                                "now offers a reintegration meeting.",
                            ),
                            act(
                                "Visit every EHE child known to children's social care within a term",
                                "education_safeguarding_advisor",
                                "Every EHE child known to social care was visited within a term in 2024-25.",
                            ),
                        ),
                    ),
                    item(
                        "Exclusions from primary school",
                        "discussion",
                        "senior_education_leader",
                        20,
                        "More primary school children are being excluded.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Review every primary exclusion with the inclusion team",
                                "director_education",
                                "Every primary exclusion is now reviewed and most children have an "
                                "alternative plan within a week.",
                            ),
                            act(
                                "Give primary heads a list of alternatives to exclusion",
                                "senior_education_leader",
                                "Primary exclusions fell in the autumn term of 2024.",
                            ),
                        ),
                    ),
                    item(
                        "Operation Encompass: when is a child present?",
                        "information",
                        "designated_nurse",
                        15,
                        "The definition of a child being present is being widened.",
                        priority=EDUCATION,
                        actions=(
                            act(
                                "Brief designated safeguarding leads on the wider Operation Encompass "
                                "definition",
                                "education_safeguarding_advisor",
                                "All designated safeguarding leads were briefed at the spring network.",
                            ),
                        ),
                    ),
                ],
            ),
        ],
    },
}

# The Board's future meetings (scheduled) and its forward plan: (title, lead, priority,
# meeting index).
FORWARD_BOARD_DATES = [date(2027, 1, 21), date(2027, 4, 15), date(2027, 7, 15), date(2027, 10, 14)]
BOARD_FORWARD_PLAN = [
    ("CAMHS waiting times: six-month report", "icb_dsp", MENTAL_HEALTH_27, 0),
    ("FYOI group report, including the HMIP action plan", "partnership_chair", ASSURANCE_27, 0),
    ("Online harm priority: progress report", "director_education", ONLINE_HARM_27, 0),
    ("Safeguarding performance dashboard, quarter 3", "lbh_dsp", ASSURANCE_27, 0),
    ("Independent Scrutineer: findings on feedback to referrers", "scrutineer", ASSURANCE_27, 1),
    ("Mental health, self-harm and suicide prevention: progress", "icb_dsp", MENTAL_HEALTH_27, 1),
    ("Annual review of restraint at HMYOI Feltham", "partnership_chair", ASSURANCE_27, 1),
    ("Section 11 audit: results and improvement plans", "lbh_dsp", ASSURANCE_27, 2),
    ("Yearly report 2026-27: sign-off", "partnership_chair", None, 2),
    ("Vulnerable children in education: EHE and CME", "director_education", EDUCATION_27, 2),
    ("Safeguarding adolescents: MACE self-evaluation follow-up", "met_dsp", ADOLESCENTS_27, 3),
    ("CAMHS waiting times: six-month report", "icb_dsp", MENTAL_HEALTH_27, 3),
    ("Strategic priorities 2027-30: proposals", "partnership_chair", None, 3),
]

# Subgroup workplans linked to the 2024-27 priorities: (title, lead, priority, due, done).
WORKPLANS = {
    "strategic_insights": [
        (
            "Quarterly multi-agency dataset with EHE and CME",
            "performance_officer",
            ASSURANCE_27,
            date(2025, 3, 31),
            True,
        ),
        ("Section 11 audit 2025", "psm", ASSURANCE_27, date(2026, 1, 31), True),
        (
            "Disproportionality measures for every agency",
            "designated_nurse",
            ASSURANCE_27,
            date(2026, 12, 31),
            False,
        ),
        (
            "Multi-agency audit of online harm cases",
            "head_safeguarding_qa",
            ONLINE_HARM_27,
            date(2027, 3, 31),
            False,
        ),
    ],
    "adolescent_safeguarding": [
        (
            "Self-evaluation of MACE: act on findings",
            "head_adolescents",
            ADOLESCENTS_27,
            date(2025, 6, 30),
            True,
        ),
        (
            "Transitions for 10 to 13 year olds",
            "education_safeguarding_advisor",
            ADOLESCENTS_27,
            date(2026, 9, 30),
            True,
        ),
        (
            "Sextortion: guidance for practitioners",
            "det_supt_public_protection",
            ONLINE_HARM_27,
            date(2026, 12, 18),
            False,
        ),
        (
            "Self-harm and suicide prevention for young people known to youth justice",
            "yjs_head",
            MENTAL_HEALTH_27,
            date(2027, 3, 31),
            False,
        ),
        (
            "Missing children: return home interview quality",
            "vcs_lead",
            ADOLESCENTS_27,
            date(2027, 2, 26),
            False,
        ),
    ],
    "safeguarding_forum": [
        ("Practitioner forum on online harm", "named_nurse_hrch", ONLINE_HARM_27, date(2025, 11, 30), True),
        ("Seven-minute briefings programme", "psm", ASSURANCE_27, date(2026, 3, 31), True),
        ("Private fostering awareness in faith groups", "vcs_lead", ASSURANCE_27, date(2027, 1, 29), False),
    ],
    "effective_practice": [
        (
            "Learning review questions on care leavers: responses",
            "head_safeguarding_qa",
            MENTAL_HEALTH_27,
            date(2025, 9, 30),
            True,
        ),
        ("Pre-birth action plan: conclude", "named_nurse_wmuh", ASSURANCE_27, date(2025, 3, 31), True),
        (
            "National review scan: disabled children",
            "designated_doctor",
            ASSURANCE_27,
            date(2026, 6, 30),
            True,
        ),
        (
            "Working with fathers: practice guidance",
            "designated_nurse",
            ASSURANCE_27,
            date(2026, 12, 11),
            False,
        ),
        (
            "Rapid review process: peer review with a neighbouring partnership",
            "lado",
            ASSURANCE_27,
            date(2027, 6, 30),
            False,
        ),
    ],
    "practice_development": [
        (
            "Face-to-face suicide prevention training",
            "named_nurse_wlt",
            MENTAL_HEALTH_27,
            date(2025, 3, 31),
            True,
        ),
        ("Online harm course for practitioners", "training_manager", ONLINE_HARM_27, date(2025, 9, 30), True),
        ("Training impact: parent panel", "vcs_lead", ASSURANCE_27, date(2026, 11, 30), False),
        ("Training champions network", "training_manager", ASSURANCE_27, date(2027, 3, 31), False),
    ],
    "fyoi": [
        ("HMIP action plan: safety", "fyoi_governor", ASSURANCE_27, date(2025, 3, 31), True),
        (
            "Annual review of restraint 2026",
            "fyoi_head_safeguarding",
            ASSURANCE_27,
            date(2026, 12, 31),
            False,
        ),
        (
            "Young adults on Feltham A: impact report",
            "fyoi_governor",
            ADOLESCENTS_27,
            date(2027, 1, 31),
            False,
        ),
    ],
    "education_safeguarding": [
        (
            "EHE: safeguarding visits for children known to social care",
            "education_safeguarding_advisor",
            EDUCATION_27,
            date(2025, 7, 18),
            True,
        ),
        ("Primary exclusions: review", "director_education", EDUCATION_27, date(2026, 7, 17), True),
        (
            "Online safety in the curriculum",
            "senior_education_leader",
            ONLINE_HARM_27,
            date(2026, 12, 18),
            False,
        ),
        (
            "Persistent absence among children on plans",
            "head_safeguarding_qa",
            EDUCATION_27,
            date(2027, 3, 26),
            False,
        ),
    ],
}
