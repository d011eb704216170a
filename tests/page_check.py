"""The page check: structural rules every full masa HTML page keeps.

`tests/conftest.py` runs `check_response` on every response a test receives through Django's
test client, so each page any test renders is checked without the test asking. A page fails
with an AssertionError that names the URL and each problem found.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

# 400 is a form shown again with its errors (and masa's bad-request page); 403 and 404 are
# masa's own error pages. Other statuses (redirects, 500s the test is about) are not pages.
CHECKED_STATUSES = frozenset({200, 400, 403, 404})

# Template syntax that reached the browser means a tag or variable the engine did not parse.
TEMPLATE_SYNTAX = ("{{", "{%")
DEBUG_TEXT = ("Traceback",)
ERROR_PREFIX = "Error: "

_WHITESPACE = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _is_csrf_token(attributes: dict[str, str | None]) -> bool:
    return attributes.get("name") == "csrfmiddlewaretoken" and attributes.get("type") == "hidden"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1_texts: list[str] = []
        self._h1_depth = 0
        self._h1_parts: list[str] = []
        self.titles: list[str] = []
        self._in_title = False
        self._title_parts: list[str] = []
        self.ids: list[str] = []
        # Each form: (its attributes, whether it holds a CSRF token input).
        self.forms: list[tuple[dict[str, str | None], bool]] = []
        self._open_form: int | None = None
        self._raw_text_tag: str | None = None
        self._svg_depth = 0
        self.text: list[str] = []
        self.attribute_values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if value:
                self.attribute_values.append(value)
        if tag in ("script", "style"):
            self._raw_text_tag = tag
        elif tag == "svg":
            self._svg_depth += 1
        elif tag == "title" and not self._svg_depth:
            # A <title> inside inline SVG names the graphic (masa's charts and structure
            # diagram have one); only the document's own title is the page title.
            self._in_title = True
            self._title_parts = []
        elif tag == "h1":
            if self._h1_depth == 0:
                self._h1_parts = []
            self._h1_depth += 1
        elif tag == "form":
            self.forms.append((attributes, False))
            self._open_form = len(self.forms) - 1
        elif tag == "input" and self._open_form is not None and _is_csrf_token(attributes):
            form_attributes, _ = self.forms[self._open_form]
            self.forms[self._open_form] = (form_attributes, True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # In HTML a trailing slash closes nothing: `<input />` is void and `<div />` stays open.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_text_tag:
            self._raw_text_tag = None
        elif tag == "svg" and self._svg_depth:
            self._svg_depth -= 1
        elif tag == "title" and self._in_title:
            self._in_title = False
            self.titles.append(_normalise("".join(self._title_parts)))
        elif tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            if self._h1_depth == 0:
                self.h1_texts.append(_normalise("".join(self._h1_parts)))
        elif tag == "form":
            self._open_form = None

    def handle_data(self, data: str) -> None:
        if self._raw_text_tag is not None:
            return
        self.text.append(data)
        if self._in_title:
            self._title_parts.append(data)
        if self._h1_depth:
            self._h1_parts.append(data)


def page_problems(html: str) -> list[str]:
    """Every rule the page breaks, as sentences; an empty list for a good page."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    problems: list[str] = []

    if len(parser.h1_texts) != 1:
        problems.append(f"has {len(parser.h1_texts)} <h1> elements, not exactly one: {parser.h1_texts!r}")
    if len(parser.titles) != 1:
        problems.append(f"has {len(parser.titles)} <title> elements, not exactly one")
    elif len(parser.h1_texts) == 1:
        title, heading = parser.titles[0], parser.h1_texts[0]
        bare_title = title.removeprefix(ERROR_PREFIX)
        if not heading:
            problems.append("has an empty <h1>")
        elif not (bare_title == heading or bare_title.startswith(heading + " ")):
            problems.append(f"has the title {title!r}, which does not begin with the <h1> {heading!r}")

    seen: set[str] = set()
    duplicated: list[str] = []
    for element_id in parser.ids:
        if element_id in seen and element_id not in duplicated:
            duplicated.append(element_id)
        seen.add(element_id)
    if duplicated:
        problems.append(f"repeats the id {', '.join(repr(i) for i in duplicated)}")

    for number, (attributes, has_token) in enumerate(parser.forms, start=1):
        described = f"form {number} ({_describe(attributes)})"
        if "action" not in attributes:
            problems.append(f"{described} has no action attribute")
        method = (attributes.get("method") or "get").lower()
        if method == "post" and not has_token:
            problems.append(f"{described} posts without a csrfmiddlewaretoken hidden input")

    visible = "".join(parser.text)
    for snippet in DEBUG_TEXT + TEMPLATE_SYNTAX:
        if snippet in visible or any(snippet in value for value in parser.attribute_values):
            problems.append(f"shows {snippet!r}")
    return problems


def _describe(attributes: dict[str, str | None]) -> str:
    shown = {name: attributes[name] for name in ("method", "action", "id") if name in attributes}
    return " ".join(f"{name}={value!r}" for name, value in shown.items()) or "no attributes"


def check_page(html: str, url: str) -> None:
    """Raise AssertionError naming the URL and each problem if the page breaks a rule."""
    problems = page_problems(html)
    if problems:
        raise AssertionError(f"Page check failed for {url}:\n  - " + "\n  - ".join(problems))


def is_checked(response: Any) -> bool:
    """Whether the response is a full masa HTML page the rules apply to."""
    if getattr(response, "streaming", False) or response.status_code not in CHECKED_STATUSES:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # Fragments (a table row, a partial swapped in by script) have no document around them.
    return b"<html" in response.content[:2000].lower()


def check_response(response: Any) -> None:
    if not is_checked(response):
        return
    request = getattr(response, "wsgi_request", None)
    url = request.get_full_path() if request is not None else "(unknown URL)"
    charset = getattr(response, "charset", None) or "utf-8"
    check_page(response.content.decode(charset, errors="replace"), f"{url} ({response.status_code})")
