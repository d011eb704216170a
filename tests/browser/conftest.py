"""Playwright fixtures for the browser journeys: one Debian chromium per session, a fresh context per test.

Every page a journey visits is checked with axe-core (WCAG 2.2 AA rule set) and for Content
Security Policy violations reported on the browser console.
"""

import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's default wait is 30 s; a local Django page that takes longer than this is a failure.
TIMEOUT_MS = 10_000

# Applied by the test modules as `pytestmark`: the browser journeys skip, with the reason, when
# chromium or axe-core is not installed, rather than failing.
requires_browser = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"Browser tests need Debian chromium at {CHROMIUM} (run `make system-packages`)",
    ),
    pytest.mark.skipif(
        not AXE_JS.exists(), reason=f"Browser tests need axe-core at {AXE_JS} (run `make assets`)"
    ),
]


def _console_watcher(page) -> list[str]:
    """Collect console errors about Content Security Policy violations on this page."""
    csp_errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            csp_errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return csp_errors


def assert_no_csp_errors(page) -> None:
    errors = getattr(page, "masa_csp_errors", [])
    if errors:
        pytest.fail("Content Security Policy violations:\n" + "\n".join(errors), pytrace=False)


def format_axe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} [{v.get('helpUrl', '')}]")
        for node in v["nodes"][:10]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    at {target}")
            summary = " ".join((node.get("failureSummary") or "").split())
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


def inject_axe(page) -> None:
    """Load axe-core into the page, unless the context's init script (see `new_page`) already has.

    `page.add_script_tag(path=...)` inserts an inline <script>, which masa's Content Security Policy
    (script-src 'self' plus a per-response nonce) rightly blocks, and turning the policy off with
    `bypass_csp=True` would hide the very CSP violations these tests look for. Playwright's evaluate
    and init scripts run through the DevTools protocol, which CSP does not govern.
    """
    if page.evaluate("() => typeof window.axe === 'undefined'"):
        page.evaluate(_axe_source())


@functools.cache
def _axe_source() -> str:
    # A trailing expression makes evaluate() return a plain value rather than axe's module object.
    return AXE_JS.read_text(encoding="utf-8") + "\n;true"


def assert_no_axe_violations(page) -> None:
    """Run axe-core on the current page against WCAG 2.0/2.1 A and AA and 2.2 AA; fail on any violation.

    Also fails if the browser has reported a Content Security Policy violation on this page (or an
    earlier one in the same test).
    """
    page.wait_for_load_state("load")
    inject_axe(page)
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, failureSummary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )
    if result:
        pytest.fail(format_axe_violations(page.url, result), pytrace=False)
    assert_no_csp_errors(page)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """allauth keeps used TOTP codes and sign-in rate limits in the cache: start each journey clean."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def new_page(browser, live_server):
    """A factory for pages in fresh browser contexts (separate cookies), closed after the test."""
    contexts = []
    pages = []

    def make():
        context = browser.new_context(base_url=live_server.url, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        # axe-core is sent to the browser once and runs in every page as it loads: evaluating
        # its half-megabyte source before each check cost more than the check itself.
        context.add_init_script(path=AXE_JS)
        contexts.append(context)
        page = context.new_page()
        page.masa_csp_errors = _console_watcher(page)
        pages.append(page)
        return page

    yield make
    try:
        for page in pages:
            assert_no_csp_errors(page)
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def path_of(page) -> str:
    """The path (and query) of the page's URL, without scheme and host."""
    return re.sub(r"^https?://[^/]+", "", page.url)
