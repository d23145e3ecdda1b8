"""What the build driver reads between runs (core/changes.py, core/site.py ``ParseMemo``):
the change set, the files read again, what a publish build keeps, and content or configuration
that changes under it (a half-saved mkdocs.yml, a file swapped for a pipe or a link)."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from toolkit import cli
from core.errors import BuildError, ContentError
from core import contentfiles
from core.build import SiteBuild
from core.changes import scan_content
from tests.conftest import html_of, snapshot
from tests.preview_driver import STORY, TITLE, TODAY, edit, full_preview, started


def test_the_change_set_names_what_changed_since_the_last_run(demo):
    """The driver's change set: the edited file, an added file, and a changed input; an empty
    one when nothing changed (the run then does nothing)."""
    session = started(demo)
    assert session.changes().empty
    assert session.run() == "unchanged"
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    changes = session.changes()
    assert changes.changed == (STORY,) and not changes.added_or_removed
    assert changes.whole_build_reason(set()) is None  # an update in place can take it
    (demo / "content" / "pages" / "nieuw.md").write_text("---\ntitle: Nieuw\n---\n")
    changes = session.changes()
    assert changes.added_or_removed == ("pages/nieuw.md",)
    assert "added or removed" in (changes.whole_build_reason(set()) or "")
    (demo / "mkdocs.yml").write_text(
        (demo / "mkdocs.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert session.changes().inputs_changed


def test_a_publish_build_keeps_nothing_between_runs(demo):
    """``build.py build`` runs the same driver once: no state kept, and a second run of an
    unchanged tree does nothing (the stamp in the build cache)."""
    driver = SiteBuild(demo / "content", demo / "site", TODAY, demo / "mkdocs.yml", cli.SECTIONS)
    assert driver.run() == "full" and driver.kept is None
    assert "Content-Security-Policy" in html_of(demo / "site", "longread")
    assert driver.run() == "unchanged"


def test_a_whole_build_stages_every_page_again(demo):
    """What takes a whole build can change the text of pages whose own data did not: a photo
    replaced under the same name gives its variants new names in every page that shows it.
    The preview then serves what a whole build of the content makes."""
    session = started(demo)
    images = demo / "content" / "images"
    shutil.copyfile(images / "kleurvlakken.jpg", images / "netwerk.jpg")  # shown in a body
    session.run()
    assert session.last == "full"
    assert snapshot(demo / "preview") == snapshot(full_preview(demo, "reference"))


def test_a_half_saved_configuration_is_a_build_error_with_its_line(demo):
    """``serve`` shows a build error (not a traceback) for a ``mkdocs.yml`` that is not YAML,
    and keeps the last good tree, which the saved file then matches again."""
    session = started(demo)
    config = demo / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "extra: [unclosed\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"mkdocs\.yml:\d+: not valid YAML"):
        session.run()
    config.write_text(good, encoding="utf-8")
    assert session.run() == "unchanged"  # the served tree was built with this configuration


def test_an_update_in_place_reads_only_the_files_that_were_touched(demo, monkeypatch):
    """Untouched files are taken from the parse memo by their stamp, not read again; the
    edited one is read, and a file swapped for a link out of the content folder is refused
    (a link is another inode: the memo never answers for it)."""
    session = started(demo)
    read = []
    original = contentfiles.read_bytes
    monkeypatch.setattr(
        contentfiles, "read_bytes", lambda path, rel: read.append(rel) or original(path, rel)
    )
    edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    assert {rel for rel in read if rel.endswith(".md")} == {STORY}  # (vocabularies: a few)
    outside = demo / "elsewhere.md"
    story = demo / "content" / STORY
    outside.write_bytes(story.read_bytes())
    story.unlink()
    story.symlink_to(outside)
    with pytest.raises(ContentError) as caught:
        session.run()
    assert any("outside the content folder" in str(p) for p in caught.value.problems)


def test_a_file_swapped_for_a_pipe_after_the_walk_is_stamped_not_read(demo, monkeypatch):
    """The change set reads content through the one door (core/contentfiles.py): a file that
    became a named pipe between the walk and the read is stamped "refused" at once, where a
    plain read would wait for a writer forever and hang ``serve``."""
    pipe = demo / "content" / "pages" / "pijp.md"
    os.mkfifo(pipe)
    walk = contentfiles.ContentFiles

    class SwappedAfterTheWalk(walk):
        def __init__(self, root, problems):
            super().__init__(root, problems)
            self.files.append(contentfiles.ContentFile("pages/pijp.md", pipe))

    monkeypatch.setattr(contentfiles, "ContentFiles", SwappedAfterTheWalk)
    found: dict = {}
    scanning = threading.Thread(
        target=lambda: found.update(scan_content(demo / "content", {})), daemon=True
    )
    scanning.start()
    scanning.join(timeout=10)
    assert not scanning.is_alive(), "the scan blocked on the pipe"
    assert found["pages/pijp.md"].digest == "refused"
