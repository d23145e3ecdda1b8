"""The on-disk caches (core/caches.py): each declared once, and each version a real switch.

Bumping one cache's version must make that cache miss: its old entries are never served.
Every test stores something under the current version, bumps the version and asks again.
"""

from __future__ import annotations

from datetime import date
import dataclasses
import json
from pathlib import Path

import pytest

from core import caches

ROOT = Path(__file__).resolve().parents[1]


def _bump(monkeypatch, name: str) -> None:
    cache = getattr(caches, name)
    monkeypatch.setattr(caches, name, dataclasses.replace(cache, version=cache.version + 1))


def test_every_cache_is_declared_once_and_says_what_it_is_keyed_on():
    names = [cache.name for cache in caches.ALL]
    assert len(names) == len(set(names)) == 10
    assert all(cache.keyed_on and cache.where and cache.version >= 1 for cache in caches.ALL)
    declared = {value for value in vars(caches).values() if isinstance(value, caches.Cache)}
    assert declared == set(caches.ALL)


def test_a_new_link_check_version_parses_every_page_again(tmp_path, monkeypatch):
    from core.finish.linkcheck import check_site_links, load_parse_cache

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<h2 id="a">a</h2><a href="#a">a</a>', encoding="utf-8")
    cache = tmp_path / "links.json"
    assert check_site_links(site, "https://example.org/", cache) == []
    assert len(load_parse_cache(cache)) == 1
    _bump(monkeypatch, "LINKS")
    assert load_parse_cache(cache) == {}
    assert check_site_links(site, "https://example.org/", cache) == []  # parsed again, and kept
    assert len(load_parse_cache(cache)) == 1


def test_a_new_search_memo_version_starts_the_memo_empty(tmp_path, monkeypatch):
    from core.search.memo import Memo

    file = tmp_path / "memo-nl.json"
    memo = Memo("nl", file)
    memo.terms("mensenhandel herkennen")
    memo.save()
    assert Memo("nl", file)._old_terms  # remembered under the current version
    _bump(monkeypatch, "SEARCH_MEMO")
    assert Memo("nl", file)._old_terms == {}
    assert json.loads(file.read_text(encoding="utf-8"))["format"] != caches.SEARCH_MEMO.tag


def test_the_render_stamp_and_search_index_keys_change_with_their_own_version(
    tmp_path, monkeypatch
):
    from core import incremental
    from core.staging import StagedPage

    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    lang_root = tmp_path / "site"
    (lang_root / "a").mkdir(parents=True)
    (lang_root / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    pages = [StagedPage(key="a", lang="nl", doc_path="a.md", title="A", description="", body="")]

    def keys() -> dict[str, str]:
        return {
            "render": incremental.render_key({"a": 1}, [], {}, "nl", "inputs", date(2026, 12, 3)),
            "stamp": incremental.input_stamp(
                tmp_path / "content", tmp_path / "mkdocs.yml", tmp_path / "content", [], {}
            ),
            "search": incremental.SearchCache(
                tmp_path / "search", "nl", pages, {}, lang_root
            ).file.name,
        }

    before = keys()
    assert keys() == before  # the same inputs give the same keys
    for name, changed in (
        ("RENDER", "render"),
        ("STAGED_TEXT", "render"),
        ("STAMP", "stamp"),
        ("SEARCH_INDEX", "search"),
    ):
        with monkeypatch.context() as patch:
            _bump(patch, name)
            now = keys()
        assert [k for k in before if now[k] != before[k]] == [changed], name


def test_a_new_trust_version_checks_every_text_again(monkeypatch):
    from core import trust

    config = ROOT / "mkdocs.yml"
    trust._fingerprint.cache_clear()
    before = trust._PASSED.file(config)
    _bump(monkeypatch, "TRUST")
    trust._fingerprint.cache_clear()
    try:
        assert trust._PASSED.file(config) != before
    finally:
        monkeypatch.undo()
        trust._fingerprint.cache_clear()


@pytest.mark.parametrize("name", ["IMAGE_VARIANTS", "SHARE_CARDS", "ICONS"])
def test_each_image_cache_misses_after_its_own_version_only(name, tmp_path, monkeypatch):
    from core.images import cards, icons
    from core.images import inspect

    monkeypatch.setenv("SITE_IMAGE_CACHE", str(tmp_path / "images"))
    photo = ROOT / "content" / "images" / "kleurvlakken.jpg"
    icon = ROOT / "theme" / "assets" / "icon.png"

    def keys() -> dict[str, object]:
        site = tmp_path / "site"
        site.mkdir(exist_ok=True)
        icons.publish_icons(icon, site)
        monkeypatch.setattr(inspect, "_memo", {})  # what this process inspected already
        return {
            "IMAGE_VARIANTS": inspect.inspect_image(photo, "images/kleurvlakken.jpg").key,
            "SHARE_CARDS": cards._fingerprint(icon),
            "ICONS": sorted(p.name for p in (tmp_path / "images" / "icons").iterdir()),
        }

    before = keys()
    _bump(monkeypatch, name)
    now = keys()
    assert [k for k in before if now[k] != before[k]] == [name]
