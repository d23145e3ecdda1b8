"""Golden output: a small content tree builds to exactly the reviewed pages in tests/golden/expected."""

from __future__ import annotations

import difflib

from tests.golden.update import EXPECTED, built_tree


def test_golden_content_builds_to_the_expected_tree(tmp_path):
    actual = built_tree(tmp_path / "site")
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_bytes()
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "files differ: run ./dev golden and review the diff"
    for rel in expected:
        if actual[rel] != expected[rel]:
            try:
                diff = "\n".join(
                    difflib.unified_diff(
                        expected[rel].decode().splitlines(),
                        actual[rel].decode().splitlines(),
                        f"expected/{rel}",
                        f"actual/{rel}",
                        lineterm="",
                        n=2,
                    )
                )
            except UnicodeDecodeError:  # an image
                diff = f"binary: {len(expected[rel])} bytes expected, {len(actual[rel])} built"
            raise AssertionError(f"{rel} differs (run ./dev golden if intended):\n{diff[:4000]}")
