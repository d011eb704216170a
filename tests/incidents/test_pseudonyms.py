"""The pure checks that a child's reference is pseudonymous (masa/incidents/pseudonyms.py)."""

import pytest

from masa.incidents.pseudonyms import (
    CONTAINS_DATE,
    DEFAULT_REFERENCE_PATTERN,
    LOOKS_LIKE_NAME,
    PATTERN_INVALID,
    PATTERN_NESTED_REPEAT,
    PATTERN_TOO_LONG,
    pattern_problem,
    reference_problem,
)

SI_PATTERN = r"SI-\d{4}-\d{2}-C\d"


@pytest.mark.parametrize(
    "reference",
    [
        "Child A",
        "Child B",
        "Child AB",
        "Child B2",
        "child a",
        "Sibling 1",
        "C1",
        "SI-2024-01 child 2",
        "Baby X",
        "Child A (older sibling)",
        "Unborn child",
        "2024/25 case 3",
        "Case 12-2",
        "Child 13/14",
        "Ref 2024",
        "Child of May",
    ],
)
def test_pseudonymous_references_are_accepted(reference):
    assert reference_problem(reference) is None


@pytest.mark.parametrize(
    "reference",
    [
        "Jayden Smith 12/03/2012",
        "12/03/2012",
        "Child A 12-03-12",
        "12.3.2012",
        "2012-03-12",
        "2012/3/12",
        "born 12 March 2012",
        "12th of March",
        "12 Mar",
        "March 12, 2012",
        "March 2012",
        "Sept 2019",
        "dob 03/12/2012",
        "12032012",
        "20120312",
        "Child A 1 . 2 . 12",
    ],
)
def test_dates_are_refused(reference):
    assert reference_problem(reference) == CONTAINS_DATE


def test_a_date_is_refused_even_when_the_pattern_allows_it():
    assert reference_problem("2012-03-12", r"\d{4}-\d{2}-\d{2}") == CONTAINS_DATE


@pytest.mark.parametrize(
    "reference",
    ["Jayden Smith", "Mary-Jane O'Neill", "Zoë Ölmez", "Baby Jayden", "Child Jayden Smith", "Jay McKay"],
)
def test_names_are_refused(reference):
    assert reference_problem(reference) == LOOKS_LIKE_NAME


def test_a_reference_matching_the_pattern_is_not_taken_for_a_name():
    assert reference_problem("Sibling Alpha", r"Sibling [A-Z][a-z]+") is None
    assert reference_problem("Sibling Alpha") == LOOKS_LIKE_NAME


def test_the_partnerships_own_pattern_is_accepted():
    assert reference_problem("SI-2024-01-C1", SI_PATTERN) is None


def test_the_default_pattern_fits_the_suggested_references():
    import re

    for reference in ("Child A", "Child B2", "Child AB"):
        assert re.fullmatch(DEFAULT_REFERENCE_PATTERN, reference)


@pytest.mark.parametrize(
    "pattern", [SI_PATTERN, DEFAULT_REFERENCE_PATTERN, r"Child [A-Z]", r"(Child|Sibling) \w"]
)
def test_good_patterns(pattern):
    assert pattern_problem(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("Child [A-Z", PATTERN_INVALID),
        ("(unclosed", PATTERN_INVALID),
        ("*", PATTERN_INVALID),
        ("(a+)+", PATTERN_NESTED_REPEAT),
        (r"(\w*)*x", PATTERN_NESTED_REPEAT),
        ("(x{1,3})+", PATTERN_NESTED_REPEAT),
        ("a" * 201, PATTERN_TOO_LONG),
    ],
)
def test_bad_patterns(pattern, problem):
    assert pattern_problem(pattern) == problem
