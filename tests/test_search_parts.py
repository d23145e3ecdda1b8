"""The index in parts (core/search/parts.py): the head and the body shards the browser fetches
hold exactly the whole index's entries, the head is small, and the same index gives the same
bytes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from core.search.parts import HEAD_FIELDS, KEY_LENGTH, parts_dir, shard_name, write_parts


def _pages(pairs: list) -> list:
    """[page, score, ...] from the parts' [gap, score, ...]."""
    out, page = [], 0
    for i in range(0, len(pairs), 2):
        page += pairs[i]
        out += [page, pairs[i + 1]]
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_head_and_shards_hold_every_entry_of_the_whole_index_and_nothing_else(demo_site):
    for index_file in (demo_site / "search" / "nl.json", demo_site / "en" / "search" / "en.json"):
        full = json.loads(index_file.read_text(encoding="utf-8"))
        head = json.loads((parts_dir(index_file) / "head.json").read_text(encoding="utf-8"))
        assert head["docs"] == full["docs"] and head["fields"] == full["index"]["fields"]
        assert head["pipeline"] == full["index"]["pipeline"]
        # (field, page, term number, score) of the whole index, from its field vectors ...
        expected = {
            (ref.split("/")[0], int(ref.split("/")[1]), e[i], e[i + 1])
            for ref, e in full["index"]["fieldVectors"]
            for i in range(0, len(e), 2)
        }
        postings = {t: p["_index"] for t, p in full["index"]["invertedIndex"]}
        if "" in postings:  # the empty term: no query reaches it, so no shard holds it
            expected = {
                e for e in expected if not (e[0] not in HEAD_FIELDS and e[2] == postings[""])
            }
        # ... and from the parts: the head's fields in the head, the others in shards, keyed right.
        got = set()
        shards = head["shards"].split()
        for term, (number, fields) in head["terms"].items():
            assert postings[term] == number and set(fields) <= set(HEAD_FIELDS)
            got |= {
                (f, pairs[i], number, pairs[i + 1])
                for f, gaps in fields.items()
                for pairs in [_pages(gaps)]
                for i in range(0, len(pairs), 2)
            }
        for key in shards:
            part = json.loads(
                (parts_dir(index_file) / "shards" / shard_name(key)).read_text(encoding="utf-8")
            )
            for term, (number, fields) in part["terms"].items():
                assert term[:KEY_LENGTH] == key and postings[term] == number
                assert not set(fields) & set(HEAD_FIELDS)
                got |= {
                    (f, pairs[i], number, pairs[i + 1])
                    for f, gaps in fields.items()
                    for pairs in [_pages(gaps)]
                    for i in range(0, len(pairs), 2)
                }
        assert got == expected
        assert len(list((parts_dir(index_file) / "shards").iterdir())) == len(shards)
        # What the browser fetches first is a fraction of the whole.
        assert (parts_dir(index_file) / "head.json").stat().st_size < index_file.stat().st_size / 2


def test_the_same_index_gives_the_same_parts_byte_for_byte(demo_site, tmp_path):
    runs = []
    for run in ("a", "b"):
        index_file = tmp_path / run / "nl.json"
        index_file.parent.mkdir()
        shutil.copyfile(demo_site / "search" / "nl.json", index_file)
        runs.append(_files(write_parts(index_file)))
    assert runs[0] == runs[1] == _files(parts_dir(demo_site / "search" / "nl.json"))


def test_parts_of_an_earlier_index_are_replaced_whole(tmp_path, demo_site):
    index_file = tmp_path / "nl.json"
    shutil.copyfile(demo_site / "search" / "nl.json", index_file)
    stale = parts_dir(index_file) / "shards" / shard_name("zzz")
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    write_parts(index_file)
    assert not stale.exists() and (parts_dir(index_file) / "head.json").is_file()
    assert not list(tmp_path.glob(".*partial"))
