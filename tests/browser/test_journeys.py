"""Browser journeys through masa in Debian chromium, with axe-core and CSP checks on every page.

Run with: MASA_TESTING=1 uv run pytest -q -p no:cacheprovider tests/browser
"""

import re
import time

from django.core import mail
from playwright.sync_api import expect

from masa.demo.loader import DEMO_PASSWORD
from masa.demo.totp import TOTP_PERIOD, current_code
from tests.browser.conftest import assert_no_axe_violations, path_of, requires_browser
from tests.factories import TEST_PASSWORD, member

pytestmark = requires_browser

SLUG = "hounslow"
HOME = f"/p/{SLUG}/"
GROUP = "Effective Practice Group"


def checked(page) -> None:
    """Every page a journey reaches is checked for accessibility and CSP violations."""
    assert_no_axe_violations(page)


def fresh_code(secret: str) -> str:
    """The current TOTP code, waiting for the next period if this one is about to expire.

    allauth accepts only the current period's code (MFA_TOTP_TOLERANCE is 0), so a code read in
    the last moments of a period could be stale by the time the server checks it.
    """
    remaining = TOTP_PERIOD - time.time() % TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.1)
    return current_code(secret)


def demo_login(demo, role: str):
    return next(login for login in demo if login.partnership == SLUG and login.role == role)


def sign_in(page, email: str, password: str, totp_secret: str | None = None) -> None:
    """Sign in through /accounts/login/ (and the authenticator-code page when the user has TOTP)."""
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")
    checked(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if totp_secret is not None:
        page.wait_for_url("**/accounts/2fa/authenticate/")
        checked(page)
        page.get_by_role("textbox", name=re.compile("code", re.I)).fill(fresh_code(totp_secret))
        page.get_by_role("button", name=re.compile("sign in|continue", re.I)).click()


def sign_in_business_team(page, demo) -> None:
    login = demo_login(demo, "business_team")
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)
    page.wait_for_url(f"**{HOME}")


def nav(page, section: str, name: str) -> None:
    """Open a section of the service navigation, then one of the pages its landing page lists."""
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=section, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(section)
    checked(page)
    page.get_by_role("main").get_by_role("link", name=name, exact=True).click()


# 1. Sign-in with a second factor ------------------------------------------------------------


def test_business_team_signs_in_with_authenticator_code(page, demo):
    login = demo_login(demo, "business_team")
    sign_in(page, login.email, DEMO_PASSWORD, login.totp_secret)

    page.wait_for_url(f"**{HOME}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    expect(page.get_by_text("Hounslow Safeguarding Children Partnership").first).to_be_visible()
    # The business team sees the section with the user-management and audit pages in the menu.
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Admin")).to_be_visible()
    checked(page)


def test_business_team_without_totp_must_set_it_up(page, demo):
    from allauth.mfa.models import Authenticator

    from masa.partnership.models import Partnership

    user = member(Partnership.objects.get(slug=SLUG), "business_team", mfa=False)
    sign_in(page, user.email, TEST_PASSWORD)

    # Setting up an authenticator is a sensitive change: allauth asks for the password again.
    page.wait_for_url("**/accounts/reauthenticate/**")
    checked(page)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name=re.compile("confirm|continue", re.I)).click()

    page.wait_for_url("**/accounts/2fa/totp/activate/")
    checked(page)
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    page.get_by_role("textbox", name=re.compile("authenticator code", re.I)).fill(fresh_code(secret))
    page.get_by_role("button", name=re.compile("activate", re.I)).click()

    # allauth then shows the new recovery codes; after that masa lets the user in.
    page.wait_for_url(lambda url: "/accounts/2fa/totp/activate/" not in url)
    checked(page)
    assert path_of(page).startswith(("/accounts/2fa/recovery-codes/", "/accounts/2fa/")), path_of(page)
    if path_of(page).startswith("/accounts/2fa/recovery-codes/"):
        expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("recovery codes", re.I))
        assert page.get_by_label("Unused codes").input_value().split(), "No recovery codes shown"

    page.goto("/")
    page.wait_for_url(f"**{HOME}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    checked(page)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# 2 and 5. Terms of reference, then the audit log ----------------------------------------------


def change_terms_of_reference(page, new_purpose: str) -> None:
    nav(page, "Governance", "Partnership structure")
    page.wait_for_url(f"**/p/{SLUG}/structure/")
    checked(page)
    page.get_by_role("link", name="Groups and terms of reference").click()
    page.wait_for_url(f"**/p/{SLUG}/groups/")
    checked(page)
    page.get_by_role("table").get_by_role("link", name=GROUP, exact=True).click()
    page.wait_for_url(re.compile(r"/groups/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(GROUP)
    checked(page)
    group_url = page.url

    page.get_by_role("button", name="Change terms of reference").click()
    page.wait_for_url(re.compile(r"/groups/[0-9a-f-]{36}/edit/$"))
    checked(page)
    purpose = page.get_by_label("Purpose", exact=True)
    people = page.get_by_label("People", exact=True)
    original_people = people.input_value()
    assert original_people
    purpose.fill("")
    people.fill(original_people + "\nPlus a parent representative.")
    page.get_by_role("button", name="Save").click()

    # GOV.UK error summary, linking to the question; the other answers are kept.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    error_link = summary.get_by_role("link", name="Enter the purpose")
    expect(error_link).to_have_attribute("href", "#id_purpose")
    expect(page).to_have_title(re.compile("^Error: "))
    expect(people).to_have_value(original_people + "\nPlus a parent representative.")
    expect(purpose).to_have_accessible_description(re.compile(r"Error:\s+Enter the purpose"))
    checked(page)
    error_link.click()
    expect(purpose).to_be_focused()

    purpose.fill(new_purpose)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(group_url)
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("Terms of reference updated")
    expect(page.get_by_text(new_purpose)).to_be_visible()
    expect(page.get_by_text("Plus a parent representative.")).to_be_visible()
    checked(page)


def test_business_team_changes_terms_of_reference(page, demo):
    sign_in_business_team(page, demo)
    change_terms_of_reference(page, "To learn from practice and spread what works.")


def test_audit_log_shows_the_change_and_filters(page, demo):
    from masa.accounts.models import User

    login = demo_login(demo, "business_team")
    sign_in_business_team(page, demo)
    new_purpose = "To check that help for children works well."
    change_terms_of_reference(page, new_purpose)

    nav(page, "Admin", "Audit log")
    page.wait_for_url(f"**/p/{SLUG}/audit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    checked(page)
    table = page.get_by_role("table")
    group_row = table.get_by_role("row").filter(has_text=f"Group: {GROUP}")
    # The changes column lists the changed fields (long old/new values are truncated).
    expect(group_row.first).to_contain_text("purpose:")
    expect(group_row.first).to_contain_text("Update")
    expect(group_row.first).to_contain_text(User.objects.get(email=login.email).full_name)

    # Filter to changes of groups only: the group change stays, other records' entries go.
    page.get_by_label("Type of record").select_option(label="Group")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"/audit/\?.*record_type=\d+"))
    checked(page)
    expect(page.get_by_label("Type of record")).to_have_value(re.compile(r"\d+"))
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows.filter(has_text=f"Group: {GROUP}").first).to_be_visible()
    for text in rows.all_inner_texts():
        assert "Group:" in text, f"Filtered audit log shows a non-group entry: {text!r}"

    # A filter that matches nothing says so.
    page.get_by_label("Who").fill("nobody-by-this-name")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"actor=nobody-by-this-name"))
    expect(page.get_by_role("table")).to_contain_text("No entries match")
    checked(page)


# 3. The public arrangements page --------------------------------------------------------------


def test_public_arrangements_page_and_download(page, demo):
    page.goto("/")
    checked(page)
    page.goto(f"/partnerships/{SLUG}/arrangements/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our safeguarding arrangements")
    checked(page)

    # The structure is a nested list: some groups are listed under the group they report to.
    structure = page.locator("h2#structure ~ ul.govuk-list").first
    expect(structure.locator("li ul li").first).to_be_visible()
    expect(structure.get_by_role("link", name=GROUP, exact=True)).to_have_attribute(
        "href", re.compile(r"^#group-")
    )
    diagram = page.locator("figure svg[role=img]")
    expect(diagram).to_be_visible()
    expect(diagram).to_have_accessible_name(re.compile("Diagram of the partnership structure"))
    expect(page.get_by_role("heading", level=3, name=GROUP, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Relevant agencies")).to_be_visible()
    agencies = page.locator("h2#agencies ~ ul.govuk-list").first
    expect(agencies.get_by_role("listitem").first).to_be_visible()
    assert agencies.get_by_role("listitem").count() >= 5

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download our safeguarding arrangements")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as docx:
        content = docx.read()
    assert len(content) > 1000
    assert content.startswith(b"PK"), "The download is not a .docx (zip) file"


# 4. Invitation --------------------------------------------------------------------------------


def test_business_team_invites_a_practitioner(page, new_page, demo):
    sign_in_business_team(page, demo)
    nav(page, "Admin", "Users")
    page.wait_for_url(f"**/p/{SLUG}/users/")
    checked(page)
    page.get_by_role("button", name="Invite a user").click()
    page.wait_for_url(f"**/p/{SLUG}/users/invite/")
    checked(page)

    # Sending the empty form shows the errors first.
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page)

    page.get_by_label("Full name").fill("Priya Okonkwo-Hale")
    page.get_by_label("Email address").fill("priya.okonkwo-hale@hounslow.example.org")
    page.get_by_role("radio", name="Practitioner").check()
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url(f"**/p/{SLUG}/users/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Invitation sent")
    expect(page.get_by_role("table").filter(has_text="Invitations not yet accepted")).to_contain_text(
        "priya.okonkwo-hale@hounslow.example.org"
    )
    checked(page)

    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    email = mail.outbox[0]
    assert email.to == ["priya.okonkwo-hale@hounslow.example.org"]
    match = re.search(r"https?://\S+?(/invitations/[^\s/]+/)", email.body)
    assert match, email.body

    invitee = new_page()  # a fresh browser context: nobody is signed in
    invitee.goto(match.group(1))
    expect(invitee.get_by_role("heading", level=1)).to_have_text(
        "Join Hounslow Safeguarding Children Partnership"
    )
    checked(invitee)
    invitee.get_by_label("Create a password").fill("a-long-and-unusual-passphrase")
    invitee.get_by_label("Confirm password").fill("a-long-and-unusual-passphrase")
    invitee.get_by_role("button", name="Create account").click()

    invitee.wait_for_url(f"**{HOME}")
    expect(invitee.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have joined Hounslow Safeguarding Children Partnership"
    )
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Home")
    checked(invitee)
    invitee.get_by_role("link", name="Your account").click()
    invitee.wait_for_url("**/account/")
    expect(invitee.get_by_role("main")).to_contain_text("priya.okonkwo-hale@hounslow.example.org")
    expect(invitee.get_by_role("main")).to_contain_text("Practitioner")
    checked(invitee)


# Other pages ----------------------------------------------------------------------------------


def test_other_pages_are_accessible(page, demo):
    for path in ("/", "/accessibility/", "/accounts/login/"):
        page.goto(path)
        checked(page)

    sign_in_business_team(page, demo)
    checked(page)
    for path, heading in (
        (f"/p/{SLUG}/structure/", "Partnership structure"),
        (f"/p/{SLUG}/agencies/", "Agencies"),
        (f"/p/{SLUG}/people/", "People"),
        (f"/p/{SLUG}/plans/", re.compile("plans", re.I)),
        (f"/p/{SLUG}/users/", "Users"),
        ("/account/", "Your account"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        checked(page)

    page.goto(f"/p/{SLUG}/groups/add/")
    checked(page)
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Enter the group name")).to_have_attribute("href", "#id_name")
    checked(page)
