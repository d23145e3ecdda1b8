"""Share cards: the Open Graph image (1200×630) of every page, drawn from text alone.

A card shows the page title, its section and the site's name and icon; it never shows a photo,
so a shared link can never spread a picture of a victim. Drawing uses the DejaVu Sans font
shipped in ``core/images/fonts/`` (licence beside it) with Pillow's basic layout, so the same
text gives the same bytes on every machine. Cards are cached like image variants.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from core import caches, workers
from core.images import settings

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
BACKGROUND = "#0b5a63"  # the site's primary colour (theme/assets/site.css)
ACCENT = "#1f4e99"
TEXT = "#ffffff"
MUTED = "#cfe3e5"
MARGIN = 80
# A card has a few flat colours and the anti-aliased edges between them: 64 palette colours
# look the same as full colour, give a third of the bytes and encode three times faster than
# an optimised full-colour PNG (measured: 16 ms and 13 KB against 47 ms and 36 KB); one shared
# palette (``_palette``) takes the per-card quantizing away as well.
CARD_COLOURS = 64
# zlib's run-length strategy: a card is long runs of one colour, which it finds in a third of
# the time the default strategy takes (2 ms instead of 6 ms a card, 21 KB instead of 14 KB;
# cards are fetched by the sites a link is shared on, never by the page's visitors).
_PNG_OPTIONS = {"compress_level": 6, "compress_type": 3}  # 3 = zlib.Z_RLE


@dataclass(frozen=True)
class Card:
    """What one card shows; ``path`` is where it is published, relative to the site root."""

    path: str
    title: str
    section: str
    site_name: str


def alt_text(card: Card) -> str:
    """The card's ``og:image:alt``: what the picture shows, in words."""
    parts = [card.title, card.section, card.site_name]
    return " · ".join(p for p in parts if p)


def draw_cards(cards: list[Card], icon: Path, width: int | None = None) -> workers.Pending:
    """Start drawing every card the cache lacks, at most ``width`` at once (default: one per
    core; see core.workers.Pending); :func:`publish_cards` waits for them."""
    fingerprint = _fingerprint(icon)
    todo = sorted(
        {
            key: (card.title, card.section, card.site_name, str(icon), str(_entry(key)))
            for card in cards
            if not _entry(key := _key(card, fingerprint)).is_file()
        }.items()
    )
    return workers.start("cards", _draw_job, [args for _, args in todo], width)


def publish_cards(
    cards: list[Card], icon: Path, site_dir: Path, drawing: workers.Pending | None = None
) -> None:
    """Write every card into ``site_dir``, drawing only those not in the cache (``drawing``:
    :func:`draw_cards` of these cards started earlier, finished here)."""
    (drawing or draw_cards(cards, icon)).wait()
    fingerprint = _fingerprint(icon)
    for card in cards:
        target = site_dir / card.path
        target.parent.mkdir(parents=True, exist_ok=True)
        settings.place(_entry(_key(card, fingerprint)), target)


def draw_card(title: str, section: str, site_name: str, icon: Path) -> bytes:
    """The PNG bytes of one card.

    The same pixels as drawing the card in full colour and mapping it onto the palette
    (:func:`_draw`, tests/test_images.py compares), drawn in palette colours directly: the
    section's background once per process, and the title as a mask whose 256 levels of
    coverage map to the palette colour the blend of text on background would get.
    """
    mtime = icon.stat().st_mtime_ns
    image = _palette_background(section, site_name, str(icon), mtime).copy()
    top = _title_top(section)
    size, lines = _fit(title, WIDTH - 2 * MARGIN, HEIGHT - 60 - top)
    font = _font(True, size)
    # Below the title's top the background is one flat colour down to the accent bar.
    mask = Image.new("L", (WIDTH, HEIGHT - 18 - top))
    draw = ImageDraw.Draw(mask)
    for index, line in enumerate(lines):
        draw.text((MARGIN, index * int(size * 1.22)), line, font=font, fill=255, anchor="la")
    title_colours = mask.point(_coverage_colours(str(icon), mtime))
    image.paste(Image.frombytes("P", mask.size, title_colours.tobytes()), (0, top))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **_PNG_OPTIONS)
    return buffer.getvalue()


def _title_top(section: str) -> int:
    return 230 + (64 if section else 0)


@functools.lru_cache(maxsize=64)
def _palette_background(section: str, site_name: str, icon: str, mtime_ns: int) -> Image.Image:
    """:func:`_background` in the palette's colours."""
    return _background(section, site_name, icon, mtime_ns).quantize(
        palette=_palette(icon, mtime_ns), dither=Image.Dither.NONE
    )


@functools.lru_cache(maxsize=4)
def _coverage_colours(icon: str, mtime_ns: int) -> list[int]:
    """For each coverage 0-255 of a title pixel, the palette index of text blended onto the
    background at that coverage (blended by Pillow, as drawing in full colour does)."""
    ramp = Image.new("RGB", (256, 1), BACKGROUND)
    ramp.paste(TEXT, (0, 0, 256, 1), Image.frombytes("L", (256, 1), bytes(range(256))))
    return list(ramp.quantize(palette=_palette(icon, mtime_ns), dither=Image.Dither.NONE).tobytes())


def _draw(title: str, section: str, site_name: str, icon: str, mtime_ns: int) -> Image.Image:
    """The card in full colour: a copy of its section's background, then the title."""
    image = _background(section, site_name, icon, mtime_ns).copy()
    draw = ImageDraw.Draw(image)
    top = _title_top(section)
    size, lines = _fit(title, WIDTH - 2 * MARGIN, HEIGHT - 60 - top)
    font = _font(True, size)
    for index, line in enumerate(lines):
        draw.text((MARGIN, top + index * int(size * 1.22)), line, font=font, fill=TEXT, anchor="la")
    return image


@functools.lru_cache(maxsize=64)
def _background(section: str, site_name: str, icon: str, mtime_ns: int) -> Image.Image:
    """Everything of a card but its title, drawn once per section and process: the same pixels
    a card drawn from scratch has under its title (a fifth of a card's drawing time)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=ACCENT)
    image.paste(_mark(icon, mtime_ns), (MARGIN, 64))
    draw.text((MARGIN + 120, 112), site_name, font=_font(False, 36), fill=TEXT, anchor="lm")
    if section:
        draw.text((MARGIN, 230), section.upper(), font=_font(True, 30), fill=MUTED, anchor="la")
    return image


@functools.lru_cache(maxsize=4)
def _palette(icon: str, mtime_ns: int) -> Image.Image:
    """The cards' 64 colours, taken once per process from a reference card.

    Every card has the same colours (background, accent, both text colours, the icon) and the
    same anti-aliased edges between them, so mapping each card onto one palette looks the same
    as quantizing each card on its own (no pixel further off) and is eight times faster.
    """
    reference = _draw("Referentie ÀÉ 0123 – één", "Sectie", "Referentie", icon, mtime_ns)
    return reference.quantize(CARD_COLOURS, method=Image.Quantize.FASTOCTREE)


@functools.lru_cache(maxsize=4)
def _mark(icon: str, mtime_ns: int) -> Image.Image:
    """The site's icon at card size, made once per process (the mtime keys a changed icon)."""
    with Image.open(icon, formats=("PNG",)) as source:  # the theme's icon.png only
        return source.convert("RGB").resize((96, 96), Image.Resampling.LANCZOS)


def _fit(title: str, width: int, height: int) -> tuple[int, list[str]]:
    """The largest font size at which the title fits; the last line is cut with '…' if need be."""
    for size in (68, 60, 52, 46, 40):
        font = _font(True, size)
        lines = _wrap(title, font, width)
        if len(lines) * size * 1.22 <= height and all(font.getlength(l) <= width for l in lines):
            return size, lines
    font = _font(True, 40)
    most = int(height // (40 * 1.22))
    lines = _wrap(title, font, width)[:most]
    lines = [_cut(line, font, width) if font.getlength(line) > width else line for line in lines]
    if len(_wrap(title, font, width)) > most and not lines[-1].endswith("…"):
        lines[-1] = _cut(lines[-1] + " …", font, width)
    return 40, lines


def _cut(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """``line`` shortened to fit ``width``, ending in '…'."""
    line = line.rstrip(" …")
    while line and font.getlength(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


_fonts: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    if (bold, size) not in _fonts:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        _fonts[(bold, size)] = ImageFont.truetype(
            str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC
        )
    return _fonts[(bold, size)]


def _fingerprint(icon: Path) -> str:
    digest = hashlib.sha256()
    for path in (FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf", icon):
        digest.update(path.read_bytes())
    digest.update(f"{caches.SHARE_CARDS.tag}\n{settings.FINGERPRINT}".encode())
    return digest.hexdigest()


def _key(card: Card, fingerprint: str) -> str:
    text = "\n".join((fingerprint, card.title, card.section, card.site_name))
    return hashlib.sha256(text.encode()).hexdigest()


def _entry(key: str) -> Path:
    return settings.cache_dir() / "cards" / key[:2] / f"{key}.png"


def _draw_job(title: str, section: str, site_name: str, icon: str, entry: str) -> int:
    data = draw_card(title, section, site_name, Path(icon))
    target = Path(entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{id(data)}")
    scratch.write_bytes(data)
    scratch.replace(target)  # whole or not at all
    return 1
