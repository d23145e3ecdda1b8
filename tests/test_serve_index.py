"""The search index under the build driver kept between saves (``serve``): it follows an
update in place, leaves what did not change where it is, and a failure or a save while it is
written leaves an index and parts that belong together and no stamp that says 'built'."""

from __future__ import annotations

import shutil

import pytest

from core.search.index import index_path
from core.search.parts import parts_dir
from tests.conftest import html_of, snapshot
from tests.preview_driver import STORY, TITLE, driver, edit, full_preview, started


def test_under_serve_the_search_index_follows_the_pages_and_the_tree_ends_the_same(demo):
    """``index_later`` (what ``serve`` uses): the pages are in place when ``build`` returns, the
    search index once ``wait`` returns, and the tree is then the one a full build makes."""
    session = driver(demo, index_later=True)
    session.run()
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    assert "Wat de dokter kan zien" in html_of(demo / "preview", "longread/de-huisarts")
    session.wait()
    index = (demo / "preview" / index_path("nl")).read_text(encoding="utf-8")
    assert "Wat de dokter kan zien" in index and TITLE not in index
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_an_edit_leaves_the_other_languages_search_index_as_it_is(demo):
    """A Dutch paragraph changes the Dutch index only: the English index and its parts (the
    files the browser fetches, thousands on a large site) are not written again, and the tree
    is still the one a full build makes."""
    session = started(demo)
    out = demo / "preview"
    english, dutch = parts_dir(out / "en" / index_path("en")), parts_dir(out / index_path("nl"))
    before = english.stat().st_ino, dutch.stat().st_ino
    assert "wachtkamerlamp" not in (out / index_path("nl")).read_text(encoding="utf-8")
    edit(demo, STORY, "\n\n", "\n\nEen nieuwe eerste alinea over de wachtkamerlamp.\n\n")
    session.run()
    assert session.last == "fast"
    assert english.stat().st_ino == before[0]  # not written again
    assert dutch.stat().st_ino != before[1]  # the Dutch parts were
    assert "wachtkamerlamp" in (out / index_path("nl")).read_text(encoding="utf-8")
    assert snapshot(out) == snapshot(full_preview(demo, "reference"))


def test_a_save_while_the_search_index_is_written_is_not_stamped_as_built(demo, monkeypatch):
    """The tree is stamped as complete only with the content it was made from: a save made
    while the index thread runs leaves no stamp, so the next start of ``serve`` builds it."""
    from core import inplace

    session = driver(demo, index_later=True)
    session.run()
    real = inplace.write_index

    def index_then_save(*args):
        real(*args)
        edit(demo, STORY, "title: Wat de dokter kan zien", "title: Wat de arts kan zien")

    monkeypatch.setattr(inplace, "write_index", index_then_save)
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    session.close()  # waits for the index thread
    restarted = driver(demo)
    assert restarted.run() == "full"
    assert "Wat de arts kan zien" in html_of(demo / "preview", "longread/de-huisarts")


def test_an_index_that_fails_to_go_in_place_leaves_index_and_parts_that_belong_together(
    demo, monkeypatch
):
    """The search index of an edit fails to go in place (a full disk, say): the served index
    and its parts (what the browser fetches) stay those of the last good update, nothing
    half-made stays behind, and once the edit is undone the tree is a full build's again."""
    session = started(demo)
    out = demo / "preview"
    move = shutil.move

    def full_disk(source, target):
        if str(target).endswith(index_path("nl")):
            raise OSError(28, "No space left on device")
        return move(source, target)

    monkeypatch.setattr(shutil, "move", full_disk)
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    with pytest.raises(OSError):
        session.run()
    monkeypatch.undo()
    assert not list((out / "search").glob(".*"))  # no staged parts left in the served tree
    edit(demo, STORY, "title: Wat de dokter kan zien", f"title: {TITLE}")
    session.run()
    assert session.last == "fast"
    assert snapshot(out) == snapshot(full_preview(demo, "reference"))
