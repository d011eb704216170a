from types import SimpleNamespace

from masa.partnership.selectors import group_tree
from masa.structure.diagram import structure_svg


def _group(pk, name, reports_to=None):
    return SimpleNamespace(pk=pk, name=name, reports_to_id=reports_to)


def test_tree_follows_reporting_lines():
    groups = [_group(1, "LSPs"), _group(2, "Board", 1), _group(3, "SIG", 2), _group(4, "EPG", 2)]
    tree = group_tree(groups)
    assert [n.group.name for n in tree] == ["LSPs"]
    assert [n.group.name for n in tree[0].children[0].children] == ["SIG", "EPG"]


def test_group_reporting_to_an_inactive_group_becomes_a_root():
    tree = group_tree([_group(2, "Board", reports_to=99)])
    assert [n.group.name for n in tree] == ["Board"]


def test_diagram_draws_every_group_once_and_escapes_names():
    groups = [_group(1, "LSPs"), _group(2, "Board <&>", 1), _group(3, "SIG", 2)]
    svg = structure_svg(group_tree(groups))
    assert svg.count("<rect") == 3
    assert svg.count("<polyline") == 2  # one connector per reporting line
    assert "Board &lt;&amp;&gt;" in svg
    assert 'role="img"' in svg and "<title" in svg


def test_empty_structure_has_no_diagram():
    assert structure_svg([]) == ""
