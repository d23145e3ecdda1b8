"""Bad images are refused by name (damaged, unsupported, lying extension, bomb) and publish nothing."""

from __future__ import annotations

import pytest

from toolkit import cli
from tests.conftest import published_site, run_cli, snapshot
from tests.image_helpers import STORY, HeroSection, page_with, photo, png_header


BAD = {
    "corrupt file": (
        "images/kapot.jpg",
        b"this is not an image at all",
        "images/kapot.jpg: cannot read this image: the file is damaged or not an image; "
        "expected a JPEG, PNG, WebP or GIF file",
    ),
    "truncated file": (
        "images/half.jpg",
        photo(800, 600)[:3000],
        "images/half.jpg: the image is damaged: its data is incomplete or corrupt; export or "
        "download it again",
    ),
    "extension that lies": (
        "images/foto.jpg",
        photo(40, 30, "PNG"),
        "images/foto.jpg: the file is a PNG image but its name ends in '.jpg': rename it to "
        "'foto.png'",
    ),
    "unsupported format with an image name": (
        "images/scan.png",
        photo(40, 30, "BMP"),
        "images/scan.png: the file is a BMP image, which is not supported: save it as JPEG "
        "(photos) or PNG (graphics)",
    ),
    "decompression bomb": (
        "images/bom.png",
        png_header(30000, 30000),
        "images/bom.png: the image is too large to decode safely: expected at most 100 "
        "megapixels; save it smaller, for example 4000 pixels wide",
    ),
    "just over the pixel limit": (
        "images/groot.png",
        png_header(12000, 9000),
        "images/groot.png: the image is too large to decode safely: expected at most 100 "
        "megapixels; save it smaller, for example 4000 pixels wide",
    ),
}


@pytest.mark.parametrize("rel, data, expected", BAD.values(), ids=BAD.keys())
def test_a_bad_image_is_reported_by_name_and_publishes_nothing(
    content, tmp_path, rel, data, expected
):
    content.write_bytes(rel, data)
    content.write(
        "pages/fotos.md", page_with(f"Tekst.\n\n![Een beeld](../{rel})\n\n![Nog eens](../{rel})")
    )
    out = published_site(tmp_path / "site")
    before = snapshot(out)
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 1
    assert result.err.splitlines() == [expected, "1 problem found; nothing was published."]
    assert snapshot(out) == before
    checked = run_cli("check", "--content", content.root)
    assert checked.code == 1 and checked.err == result.err


MARKUP = {
    "unsupported file type": (
        "![Een scan](../images/scan.tif)",
        "pages/fotos.md:6: image '../images/scan.tif': expected a file ending in .jpg, .jpeg, "
        ".png, .webp, .gif",
    ),
    "svg": (
        "![Een logo](../images/logo.svg)",
        "pages/fotos.md:6: image '../images/logo.svg': expected a file ending in .jpg, .jpeg, "
        ".png, .webp, .gif",
    ),
    "decorative with alt text": (
        "![Een lijn](../images/lijn.png){: .decorative}",
        "pages/fotos.md:6: image '../images/lijn.png' is marked decorative but has alt text: "
        "leave the brackets empty, or remove {: .decorative}",
    ),
    "other attributes": (
        "![Een lijn](../images/lijn.png){: width=300 }",
        "pages/fotos.md:6: image '../images/lijn.png': the only thing allowed in braces after an "
        "image is {: .decorative}, got {width=300}",
    ),
}


@pytest.mark.parametrize("markdown, expected", MARKUP.values(), ids=MARKUP.keys())
def test_image_markup_errors(content, tmp_path, markdown, expected):
    for name in ("scan.tif", "logo.svg"):
        content.write_bytes(f"images/{name}", b"whatever")
    content.write_bytes("images/lijn.png", photo(100, 10, "PNG"))
    content.write("pages/fotos.md", page_with(markdown))
    result = run_cli("build", "--content", content.root, "--out", tmp_path / "site")
    assert result.code == 1
    assert result.err.splitlines() == [expected, "1 problem found; nothing was published."]
    assert not (tmp_path / "site").exists()


def test_a_bad_image_in_a_field_is_reported_at_the_image(content, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, HeroSection()])
    content.write_bytes("images/veld.jpg", b"GIF89a but not really")
    content.write("stories/een.md", STORY.format(name="veld.jpg", body="Tekst."))
    content.write("stories/twee.md", STORY.format(name="weg.jpg", body="Tekst."))
    result = run_cli("build", "--content", content.root, "--out", tmp_path / "site")
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "images/veld.jpg: cannot read this image: the file is damaged or not an image; expected "
        "a JPEG, PNG, WebP or GIF file",
        "stories/twee.md:3: field 'hero': file '../images/weg.jpg' does not exist (looked for "
        "images/weg.jpg)",
    ]


def test_a_bad_image_that_is_only_linked_is_reported_too(content, tmp_path):
    content.write_bytes("images/kapot.jpg", b"not an image")
    content.write("pages/fotos.md", page_with("Het [bestand](../images/kapot.jpg)."))
    result = run_cli("build", "--content", content.root, "--out", tmp_path / "site")
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "images/kapot.jpg: cannot read this image: the file is damaged or not an image; expected "
        "a JPEG, PNG, WebP or GIF file"
    ]
