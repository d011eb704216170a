"""The briefing rules that need no database."""

from datetime import date

from masa.briefings.services import (
    CONFIRMED_BEFORE_PUBLISHED,
    CONFIRMED_IN_FUTURE,
    CONFIRMED_ON_NEEDED,
    TITLE_NEEDED,
    confirmation_date_problem,
    missing_sections,
    publication_problems,
    slug_for,
)

COMPLETE = {
    "title": "Pre-birth practice",
    "background": "b",
    "what_we_found": "w",
    "why_it_matters": "y",
    "what_to_do": "d",
}


def test_missing_sections_lists_empty_core_sections_in_reading_order():
    assert missing_sections(COMPLETE) == []
    assert missing_sections({**COMPLETE, "what_to_do": "  ", "background": ""}) == [
        "background",
        "what_to_do",
    ]
    # The optional sections never block publication.
    assert missing_sections({**COMPLETE, "questions_to_ask": "", "further_reading": ""}) == []


def test_publication_problems_name_each_field():
    assert publication_problems(COMPLETE) == {}
    problems = publication_problems({"title": " "})
    assert problems["title"] == TITLE_NEEDED
    assert problems["why_it_matters"] == "Enter why it matters before publishing"
    assert set(problems) == {"title", "background", "what_we_found", "why_it_matters", "what_to_do"}


def test_confirmation_date_must_fall_between_publication_and_today():
    published, today = date(2024, 3, 1), date(2024, 3, 20)
    assert confirmation_date_problem(date(2024, 3, 1), published, today) is None
    assert confirmation_date_problem(date(2024, 3, 20), published, today) is None
    assert confirmation_date_problem(date(2024, 3, 21), published, today) == CONFIRMED_IN_FUTURE
    assert confirmation_date_problem(
        date(2024, 2, 29), published, today
    ) == CONFIRMED_BEFORE_PUBLISHED.format(day="1 March 2024")
    assert confirmation_date_problem(None, published, today) == CONFIRMED_ON_NEEDED


def test_slug_comes_from_the_title_unless_given():
    assert slug_for("Pre-birth: what we learned") == "pre-birth-what-we-learned"
    assert slug_for("Anything", "my-slug") == "my-slug"
