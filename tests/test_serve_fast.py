"""The build driver kept between saves (core/build.py, as ``serve`` runs it): edits of content
files update the served tree in place (core/inplace.py), exactly as a whole preview build of the
same content would make it."""

from __future__ import annotations

import os
import shutil
import threading
import time
from datetime import date
from types import SimpleNamespace

import pytest

from toolkit import cli
from bench.peak import tree
from core.errors import BuildError, ContentError
from core import contentfiles
from core.build import SiteBuild
from core.changes import scan_content
from core.search.index import index_path
from core.search.parts import parts_dir
from tests.conftest import ROOT, html_of, snapshot
from tests.test_serve import _wait_for, serving

TODAY = date(2026, 11, 23)
STORY = "longread/stories/de-huisarts.md"
TITLE = "Wat de huisarts kan zien"


@pytest.fixture
def demo(tmp_path):
    """A copy of the demo content, with its own mkdocs.yml and theme (so a test may edit them)."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _preview(demo, today=TODAY, out: str = "preview", **options) -> SiteBuild:
    """The driver as ``serve`` makes it (``index_later`` as asked)."""
    return SiteBuild(
        demo / "content",
        demo / out,
        today,
        demo / "mkdocs.yml",
        cli.SECTIONS,
        preview=True,
        keep_state=True,
        **options,
    )


def _session(demo) -> SiteBuild:
    session = _preview(demo)
    session.run()
    assert session.last == "full"
    return session


def _edit(demo, rel: str, old: str, new: str) -> None:
    path = demo / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _full_preview(demo, name: str):
    """A fresh full preview build of the same content, with a cache of its own."""
    out = demo / name
    SiteBuild(demo / "content", out, TODAY, demo / "mkdocs.yml", cli.SECTIONS, preview=True).run()
    return out


def test_story_title_edit_updates_its_page_and_the_listings_in_place(demo):
    session = _session(demo)
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
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    assert out.stat().st_ino == tree  # updated in place, not a new tree swapped in
    for path in showing:
        assert "Wat de dokter kan zien" in html_of(out, path), path
        assert TITLE not in html_of(out, path), path


def test_fast_edits_give_the_tree_a_full_preview_build_gives(demo):
    """Byte for byte, the search index included (the session writes it before it returns)."""
    session = _session(demo)
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    _edit(demo, "longread/stories/de-huisarts.en.md", "\n\n", "\n\nA new first paragraph.\n\n")
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
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_an_edit_that_changes_both_languages_renders_them_at_once_with_the_same_bytes(demo):
    """A Dutch-only story's title shows in English listings too: the session renders the
    second language in its worker process meanwhile; the tree is still a full build's."""
    session = _session(demo)
    _edit(
        demo,
        "longread/stories/de-handhaver.md",
        "title: Wat een kamer je vertelt",
        "title: Wat een kamer je laat zien",
    )
    session.run()
    assert session.last == "fast" and session._pool is not None
    assert "Wat een kamer je laat zien" in html_of(demo / "preview", "en/longread")
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))
    session.close()
    assert session._pool is None


def test_an_error_in_the_edited_file_keeps_the_last_good_tree_and_a_fix_brings_it_back(demo):
    session = _session(demo)
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
    session = _session(demo)
    image = demo / "content" / "images" / "longread" / "stroming.jpg"
    good = image.read_bytes()
    image.write_bytes(b"not a photo")
    with pytest.raises(ContentError) as error:
        session.run()
    assert session.last == "full"
    assert "images/longread/stroming.jpg" in str(error.value)
    image.write_bytes(good)
    _edit(demo, STORY, f"title: {TITLE}", "title: Hersteld")
    session.run()
    assert session.last == "fast"
    assert "Hersteld" in html_of(demo / "preview", "longread")
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_a_broken_save_then_a_fix_is_fast_and_gives_a_full_builds_bytes(demo):
    session = _session(demo)
    good = (demo / "content" / STORY).read_text(encoding="utf-8")
    _edit(demo, STORY, "\n\n", "\n\nZie [de meldcode](../../pages/bestaat-niet.md).\n\n")
    with pytest.raises(ContentError):
        session.run()
    (demo / "content" / STORY).write_text(
        good.replace(f"title: {TITLE}", "title: Hersteld"), encoding="utf-8"
    )
    session.run()
    assert session.last == "fast"
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_after_a_failed_link_check_of_rendered_pages_the_fix_is_fast_with_the_same_bytes(
    demo, monkeypatch
):
    """The render cache then holds pages the served tree does not: the session keeps its
    state with those pages marked stale, and the next edit renders them again (no content
    passes the checks and fails here today, so the link check is made to fail once)."""
    from core import inplace as module

    session = _session(demo)
    real = module.check_pages
    monkeypatch.setattr(module, "check_pages", lambda *args: ["longread/de-huisarts/: broken"])
    _edit(demo, STORY, f"title: {TITLE}", "title: Kapot")
    with pytest.raises(BuildError):
        session.run()
    assert "Kapot" not in html_of(demo / "preview", "longread")  # the last good tree stays
    monkeypatch.setattr(module, "check_pages", real)
    _edit(demo, STORY, "title: Kapot", f"title: {TITLE}")  # back as served: rendered again
    _edit(
        demo,
        "longread/stories/de-handhaver.md",
        "title: Wat een kamer je vertelt",
        "title: Wat een kamer je laat zien",
    )
    session.run()
    assert session.last == "fast"
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_a_broken_link_in_the_edited_file_is_reported_with_its_line(demo):
    session = _session(demo)
    _edit(demo, STORY, "\n\n", "\n\nZie [de meldcode](../../pages/bestaat-niet.md).\n\n")
    with pytest.raises(ContentError) as error:
        session.run()
    assert STORY + ":" in str(error.value) and "bestaat-niet.md" in str(error.value)


@pytest.mark.parametrize("change", ["mkdocs.yml", "theme", "new file"])
def test_changes_other_than_content_edits_take_the_full_path(demo, change):
    session = _session(demo)
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
        _edit(
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
    session = _session(demo)
    template = demo / "theme" / "main.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<!-- template edited -->", 1
        ),
        encoding="utf-8",
    )
    session.run()
    assert session.last == "full"
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    page = html_of(demo / "preview", "longread/de-huisarts")
    assert "<!-- template edited -->" in page and "Wat de dokter kan zien" in page


def test_a_linked_file_that_changes_is_published_again(demo):
    """A file a page links to is published as it is: its edit takes the full path."""
    (demo / "content" / "pages" / "lijst.csv").write_text("versie;1\n", encoding="utf-8")
    _edit(demo, "pages/over-ons.md", "\n\n", "\n\nZie [de lijst](lijst.csv).\n\n")
    session = _session(demo)
    assert "versie;1" in (demo / "preview" / "pages" / "lijst.csv").read_text()
    (demo / "content" / "pages" / "lijst.csv").write_text("versie;2\n", encoding="utf-8")
    session.run()
    assert session.last == "full"
    assert "versie;2" in (demo / "preview" / "pages" / "lijst.csv").read_text()


def test_a_running_preview_takes_the_new_day(demo):
    """``serve`` gives the session date.today: after midnight the next build is of the new day."""
    days = iter([TODAY, TODAY, date(2026, 11, 24)])
    session = _preview(demo, lambda: next(days))
    session.run()
    assert session.last == "full" and session.today == TODAY
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "full" and session.today == date(2026, 11, 24)


def test_under_serve_the_search_index_follows_the_pages_and_the_tree_ends_the_same(demo):
    """``index_later`` (what ``serve`` uses): the pages are in place when ``build`` returns, the
    search index once ``wait`` returns, and the tree is then the one a full build makes."""
    session = _preview(demo, index_later=True)
    session.run()
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    assert session.last == "fast"
    assert "Wat de dokter kan zien" in html_of(demo / "preview", "longread/de-huisarts")
    session.wait()
    index = (demo / "preview" / index_path("nl")).read_text(encoding="utf-8")
    assert "Wat de dokter kan zien" in index and TITLE not in index
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_an_edit_leaves_the_other_languages_search_index_as_it_is(demo):
    """A Dutch paragraph changes the Dutch index only: the English index and its parts (the
    files the browser fetches, thousands on a large site) are not written again, and the tree
    is still the one a full build makes."""
    session = _session(demo)
    out = demo / "preview"
    english, dutch = parts_dir(out / "en" / index_path("en")), parts_dir(out / index_path("nl"))
    before = english.stat().st_ino, dutch.stat().st_ino
    assert "wachtkamerlamp" not in (out / index_path("nl")).read_text(encoding="utf-8")
    _edit(demo, STORY, "\n\n", "\n\nEen nieuwe eerste alinea over de wachtkamerlamp.\n\n")
    session.run()
    assert session.last == "fast"
    assert english.stat().st_ino == before[0]  # not written again
    assert dutch.stat().st_ino != before[1]  # the Dutch parts were
    assert "wachtkamerlamp" in (out / index_path("nl")).read_text(encoding="utf-8")
    assert snapshot(out) == snapshot(_full_preview(demo, "reference"))


def test_an_edited_quote_updates_every_page_that_places_it(demo):
    """A quote's words are part of the pages that place it ('[[quote: slug]]'), though their
    own files did not change: the fast path stages them again, as a full build would."""
    session = _session(demo)
    out = demo / "preview"
    words = "Een open houding, luisterend oor en begrip"
    assert words in html_of(out, "over-ons")
    _edit(demo, "quotes/sanne-de-vries-seksueel-geweld.md", words, "Een open blik en begrip")
    session.run()
    assert session.last == "fast"
    assert "Een open blik en begrip" in html_of(out, "over-ons")
    assert words not in html_of(out, "over-ons")
    assert snapshot(out) == snapshot(_full_preview(demo, "full"))


def test_the_change_set_names_what_changed_since_the_last_run(demo):
    """The driver's change set: the edited file, an added file, and a changed input; an empty
    one when nothing changed (the run then does nothing)."""
    session = _session(demo)
    assert session.changes().empty
    assert session.run() == "unchanged"
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
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
    session = _session(demo)
    images = demo / "content" / "images"
    shutil.copyfile(images / "kleurvlakken.jpg", images / "netwerk.jpg")  # shown in a body
    session.run()
    assert session.last == "full"
    assert snapshot(demo / "preview") == snapshot(_full_preview(demo, "reference"))


def test_a_save_while_the_search_index_is_written_is_not_stamped_as_built(demo, monkeypatch):
    """The tree is stamped as complete only with the content it was made from: a save made
    while the index thread runs leaves no stamp, so the next start of ``serve`` builds it."""
    from core import inplace

    session = _preview(demo, index_later=True)
    session.run()
    real = inplace.write_index

    def index_then_save(*args):
        real(*args)
        _edit(demo, STORY, "title: Wat de dokter kan zien", "title: Wat de arts kan zien")

    monkeypatch.setattr(inplace, "write_index", index_then_save)
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    session.run()
    session.close()  # waits for the index thread
    restarted = _preview(demo)
    assert restarted.run() == "full"
    assert "Wat de arts kan zien" in html_of(demo / "preview", "longread/de-huisarts")


def test_a_half_saved_configuration_is_a_build_error_with_its_line(demo):
    """``serve`` shows a build error (not a traceback) for a ``mkdocs.yml`` that is not YAML,
    and keeps the last good tree, which the saved file then matches again."""
    session = _session(demo)
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
    session = _session(demo)
    read = []
    original = contentfiles.read_bytes
    monkeypatch.setattr(
        contentfiles, "read_bytes", lambda path, rel: read.append(rel) or original(path, rel)
    )
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
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


def test_an_index_that_fails_to_go_in_place_leaves_index_and_parts_that_belong_together(
    demo, monkeypatch
):
    """The search index of an edit fails to go in place (a full disk, say): the served index
    and its parts (what the browser fetches) stay those of the last good update, nothing
    half-made stays behind, and once the edit is undone the tree is a full build's again."""
    session = _session(demo)
    out = demo / "preview"
    move = shutil.move

    def full_disk(source, target):
        if str(target).endswith(index_path("nl")):
            raise OSError(28, "No space left on device")
        return move(source, target)

    monkeypatch.setattr(shutil, "move", full_disk)
    _edit(demo, STORY, f"title: {TITLE}", "title: Wat de dokter kan zien")
    with pytest.raises(OSError):
        session.run()
    monkeypatch.undo()
    assert not list((out / "search").glob(".*"))  # no staged parts left in the served tree
    _edit(demo, STORY, "title: Wat de dokter kan zien", f"title: {TITLE}")
    session.run()
    assert session.last == "fast"
    assert snapshot(out) == snapshot(_full_preview(demo, "reference"))
