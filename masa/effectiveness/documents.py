"""An effectiveness review as a Word summary ready for Board papers: the review, the
self-evaluation per principle, the figures masa holds, then each finding with the partnership's
response and the action answering it. Built from the same rows as the page and the spreadsheet."""

from datetime import date
from typing import Any

from masa.core.word import add_facts, add_table, day_text, document_bytes, new_document, plural
from masa.effectiveness.models import EffectivenessReview
from masa.effectiveness.xlsx import ACTION_MEASURES, Assessed


def _rate(value: float | None) -> str:
    return "no figures" if value is None else f"{value:g}%"


def review_summary_docx(
    review: EffectivenessReview, *, assessments: list[Assessed], figures: dict[str, Any], today: date
) -> bytes:
    doc = new_document(review.title)
    add_facts(
        doc,
        (
            ("Period", f"{day_text(review.period_start)} to {day_text(review.period_end)}"),
            ("Reviewer", review.reviewer),
            ("Commissioned", day_text(review.commissioned_on)),
            ("Reported", day_text(review.reported_on)),
            ("Status", review.get_status_display()),
        ),
    )
    if review.summary:
        doc.add_paragraph(review.summary)

    doc.add_heading("Self-evaluation against the principles", level=1)
    add_table(
        doc,
        ["Principle", "Rating", "Self-evaluation"],
        (
            (p.title, a.get_rating_display() if a else "Not yet evaluated", a.narrative if a else "")
            for p, a in assessments
        ),
    )

    frozen = "as published" if review.is_published else "as masa holds them today"
    doc.add_heading("The figures masa holds", level=1)
    doc.add_paragraph(
        f"Figures for the period, {frozen} (at {day_text(date.fromisoformat(figures['as_at']))})."
    )
    doc.add_heading("Meeting attendance per agency", level=2)
    add_table(
        doc,
        ["Agency", "Attended", "Recorded", "Attendance"],
        ((r["agency"], r["attended"], r["expected"], _rate(r["rate"])) for r in figures["attendance"]),
    )
    doc.add_heading("Meeting cadence", level=2)
    add_table(
        doc,
        ["Group", "Held", "Expected", "Met"],
        ((r["group"], r["held"], r["expected"], "Yes" if r["met"] else "No") for r in figures["cadence"]),
    )
    doc.add_heading("Action completion", level=2)
    actions = figures["actions"]
    add_table(
        doc,
        ["Measure", "Value"],
        (
            (label, _rate(actions[key]) if key.endswith("_rate") else actions[key])
            for key, label in ACTION_MEASURES
        ),
    )
    doc.add_heading("Statutory clocks", level=2)
    if figures["clocks"]:
        add_table(
            doc,
            ["Clock", "Time limit", "Due", "Met on time", "Met late", "Overdue", "On time"],
            (
                (
                    c["label"],
                    c["limit"],
                    c["due"],
                    c["met_on_time"],
                    c["met_late"],
                    c["overdue"],
                    _rate(c["on_time_rate"]),
                )
                for c in figures["clocks"]
            ),
        )
    else:
        doc.add_paragraph("No statutory clock was due in the period.")

    findings = list(review.findings.all())
    doc.add_heading("Findings and the partnership's response", level=1)
    doc.add_paragraph(f"{plural(len(findings), 'finding')}.")
    for f in findings:
        doc.add_heading(f"{f.get_kind_display()} {f.number}", level=2)
        doc.add_paragraph(f.text)
        if f.principle:
            add_facts(doc, (("Principle", f.principle.title),))
        response = f.get_response_display() if f.response else "Awaiting a response"
        add_facts(doc, (("Response", response),))
        if f.response_text:
            doc.add_paragraph(f.response_text)
        if f.action is not None:
            a = f.action
            status = "overdue" if a.is_overdue_on(today) else a.get_status_display().lower()
            add_facts(
                doc,
                (("Action", f"{a.reference}, {a.owner.name}, due {day_text(a.due_date)}, {status}"),),
            )
    return document_bytes(doc)
