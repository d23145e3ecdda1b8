"""The preview's error overlay in Chromium, under a real ``build.py serve`` process."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import run_axe
from tests.conftest import HOME
from tests.test_serve import _wait_for, serving

BROKEN_HOME = HOME.replace("nav_order: 1", "nav_order: eerste")  # line 4 of the file
OVERLAY = "dialog.preview-overlay"


def _expect_overlay(page) -> None:
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=60_000)
    assert overlay.get_attribute("role") == "alertdialog"
    assert overlay.locator(".preview-overlay__file").inner_text() == "pages/index.md"
    assert overlay.locator(".preview-overlay__line").inner_text() == "4"
    assert overlay.locator(".preview-overlay__message").inner_text() == (
        "field 'nav_order': expected a whole number of at least 1, got text 'eerste'"
    )
    assert (
        overlay.locator("a.preview-overlay__fields").get_attribute("href")
        == "/_preview/fields/page/"
    )


def test_overlay_appears_on_a_broken_edit_and_goes_when_fixed(content, tmp_path, context):
    with serving(content, tmp_path) as preview:
        url = preview.url
        _wait_for(url, "Welkom op de site.")
        page = context.new_page()
        page.goto(url)
        page.wait_for_timeout(1000)  # the status request has long answered
        assert page.locator(OVERLAY).count() == 0

        content.write("pages/index.md", BROKEN_HOME)
        _expect_overlay(page)  # the page reloaded by itself and shows the problem
        assert "Welkom op de site." in page.content()  # over the last page that built
        assert run_axe(page) == []
        # Keyboard: the close button has focus; Escape closes, the corner button reopens.
        assert page.evaluate("document.activeElement.className") == "preview-overlay__close"
        page.keyboard.press("Escape")
        assert not page.locator(OVERLAY).is_visible()
        reopen = page.locator("button.preview-overlay__reopen")
        # The dialog's close event (overlay.js), which shows the corner button and gives it
        # focus, is a task of its own after Escape has hidden the dialog: wait for it.
        expect(reopen).to_be_visible()
        expect(reopen).to_be_focused()
        assert reopen.inner_text() == "Preview not up to date: show 1 problem"
        assert page.evaluate("document.activeElement.className") == "preview-overlay__reopen"
        page.keyboard.press("Enter")
        assert page.locator(OVERLAY).is_visible()

        content.write("pages/index.md", HOME.replace("Welkom op de site.", "Hersteld."))
        page.get_by_text("Hersteld.").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        assert page.locator(OVERLAY).count() == 0

        fields = context.new_page()
        fields.goto(url + "_preview/fields/page/")
        assert "Field reference: `page`" not in fields.content()
        assert fields.locator("h1").inner_text() == "Field reference: page"
        assert run_axe(fields) == []


def test_overlay_shows_when_the_very_first_build_fails(content, tmp_path, context):
    content.write("pages/index.md", BROKEN_HOME)
    with serving(content, tmp_path) as preview:
        url = preview.url
        _wait_for(url, "could not be built")
        page = context.new_page()
        page.goto(url)
        _expect_overlay(page)
        content.write("pages/index.md", HOME)
        page.get_by_text("Welkom op de site.").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        assert page.locator(OVERLAY).count() == 0


def test_overlay_on_a_page_the_last_good_site_lacks_reloads_once_fixed(content, tmp_path, context):
    with serving(content, tmp_path) as preview:
        url = preview.url
        _wait_for(url, "Welkom op de site.")
        content.write("pages/nieuw.md", "---\ntitle: Nieuw\n---\n\nEen nieuwe pagina.\n")
        _wait_for(url + "_preview/status.json", '"ok": false')
        page = context.new_page()
        page.goto(url + "nieuw/")  # not built: the preview's 404 answer, with the overlay
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible", timeout=60_000)
        assert overlay.locator(".preview-overlay__file").inner_text() == "pages/nieuw.md"
        content.write(
            "pages/nieuw.md", "---\ntitle: Nieuw\nsummary: Nieuw.\n---\n\nEen nieuwe pagina.\n"
        )
        page.get_by_text("Een nieuwe pagina.").wait_for(timeout=60_000)
        assert page.locator(OVERLAY).count() == 0


def test_overlay_speaks_dutch_to_a_dutch_editor(content, tmp_path, context):
    """The overlay's words and the problem come from the catalogue in the editor's language;
    the dialog says which language it is in, so a screen reader reads it as Dutch."""
    content.write("pages/index.md", BROKEN_HOME)
    with serving(content, tmp_path, lang="nl") as preview:
        _wait_for(preview.url, "De site kon niet worden gebouwd")
        page = context.new_page()
        page.goto(preview.url)
        overlay = page.locator(OVERLAY)
        overlay.wait_for(state="visible", timeout=60_000)
        assert overlay.get_attribute("lang") == "nl"
        assert overlay.locator("h2").inner_text() == "Het voorbeeld is niet bijgewerkt: 1 probleem"
        assert overlay.locator(".preview-overlay__where").inner_text() == (
            "Bestand pages/index.md, regel 4"
        )
        assert overlay.locator(".preview-overlay__message").inner_text() == (
            "veld 'nav_order': verwacht een geheel getal van minstens 1, gevonden: tekst 'eerste'"
        )
        assert overlay.locator("a.preview-overlay__fields").inner_text() == (
            "Velden van het type \u2018page\u2019 (opent in een nieuw tabblad)"
        )
        assert overlay.locator("button.preview-overlay__close").inner_text() == "Sluiten"
        assert run_axe(page) == []
        fields = context.new_page()
        fields.goto(preview.url + "_preview/fields/page/")
        assert fields.locator("h1").inner_text() == "Velden van pagina"
        assert fields.locator("html").get_attribute("lang") == "nl"
        assert run_axe(fields) == []
