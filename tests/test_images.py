"""The image pipeline: responsive markup, no metadata, orientation, cache, bad images, share cards."""

from __future__ import annotations

import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

import build as cli
from core.images import ImagePath, jobs, picture
from core.schema import Field, Schema, Text
from core.section import Section
from core.staging import StagedPage
from tests.conftest import run_cli, snapshot

SECRET = "Geheime-plek-52.37-4.89"
XMP = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       f'22-rdf-syntax-ns#"><rdf:Description>{SECRET}</rdf:Description></rdf:RDF></x:xmpmeta>')


def photo(width: int, height: int, fmt: str = "JPEG", orientation: int | None = None,
          metadata: bool = False, mode: str = "RGB") -> bytes:
    """A small synthetic photo; with ``metadata`` it carries EXIF + GPS, XMP, a comment and ICC."""
    image = Image.linear_gradient("L").resize((width, height)).convert(mode)
    options: dict = {}
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if metadata:
        exif[0x010F] = "CameraMaker"   # Make
        exif[0x0131] = SECRET          # Software
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 22.0, 12.0), "E", (4.0, 53.0, 24.0)
        options.update(comment=SECRET.encode(), xmp=XMP.encode(),
                       icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    if len(exif):
        options["exif"] = exif.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be ``width``×``height`` (a decompression bomb's calling card)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def page_with(body: str, title: str = "Foto's") -> str:
    return f"---\ntitle: {title}\nsummary: Een pagina met beelden.\n---\n\n{body}\n"


def build(content, out):
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    return out


def html_of(out, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


# --- markup -----------------------------------------------------------------------------------

def test_images_become_pictures_with_srcset_sizes_and_dimensions(content, tmp_path):
    content.write_bytes("images/breed.jpg", photo(1200, 800))
    content.write_bytes("images/smal.png", photo(300, 200, "PNG"))
    content.write("pages/fotos.md", page_with(
        "![Een brede foto](../images/breed.jpg)\n\nTekst.\n\n![Een *kleine* tekening](../images/smal.png)"))
    out = build(content, tmp_path / "site")
    pictures = re.findall(r"<picture>.*?</picture>", html_of(out, "fotos"))
    assert len(pictures) == 2
    first, second = pictures
    name = re.search(r'images/(breed-[0-9a-f]{10})-480\.webp', first).group(1)
    assert first == (
        f'<picture><source type="image/webp" srcset="../images/{name}-480.webp 480w, '
        f'../images/{name}-960.webp 960w, ../images/{name}-1200.webp 1200w" '
        f'sizes="(min-width: 60em) 37rem, 100vw"><img src="../images/{name}-960.jpg" '
        f'srcset="../images/{name}-480.jpg 480w, ../images/{name}-960.jpg 960w, '
        f'../images/{name}-1200.jpg 1200w" sizes="(min-width: 60em) 37rem, 100vw" width="1200" '
        f'height="800" alt="Een brede foto" decoding="async"></picture>')
    # Never upscaled: a 300-pixel graphic is published at 300 only, as WebP and PNG; lazy.
    assert re.search(r'srcset="\.\./images/smal-[0-9a-f]{10}-300\.webp 300w"', second)
    assert 'width="300" height="200" alt="Een *kleine* tekening" loading="lazy" decoding="async"' in second
    for url in re.findall(r'\.\./(images/[^" ]+)', first + second):
        assert (out / url).is_file(), url
    with Image.open(out / f"images/{name}-480.jpg") as im:
        assert im.size == (480, 320) and im.format == "JPEG"


def test_english_pages_point_at_the_shared_images(content, tmp_path):
    content.write_bytes("images/breed.jpg", photo(600, 400))
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\n"
                                       "![A wide photo](../images/breed.jpg)\n")
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
    content.write("pages/fotos.md", page_with(
        "![Een foto](../images/camera.jpg)\n\n![Een scan](../images/scan.png)\n\n"
        "De [foto als bestand](../images/camera.jpg), [nog een](../images/los.webp), "
        "[een gif](../images/anim.gif) en ![een verwijzing][scan].\n\n[scan]: ../images/scan.png"))
    out = build(content, tmp_path / "site")
    published = [p for p in out.rglob("*") if p.suffix in (".jpg", ".png", ".webp", ".ico", ".gif")]
    # Linked (not shown) images are replaced by their largest clean variant under their own name.
    for rel, expected in {"images/camera.jpg": ("JPEG", (1600, 1066)),
                          "images/scan.png": ("PNG", (200, 100)),
                          "images/los.webp": ("WEBP", (300, 200)),
                          "images/anim.gif": ("GIF", (30, 20))}.items():
        with Image.open(out / rel) as im:
            assert (im.format, im.size) == expected, rel
    assert len([p for p in published if p.parent == out / "images"]) >= 6 + 2 + 4
    for path in published:
        data = path.read_bytes()
        for marker in (SECRET.encode(), b"Exif", b"xmpmeta", b"CameraMaker", b"GPS"):
            assert marker not in data, (path, marker)
        with Image.open(path) as im:
            assert not im.getexif(), path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"} & set(im.info), path


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
    content.write("pages/fotos.md", page_with(
        "![Een](../images/a.jpg)\n\n![Twee](../images/a.jpg)\n\n![Drie](../images/a.jpg)"))
    html = html_of(build(content, tmp_path / "site"), "fotos")
    loading = [("lazy" if 'loading="lazy"' in img else "eager")
               for img in re.findall(r"<img [^>]*>", html) if "images/a-" in img]
    assert loading == ["eager", "lazy", "lazy"]


def test_a_second_build_encodes_nothing_and_gives_the_same_bytes(content, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_IMAGE_CACHE", str(tmp_path / "cache"))
    content.write_bytes("images/a.jpg", photo(1000, 700))
    content.write_bytes("images/b.png", photo(300, 300, "PNG"))
    content.write("pages/fotos.md", page_with("![Een](../images/a.jpg)\n\n![Twee](../images/b.png)"))
    before = dict(jobs.COUNTS)
    cold = build(content, tmp_path / "cold")
    encoded = {kind: jobs.COUNTS[kind] - before.get(kind, 0) for kind in ("variants", "cards", "icons")}
    # Cards: home, safety, the photo page and the search page.
    assert encoded == {"variants": 3 * 2 + 2, "cards": 4, "icons": 5}
    before = dict(jobs.COUNTS)
    warm = build(content, tmp_path / "warm")
    assert dict(jobs.COUNTS) == before  # nothing encoded, drawn or resized
    assert snapshot(cold) == snapshot(warm)
    # A changed image is made again; its unchanged neighbour is not.
    content.write_bytes("images/b.png", photo(301, 300, "PNG"))
    build(content, tmp_path / "third")
    assert jobs.COUNTS["variants"] - before.get("variants", 0) == 2


# --- share cards and icons --------------------------------------------------------------------

def test_every_page_has_a_share_card_and_the_meta_that_names_it(content, tmp_path):
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    out = build(content, tmp_path / "site")
    pages = {"": "cards/nl/index.png", "veiligheid": "cards/nl/veiligheid.png",
             "zoeken": "cards/nl/zoeken.png", "en": "cards/en/index.png",
             "en/search": "cards/en/search.png"}
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("cards/*/*")) == sorted(pages.values())
    for url, card in pages.items():
        with Image.open(out / card) as im:
            assert (im.format, im.size) == ("PNG", (1200, 630))
        html = html_of(out, url)
        assert f'<meta property="og:image" content="https://mensenhandel.example.org/{card}">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert ('<meta property="og:image:alt" content="Veilig surfen · Samen tegen mensenhandel">'
            in html_of(out, "veiligheid"))


def test_icons_are_made_from_one_source(content, tmp_path):
    out = build(content, tmp_path / "site")
    for name, size in {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192,
                       "icon-512.png": 512}.items():
        with Image.open(out / name) as im:
            assert (im.format, im.size, im.mode) == ("PNG", (size, size), "RGB")
    with Image.open(out / "favicon.ico") as im:
        assert im.format == "ICO"
    html = html_of(out, "veiligheid")
    assert '<link rel="apple-touch-icon" sizes="180x180" href="../apple-touch-icon.png">' in html


# --- bad images -------------------------------------------------------------------------------

BAD = {
    "corrupt file": (
        "images/kapot.jpg", b"this is not an image at all",
        "images/kapot.jpg: cannot read this image: the file is damaged or not an image; "
        "expected a JPEG, PNG, WebP or GIF file"),
    "truncated file": (
        "images/half.jpg", photo(800, 600)[:3000],
        "images/half.jpg: the image is damaged: its data is incomplete or corrupt; export or "
        "download it again"),
    "extension that lies": (
        "images/foto.jpg", photo(40, 30, "PNG"),
        "images/foto.jpg: the file is a PNG image but its name ends in '.jpg': rename it to "
        "'foto.png'"),
    "unsupported format with an image name": (
        "images/scan.png", photo(40, 30, "BMP"),
        "images/scan.png: the file is a BMP image, which is not supported: save it as JPEG "
        "(photos) or PNG (graphics)"),
    "decompression bomb": (
        "images/bom.png", png_header(30000, 30000),
        "images/bom.png: the image is too large to decode safely: expected at most 100 "
        "megapixels; save it smaller, for example 4000 pixels wide"),
    "just over the pixel limit": (
        "images/groot.png", png_header(12000, 9000),
        "images/groot.png: the image is too large to decode safely: expected at most 100 "
        "megapixels; save it smaller, for example 4000 pixels wide"),
}


@pytest.mark.parametrize("rel, data, expected", BAD.values(), ids=BAD.keys())
def test_a_bad_image_is_reported_by_name_and_publishes_nothing(content, tmp_path, rel, data, expected):
    content.write_bytes(rel, data)
    content.write("pages/fotos.md", page_with(f"Tekst.\n\n![Een beeld](../{rel})\n\n![Nog eens](../{rel})"))
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previously published site")
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
        ".png, .webp, .gif"),
    "svg": (
        "![Een logo](../images/logo.svg)",
        "pages/fotos.md:6: image '../images/logo.svg': expected a file ending in .jpg, .jpeg, "
        ".png, .webp, .gif"),
    "decorative with alt text": (
        "![Een lijn](../images/lijn.png){: .decorative}",
        "pages/fotos.md:6: image '../images/lijn.png' is marked decorative but has alt text: "
        "leave the brackets empty, or remove {: .decorative}"),
    "other attributes": (
        "![Een lijn](../images/lijn.png){: width=300 }",
        "pages/fotos.md:6: image '../images/lijn.png': the only thing allowed in braces after an "
        "image is {: .decorative}, got {width=300}"),
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


# --- the interface for sections ---------------------------------------------------------------

class HeroSection(Section):
    """A section with an image in its front matter, shown with ``picture()``."""

    key = "hero-demo"  # not "story": that is the Longread's real section
    folder = "stories"
    schema = Schema(type_name="hero-demo", description="A story.", fields=(
        Field("title", Text(), "the title", required=True),
        Field("hero", ImagePath(), "the image at the top", required=True),
        Field("hero_alt", Text(), "what the image shows", required=True),
    ))

    def doc_path(self, item, lang):
        return f"verhalen/{item.slug}.md"

    def generate(self, site, lang):
        for item in site.all_items():
            if item.section != self.key or lang not in item.versions:
                continue
            values, doc = item.versions[lang].values, self.doc_path(item, lang)
            hero = picture(site, values["hero"], values["hero_alt"], lang, doc, sizes="100vw")
            yield StagedPage(f"hero-demo:{item.slug}", lang, doc, values["title"], values["title"],
                             f"{hero}\n\n{item.versions[lang].body}", source=item.source)


STORY = "---\ntitle: Een verhaal\nhero: ../images/{name}\nhero_alt: Een veld bij zonsopgang\n---\n\n{body}\n"


def test_a_section_shows_its_own_image_field_with_picture(content, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, HeroSection()])
    content.write_bytes("images/veld.jpg", photo(2000, 1000))
    content.write("stories/een.md", STORY.format(name="veld.jpg", body="![Nog een](../images/veld.jpg)"))
    out = build(content, tmp_path / "site")
    html = html_of(out, "verhalen/een")
    images = [img for img in re.findall(r"<img [^>]*>", html) if "images/veld-" in img]
    assert len(images) == 2
    assert 'sizes="100vw" width="1600" height="800" alt="Een veld bij zonsopgang" decoding="async"' in images[0]
    assert 'loading="lazy"' in images[1]
    assert re.search(r'src="\.\./\.\./images/veld-[0-9a-f]{10}-960\.jpg"', images[0])


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
        "images/weg.jpg)"]


def _note_pid(folder: str, index: int) -> int:
    (Path(folder) / f"{index}-{os.getpid()}").touch()
    return 1


def test_jobs_run_in_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    before = jobs.COUNTS["test"]
    jobs.run("test", _note_pid, [(str(tmp_path), i) for i in range(4)])
    assert jobs.COUNTS["test"] - before == 4
    pids = {int(p.name.split("-")[1]) for p in tmp_path.iterdir()}
    assert len(list(tmp_path.iterdir())) == 4 and os.getpid() not in pids


@pytest.mark.parametrize("title", [
    "Kort",
    "Een heel lange titel over de aanpak van mensenhandel in gemeenten, met instrumenten en rollen",
    "Arbeidsuitbuitingsketenaanpakbevorderingsprogrammacoördinatiecentrumwerkgroep en meer",
    " ".join(["woord"] * 60),
])
def test_share_cards_fit_any_title_and_are_deterministic(title):
    from core.images.cards import draw_card
    from tests.conftest import ROOT

    icon = ROOT / "theme" / "assets" / "icon.png"
    first = draw_card(title, "Kompas", "Samen tegen mensenhandel", icon)
    assert first == draw_card(title, "Kompas", "Samen tegen mensenhandel", icon)
    with Image.open(io.BytesIO(first)) as im:
        assert (im.format, im.size) == ("PNG", (1200, 630))


def test_a_bad_image_that_is_only_linked_is_reported_too(content, tmp_path):
    content.write_bytes("images/kapot.jpg", b"not an image")
    content.write("pages/fotos.md", page_with("Het [bestand](../images/kapot.jpg)."))
    result = run_cli("build", "--content", content.root, "--out", tmp_path / "site")
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "images/kapot.jpg: cannot read this image: the file is damaged or not an image; expected "
        "a JPEG, PNG, WebP or GIF file"]


def test_two_files_with_the_same_bytes_both_publish(content, tmp_path):
    """The cache is keyed on bytes; each name still gets its own published variants."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 90, 100)).save(buffer, "PNG")
    content.write_bytes("images/een.png", buffer.getvalue())
    content.write_bytes("images/twee.png", buffer.getvalue())
    content.write("pages/a.md", "---\ntitle: A\nsummary: B.\n---\n\n![Vlak een](../images/een.png)\n")
    content.write("pages/b.md", "---\ntitle: B\nsummary: C.\n---\n\n![Vlak twee](../images/twee.png)\n")
    out = tmp_path / "site"
    assert run_cli("build", "--content", content.root, "--out", out).code == 0
    names = sorted(p.name for p in (out / "images").iterdir())
    assert [n.split("-")[0] for n in names] == ["een", "een", "twee", "twee"]
