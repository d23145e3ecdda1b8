"""Inputs the image tests share: synthetic photos, pages with images, a section with an image field."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms

from core.images import ImagePath, picture
from core.schema import Field, Schema, Text
from core.section import Section
from core.staging import StagedPage

SECRET = "Geheime-plek-52.37-4.89"
XMP = (
    f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    f'22-rdf-syntax-ns#"><rdf:Description>{SECRET}</rdf:Description></rdf:RDF></x:xmpmeta>'
)


def photo(
    width: int,
    height: int,
    fmt: str = "JPEG",
    orientation: int | None = None,
    metadata: bool = False,
    mode: str = "RGB",
) -> bytes:
    """A small synthetic photo; with ``metadata`` it carries EXIF + GPS, XMP, a comment and ICC."""
    image = Image.linear_gradient("L").resize((width, height)).convert(mode)
    options: dict = {}
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if metadata:
        exif[0x010F] = "CameraMaker"  # Make
        exif[0x0131] = SECRET  # Software
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 22.0, 12.0), "E", (4.0, 53.0, 24.0)
        options.update(
            comment=SECRET.encode(),
            xmp=XMP.encode(),
            icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        )
    if len(exif):
        options["exif"] = exif.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be ``width``×``height`` (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def page_with(body: str, title: str = "Foto's") -> str:
    return f"---\ntitle: {title}\nsummary: Een pagina met beelden.\n---\n\n{body}\n"


class HeroSection(Section):
    """A section with an image in its front matter, shown with ``picture()``."""

    key = "hero-demo"  # not "story": that is the Longread's real section
    folder = "stories"
    schema = Schema(
        type_name="hero-demo",
        description="A story.",
        fields=(
            Field("title", Text(), "the title", required=True),
            Field("hero", ImagePath(), "the image at the top", required=True),
            Field("hero_alt", Text(), "what the image shows", required=True),
        ),
    )

    def doc_path(self, item, lang):
        return f"verhalen/{item.slug}.md"

    def generate(self, site, lang):
        for item in site.all_items():
            if item.section != self.key or lang not in item.versions:
                continue
            values, doc = item.versions[lang].values, self.doc_path(item, lang)
            hero = picture(site, values["hero"], values["hero_alt"], lang, doc, sizes="100vw")
            yield StagedPage(
                f"hero-demo:{item.slug}",
                lang,
                doc,
                values["title"],
                values["title"],
                f"{hero}\n\n{item.versions[lang].body}",
                source=item.source,
            )


STORY = "---\ntitle: Een verhaal\nhero: ../images/{name}\nhero_alt: Een veld bij zonsopgang\n---\n\n{body}\n"
