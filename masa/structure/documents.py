"""The published arrangements as a Word document, built from the same records as the page."""

from io import BytesIO

from docx import Document

from masa.partnership.selectors import Arrangements, GroupNode


def _add_tree(doc, nodes: list[GroupNode], level: int) -> None:
    style = "List Bullet" if level == 0 else f"List Bullet {min(level + 1, 3)}"
    for node in nodes:
        doc.add_paragraph(node.group.name, style=style)
        _add_tree(doc, node.children, level + 1)


def arrangements_docx(a: Arrangements) -> bytes:
    doc = Document()
    doc.core_properties.title = f"{a.partnership.name}: our safeguarding arrangements"
    doc.core_properties.language = "en-GB"
    doc.add_heading(f"{a.partnership.name}: our safeguarding arrangements", level=0)
    doc.add_paragraph(
        f"How the statutory safeguarding partners and relevant agencies in {a.partnership.local_authority} "
        "work together to safeguard children (Working Together to Safeguard Children 2023)."
    )

    doc.add_heading("Our vision", level=1)
    doc.add_paragraph(a.partnership.vision or "Not yet agreed.")
    for heading, statements, style in (
        ("Our values", a.values, "List Bullet"),
        ("Our principles", a.principles, "List Number"),
    ):
        if statements:
            doc.add_heading(heading, level=1)
        for statement in statements:
            p = doc.add_paragraph(style=style)
            p.add_run(f"{statement.title}: ").bold = True
            p.add_run(statement.description)

    doc.add_heading("Statutory safeguarding partners", level=1)
    for link in a.statutory_partners:
        doc.add_paragraph(link.agency.name, style="List Bullet")

    doc.add_heading("Our structure", level=1)
    doc.add_paragraph("Each group is listed under the group it reports to.")
    _add_tree(doc, a.tree, 0)

    doc.add_heading("Terms of reference", level=1)
    for group in a.groups:
        doc.add_heading(group.name, level=2)
        for heading, text in (
            ("Purpose", group.purpose),
            ("People", group.people),
            ("Process", group.process),
        ):
            doc.add_heading(heading, level=3)
            doc.add_paragraph(text)
        facts = [
            f"Chair: {group.chair.name}, {group.chair.job_title}"
            if group.chair
            else "Chair: to be appointed",
            f"Quorum: {group.quorum}",
            f"Meets at least {group.min_meetings_per_year} times a year",
            f"Reports to: {group.reports_to.name}" if group.reports_to else "Reports to: none",
        ]
        for fact in facts:
            doc.add_paragraph(fact, style="List Bullet")
        members = list(group.members.all())
        if members:
            table = doc.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            header = table.rows[0].cells
            header[0].text, header[1].text, header[2].text = "Member", "Agency", "Membership"
            for member in members:
                row = table.add_row().cells
                row[0].text = f"{member.person.name}, {member.person.job_title}".strip(", ")
                row[1].text = member.person.agency.name
                row[2].text = member.get_member_type_display()

    doc.add_heading("Relevant agencies", level=1)
    doc.add_paragraph(
        "The safeguarding partners have named these relevant agencies, which must co-operate "
        "with the arrangements."
    )
    for link in a.relevant_agencies:
        doc.add_paragraph(link.agency.name, style="List Bullet")

    if a.plans:
        doc.add_heading("Our priorities", level=1)
        for plan in a.plans:
            doc.add_heading(f"{plan.title} ({plan.period})", level=2)
            for priority in plan.priorities.all():
                doc.add_paragraph(priority.title, style="List Number")
                for objective in priority.objectives.all():
                    doc.add_paragraph(objective.text, style="List Bullet 2")

    out = BytesIO()
    doc.save(out)
    return out.getvalue()
