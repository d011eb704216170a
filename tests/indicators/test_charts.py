"""Server-drawn SVG charts: accessible names, no inline styles, escaped text, gaps kept as gaps."""

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from masa.indicators.charts import LINE, TARGET, Point, bar_chart, line_chart

D = Decimal


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_line_chart_is_an_image_with_title_description_axes_and_target():
    svg = line_chart(
        [Point("Q1", D(5)), Point("Q2", D("7.5"))],
        title="Contacts",
        y_label="Number",
        target=D(6),
        chart_id="c1",
    )
    assert 'role="img"' in svg and 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Contacts</title>' in svg
    assert "Q1: 5; Q2: 7.5. Target 6." in svg
    assert ">Number</text>" in svg and ">Period</text>" in svg
    assert "Target 6</text>" in svg
    assert "style=" not in svg
    assert svg.count("<circle") == 2


def test_text_is_escaped():
    svg = line_chart([Point("<script>", D(1))], title='A & "B" <c>', y_label="<y>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "A &amp; &quot;B&quot; &lt;c&gt;" in svg


def test_a_missing_figure_is_a_gap_not_a_line_through_it():
    svg = line_chart(
        [Point("Q1", D(1)), Point("Q2", None), Point("Q3", D(2)), Point("Q4", D(3))], title="t", y_label="y"
    )
    assert svg.count("<polyline") == 1  # Q3-Q4 only: Q1 stands alone
    assert "Q2: no figure" in svg


def test_bar_chart_has_a_bar_per_figure():
    svg = bar_chart(
        [Point("Hounslow", D("93.6")), Point("England", D("92.9"))], title="Attendance", y_label="%"
    )
    assert svg.count("<rect") == 2 and "Hounslow" in svg and "93.6" in svg
    assert "style=" not in svg


def test_colours_have_3_to_1_contrast_on_white():
    for colour in (LINE, TARGET):
        assert (1.05) / (_luminance(colour) + 0.05) >= 3


def test_no_figures_still_draws_a_labelled_chart():
    svg = line_chart([], title="Empty", y_label="y")
    assert "No figures yet." in svg and 'role="img"' in svg


@given(
    st.lists(
        st.one_of(st.none(), st.decimals(min_value=-(10**9), max_value=10**9, places=1, allow_nan=False)),
        min_size=1,
        max_size=12,
    ),
    st.one_of(st.none(), st.decimals(min_value=-(10**9), max_value=10**9, places=1, allow_nan=False)),
)
def test_any_figures_draw_inside_the_frame(figures, target):
    svg = line_chart(
        [Point(f"P{i}", v) for i, v in enumerate(figures)], title="t", y_label="y", target=target
    )
    for y in re.findall(r'cy="(-?[\d.]+)"', svg):
        assert 0 <= float(y) <= 220
    assert svg.startswith("<svg") and svg.endswith("</svg>")


def test_gridlines_fall_on_round_numbers():
    from decimal import Decimal

    from masa.indicators.charts import _scale

    bottom, top, step = _scale([Decimal(113), Decimal(150)])
    assert (bottom, top, step) == (Decimal(0), Decimal(150), Decimal(50))
    assert [bottom + step * i for i in range(int((top - bottom) / step) + 1)] == [0, 50, 100, 150]


@given(st.integers(min_value=1, max_value=40))
def test_line_chart_labels_are_few_evenly_spaced_and_end_on_the_latest(count):
    from masa.indicators.charts import labelled_indices

    shown = sorted(labelled_indices(count))
    assert shown[-1] == count - 1 and len(shown) <= 5
    gaps = {b - a for a, b in zip(shown, shown[1:], strict=False)}
    assert len(gaps) <= 1  # evenly spaced, so no two labels crowd together
    assert not gaps or min(gaps) * (420 - 56 - 12 - 20) / max(1, count - 1) >= 60  # 60 px apart


def test_eight_quarters_label_every_other_one_ending_on_the_latest():
    labels = [f"2022-23 Q{q}" for q in range(1, 5)] + [f"2023-24 Q{q}" for q in range(1, 5)]
    svg = line_chart([Point(label, D(n)) for n, label in enumerate(labels)], title="t", y_label="y")
    drawn = re.findall(r"<tspan[^>]*>([^<]+)</tspan>", svg)
    assert drawn == ["2022-23 Q2", "2022-23 Q4", "2023-24 Q2", "2023-24 Q4"]


def test_long_bar_labels_wrap_onto_two_lines():
    svg = bar_chart(
        [
            Point(name, D(n))
            for n, name in enumerate(["Hounslow", "Statistical neighbours", "London", "England"])
        ],
        title="Attendance",
        y_label="%",
    )
    assert re.findall(r"<tspan[^>]*>([^<]+)</tspan>", svg) == [
        "Hounslow", "Statistical", "neighbours", "London", "England",
    ]  # fmt: skip
