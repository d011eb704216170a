"""RAG, direction of travel and partnership totals: the pure rules behind every dashboard card."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from masa.indicators.rag import Direction, Rag, aggregate, rag, ratio_value, travel

D = Decimal
values = st.decimals(
    min_value=-1_000_000, max_value=1_000_000, places=3, allow_nan=False, allow_infinity=False
)
tolerances = st.decimals(min_value=0, max_value=1_000, places=3, allow_nan=False, allow_infinity=False)


def test_rag_examples():
    assert rag(D("95"), D("95"), D("2"), "higher") == Rag.GREEN
    assert rag(D("93"), D("95"), D("2"), "higher") == Rag.AMBER
    assert rag(D("92.9"), D("95"), D("2"), "higher") == Rag.RED
    assert rag(D("14"), D("15"), D("3"), "lower") == Rag.GREEN
    assert rag(D("18"), D("15"), D("3"), "lower") == Rag.AMBER
    assert rag(D("18.1"), D("15"), D("3"), "lower") == Rag.RED
    assert rag(D("18.1"), D("15"), D("3"), "neither") is None
    assert rag(D("18.1"), None, D("3"), "higher") is None
    assert rag(None, D("15"), D("3"), "higher") is None


@given(values, values, tolerances)
def test_meeting_the_target_is_always_green(value, target, tolerance):
    if value >= target:
        assert rag(value, target, tolerance, "higher") == Rag.GREEN
    if value <= target:
        assert rag(value, target, tolerance, "lower") == Rag.GREEN


@given(values, values, tolerances)
def test_rag_follows_the_distance_from_the_target(value, target, tolerance):
    for polarity, shortfall in (("higher", target - value), ("lower", value - target)):
        result = rag(value, target, tolerance, polarity)
        if shortfall <= 0:
            assert result == Rag.GREEN
        elif shortfall <= tolerance:
            assert result == Rag.AMBER
        else:
            assert result == Rag.RED


@given(values, values, tolerances)
def test_neither_polarity_has_no_rag(value, target, tolerance):
    assert rag(value, target, tolerance, "neither") is None


@given(values, values)
def test_direction_of_travel(previous, latest):
    for polarity in ("higher", "lower", "neither"):
        t = travel(previous, latest, polarity)
        assert t is not None
        assert t.change == latest - previous
        if latest == previous:
            assert t.direction == Direction.SAME and t.improving is None and t.text == "No change"
        elif polarity == "neither":
            assert t.improving is None
        else:
            assert t.improving == ((latest > previous) == (polarity == "higher"))
    assert travel(None, latest, "higher") is None


def test_direction_text():
    assert travel(D("88"), D("89.000"), "higher").text == "Up 1, improving"
    assert travel(D("18.2"), D("19.9"), "lower").text == "Up 1.7, worsening"
    assert travel(D("1500"), D("21400"), "neither").text == "Up 19,900"


counts = st.integers(min_value=0, max_value=100_000)


@given(st.lists(st.tuples(counts, st.integers(min_value=1, max_value=100_000)), min_size=1, max_size=8))
def test_aggregate_is_sum_over_sum_never_an_average(parts):
    parts = [(D(n), D(d)) for n, d in parts]
    total = aggregate(parts, "percent")
    num = sum(n for n, _ in parts)
    den = sum(d for _, d in parts)
    assert (total.numerator, total.denominator) == (num, den)
    assert total.value == ratio_value(num, den, "percent")


def test_aggregate_weights_big_areas_more_than_an_average_would():
    # 10/100 = 10% and 900/1000 = 90%: the average of rates would be 50%; the partnership figure is 82.7%.
    total = aggregate([(D(10), D(100)), (D(900), D(1000))], "percent")
    assert total.value == D("82.7")
    assert aggregate([(D(5), D(10_000))], "rate_10k").value == D("5.0")


@given(st.lists(counts, min_size=1, max_size=8))
def test_counts_add_up(parts):
    total = aggregate([(D(n), None) for n in parts], "count")
    assert total.value == sum(parts) and total.denominator is None


def test_a_missing_part_makes_the_total_unknown():
    assert aggregate([(D(1), D(2)), (None, D(3))], "percent").value is None
    assert aggregate([(D(1), D(2)), (D(1), None)], "percent").value is None
    assert aggregate([], "percent").value is None
    assert aggregate([(D(0), D(0))], "percent").value is None
