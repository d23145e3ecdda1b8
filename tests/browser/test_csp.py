"""Every page under its own Content-Security-Policy: no violation, and the quick exit still works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_no_page_violates_its_policy(context, base_url, site_paths):
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    failures = {}
    for path in site_paths:
        console.clear()
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        violations = page.evaluate("window.__csp")
        if violations or console:
            failures[path] = violations + console
    assert not failures, failures
