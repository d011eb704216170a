"""The structure diagram: groups drawn as a tree by reporting line, as server-rendered SVG.

Drawn top to bottom, one group a row, each indented under the group it reports to, so it
stays readable however many groups there are. The page shows the same structure as a nested
list, so the diagram is a supplement.
"""

from html import escape

from masa.partnership.selectors import GroupNode

BOX_WIDTH = 420
BOX_HEIGHT = 36
ROW_GAP = 12
INDENT = 48
MARGIN = 4


def _rows(
    nodes: list[GroupNode], depth: int, out: list[tuple[GroupNode, int, int | None]], parent: int | None
):
    for node in nodes:
        index = len(out)
        out.append((node, depth, parent))
        _rows(node.children, depth + 1, out, index)


def structure_svg(tree: list[GroupNode]) -> str:
    rows: list[tuple[GroupNode, int, int | None]] = []
    _rows(tree, 0, rows, None)
    if not rows:
        return ""
    max_depth = max(depth for _, depth, _ in rows)
    width = MARGIN * 2 + max_depth * INDENT + BOX_WIDTH
    height = MARGIN * 2 + len(rows) * (BOX_HEIGHT + ROW_GAP) - ROW_GAP

    def top(index: int) -> int:
        return MARGIN + index * (BOX_HEIGHT + ROW_GAP)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="masa-diagram" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="structure-diagram-title">',
        '<title id="structure-diagram-title">Diagram of the partnership structure: each group is '
        "drawn under the group it reports to. The same structure is listed above.</title>",
    ]
    for index, (node, depth, parent) in enumerate(rows):
        x = MARGIN + depth * INDENT
        if parent is not None:
            # An elbow from the parent's left edge down to this box.
            elbow_x = MARGIN + (depth - 1) * INDENT + INDENT // 2
            mid_y = top(index) + BOX_HEIGHT // 2
            parts.append(
                f'<polyline points="{elbow_x},{top(parent) + BOX_HEIGHT} {elbow_x},{mid_y} {x},{mid_y}"/>'
            )
        parts.append(f'<rect x="{x}" y="{top(index)}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="3"/>')
        parts.append(
            f'<text x="{x + 12}" y="{top(index) + BOX_HEIGHT // 2 + 5}">{escape(node.group.name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
