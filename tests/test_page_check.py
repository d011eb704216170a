"""The page check in tests/page_check.py: each rule passes a good page and fails a bad one."""

import pytest
from django.http import HttpResponse, JsonResponse
from django.urls import path

from tests.page_check import check_page, check_response, page_problems

GOOD_BODY = """
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<main id="main-content">
  <h1 class="govuk-heading-l">Add an action</h1>
  <form method="post" action="">
    <input type="hidden" name="csrfmiddlewaretoken" value="abc">
    <input id="title" name="title">
  </form>
  <form method="get" action="/search/"><input id="q" name="q"></form>
</main>
"""


def page(body: str = GOOD_BODY, title: str = "Add an action – Hounslow – masa") -> str:
    head = f"<head><title>{title}</title></head>"
    return f'<!DOCTYPE html>\n<html lang="en-GB">{head}<body>{body}</body></html>'


def test_a_good_page_has_no_problems():
    assert page_problems(page()) == []
    check_page(page(), "/good/")


def test_error_prefix_and_whitespace_in_the_title_are_allowed():
    assert page_problems(page(title="Error:  Add an\n  action – masa")) == []
    heading_with_markup = GOOD_BODY.replace("Add an action", "\n  Add an <span>action</span>\n")
    assert page_problems(page(heading_with_markup)) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (GOOD_BODY.replace('<h1 class="govuk-heading-l">Add an action</h1>', ""), "0 <h1> elements"),
        (GOOD_BODY + "<h1>Another</h1>", "2 <h1> elements"),
        (GOOD_BODY.replace("Add an action</h1>", "</h1>"), "empty <h1>"),
    ],
)
def test_exactly_one_h1(body, problem):
    problems = page_problems(page(body))
    assert len(problems) == 1
    assert problem in problems[0]


@pytest.mark.parametrize(
    "title",
    ["masa", "Add an – masa", "Add an actions – masa", "Edit: Add an action – masa", "Error: masa"],
)
def test_title_begins_with_the_h1(title):
    problems = page_problems(page(title=title))
    assert problems == [f"has the title {title!r}, which does not begin with the <h1> 'Add an action'"]


def test_a_title_inside_inline_svg_names_the_graphic_not_the_page():
    chart = '<svg role="img" aria-labelledby="c-title"><title id="c-title">Chart</title></svg>'
    assert page_problems(page(GOOD_BODY + chart)) == []


def test_title_is_needed():
    assert page_problems(page().replace("<title>Add an action – Hounslow – masa</title>", "")) == [
        "has 0 <title> elements, not exactly one"
    ]


def test_ids_are_unique():
    body = GOOD_BODY + '<p id="title">Again</p><div id="q"></div><span id="q"></span>'
    assert page_problems(page(body)) == ["repeats the id 'title', 'q'"]


def test_every_form_has_an_action():
    body = GOOD_BODY.replace('action="/search/"', "")
    assert page_problems(page(body)) == ["form 2 (method='get') has no action attribute"]


@pytest.mark.parametrize("method", ["post", "POST"])
def test_post_forms_carry_the_csrf_token(method):
    body = GOOD_BODY.replace('method="post"', f'method="{method}"').replace(
        '<input type="hidden" name="csrfmiddlewaretoken" value="abc">', ""
    )
    assert page_problems(page(body)) == [
        f"form 1 (method={method!r} action='') posts without a csrfmiddlewaretoken hidden input"
    ]


def test_a_token_outside_the_form_does_not_count():
    body = GOOD_BODY.replace('<input type="hidden" name="csrfmiddlewaretoken" value="abc">', "").replace(
        "</main>", '<input type="hidden" name="csrfmiddlewaretoken" value="abc"></main>'
    )
    assert len(page_problems(page(body))) == 1


@pytest.mark.parametrize(
    ("extra", "shown"),
    [
        ("<pre>Traceback (most recent call last):</pre>", "'Traceback'"),
        ("<p>{{ action.title }}</p>", "'{{'"),
        ("<p>{% if x %}</p>", "'{%'"),
        ('<a href="/actions/{{ action.pk }}/">Open</a>', "'{{'"),
    ],
)
def test_no_debug_or_template_text(extra, shown):
    assert page_problems(page(GOOD_BODY + extra)) == [f"shows {shown}"]


def test_template_syntax_inside_a_script_is_not_text():
    assert page_problems(page(GOOD_BODY + "<script>const t = `{{x}}`;</script>")) == []


def test_check_page_names_the_url_and_every_problem():
    with pytest.raises(AssertionError) as raised:
        check_page(page(GOOD_BODY + "<h1>Two</h1>", title="Wrong"), "/hounslow/actions/add/ (200)")
    message = str(raised.value)
    assert "/hounslow/actions/add/ (200)" in message
    assert "2 <h1> elements" in message


def test_full_pages_with_checked_statuses_are_checked():
    bad = page(GOOD_BODY + "<h1>Two</h1>")
    for status in (200, 400, 403, 404):
        with pytest.raises(AssertionError):
            check_response(HttpResponse(bad, status=status))


def test_responses_that_are_not_full_pages_are_not_checked():
    bad = page(GOOD_BODY + "<h1>Two</h1>")
    check_response(HttpResponse(bad, status=302))
    check_response(HttpResponse(bad, status=500))
    check_response(HttpResponse(bad, content_type="text/plain"))
    check_response(HttpResponse("<tr><td>A fragment</td></tr>"))
    check_response(JsonResponse({"html": bad}))


def test_the_test_client_checks_every_page(client, db, settings):
    """The autouse fixture in tests/conftest.py runs the check on what the test client returns."""
    settings.ROOT_URLCONF = __name__
    with pytest.raises(AssertionError, match="Page check failed for /two-headings/"):
        client.get("/two-headings/")
    assert client.get("/good/").status_code == 200


# The URLs for the test above, which serves these two pages in place of masa's own.
urlpatterns = [
    path("good/", lambda request: HttpResponse(page())),
    path("two-headings/", lambda request: HttpResponse(page(GOOD_BODY + "<h1>Two</h1>"))),
]
