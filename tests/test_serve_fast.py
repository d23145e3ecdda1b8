"""The build driver kept between saves (core/build.py, as ``serve`` runs it): edits of content
files update the served tree in place (core/inplace.py), exactly as a whole preview build of the
same content would make it."""

from __future__ import annotations

import time
from datetime import date
from types import SimpleNamespace

import pytest

from bench.peak import tree
from core.errors import BuildError, ContentError
from tests.conftest import html_of, snapshot
from tests.preview_driver import STORY, TITLE, TODAY, driver, edit, full_preview, started
from tests.test_serve import _wait_for, serving


def test_story_title_edit_updates_its_page_and_the_listings_in_place(demo):
    session = started(demo)
    out = demo / "preview"
    # The story's own page, the Longread overview, the other stories, partners and Kompas pages.
    showing = [
        "longread/de-huisarts",
        "longread",
        "longread/de-handhaver",
        "partners/knmg",
        "kompas/vormen/arbeidsuitbuiting",
    ]
    assert all(TITLE in html_of(out, path) for path in showing)
    tree = out.stat().st_ino
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    assert out.stat().st_ino == tree  # updated in place, not a new tree swapped in
    for path in showing:
        assert "Wat de dokter kan zien" in html_of(out, path), path
        assert TITLE not in html_of(out, path), path


def test_fast_edits_give_the_tree_a_full_preview_build_gives(demo):
    """Byte for byte, the search index included (the session writes it before it returns)."""
    session = started(demo)
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    edit(demo, "longread/stories/de-huisarts.en.md", "\n\n", "\n\nA new first paragraph.\n\n")
    session.run()
    assert session.last == "fast"
    # A vocabulary label: every page that shows the term changes in the same step. (A term
    # with pages of its own, like a partner kind, moves them with its label's web name: that
    # takes the full path. Offer formats have no pages of their own.)
    vocabulary = demo / "content" / "vocabularies" / "offer-formats.yml"
    text = vocabulary.read_text(encoding="utf-8")
    key, _, rest = text.partition("nl: ")
    label = rest.split("\n", 1)[0].strip().strip("'\"")
    vocabulary.write_text(
        key + "nl: " + f"{label} (nieuw)" + "\n" + rest.split("\n", 1)[1], encoding="utf-8"
    )
    session.run()
    assert session.last == "fast"
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_an_edit_that_changes_both_languages_renders_them_at_once_with_the_same_bytes(demo):
    """A Dutch-only story's title shows in English listings too: the session renders the
    second language in its worker process meanwhile; the tree is still a full build's."""
    session = started(demo)
    edit(
        demo,
        "longread/stories/de-handhaver.md",
        "title: Wat een kamer je vertelt",
        "title: Wat een kamer je laat zien",
    )
    session.run()
    assert session.last == "fast" and session._pool is not None
    assert "Wat een kamer je laat zien" in html_of(demo / "preview", "en/longread")
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))
    session.close()
    assert session._pool is None


def test_an_error_in_the_edited_file_keeps_the_last_good_tree_and_a_fix_brings_it_back(demo):
    session = started(demo)
    out = demo / "preview"
    before = snapshot(out)
    good = (demo / "content" / STORY).read_text(encoding="utf-8")
    (demo / "content" / STORY).write_text(
        good.replace("kind: professional", "kind: onbekend"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        session.run()
    assert str(error.value).startswith(f"{STORY}:4: field 'kind'"), str(error.value)
    assert snapshot(out) == before
    (demo / "content" / STORY).write_text(
        good.replace(f"title: {TITLE}", "title: Hersteld"), encoding="utf-8"
    )
    session.run()
    assert session.last == "fast"
    assert "Hersteld" in html_of(out, "longread")


def test_after_a_failed_full_build_the_fix_takes_the_fast_path_with_the_same_bytes(demo):
    """A broken image takes the full path (not Markdown) and fails on content: the session
    keeps the last good build's state, so putting the image back and editing a story is a
    fast update again, and the tree is byte for byte what a full build makes."""
    session = started(demo)
    image = demo / "content" / "images" / "longread" / "stroming.jpg"
    good = image.read_bytes()
    image.write_bytes(b"not a photo")
    with pytest.raises(ContentError) as error:
        session.run()
    assert session.last == "full"
    assert "images/longread/stroming.jpg" in str(error.value)
    image.write_bytes(good)
    edit(demo, STORY, f"title: {TITLE}", "title: Hersteld")
    session.run()
    assert session.last == "fast"
    assert "Hersteld" in html_of(demo / "preview", "longread")
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_a_broken_save_then_a_fix_is_fast_and_gives_a_full_builds_bytes(demo):
    session = started(demo)
    good = (demo / "content" / STORY).read_text(encoding="utf-8")
    edit(demo, STORY, "\n\n", "\n\nZie [de meldcode](../../pages/bestaat-niet.md).\n\n")
    with pytest.raises(ContentError):
        session.run()
    (demo / "content" / STORY).write_text(
        good.replace(f"title: {TITLE}", "title: Hersteld"), encoding="utf-8"
    )
    session.run()
    assert session.last == "fast"
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_after_a_failed_link_check_of_rendered_pages_the_fix_is_fast_with_the_same_bytes(
    demo, monkeypatch
):
    """The render cache then holds pages the served tree does not: the session keeps its
    state with those pages marked stale, and the next edit renders them again (no content
    passes the checks and fails here today, so the link check is made to fail once)."""
    from core import inplace as module

    session = started(demo)
    real = module.check_pages
    monkeypatch.setattr(module, "check_pages", lambda *args: ["longread/de-huisarts/: broken"])
    edit(demo, STORY, f"title: {TITLE}", "title: Kapot")
    with pytest.raises(BuildError):
        session.run()
    assert "Kapot" not in html_of(demo / "preview", "longread")  # the last good tree stays
    monkeypatch.setattr(module, "check_pages", real)
    edit(demo, STORY, "title: Kapot", f"title: {TITLE}")  # back as served: rendered again
    edit(
        demo,
        "longread/stories/de-handhaver.md",
        "title: Wat een kamer je vertelt",
        "title: Wat een kamer je laat zien",
    )
    session.run()
    assert session.last == "fast"
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_a_broken_link_in_the_edited_file_is_reported_with_its_line(demo):
    session = started(demo)
    edit(demo, STORY, "\n\n", "\n\nZie [de meldcode](../../pages/bestaat-niet.md).\n\n")
    with pytest.raises(ContentError) as error:
        session.run()
    assert STORY + ":" in str(error.value) and "bestaat-niet.md" in str(error.value)


@pytest.mark.parametrize("change", ["mkdocs.yml", "theme", "new file"])
def test_changes_other_than_content_edits_take_the_full_path(demo, change):
    session = started(demo)
    if change == "mkdocs.yml":
        config = demo / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "theme":
        css = next((demo / "theme" / "assets").glob("*.css"))
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    else:
        (demo / "content" / "pages" / "nieuw.md").write_text(
            "---\ntitle: Nieuw\nsummary: Een nieuwe pagina.\n---\n\nNieuwe tekst.\n",
            encoding="utf-8",
        )
    session.run()
    assert session.last == "full"
    if change == "theme":
        assert "/* edited */" in (demo / "preview" / "assets" / css.name).read_text()
    if change == "new file":
        assert "Nieuwe tekst." in html_of(demo / "preview", "nieuw")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rpartition(")")[2].split()[0] != "Z"  # a zombie has ended
    except OSError:
        return False


def test_stopping_serve_stops_its_worker_processes(demo):
    """``kill`` (SIGTERM) stops serve as Ctrl+C does: the render worker an edit of both
    languages started, and the fork server, end with it instead of waiting forever."""
    with serving(SimpleNamespace(root=demo / "content"), demo) as preview:
        _wait_for(preview.url + "en/longread/", "Wat een kamer je vertelt")
        edit(
            demo,
            "longread/stories/de-handhaver.md",
            "title: Wat een kamer je vertelt",
            "title: Wat een kamer je laat zien",
        )
        _wait_for(preview.url + "en/longread/", "Wat een kamer je laat zien")
        started = set(tree(preview.pid)[1:])
        assert len(started) >= 2  # the fork server and the session's render worker
    deadline = time.monotonic() + 20
    while any(map(_alive, started)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if _alive(pid)], preview.output
    assert "serve: fast update of" in preview.output


def test_serve_takes_the_fast_path_for_a_content_edit(content, tmp_path):
    with serving(content, tmp_path) as preview:
        _wait_for(preview.url, "Welkom op de site.")
        content.write(
            "pages/index.md",
            (content.root / "pages/index.md")
            .read_text()
            .replace("Welkom op de site.", "Snel bijgewerkt."),
        )
        _wait_for(preview.url, "Snel bijgewerkt.")
    assert "serve: fast update of" in preview.output


def test_after_a_template_edit_content_edits_take_the_fast_path_again(demo):
    """A theme change takes a full build; the next content edit is fast again and shows both
    (the session's render key follows the new theme, the compiled templates too)."""
    session = started(demo)
    template = demo / "theme" / "main.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<!-- template edited -->", 1
        ),
        encoding="utf-8",
    )
    session.run()
    assert session.last == "full"
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    page = html_of(demo / "preview", "longread/de-huisarts")
    assert "<!-- template edited -->" in page and "Wat de dokter kan zien" in page


def test_a_linked_file_that_changes_is_published_again(demo):
    """A file a page links to is published as it is: its edit takes the full path."""
    (demo / "content" / "pages" / "lijst.csv").write_text("versie;1\n", encoding="utf-8")
    edit(demo, "pages/over-ons.md", "\n\n", "\n\nZie [de lijst](lijst.csv).\n\n")
    session = started(demo)
    assert "versie;1" in (demo / "preview" / "pages" / "lijst.csv").read_text()
    (demo / "content" / "pages" / "lijst.csv").write_text("versie;2\n", encoding="utf-8")
    session.run()
    assert session.last == "full"
    assert "versie;2" in (demo / "preview" / "pages" / "lijst.csv").read_text()


def test_a_running_preview_takes_the_new_day(demo):
    """``serve`` gives the session date.today: after midnight the next build is of the new day."""
    days = iter([TODAY, TODAY, date(2026, 11, 24)])
    session = driver(demo, lambda: next(days))
    session.run()
    assert session.last == "full" and session.today == TODAY
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "full" and session.today == date(2026, 11, 24)


def test_an_edited_quote_updates_every_page_that_places_it(demo):
    """A quote's words are part of the pages that place it ('[[quote: slug]]'), though their
    own files did not change: the fast path stages them again, as a full build would."""
    session = started(demo)
    out = demo / "preview"
    words = "Een open houding, luisterend oor en begrip"
    assert words in html_of(out, "over-ons")
    edit(demo, "quotes/sanne-de-vries-seksueel-geweld.md", words, "Een open blik en begrip")
    session.run()
    assert session.last == "fast"
    assert "Een open blik en begrip" in html_of(out, "over-ons")
    assert words not in html_of(out, "over-ons")
    assert snapshot(out) == snapshot(full_preview(demo, "full"))
