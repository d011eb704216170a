"""A Board member reads the performance dashboards and follows a figure to its source; the business
manager writes commentary and downloads the dataset. axe-core and CSP checks on every page."""

import re

import pytest
from playwright.sync_api import expect

from masa.demo.loader import DEMO_PASSWORD
from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import SLUG, sign_in

pytestmark = requires_browser
DASHBOARDS = f"/p/{SLUG}/dashboards/"


@pytest.fixture
def dashboards_demo(transactional_db):
    """The demo partnerships' structure and people, Hounslow's returns and the dataset demo."""
    from django.conf import settings
    from django.contrib.auth.hashers import make_password

    from masa.demo.indicators_loader import load_all_indicators_demo
    from masa.demo.loader import _load_partnership
    from masa.demo.returns_loader import load_returns_demo
    from masa.demo.structure_data import PARTNERSHIPS

    logins = []
    password = make_password(DEMO_PASSWORD)
    for data in PARTNERSHIPS:
        logins += _load_partnership(data, set(settings.MASA_MFA_ROLES), password)
    load_returns_demo()
    load_all_indicators_demo()
    return logins


def _login(logins, role):
    return next(login for login in logins if login.partnership == SLUG and login.role == role)


def test_board_member_reads_dashboards_and_business_manager_comments(new_page, dashboards_demo):
    board = new_page()
    login = _login(dashboards_demo, "member")
    sign_in(board, login.email, DEMO_PASSWORD, login.totp_secret)
    board.wait_for_url(f"**/p/{SLUG}/")
    board.goto(DASHBOARDS)
    expect(board.get_by_role("heading", level=1)).to_have_text("Performance dashboards")
    assert_no_axe_violations(board)

    board.get_by_role("link", name="Vulnerable children in education").click()
    board.wait_for_url(re.compile(r"/dashboards/priorities/[0-9a-f-]{36}/$"))
    # The dashboards open on the plan in force (2024-27), not the superseded 2021-24 plan.
    expect(board.get_by_text("Priority, HSCP Strategic Safeguarding Children Plan 2024-27")).to_be_visible()
    expect(board.get_by_role("heading", level=2, name="School attendance")).to_be_visible()
    assert_no_axe_violations(board)
    # A summary table first, each indicator linking down to its card.
    summary = board.get_by_role("table", name="Summary")
    expect(summary.get_by_role("rowheader", name="School attendance")).to_be_visible()
    summary.get_by_role("link", name="School attendance").click()
    assert re.search(r"#card-[0-9a-f-]{36}$", board.url)

    # The chart's figures are in a table right after it, with the yearly figure from the report.
    table = board.get_by_role("table", name="Figures in the chart: School attendance")
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="2023-24 Q4")).to_be_visible()
    card = board.locator("section", has=board.get_by_role("heading", name="School attendance"))
    expect(card.get_by_text("93.6%").first).to_be_visible()
    expect(card.get_by_role("img", name=re.compile("School attendance"))).to_be_visible()

    # A Board member sees where each figure came from; agencies' submissions open to the business team.
    expect(card.get_by_text(re.compile("Submission by")).first).to_be_visible()
    expect(board.get_by_role("link", name=re.compile(r"^93\.6%"))).to_have_count(0)

    manager = new_page()
    login = _login(dashboards_demo, "business_team")
    sign_in(manager, login.email, DEMO_PASSWORD, login.totp_secret)
    manager.wait_for_url(f"**/p/{SLUG}/")
    manager.goto(DASHBOARDS)
    manager.get_by_role("link", name="Vulnerable children in education").click()
    # Every figure links to where it came from: here, the education service's approved submission.
    manager.get_by_role("link", name=re.compile(r"^93\.6%")).first.click()
    manager.wait_for_url(re.compile(r"/submissions/[0-9a-f-]{36}/$"))
    expect(manager.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(manager)
    manager.go_back()
    manager.get_by_role("link", name=re.compile("commentary on Children missing education referrals")).click()
    expect(manager.get_by_role("heading", level=1)).to_contain_text(
        "Commentary on Children missing education"
    )
    assert_no_axe_violations(manager)
    manager.get_by_role("button", name="Save commentary").click()
    expect(manager.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(manager)
    manager.get_by_label("What this tells us").fill("Referrals rose with better identification by schools.")
    manager.get_by_label("What we are doing").fill("The CME team visits every child within 10 days.")
    manager.get_by_role("button", name="Save commentary").click()
    manager.wait_for_url(re.compile(r"/dashboards/indicators/[0-9a-f-]{36}/$"))
    expect(manager.get_by_text("Referrals rose with better identification by schools.")).to_be_visible()
    assert_no_axe_violations(manager)

    manager.goto(DASHBOARDS)
    with manager.expect_download() as download_info:
        manager.get_by_role("link", name=re.compile("Download the performance dataset")).click()
    download = download_info.value
    assert download.suggested_filename == f"{SLUG}-performance-dataset.xlsx"
    with open(download.path(), "rb") as handle:
        assert handle.read(2) == b"PK"  # an XLSX is a zip file
