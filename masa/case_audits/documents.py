"""One audit's summary as a Word document ready for Board papers: what was audited, how the
agencies took part, the agreed grades across the sample, and the findings with their actions.
It names no case: references stay in masa (docs/domain.md, "14. Multi-agency audits")."""

from datetime import date
from io import BytesIO

from docx import Document

from masa.case_audits.models import GOOD_OR_BETTER
from masa.case_audits.selectors import Results


def _day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "not yet"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def audit_summary_docx(results: Results, *, today: date, with_grades: bool = True) -> bytes:
    """`with_grades` is False for readers of the published summary only: findings and learning."""
    audit = results.audit
    doc = Document()
    title = f"Multi-agency audit: {audit.topic}"
    doc.core_properties.title = title
    doc.core_properties.language = "en-GB"
    doc.add_heading(title, level=0)
    facts = [
        ("Status", audit.get_status_display()),
        ("Priority or theme", audit.theme or "None given"),
        ("Commissioned by", audit.group.name if audit.group else "None given"),
        ("Opened", _day(audit.opened_on)),
        ("Moderation meeting", _day(audit.moderation_on)),
        ("Completed", _day(audit.completed_on)),
        ("Sample", _plural(len(results.rows), "case")),
        ("Agencies taking part", ", ".join(a.name for a in results.agencies)),
    ]
    if with_grades:
        facts.append(
            ("Agencies' parts", f"{results.submitted} of {results.asked} submitted, {results.late} late")
        )
    for label, value in facts:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    doc.add_paragraph(f"Summary at {_day(today)}.")
    if audit.summary:
        doc.add_heading("Summary", level=1)
        doc.add_paragraph(audit.summary)
    if with_grades:
        doc.add_heading("Agreed grades", level=1)
        share = results.good_or_better
        doc.add_paragraph(
            f"{_plural(results.moderated, 'grade')} agreed at moderation"
            + (f"; {share}% good or better (grade {GOOD_OR_BETTER} or above)." if share is not None else ".")
        )
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Grade", "What it looks like", "Agreed"), strict=True):
            cell.text = text
        for grade, count in results.grade_counts:
            cells = table.add_row().cells
            cells[0].text = f"{grade.value} {grade.label}"
            cells[1].text = grade.descriptor
            cells[2].text = str(count)
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
                doc.add_paragraph(
                    f"Action {action.reference}, owned by {action.owner.name}, due {_day(action.due_date)}: "
                    f"{action.get_status_display().lower()}."
                )
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
