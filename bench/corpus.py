"""Synthetic corpus: the demo content plus N items spread over every content type.

    from bench.corpus import make_corpus
    make_corpus(1000, Path("bench/out/corpus-1000"))       # -> the content dir

Each synthetic item is a copy of a demo item of the same type (so its front matter is valid:
vocabularies, references and required fields stay as the demo has them) with a new file name,
a numbered title and a new body of about 600 words of Dutch-like text from the seed texts
(English from the demo's English pages for the translations). Every tenth item shows one of
the demo images. The Kompas's closed sets (forms of exploitation, roles, themes) get few or no
copies (EXTRA_CAP), and copies never take a place in the menu or the footer (PLACEMENT_FIELDS).
Same N, same bytes: the generator is seeded.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("BENCH_SEEDS", "/work/shared/seeds"))
# Content types with one file per item (singletons such as the landings are not copied).
ITEM_FOLDERS = (
    "pages",
    "partners",
    "academy",
    "exhibition/stops",
    "kompas/form",
    "kompas/instrument",
    "kompas/role",
    "kompas/theme",
    "longread/stories",
)
# Kompas types that are closed sets in reality get no (or few) synthetic copies: the forms of
# exploitation are the four in the law, and the matrix of forms x instruments would otherwise
# grow with the square of N. Their share of N goes to the other types.
EXTRA_CAP = {"kompas/form": 0, "kompas/role": 12, "kompas/theme": 12}
# Placement a site gives a handful of pages (the menu, the footer): copies do not inherit it,
# or every page would carry a menu and a footer of hundreds of links (a real site has five).
PLACEMENT_FIELDS = ("nav_order", "in_footer")
# Fields that name the item: they get the item's number so titles stay distinct.
TITLE_FIELDS = ("title", "name", "venue")
WORDS_PER_PAGE = 600


def _sentences(texts: list[str]) -> list[str]:
    text = " ".join(texts)
    return [
        s.strip()
        for s in re.split(r"(?<=[.!?])\s+", text)
        if 40 < len(s.strip()) < 300
        and not s.strip().startswith(("#", "-", "|", "*", ">", "!"))
        and "[" not in s
        and "<" not in s
    ]


def _dutch() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8").split("---", 2)[-1]
        for p in sorted((ROOT / "content").rglob("*.md"))
        if not p.name.endswith(".en.md")
    ]
    # The demo calls the organisation by its role, never by its name.
    return [s.replace("CoMensha", "het Coördinatiecentrum") for s in _sentences(texts)]


def _english() -> list[str]:
    return _sentences(
        [
            p.read_text(encoding="utf-8").split("---", 2)[-1]
            for p in sorted((ROOT / "content").rglob("*.en.md"))
        ]
    )


def _body(rng: random.Random, sentences: list[str], image: str | None) -> str:
    """About WORDS_PER_PAGE words in paragraphs under a few headings."""
    parts, words = [], 0
    while words < WORDS_PER_PAGE:
        if words and len(parts) % 4 == 0:
            words_ = [w for w in rng.choice(sentences).split() if w.isalpha()]
            parts.append("## " + " ".join(words_[:4] or ["Verder"]).capitalize())
        paragraph = " ".join(rng.choice(sentences) for _ in range(4))
        words += len(paragraph.split())
        parts.append(paragraph)
        if image and len(parts) == 2:
            parts.append(f"![Een abstract beeld bij dit verhaal]({image})")
    return "\n\n".join(parts)


def _split(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---", 2)
    return yaml.safe_load(front) or {}, body


def _write(path: Path, front: dict, body: str) -> None:
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{text}---\n\n{body}\n", encoding="utf-8")


def _number(front: dict, n: int, lang: str) -> None:
    for name in PLACEMENT_FIELDS:
        front.pop(name, None)
    for name in TITLE_FIELDS:
        if isinstance(front.get(name), str):
            front[name] = f"{front[name]} ({'deel' if lang == 'nl' else 'part'} {n})"
    if isinstance(front.get("slug"), str):
        front["slug"] = f"{front['slug']}-{n:05d}"
    if isinstance(front.get("order"), int):
        front["order"] = front["order"] + 100 * n
    # A partner's abbreviation is shown as its short name: keep them distinct too.
    if isinstance(front.get("abbreviation"), str):
        front["abbreviation"] = f"{front['abbreviation']}{n}"


def make_corpus(size: int | str, out: Path) -> Path:
    """Write the demo content plus ``size`` synthetic items into ``out``; return that dir.

    ``size`` is a count or ``"demo"`` (the demo content alone).
    """
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "content", out)
    if size == "demo":
        return out
    rng = random.Random(int(size))
    dutch, english = _dutch(), _english()
    images = sorted(p.relative_to(out).as_posix() for p in (out / "images").glob("*.jpg"))
    templates = {
        folder: sorted(
            p for p in (ROOT / "content" / folder).glob("*.md") if not p.name.endswith(".en.md")
        )
        for folder in ITEM_FOLDERS
    }
    open_folders = [f for f in ITEM_FOLDERS if f not in EXTRA_CAP]
    made, moved = dict.fromkeys(ITEM_FOLDERS, 0), 0
    for i in range(int(size)):
        folder = ITEM_FOLDERS[i % len(ITEM_FOLDERS)]
        if made[folder] >= EXTRA_CAP.get(folder, made[folder] + 1):
            folder, moved = open_folders[moved % len(open_folders)], moved + 1
        made[folder] += 1
        template = templates[folder][(i // len(ITEM_FOLDERS)) % len(templates[folder])]
        stem = f"{template.stem}-s{i:05d}"
        image = None
        if i % 10 == 0 and not folder.startswith(
            "kompas"
        ):  # Kompas bodies: no images (see RESULTS.md)
            rel = images[i // 10 % len(images)]
            image = os.path.relpath(out / rel, out / folder)
        for source, lang, sentences in (
            (template, "nl", dutch),
            (template.with_name(template.stem + ".en.md"), "en", english),
        ):
            if not source.exists():
                continue
            front, _ = _split(source)
            _number(front, i, lang)
            name = f"{stem}.md" if lang == "nl" else f"{stem}.en.md"
            _write(out / folder / name, front, _body(rng, sentences, image))
    return out


if __name__ == "__main__":
    print(
        make_corpus(sys.argv[1] if sys.argv[1] == "demo" else int(sys.argv[1]), Path(sys.argv[2]))
    )
