"""A developer reads the API documentation from the footer: a masa page built from the OpenAPI
schema, with its contents, an operation's responses and the schema download; axe-core and CSP
checks on every page."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser

pytestmark = requires_browser


def test_a_developer_reads_the_api_documentation(page, transactional_db):
    page.goto("/accessibility/")
    page.get_by_role("link", name="API documentation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API documentation")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Actions", exact=True).click()
    assert page.url.endswith("#actions")
    responses = page.get_by_role(
        "table", name="Responses of GET /api/v1/partnerships/{slug}/actions", exact=True
    )
    expect(responses).to_contain_text("401")
    schema_link = page.get_by_role("link", name="Download the OpenAPI schema (JSON)")
    schema = page.request.get(schema_link.get_attribute("href")).json()
    assert "/api/v1/partnerships/{slug}/actions" in schema["paths"]
