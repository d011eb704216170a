"""The yearly review of restraint as a Word summary for the Board (masa.core.word)."""

from masa.core.word import add_facts, add_table, day_text, document_bytes, new_document
from masa.restraint.models import Establishment, RestraintQuarter, RestraintReview


def review_docx(establishment: Establishment, review: RestraintReview, rows: list[RestraintQuarter]) -> bytes:
    doc = new_document(f"Review of restraint and use of force at {establishment.name}, {review.year_label}")
    add_facts(
        doc,
        [
            ("Overseen by", establishment.group.name),
            ("Presented to the Board", day_text(review.presented_on)),
        ],
    )
    doc.add_heading("Figures by quarter", level=1)
    if rows:
        add_table(
            doc,
            ["Quarter", "Incidents", "Injuries to children", "Children involved"],
            [[q.label, q.incidents, q.injuries, q.children] for q in rows]
            + [
                [
                    "Year",
                    sum(q.incidents for q in rows),
                    sum(q.injuries for q in rows),
                    sum(q.children for q in rows),
                ]
            ],
        )
    else:
        doc.add_paragraph("No figures are recorded for the year.")
    for heading, text in (
        ("Summary", review.summary),
        ("Themes", review.themes),
        ("Concerns", review.concerns),
        ("Recommendations", review.recommendations),
    ):
        doc.add_heading(heading, level=1)
        doc.add_paragraph(text or "None recorded.")
    doc.add_heading("Actions in the action tracker", level=1)
    actions = list(review.actions.all())
    if actions:
        add_table(
            doc,
            ["Action", "Owner", "Due", "Status"],
            [
                [f"{a.reference}: {a.title}", a.owner.name, day_text(a.due_date), a.get_status_display()]
                for a in actions
            ],
        )
    else:
        doc.add_paragraph("No actions are linked to the review.")
    return document_bytes(doc)
