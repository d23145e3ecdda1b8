"""The Longread: content errors (exact messages), pull quotes, reading time, safety of images
and share cards, and the pages it builds."""

from __future__ import annotations

import re

import markdown
import pytest
from PIL import Image

from toolkit import cli
from core.schema import Field, Schema, Text
from core.section import Section
from core.staging import StagedPage
from longread.readtime import minutes, words
from tests.conftest import ROOT, build, html_of, run_cli
from tests.test_images import SECRET, photo

COVER = """\
---
title: Longread
summary: Verhalen van dichtbij.
---

Lees de verhalen.
"""

COVER_EN = """\
---
title: Longread
summary: Stories from up close.
---

Read the stories.
"""


def story(**fields) -> str:
    """A story file: a valid professional's story, with ``fields`` changed (None removes one)."""
    values = {
        "title": "Wat de huisarts ziet",
        "lead": "Een huisarts vertelt.",
        "kind": "professional",
        "role": "gp",
        "order": "1",
        "date": "2026-03-16",
        "hero": "../../images/veld.jpg",
        "hero_alt": "Een abstract veld",
        "hero_credit": "Gemaakt voor de site",
    }
    body = fields.pop("body", "Tekst van het verhaal.")
    values.update(fields)
    front = "".join(f"{k}: {v}\n" for k, v in values.items() if v is not None)
    return f"---\n{front}---\n\n{body}\n"


@pytest.fixture
def longread(content):
    """A content tree with the Longread's vocabulary, a partner, an image and the cover."""
    vocabularies = ROOT / "content" / "vocabularies"
    for name in (
        "story-roles.yml",
        "partner-kinds.yml",
        "partner-sectors.yml",
        "partner-scopes.yml",
        "partner-roles.yml",
        "partner-relations.yml",
    ):
        content.write(f"vocabularies/{name}", (vocabularies / name).read_text(encoding="utf-8"))
    content.write(
        "partners/politie.md",
        (ROOT / "content/partners/politie.md").read_text(encoding="utf-8").split("relations:")[0]
        + "summary: De politie.\n---\n\nTekst.\n",
    )
    content.write_bytes("images/veld.jpg", photo(1200, 600))
    content.write("longread/cover/index.md", COVER)
    return content


def errors(content) -> list[str]:
    result = run_cli("check", "--content", content.root)
    assert result.code == 1, result.err
    return result.err.splitlines()[:-1]


# --- content errors --------------------------------------------------------------------------


def test_a_victims_story_without_anonymised_is_refused(longread):
    longread.write("longread/stories/sara.md", story(kind="victim", role=None))
    assert errors(longread) == [
        "longread/stories/sara.md:4: field 'anonymised': expected true because kind is 'victim' "
        "(a victim's story is published only once names, places and details that could "
        "identify anyone are changed), got nothing"
    ]


def test_a_victims_story_with_anonymised_false_is_refused(longread):
    longread.write("longread/stories/sara.md", story(kind="victim", role=None, anonymised="false"))
    assert errors(longread) == [
        "longread/stories/sara.md:10: field 'anonymised': expected true because kind is "
        "'victim' (a victim's story is published only once names, places and details that "
        "could identify anyone are changed), got false"
    ]


def test_a_professionals_story_needs_a_role_and_a_victims_story_has_none(longread):
    longread.write("longread/stories/a.md", story(role=None))
    longread.write("longread/stories/b.md", story(kind="victim", anonymised="true", order="2"))
    assert errors(longread) == [
        "longread/stories/a.md:4: field 'role': expected a value from the vocabulary "
        "'story-roles' because kind is 'professional', got nothing",
        "longread/stories/b.md:5: field 'role': expected no role because kind is 'victim', "
        "got 'gp'",
    ]


def test_missing_alt_text_and_credit_are_refused(longread):
    longread.write("longread/stories/a.md", story(hero_alt=None, hero_credit=None))
    assert errors(longread) == [
        "longread/stories/a.md:1: required field 'hero_alt' is missing: expected text of at "
        "most 200 characters (what the image shows, for people who cannot see it)",
        "longread/stories/a.md:1: required field 'hero_credit' is missing: expected text of "
        "at most 120 characters (who made the image, shown under it)",
    ]


def test_a_broken_partner_reference_is_refused(longread):
    longread.write("longread/stories/a.md", story(related_partners="[politi]"))
    assert errors(longread) == [
        "longread/stories/a.md:11: field 'related_partners[1]': no partner item named 'politi' "
        "(expected a file partners/politi.md) (did you mean 'politie'?)"
    ]


def test_two_stories_in_one_place_and_a_missing_cover(longread):
    (longread.root / "longread/cover/index.md").unlink()
    longread.write("longread/stories/a.md", story())
    longread.write("longread/stories/b.md", story())
    assert errors(longread) == [
        "longread/cover/index.md: the Longread has stories but no cover text: expected this "
        "file with a title, a summary and an introduction",
        "longread/stories/b.md:6: field 'order': expected a place no other story has, got 1, "
        "which longread/stories/a.md has too",
    ]


def test_a_translation_of_a_story_with_a_warning_gives_its_own_warning(longread):
    longread.write("longread/stories/a.md", story(content_warning="Over geweld."))
    longread.write(
        "longread/stories/a.en.md",
        "---\ntitle: A story\nlead: A lead.\n"
        "hero_alt: A field\nhero_credit: Made for the site\n---\n\nText.\n",
    )
    assert errors(longread) == [
        "longread/stories/a.en.md:1: field 'content_warning': expected the warning in this "
        "file's language, because the original has one, got nothing",
        "pages/index.en.md: the en home page is missing: longread/stories/a.en.md is "
        "translated, so the site needs this file too",
    ]


class InstrumentSection(Section):
    """Stands in for the Kompas's instruments (built on another branch)."""

    key = "instrument"
    folder = "instruments"
    schema = Schema(
        "instrument", (Field("title", Text(), "the title", required=True, translatable=True),)
    )

    def doc_path(self, item, lang):
        return f"kompas/{item.slug}.md"

    def generate(self, site, lang):
        for item in site.items[self.key].values():
            if lang in item.versions:
                version = item.versions[lang]
                yield StagedPage(
                    f"instrument:{item.slug}",
                    lang,
                    self.doc_path(item, lang),
                    version.values["title"],
                    "An instrument.",
                    version.body,
                    source=version.source,
                )


def _without_kompas():
    return [s for s in cli.SECTIONS if not type(s).__module__.startswith("kompas")]


def test_kompas_references_are_checked_and_linked(longread, tmp_path, monkeypatch):
    # A stand-in instrument section: the references work whatever section the key belongs to.
    monkeypatch.setattr(cli, "SECTIONS", [*_without_kompas(), InstrumentSection()])
    longread.write("instruments/bibob.md", "---\ntitle: Wet Bibob\n---\n\nTekst.\n")
    longread.write("longread/stories/a.md", story(related_instruments="[bibob]"))
    longread.write("longread/stories/b.md", story(order="2", related_instruments="[bibop]"))
    assert errors(longread) == [
        "longread/stories/b.md:11: field 'related_instruments[1]': no instrument item named "
        "'bibop' (expected a file instruments/bibop.md) (did you mean 'bibob'?)"
    ]
    (longread.root / "longread/stories/b.md").unlink()
    out = build(longread, tmp_path / "site")
    assert '<li><a href="../../kompas/bibob/">Wet Bibob</a></li>' in html_of(out, "longread/a")


def test_without_the_kompas_a_kompas_reference_says_so(longread, monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", _without_kompas())
    longread.write("longread/stories/a.md", story(related_forms="[loverboys]"))
    assert errors(longread) == [
        "longread/stories/a.md:11: field 'related_forms[1]': refers to the section 'form', "
        "which this site does not have"
    ]


# --- pull quotes and reading time --------------------------------------------------------------


def test_a_quote_with_a_speaker_line_becomes_a_figure():
    html = markdown.markdown(
        "> Ik zag het *pas later*.\n>\n> — Mirjam, zorgcoördinator (samengesteld personage)\n",
        extensions=["longread.pullquote"],
    )
    assert html == (
        '<figure class="pullquote"><blockquote>\n<p>Ik zag het <em>pas later</em>.</p>\n'
        "</blockquote><figcaption>Mirjam, zorgcoördinator (samengesteld personage)"
        "</figcaption></figure>"
    )


@pytest.mark.parametrize("dash", ["—", "–", "--"])
def test_every_dash_starts_a_speaker_line(dash):
    html = markdown.markdown(
        f"Voor.\n\n> Citaat.\n>\n> {dash} Joost\n\nNa.\n", extensions=["longread.pullquote"]
    )
    assert "<figcaption>Joost</figcaption></figure>\n<p>Na.</p>" in html


def test_a_quote_without_a_speaker_line_stays_a_blockquote():
    html = markdown.markdown(
        "> Eerste alinea.\n>\n> Tweede — geen spreker.\n", extensions=["longread.pullquote"]
    )
    assert html.startswith("<blockquote>") and "figure" not in html


def test_reading_time_counts_words_at_200_a_minute():
    assert words("Een [link](https://example.org/lang/adres) en `code` tel je niet.") == 6
    assert words("Zorg-coördinator's werk, 88 procent.") == 4
    assert minutes("woord " * 200) == 1
    assert minutes("woord " * 201) == 2
    assert minutes("") == 1


# --- pages -----------------------------------------------------------------------------------


def test_story_page_and_cover(longread, tmp_path):
    long_body = "\n\n".join(f"## Deel {n}\n\n" + "woord " * 150 for n in range(1, 4))
    long_body += "\n\n## Bijeenkomsten (samen met KNMG): wat nu?\n\nTekst."
    longread.write(
        "longread/stories/huisarts.md",
        story(
            related_partners="[politie]",
            body=long_body + "\n\n> Kijk goed.\n>\n> — Joost, huisarts (samengesteld personage)",
        ),
    )
    longread.write(
        "longread/stories/sara.md",
        story(
            kind="victim",
            role=None,
            anonymised="true",
            order="2",
            title="Sara",
            content_warning="Over geweld.",
        ),
    )
    out = build(longread, tmp_path / "site")
    page = html_of(out, "longread/huisarts")
    assert (
        '<p class="story-facts">Verhaal van een professional · Huisarts · 3 minuten lezen · '
        '<time datetime="2026-03-16">16 maart 2026</time></p>'
    ) in page
    assert "<figcaption>Beeld: Gemaakt voor de site</figcaption></figure>" in page
    assert 'alt="Een abstract veld"' in page
    assert '<li><a href="#deel-1">Deel 1</a></li>' in page  # table of contents
    assert (
        '<li><a href="#bijeenkomsten-samen-met-knmg-wat-nu">Bijeenkomsten (samen met KNMG): '
        "wat nu?</a></li>"
    ) in page and 'id="bijeenkomsten-samen-met-knmg-wat-nu"' in page
    assert (
        '<figure class="pullquote"><blockquote>\n<p>Kijk goed.</p>\n</blockquote>'
        "<figcaption>Joost, huisarts (samengesteld personage)</figcaption></figure>"
    ) in page
    assert '<div class="reading-progress" aria-hidden="true" hidden>' in page
    assert '<a href="../sara/" rel="next">' in page and 'rel="prev"' not in page
    assert (
        'value="https://mensenhandel.example.org/longread/huisarts/"' in page
        and "story-share__copy" in page
    )
    assert '<a href="../../partners/politie/">Nationale Politie</a>' in page
    victim = html_of(out, "longread/sara")
    assert '<a href="../huisarts/" rel="prev">' in victim
    assert (
        victim.index('class="content-warning"')
        < victim.index('<details class="story-gate" id="story-text">')
        < victim.index("Tekst van het verhaal")
    )
    assert "samengesteld uit de ervaringen van meerdere mensen" in victim
    assert "story-toc" not in victim  # a short story has no table of contents
    cover = html_of(out, "longread")
    assert cover.index("Wat de huisarts ziet") < cover.index("Sara")
    assert "Ervaringsverhaal · 1 minuut lezen" in cover
    # The partner's page links back to the story.
    assert '<a href="../../longread/huisarts/">Wat de huisarts ziet</a>' in html_of(
        out, "partners/politie"
    )


def test_english_cover_marks_untranslated_stories(longread, tmp_path):
    home_en = "---\ntitle: Welcome\nsummary: The home page.\nnav_order: 1\n---\n\nWelcome.\n"
    longread.write("pages/index.en.md", home_en.replace("nav_order: 1\n", ""))
    longread.write("longread/cover/index.en.md", COVER_EN)
    longread.write("longread/stories/a.md", story())
    longread.write(
        "longread/stories/a.en.md",
        "---\ntitle: What a GP sees\nlead: A GP tells."
        "\nhero_alt: An abstract field\nhero_credit: Made for the site\n---\n\nText.\n",
    )
    longread.write("longread/stories/b.md", story(order="2", title="Alleen Nederlands"))
    out = build(longread, tmp_path / "site")
    cover = html_of(out, "en/longread")
    assert '<a href="a/">What a GP sees</a>' in cover
    assert (
        '<a href="../../longread/b/" hreflang="nl" lang="nl">Alleen Nederlands</a> (in Dutch)'
    ) in cover
    assert "GP · 1 min read" in cover
    page = html_of(out, "en/longread/a")
    assert 'rel="next"' not in page  # the next story has no English version


# --- safety ----------------------------------------------------------------------------------


def test_a_victims_story_is_shared_with_the_text_card_never_its_image(longread, tmp_path):
    longread.write("longread/stories/sara.md", story(kind="victim", role=None, anonymised="true"))
    out = build(longread, tmp_path / "site")
    page = html_of(out, "longread/sara")
    og = re.findall(r'<meta property="og:image" content="([^"]+)">', page)
    assert og == ["https://mensenhandel.example.org/cards/nl/longread--sara.png"]
    assert not re.search(r'<meta[^>]+content="[^"]*images/veld', page)
    with Image.open(out / "cards/nl/longread--sara.png") as card:
        assert card.size == (1200, 630)


def test_a_hero_image_is_published_without_exif_or_location(longread, tmp_path):
    longread.write_bytes("images/veld.jpg", photo(1200, 600, metadata=True))
    longread.write("longread/stories/a.md", story())
    out = build(longread, tmp_path / "site")
    published = sorted((out / "images").glob("veld-*"))
    assert published and {p.suffix for p in published} == {".jpg", ".webp"}
    for path in published:
        data = path.read_bytes()
        for marker in (SECRET.encode(), b"Exif", b"GPS", b"CameraMaker"):
            assert marker not in data, (path, marker)
        with Image.open(path) as image:
            assert not image.getexif(), path
    assert not (out / "images/veld.jpg").exists()  # never the original
