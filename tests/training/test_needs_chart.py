"""The needs analysis chart (masa/training/charts.py): pure Python, accessible SVG."""

from masa.training.charts import Group, grouped_bar_chart


def _chart(groups):
    return grouped_bar_chart(
        groups,
        ["Foundation", "Intermediate", "Advanced"],
        title="Staff <needing> training",
        unit="Staff",
        chart_id="c1",
    )


def test_the_chart_names_every_figure_and_escapes_text():
    svg = _chart([Group("Neglect & harm", [10, 4, 1]), Group("Online harm", [0, 0, 3])])
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert "Staff &lt;needing&gt; training" in svg
    assert "Neglect &amp; harm: Foundation 10, Intermediate 4, Advanced 1; Online harm: Foundation 0" in svg
    assert svg.count("<rect") == 3 + 6  # the legend's keys and a bar per topic and level
    assert "style=" not in svg  # the content security policy forbids inline styles


def test_a_long_topic_name_is_wrapped_and_an_empty_chart_says_so():
    svg = _chart([Group("Recognising and responding to child sexual abuse in the family home", [1, 2, 3])])
    assert svg.count("<tspan") >= 2
    assert "No figures yet." in _chart([])
