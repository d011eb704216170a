"""The business manager uploads a CIN census, watches the import finish, sees the counts and
indicators, uploads the same year again and confirms the replacement; the history keeps both.
axe-core and CSP checks on every page."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, requires_browser
from tests.browser.test_journeys import HOME, sign_in_business_team
from tests.returns.builders import child_xml, cin_xml, episode_xml

pytestmark = requires_browser

RETURNS = HOME + "returns/"
YEAR = "2022-23"  # the demo already holds Hounslow's 2023-24 returns


def census(tmp_path, name: str):
    children = [
        child_xml("H1", [episode_xml("2022-05-03", assessments=[("2022-05-04", "2022-05-30")])]),
        child_xml("H2", [episode_xml("2022-09-01", closure="2022-12-01", nfa="1")]),
        child_xml("H3", [episode_xml("2023-01-10", cpps=[("2023-02-01", None, 0)])]),
    ]
    path = tmp_path / name
    path.write_text(cin_xml(children, year=2023, reference="2023-03-31", lea="313"))
    return path


def upload(page, path) -> None:
    page.goto(RETURNS)
    page.get_by_role("button", name="Upload a return").click()
    page.wait_for_url("**/returns/upload/")
    expect(page.get_by_label("Local authority code")).to_have_value("313")
    page.get_by_label("CIN census").check()
    page.get_by_label("Collection year").fill(YEAR)
    page.get_by_label("Return files").set_input_files(str(path))
    page.get_by_role("button", name="Upload and import").click()


def test_business_manager_imports_a_cin_census_and_replaces_it(page, demo, tmp_path, settings):
    settings.MASA_RETURN_UPLOAD_DIR = str(tmp_path / "uploads")
    sign_in_business_team(page, demo)
    page.goto(RETURNS)
    expect(page.get_by_role("heading", level=1)).to_have_text("Statutory returns")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Upload a return").click()
    assert_no_axe_violations(page)
    # Bad input first: nothing chosen gives the GOV.UK error summary, linked to the fields.
    page.get_by_label("Collection year").fill("2022-24")
    page.get_by_role("button", name="Upload and import").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the collection year like 2023-24")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the return file or files to upload")
    assert_no_axe_violations(page)

    upload(page, census(tmp_path, "cin-2022-23.xml"))
    page.wait_for_url(re.compile(r"/returns/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="Return imported")).to_be_visible()
    expect(page.get_by_text("3 children")).to_be_visible()
    problems = page.get_by_role("table", name=re.compile(r"^\d+ problems?$"))
    expect(problems).to_contain_text("ReferralNFA is '1'; read as true")
    expect(problems).to_contain_text("Warning")
    indicators = page.get_by_role("table", name=re.compile(f"Indicators for {YEAR}"))
    expect(indicators).to_contain_text("Referrals")
    assert_no_axe_violations(page)

    upload(page, census(tmp_path, "cin-2022-23-corrected.xml"))
    page.wait_for_url(re.compile(r"/returns/jobs/[0-9a-f-]{36}/confirm/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Replace the {YEAR} CIN census for 313?")
    expect(page.get_by_text("The current import stays in the history.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Yes, replace it").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/returns/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="Return imported")).to_be_visible()

    page.goto(RETURNS)
    history = page.get_by_role("table", name=re.compile("Imports by year and kind"))
    rows = history.get_by_role("row").filter(has_text=YEAR)
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="cin-2022-23-corrected.xml")).to_contain_text("Active")
    expect(rows.filter(has_text=re.compile(r"cin-2022-23\.xml"))).to_contain_text("Replaced")
    assert_no_axe_violations(page)


def test_the_status_page_shows_progress_without_javascript_and_polls_with_it(page, demo, tmp_path):
    """A queued job shows a <progress> bar, its text and a refresh link; the script polls the
    JSON status and reloads the page when the import has finished."""
    from masa.accounts.models import User
    from masa.partnership.models import Partnership
    from masa.returns.models import JobStatus, ReturnImportJob

    hounslow = Partnership.objects.get(slug="hounslow")
    job = ReturnImportJob.objects.create(
        partnership=hounslow,
        kind="cin",
        la_code="313",
        year=YEAR,
        file_names=["slow.xml"],
        status=JobStatus.RUNNING,
        progress=40,
        message="Reading slow.xml: 40 of 100 bytes",
        requested_by=User.objects.filter(memberships__partnership=hounslow).first(),
    )
    sign_in_business_team(page, demo)
    page.goto(f"{RETURNS}jobs/{job.uuid}/")
    progress = page.locator("progress#import-progress")
    expect(progress).to_have_attribute("value", "40")
    expect(page.get_by_role("status")).to_have_text("40% done: Reading slow.xml: 40 of 100 bytes")
    expect(page.get_by_role("link", name="Refresh this page")).to_be_visible()
    assert_no_axe_violations(page)
    ReturnImportJob.objects.filter(pk=job.pk).update(progress=70, message="Reading slow.xml: 70 of 100 bytes")
    expect(progress).to_have_attribute("value", "70", timeout=8000)
    ReturnImportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.REFUSED, message="Nothing was imported. Nothing was saved."
    )
    expect(page.get_by_role("heading", name="The return was not imported")).to_be_visible(timeout=8000)
    assert_no_axe_violations(page)


def test_a_census_refused_for_two_children_is_imported_without_them(page, demo, tmp_path, settings):
    """Two children's impossible dates refuse the census; the problems page offers to import the
    rest without them, asks for confirmation, and the return's page lists the children left out."""
    settings.MASA_RETURN_UPLOAD_DIR = str(tmp_path / "uploads")
    children = [
        child_xml("H1", [episode_xml("2022-05-03")]),
        child_xml("H2", [episode_xml("2022-06-01", closure="2099-01-01")]),  # in the future
        child_xml("H3", [episode_xml("2022-07-01", closure="2022-04-01")]),  # closed before referred
        child_xml("H4", [episode_xml("2022-08-01")]),
    ]
    path = tmp_path / "cin-mid-year.xml"
    path.write_text(cin_xml(children, year=2023, reference="2023-03-31", lea="313"))
    sign_in_business_team(page, demo)
    upload(page, path)
    page.wait_for_url(re.compile(r"/returns/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="The return was not imported")).to_be_visible()
    problems = page.get_by_role("table", name=re.compile(r"^\d+ problems?$"))
    expect(problems).to_contain_text("Child 2: CINclosureDate 01/01/2099 is in the future")
    expect(page.get_by_role("heading", name="Import without these 2 children")).to_be_visible()
    assert_no_axe_violations(page)

    # The box must be ticked: the GOV.UK error summary says so.
    page.get_by_role("button", name="Import without these 2 children").click()
    expect(page.locator(".govuk-error-summary").first).to_contain_text(
        "Confirm that you understand these 2 children will be left out of every figure"
    )
    assert_no_axe_violations(page)
    page.get_by_label("I understand these 2 children will be left out of every figure").check()
    page.get_by_role("button", name="Import without these 2 children").click()
    page.wait_for_url(re.compile(r"/returns/jobs/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name="Return imported")).to_be_visible()
    indicators = page.get_by_role("table", name=re.compile(f"Indicators for {YEAR}"))
    expect(indicators.get_by_role("row").filter(has_text="Referrals").first).to_contain_text(
        "2 children left out"
    )
    assert_no_axe_violations(page)

    page.get_by_role("link", name="2 children left out").click()
    left_out = page.get_by_role("table", name="2 children left out")
    expect(left_out).to_contain_text("Child 2")
    expect(left_out).to_contain_text("CINclosureDate 01/01/2099 is in the future")
    expect(left_out).to_contain_text(
        "Child 3: CINclosureDate 01/04/2022 is before CINreferralDate 01/07/2022"
    )
    expect(page.get_by_text("2 children left out of every figure")).to_be_visible()
    assert_no_axe_violations(page)
