"""The Longread in Chromium: content warning, reading progress, share and previous/next, all by
keyboard; the same story without JavaScript; axe on an opened story and in print."""

from __future__ import annotations

import pytest

from tests.browser.conftest import run_axe, tab_to

pytestmark = pytest.mark.browser

VICTIM = "longread/het-leek-op-liefde/"  # order 1, behind a content warning
NEXT = "longread/de-zorgcoordinator/"  # order 2


def test_content_warning_opens_and_closes_with_the_keyboard(context, base_url):
    page = context.new_page()
    page.goto(base_url + VICTIM)
    gate = page.locator("details.story-gate")
    assert page.locator(".content-warning").is_visible()
    assert page.locator("#quick-exit").is_visible()  # a way out, right there
    assert page.locator(".content-warning a[href='../']").is_visible()
    assert not page.get_by_text("Het begon op een zaterdag").is_visible()
    tab_to(page, "details.story-gate > summary")
    page.keyboard.press("Enter")
    assert gate.evaluate("d => d.open")
    assert page.get_by_text("Het begon op een zaterdag").is_visible()
    # Focus stays on the summary, which now offers to hide the story again.
    assert page.evaluate("document.activeElement.innerText") == "Verberg het verhaal weer"
    assert run_axe(page) == []
    page.keyboard.press("Space")
    assert not gate.evaluate("d => d.open")


def test_progress_follows_keyboard_scrolling_without_taking_focus(context, base_url):
    page = context.new_page()
    page.goto(base_url + NEXT)
    bar = page.locator(".reading-progress")
    assert bar.is_visible() and bar.get_attribute("aria-hidden") == "true"
    assert bar.get_attribute("data-progress") == "0"
    assert page.evaluate("""() => [...document.querySelectorAll('.reading-progress, .reading-progress *')]
        .every(el => el.tabIndex < 0)""")
    page.locator("h1").click()  # the reader clicks into the text, then scrolls by keyboard
    assert page.evaluate("document.activeElement === document.body")
    page.keyboard.press("End")
    page.wait_for_function(
        "() => document.querySelector('.reading-progress').dataset.progress === '100'"
    )
    page.keyboard.press("Home")
    page.wait_for_function(
        "() => document.querySelector('.reading-progress').dataset.progress === '0'"
    )
    for _ in range(3):  # past the title, lead and image into the text
        page.keyboard.press("PageDown")
    page.wait_for_function(
        "() => +document.querySelector('.reading-progress').dataset.progress > 0"
    )
    assert page.evaluate("document.activeElement === document.body")  # focus never moved


def test_next_and_previous_story_by_keyboard(context, base_url):
    page = context.new_page()
    page.goto(base_url + VICTIM)
    assert page.locator("a[rel=prev]").count() == 0  # the first story
    tab_to(page, "a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + NEXT)
    tab_to(page, "a[rel=prev]")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + VICTIM)


def test_copy_the_link_by_keyboard(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(base_url + NEXT)
        tab_to(page, ".story-share__copy")
        page.keyboard.press("Enter")
        page.wait_for_function(
            "() => document.querySelector('.story-share__status').textContent !== ''"
        )
        assert page.locator(".story-share__status").text_content() == "De link is gekopieerd."
        assert page.evaluate("navigator.clipboard.readText()") == (
            "https://mensenhandel.example.org/" + NEXT
        )
    finally:
        context.close()


def test_without_javascript_the_story_still_works(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + VICTIM)
        assert not page.locator(".reading-progress").is_visible()
        assert not page.locator(".story-share__copy").is_visible()
        assert page.locator("#story-share-url").is_visible()  # copy it by hand
        tab_to(page, "details.story-gate > summary")
        page.keyboard.press("Enter")
        assert page.get_by_text("Het begon op een zaterdag").is_visible()
    finally:
        context.close()


def test_print_shows_the_story_alone(context, base_url):
    page = context.new_page()
    page.goto(base_url + VICTIM)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.get_by_text("Het begon op een zaterdag").is_visible()
    for hidden in (
        ".md-header",
        ".story-share",
        ".story-pager",
        ".help-block",
        ".content-warning",
        ".reading-progress",
        "details.story-gate > summary",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".story-hero img").is_visible()
