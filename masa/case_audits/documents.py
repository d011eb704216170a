"""One audit's summary as a Word document ready for Board papers: what was audited, how the
agencies took part, the agreed grades across the sample, and the findings with their actions.
It names no case: references stay in masa (docs/domain.md, "14. Multi-agency audits")."""

from datetime import date

from masa.case_audits.models import GOOD_OR_BETTER
from masa.case_audits.selectors import Results
from masa.core.word import add_facts, add_table, day_text, document_bytes, new_document, plural


def audit_summary_docx(results: Results, *, today: date, with_grades: bool = True) -> bytes:
    """`with_grades` is False for readers of the published summary only: findings and learning."""
    audit = results.audit
    doc = new_document(f"Multi-agency audit: {audit.topic}")
    facts = [
        ("Status", audit.get_status_display()),
        ("Priority or theme", audit.theme or "None given"),
        ("Commissioned by", audit.group.name if audit.group else "None given"),
        ("Opened", day_text(audit.opened_on)),
        ("Moderation meeting", day_text(audit.moderation_on)),
        ("Completed", day_text(audit.completed_on)),
        ("Sample", plural(len(results.rows), "case")),
        ("Agencies taking part", ", ".join(a.name for a in results.agencies)),
    ]
    if with_grades:
        facts.append(
            ("Agencies' parts", f"{results.submitted} of {results.asked} submitted, {results.late} late")
        )
    add_facts(doc, facts)
    doc.add_paragraph(f"Summary at {day_text(today)}.")
    if audit.summary:
        doc.add_heading("Summary", level=1)
        doc.add_paragraph(audit.summary)
    if with_grades:
        doc.add_heading("Agreed grades", level=1)
        share = results.good_or_better
        doc.add_paragraph(
            f"{plural(results.moderated, 'grade')} agreed at moderation"
            + (f"; {share}% good or better (grade {GOOD_OR_BETTER} or above)." if share is not None else ".")
        )
        add_table(
            doc,
            ("Grade", "What it looks like", "Agreed"),
            (
                (f"{grade.value} {grade.label}", grade.descriptor, count)
                for grade, count in results.grade_counts
            ),
        )
    for heading, findings in (
        ("Strengths", results.strengths),
        ("Areas for development", results.developments),
        ("Learning", results.learning),
    ):
        doc.add_heading(heading, level=1)
        if not findings:
            doc.add_paragraph("None recorded.")
        for finding in findings:
            doc.add_paragraph(finding.text, style="List Bullet")
            if finding.action is not None:
                action = finding.action
                due = day_text(action.due_date)
                doc.add_paragraph(
                    f"Action {action.reference}, owned by {action.owner.name}, due {due}: "
                    f"{action.get_status_display().lower()}."
                )
    return document_bytes(doc)
