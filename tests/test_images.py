"""The image pipeline: responsive markup, no metadata, orientation, cache, share cards, icons.

Bad images are in test_image_errors.py; shared inputs in image_helpers.py.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image

from toolkit import cli
from core import workers
from tests.conftest import build, html_of, run_cli, snapshot
from tests.image_helpers import SECRET, STORY, HeroSection, page_with, photo


# --- markup -----------------------------------------------------------------------------------


def test_images_become_pictures_with_srcset_sizes_and_dimensions(content, tmp_path):
    content.write_bytes("images/breed.jpg", photo(1200, 800))
    content.write_bytes("images/smal.png", photo(300, 200, "PNG"))
    content.write(
        "pages/fotos.md",
        page_with(
            "![Een brede foto](../images/breed.jpg)\n\nTekst.\n\n![Een *kleine* tekening](../images/smal.png)"
        ),
    )
    out = build(content, tmp_path / "site")
    pictures = re.findall(r"<picture>.*?</picture>", html_of(out, "fotos"))
    assert len(pictures) == 2
    first, second = pictures
    name = re.search(r"images/(breed-[0-9a-f]{10})-480\.webp", first).group(1)
    assert first == (
        f'<picture><source type="image/webp" srcset="../images/{name}-480.webp 480w, '
        f'../images/{name}-960.webp 960w, ../images/{name}-1200.webp 1200w" '
        f'sizes="(min-width: 60em) 37rem, 100vw"><img src="../images/{name}-960.jpg" '
        f'srcset="../images/{name}-480.jpg 480w, ../images/{name}-960.jpg 960w, '
        f'../images/{name}-1200.jpg 1200w" sizes="(min-width: 60em) 37rem, 100vw" width="1200" '
        f'height="800" alt="Een brede foto" decoding="async"></picture>'
    )
    # Never upscaled: a 300-pixel graphic is published at 300 only, as WebP and PNG; lazy.
    assert re.search(r'srcset="\.\./images/smal-[0-9a-f]{10}-300\.webp 300w"', second)
    assert (
        'width="300" height="200" alt="Een *kleine* tekening" loading="lazy" decoding="async"'
        in second
    )
    for url in re.findall(r'\.\./(images/[^" ]+)', first + second):
        assert (out / url).is_file(), url
    with Image.open(out / f"images/{name}-480.jpg") as im:
        assert im.size == (480, 320) and im.format == "JPEG"


def test_english_pages_point_at_the_shared_images(content, tmp_path):
    content.write_bytes("images/breed.jpg", photo(600, 400))
    content.write(
        "pages/index.en.md",
        "---\ntitle: Home\nsummary: Home.\n---\n\n![A wide photo](../images/breed.jpg)\n",
    )
    out = build(content, tmp_path / "site")
    src = re.search(r'<picture>.*?<img src="([^"]+)"', html_of(out, "en")).group(1)
    assert src.startswith("../images/breed-") and (out / "en" / src).resolve().is_file()
    assert not (out / "en" / "images").exists()


def test_a_decorative_image_has_an_empty_alt(content, tmp_path):
    content.write_bytes("images/lijn.png", photo(100, 10, "PNG"))
    content.write("pages/fotos.md", page_with("Tekst.\n\n![](../images/lijn.png){: .decorative}"))
    html = html_of(build(content, tmp_path / "site"), "fotos")
    assert re.search(r'<picture><source [^>]*><img [^>]* alt="" decoding="async"></picture>', html)
    assert "decorative" not in html


# --- privacy and orientation ------------------------------------------------------------------


def test_no_published_image_carries_metadata(content, tmp_path):
    content.write_bytes("images/camera.jpg", photo(2000, 1333, metadata=True))
    content.write_bytes("images/scan.png", photo(200, 100, "PNG", metadata=True))
    content.write_bytes("images/los.webp", photo(300, 200, "WEBP", metadata=True))
    content.write_bytes("images/anim.gif", photo(30, 20, "GIF"))
    content.write(
        "pages/fotos.md",
        page_with(
            "![Een foto](../images/camera.jpg)\n\n![Een scan](../images/scan.png)\n\n"
            "De [foto als bestand](../images/camera.jpg), [nog een](../images/los.webp), "
            "[een gif](../images/anim.gif) en ![een verwijzing][scan].\n\n[scan]: ../images/scan.png"
        ),
    )
    out = build(content, tmp_path / "site")
    published = [p for p in out.rglob("*") if p.suffix in (".jpg", ".png", ".webp", ".ico", ".gif")]
    # Linked (not shown) images are replaced by their largest clean variant under their own name.
    for rel, expected in {
        "images/camera.jpg": ("JPEG", (1600, 1066)),
        "images/scan.png": ("PNG", (200, 100)),
        "images/los.webp": ("WEBP", (300, 200)),
        "images/anim.gif": ("GIF", (30, 20)),
    }.items():
        with Image.open(out / rel) as im:
            assert (im.format, im.size) == expected, rel
    assert len([p for p in published if p.parent == out / "images"]) >= 6 + 2 + 4
    for path in published:
        data = path.read_bytes()
        for marker in (SECRET.encode(), b"Exif", b"xmpmeta", b"CameraMaker", b"GPS"):
            assert marker not in data, (path, marker)
        with Image.open(path) as im:
            assert not im.getexif(), path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(
                im.info
            ), path


def test_exif_orientation_is_applied(content, tmp_path):
    content.write_bytes("images/staand.jpg", photo(600, 400, orientation=6))  # stored on its side
    content.write("pages/fotos.md", page_with("![Een staande foto](../images/staand.jpg)"))
    out = build(content, tmp_path / "site")
    assert 'width="400" height="600"' in html_of(out, "fotos")
    variants = sorted((out / "images").glob("staand-*"))
    assert [p.name.split("-")[-1] for p in variants] == ["400.jpg", "400.webp"]
    for path in variants:
        with Image.open(path) as im:
            assert im.size == (400, 600)
            # The gradient ran top to bottom in the stored file; turned, it runs right to left.
            assert im.convert("L").getpixel((399, 300)) < im.convert("L").getpixel((0, 300))


# --- lazy loading, cache, determinism ---------------------------------------------------------


def test_only_the_first_image_of_a_page_loads_eagerly(content, tmp_path):
    content.write_bytes("images/a.jpg", photo(500, 300))
    content.write(
        "pages/fotos.md",
        page_with(
            "![Een](../images/a.jpg)\n\n![Twee](../images/a.jpg)\n\n![Drie](../images/a.jpg)"
        ),
    )
    html = html_of(build(content, tmp_path / "site"), "fotos")
    loading = [
        ("lazy" if 'loading="lazy"' in img else "eager")
        for img in re.findall(r"<img [^>]*>", html)
        if "images/a-" in img
    ]
    assert loading == ["eager", "lazy", "lazy"]


def test_a_second_build_encodes_nothing_and_gives_the_same_bytes(content, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_IMAGE_CACHE", str(tmp_path / "cache"))
    content.write_bytes("images/a.jpg", photo(1000, 700))
    content.write_bytes("images/b.png", photo(300, 300, "PNG"))
    content.write(
        "pages/fotos.md", page_with("![Een](../images/a.jpg)\n\n![Twee](../images/b.png)")
    )
    before = dict(workers.COUNTS)
    cold = build(content, tmp_path / "cold")
    encoded = {
        kind: workers.COUNTS[kind] - before.get(kind, 0) for kind in ("variants", "cards", "icons")
    }
    # Cards: home, safety, the photo page and the search page.
    assert encoded == {"variants": 3 * 2 + 2, "cards": 4, "icons": 5}
    before = dict(workers.COUNTS)
    warm = build(content, tmp_path / "warm")
    assert dict(workers.COUNTS) == before  # nothing encoded, drawn or resized
    assert snapshot(cold) == snapshot(warm)
    # A changed image is made again; its unchanged neighbour is not.
    content.write_bytes("images/b.png", photo(301, 300, "PNG"))
    build(content, tmp_path / "third")
    assert workers.COUNTS["variants"] - before.get("variants", 0) == 2


# --- share cards and icons --------------------------------------------------------------------


def test_every_page_has_a_share_card_and_the_meta_that_names_it(content, tmp_path):
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    out = build(content, tmp_path / "site")
    pages = {
        "": "cards/nl/index.png",
        "veiligheid": "cards/nl/veiligheid.png",
        "zoeken": "cards/nl/zoeken.png",
        "en": "cards/en/index.png",
        "en/search": "cards/en/search.png",
    }
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("cards/*/*")) == sorted(
        pages.values()
    )
    for url, card in pages.items():
        with Image.open(out / card) as im:
            assert (im.format, im.size) == ("PNG", (1200, 630))
        html = html_of(out, url)
        assert (
            f'<meta property="og:image" content="https://mensenhandel.example.org/{card}">' in html
        )
        assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert (
        '<meta property="og:image:alt" content="Veilig surfen · Samen tegen mensenhandel">'
        in html_of(out, "veiligheid")
    )


def test_icons_are_made_from_one_source(content, tmp_path):
    out = build(content, tmp_path / "site")
    for name, size in {
        "favicon-32.png": 32,
        "apple-touch-icon.png": 180,
        "icon-192.png": 192,
        "icon-512.png": 512,
    }.items():
        with Image.open(out / name) as im:
            assert (im.format, im.size, im.mode) == ("PNG", (size, size), "RGB")
    with Image.open(out / "favicon.ico") as im:
        assert im.format == "ICO"
    html = html_of(out, "veiligheid")
    assert '<link rel="apple-touch-icon" sizes="180x180" href="../apple-touch-icon.png">' in html


# --- the interface for sections ---------------------------------------------------------------


def test_a_section_shows_its_own_image_field_with_picture(content, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, HeroSection()])
    content.write_bytes("images/veld.jpg", photo(2000, 1000))
    content.write(
        "stories/een.md", STORY.format(name="veld.jpg", body="![Nog een](../images/veld.jpg)")
    )
    out = build(content, tmp_path / "site")
    html = html_of(out, "verhalen/een")
    images = [img for img in re.findall(r"<img [^>]*>", html) if "images/veld-" in img]
    assert len(images) == 2
    assert (
        'sizes="100vw" width="1600" height="800" alt="Een veld bij zonsopgang" decoding="async"'
        in images[0]
    )
    assert 'loading="lazy"' in images[1]
    assert re.search(r'src="\.\./\.\./images/veld-[0-9a-f]{10}-960\.jpg"', images[0])


def _note_pid(folder: str, index: int) -> int:
    (Path(folder) / f"{index}-{os.getpid()}").touch()
    return 1


def test_jobs_run_in_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    before = workers.COUNTS["test"]
    workers.run("test", _note_pid, [(str(tmp_path), i) for i in range(4)])
    assert workers.COUNTS["test"] - before == 4
    pids = {int(p.name.split("-")[1]) for p in tmp_path.iterdir()}
    assert len(list(tmp_path.iterdir())) == 4 and os.getpid() not in pids


def _fail_on(folder: str, index: int) -> int:
    if index == 5:
        raise ValueError("kapot beeld")
    return _note_pid(folder, index)


def test_jobs_in_the_background_wait_while_paused_and_then_use_every_core(tmp_path, monkeypatch):
    """A build's share cards: one worker while it stages, none while it renders (workers.Pending);
    wait() lets them finish on every core, and counts them."""
    import time

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "CHUNK", 1)
    before = workers.COUNTS["test"]
    pending = workers.start("test", _note_pid, [(str(tmp_path), i) for i in range(40)], width=0)
    time.sleep(0.5)
    assert list(tmp_path.iterdir()) == []  # paused from the start: nothing ran
    pending.widen(1)
    deadline = time.monotonic() + 30
    while not list(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.01)
    pending.widen(0)
    time.sleep(0.5)
    ran = len(list(tmp_path.iterdir()))
    time.sleep(0.5)
    assert 0 < ran == len(list(tmp_path.iterdir())) < 40  # paused again: no new chunk started
    pending.wait()
    assert workers.COUNTS["test"] - before == 40 and len(list(tmp_path.iterdir())) == 40
    assert os.getpid() not in {int(p.name.split("-")[1]) for p in tmp_path.iterdir()}


def test_a_failing_background_job_raises_and_leaves_no_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "CHUNK", 1)
    pending = workers.start("test", _fail_on, [(str(tmp_path), i) for i in range(200)], width=1)
    with pytest.raises(ValueError, match="kapot beeld"):
        pending.wait()
    assert pending._pool is None  # the workers are gone


@pytest.mark.parametrize(
    "title",
    [
        "Kort",
        "Een heel lange titel over de aanpak van mensenhandel in gemeenten, met instrumenten en rollen",
        "Arbeidsuitbuitingsketenaanpakbevorderingsprogrammacoördinatiecentrumwerkgroep en meer",
        " ".join(["woord"] * 60),
    ],
)
def test_share_cards_fit_any_title_and_are_deterministic(title):
    from core.images.cards import draw_card
    from tests.conftest import ROOT

    icon = ROOT / "theme" / "assets" / "icon.png"
    first = draw_card(title, "Kompas", "Samen tegen mensenhandel", icon)
    assert first == draw_card(title, "Kompas", "Samen tegen mensenhandel", icon)
    with Image.open(io.BytesIO(first)) as im:
        assert (im.format, im.size) == ("PNG", (1200, 630))


@pytest.mark.parametrize("section", ["Kompas", ""])
def test_share_cards_drawn_in_palette_colours_equal_the_full_colour_card(section):
    """draw_card draws in the palette directly; every pixel must be what drawing the card in
    full colour and mapping it onto the palette gives (descenders, accents, long titles)."""
    from core.images import cards
    from tests.conftest import ROOT

    icon = ROOT / "theme" / "assets" / "icon.png"
    mtime = icon.stat().st_mtime_ns
    for title in (
        "Kort",
        "Qy gj Één ÀÉ — jongeren, uitbuiting & meer (deel 4271)",
        " ".join(["Arbeidsuitbuiting"] * 30),
    ):
        with Image.open(
            io.BytesIO(cards.draw_card(title, section, "Samen tegen mensenhandel", icon))
        ) as im:
            drawn = im.convert("RGB").tobytes()
        full = cards._draw(title, section, "Samen tegen mensenhandel", str(icon), mtime)
        expected = full.quantize(palette=cards._palette(str(icon), mtime), dither=Image.Dither.NONE)
        assert drawn == expected.convert("RGB").tobytes(), title


def test_two_files_with_the_same_bytes_both_publish(content, tmp_path):
    """The cache is keyed on bytes; each name still gets its own published variants."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 90, 100)).save(buffer, "PNG")
    content.write_bytes("images/een.png", buffer.getvalue())
    content.write_bytes("images/twee.png", buffer.getvalue())
    content.write(
        "pages/a.md", "---\ntitle: A\nsummary: B.\n---\n\n![Vlak een](../images/een.png)\n"
    )
    content.write(
        "pages/b.md", "---\ntitle: B\nsummary: C.\n---\n\n![Vlak twee](../images/twee.png)\n"
    )
    out = tmp_path / "site"
    assert run_cli("build", "--content", content.root, "--out", out).code == 0
    names = sorted(p.name for p in (out / "images").iterdir())
    assert [n.split("-")[0] for n in names] == ["een", "een", "twee", "twee"]


def test_placing_a_cache_file_never_writes_into_the_cache(tmp_path):
    """Published variants and cards may share the cache's file (a hard link): placing another
    file at the same published path must leave the first cache entry as it was."""
    from core.images.settings import place

    old, new = tmp_path / "old.png", tmp_path / "new.png"
    old.write_bytes(b"the old card")
    new.write_bytes(b"the new card")
    published = tmp_path / "site" / "card.png"
    published.parent.mkdir()
    place(old, published)
    place(new, published)
    assert published.read_bytes() == b"the new card"
    assert old.read_bytes() == b"the old card"
