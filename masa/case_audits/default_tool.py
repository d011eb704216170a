"""masa's default multi-agency audit tool: a four-point scale (1 is best) and the questions most
partnerships ask of each case (docs/domain.md, "14. Multi-agency audits"). A partnership copies
it and changes it before its first audit."""

DEFAULT_GRADES: tuple[tuple[str, str], ...] = (
    (
        "Outstanding",
        "Practice made a real difference to the child; agencies worked together without gaps.",
    ),
    (
        "Good",
        "Practice was timely and joined up, and the child's needs were understood and met.",
    ),
    (
        "Requires improvement",
        "The child was safe, but practice was late, partial or not joined up between agencies.",
    ),
    (
        "Inadequate",
        "Risk was not recognised or acted on, or agencies' responses left the child exposed to harm.",
    ),
)

DEFAULT_QUESTIONS: tuple[tuple[str, str], ...] = (
    (
        "Were the risks to the child identified and understood?",
        "Consider the history, the impact on the child and whether risk was reassessed as things changed.",
    ),
    (
        "Was information shared between agencies when it was needed?",
        "Consider referrals, strategy discussions, and whether each agency knew what the others knew.",
    ),
    (
        "Was the child seen, and did their voice and lived experience shape the plan?",
        "Consider direct work, how often the child was seen alone, and what changed because of it.",
    ),
    (
        "Were parents and carers engaged, and was their capacity to change assessed?",
        "Consider fathers and other significant adults, and the help offered to make change possible.",
    ),
    (
        "Did the plan address the child's needs and make a difference?",
        "Consider whether the plan was specific, reviewed, and led to better outcomes for the child.",
    ),
    (
        "Did management oversight and supervision support good practice?",
        "Consider recorded decisions, challenge, escalation, and drift or delay.",
    ),
)
