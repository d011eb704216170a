"""The structure diagram: groups drawn as a tree by reporting line, as server-rendered SVG.

The page shows the same structure as a nested list, so the diagram is a supplement.
"""

from html import escape

from masa.partnership.selectors import GroupNode

BOX_WIDTH = 190
BOX_HEIGHT = 56
GAP_X = 20
GAP_Y = 44
MAX_CHARS = 24


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > MAX_CHARS:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return lines[:2]


def _layout(nodes: list[GroupNode], depth: int, next_x: list[int], out: list) -> list[float]:
    """Place leaves left to right; a parent sits centred over its children."""
    centres = []
    for node in nodes:
        child_centres = _layout(node.children, depth + 1, next_x, out)
        if child_centres:
            centre = (child_centres[0] + child_centres[-1]) / 2
        else:
            centre = next_x[0] + BOX_WIDTH / 2
            next_x[0] += BOX_WIDTH + GAP_X
        out.append((node, depth, centre, child_centres))
        centres.append(centre)
    return centres


def structure_svg(tree: list[GroupNode]) -> str:
    placed: list = []
    next_x = [GAP_X]
    _layout(tree, 0, next_x, placed)
    if not placed:
        return ""
    depth = max(d for _, d, _, _ in placed) + 1
    width = max(next_x[0], BOX_WIDTH + 2 * GAP_X)
    height = depth * (BOX_HEIGHT + GAP_Y) + GAP_Y
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="masa-diagram" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="structure-diagram-title">',
        '<title id="structure-diagram-title">Diagram of the partnership structure: each group is '
        "joined to the group it reports to. The same structure is listed above.</title>",
    ]
    for node, level, centre, child_centres in placed:
        top = GAP_Y / 2 + level * (BOX_HEIGHT + GAP_Y)
        for child_centre in child_centres:
            parts.append(
                f'<line x1="{centre:.0f}" y1="{top + BOX_HEIGHT:.0f}" '
                f'x2="{child_centre:.0f}" y2="{top + BOX_HEIGHT + GAP_Y:.0f}"/>'
            )
        parts.append(
            f'<rect x="{centre - BOX_WIDTH / 2:.0f}" y="{top:.0f}" width="{BOX_WIDTH}" '
            f'height="{BOX_HEIGHT}" rx="4"/>'
        )
        lines = _wrap(node.group.name)
        first_y = top + BOX_HEIGHT / 2 - (len(lines) - 1) * 9 + 5
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="{centre:.0f}" y="{first_y + i * 18:.0f}" text-anchor="middle">'
                f"{escape(line)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
