"""Site search: the Python index pipeline agrees with lunr.js, and lunr.js finds the right pages.

Node runs lunr.js 2.3.9 + lunr-languages from the vendored browser copies (tests/js/lunr_node.js).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from toolkit import cli
from core.search.index import FIELDS
from core.search.languages import PIPELINES, index_terms
from core.search.stopwords_nl import STOP_WORDS_NL
from lunr.pipeline import Pipeline
from lunr.token import Token
from lunr.tokenizer import Tokenizer
from tests import sample_section
from tests.conftest import ROOT, run_cli

NODE = shutil.which("node")
NODE_SCRIPT = ROOT / "tests" / "js" / "lunr_node.js"
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "theme" / "assets" / "vendor"
# Words that trip simpler pipelines: q, x, y (lunr.py's own Dutch trimmer drops them),
# diacritics, apostrophes, digits, hyphens and brackets.
EDGE_WORDS = [
    "quiz",
    "fax",
    "index",
    "yoghurt",
    "taxi",
    "België",
    "zeeën",
    "café",
    "ijsjes",
    "coördinatie",
    "ngo's",
    "'s-Hertogenbosch",
    "(jeugd)zorg",
    "2024",
    "e-mail",
    "Bibob",
    "huisartsen",
    "gemeenten",
    "uitbuiting",
    "Den",
    "Bosch",
    "«quote»",
    "naïef",
    "één",
    "vóór",
    "Ÿ",
    "ﬁets",
    "x-ray",
    "yes",
    "Quick",
    "exit",
    "eyes",
]


def _node(*args: str, data) -> dict:
    if NODE is None:
        pytest.skip("node is not installed (./dev test installs it)")
    done = subprocess.run(
        [NODE, str(NODE_SCRIPT), *args],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def _index_files(site: Path) -> dict[str, Path]:
    return {"nl": site / "search" / "nl.json", "en": site / "en" / "search" / "en.json"}


def _lunr_own_index(docs, lang: str, added: dict[str, str] | None = None) -> dict:
    """The serialized index lunr.py's own Builder makes of ``docs`` (SearchDoc), every field,
    with each page's document boost; ``added``: text added to a field of every page (what
    synonyms add, written out by the test)."""
    from lunr.builder import Builder
    from core.search.index import doc_boost, index_rows

    plain = Builder()
    plain.pipeline.add(*PIPELINES[lang].index)
    plain.search_pipeline.add(*PIPELINES[lang].search)
    plain.ref("ref")
    for name, boost in FIELDS:
        plain.field(name, boost=boost)
    for ref, (d, row) in enumerate(zip(docs, index_rows(docs))):
        row = {name: text + (added or {}).get(name, "") for name, text in row.items()}
        plain.add({"ref": str(ref), **row}, {"boost": doc_boost(d)} if doc_boost(d) != 1 else None)
    return plain.build().serialize()


def _demo_tokens(site: Path, lang: str) -> list[str]:
    """Every distinct token of the indexed demo text of one language (lunr's tokenizer)."""
    data = json.loads(_index_files(site)[lang].read_text(encoding="utf-8"))
    from core.search.text import page_text

    texts = []
    for doc in data["docs"].values():
        html = (_index_files(site)[lang].parent.parent / doc["url"] / "index.html").read_text()
        text = page_text(html)
        texts += [doc["title"], doc["section"], text.headings, text.body]
    return sorted({str(t) for text in texts for t in Tokenizer(text)})


def test_every_demo_word_gets_the_same_terms_as_in_lunr_js(demo_site):
    tokens = {
        lang: _demo_tokens(demo_site, lang) + [w.lower() for w in EDGE_WORDS] for lang in PIPELINES
    }
    assert len(tokens["nl"]) > 500 and len(tokens["en"]) > 300
    python = {}
    for lang, words in tokens.items():
        pipeline = Pipeline()
        pipeline.add(*PIPELINES[lang].index)
        python[lang] = [
            (lambda r: str(r[0]) if r else None)(pipeline.run([Token(w)])) for w in words
        ]
    node = _node("stem", data=tokens)
    for lang in tokens:
        differ = [(w, p, n) for w, p, n in zip(tokens[lang], python[lang], node[lang]) if p != n]
        assert differ == [], f"{lang}: (word, build, lunr.js) differ: {differ[:20]}"


def test_the_dutch_trimmer_keeps_q_x_and_y():
    assert index_terms("quiz fax index yoghurt", "nl") == ["quiz", "fax", "index", "yoghurt"]


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("nl", "gemeente", ["", "over-ons/"]),  # the pages say "gemeenten"
        ("nl", "gemeenten", ["", "over-ons/"]),
        ("nl", "veiligheid", ["veiligheid/"]),
        ("nl", "snel weg", ["veiligheid/"]),
        ("nl", "uitbuiting", ["over-ons/"]),
        ("nl", "slachtoffer", ["over-ons/"]),  # and "slachtoffers"
        ("nl", "coördinatiecentrum", ["over-ons/"]),
        ("nl", "toegankelijk", ["toegankelijkheid/"]),  # as you type: the start of a word
        ("en", "quick exit", ["safety/"]),
        ("en", "municipality", ["", "about/"]),  # the pages say "municipalities"
        ("en", "trafficking", ["about/"]),
    ],
)
def test_lunr_js_finds_the_expected_pages_in_the_built_index(demo_site, lang, query, expected):
    found = _node("query", str(_index_files(demo_site)[lang]), data=[query])[query]
    missing = [url for url in expected if url not in found]
    assert missing == [], f"{query!r} found {found}"


@pytest.mark.parametrize("query", ["huisartsen", "huisarts", "huisartsen "])
def test_either_number_of_a_dutch_word_finds_the_gp_training_and_the_gp_story(demo_site, query):
    # Snowball stems "huisarts" to "huisart" but "huisartsen" to "huisarts": without asking for
    # the other number too, one form misses the pages that use the other.
    found = _node("query", str(_index_files(demo_site)["nl"]), data=[query])[query]
    top = found[:5]
    assert "longread/de-huisarts/" in top, found
    assert "academy/aanbod/training-huisartsen-geaccrediteerd/" in top, found


def test_dutch_variants_only_add_the_other_number_when_its_stem_differs():
    script = (
        "const lunr = require(process.argv[1]); require(process.argv[2])(lunr);"
        "require(process.argv[3])(lunr); const q = require(process.argv[4])(lunr);"
        "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(words.map(w => q.variants(w, w === 'doctors' ? 'en' : 'nl'))));"
    )
    words = ["huisartsen", "huisarts", "mensen", "kans", "gemeenten", "fietsen", "doctors", "ons"]
    if NODE is None:
        pytest.skip("node is not installed (./dev test installs it)")
    done = subprocess.run(
        [
            NODE,
            "-e",
            script,
            str(VENDOR / "lunr.min.js"),
            str(VENDOR / "lunr.stemmer.support.min.js"),
            str(VENDOR / "lunr.nl.min.js"),
            str(ROOT / "theme" / "assets" / "search-query.js"),
        ],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [
        ["huisartsen", "huisarts"],
        ["huisarts", "huisartsen"],
        ["mensen", "mens"],
        ["kans", "kansen"],
        ["gemeenten"],
        ["fietsen", "fiets"],
        ["doctors"],
        ["ons"],
    ]


def test_odd_input_never_fails_in_lunr_js(demo_site):
    odd = ["a:b", "*", "~", "+-", '"', "title:x", "mensen~2", "^3", "\\", "((", "-", "*:*", "   "]
    for lang, path in _index_files(demo_site).items():
        found = _node("query", str(path), data=odd)
        assert sorted(found) == sorted(set(odd))


def test_index_file_follows_the_contract(demo_site):
    for lang, path in _index_files(demo_site).items():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["index"]["version"] == "2.3.9"
        # Stories carry their role as a tag, so every field is in use (an empty one is left
        # out: tests/test_search.py::test_search_tags_are_indexed_with_their_weight).
        assert data["index"]["fields"] == [n for n, _ in FIELDS]
        assert data["index"]["pipeline"] == (
            ["trimmer-nl", "stemmer-nl"] if lang == "nl" else ["stemmer"]
        )
        for doc in data["docs"].values():
            assert set(doc) >= {"title", "url", "section", "summary"}
        # The search page itself is not a result.
        assert not [d for d in data["docs"].values() if d["url"] in ("zoeken/", "search/")]


def test_a_new_section_is_indexed_without_touching_search_code(content, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, sample_section.SECTION])
    content.write("vocabularies/kinds.yml", "memo: {nl: Memo, en: Memo}\n")
    content.write(
        "notes/eerste.md",
        """\
        ---
        title: Huisartsen herkennen signalen
        kind: memo
        date: 2026-01-01
        ---

        Een training voor de huisarts.
        """,
    )
    out = tmp_path / "site"
    assert (
        run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23").code == 0
    )
    data = json.loads((out / "search" / "nl.json").read_text(encoding="utf-8"))
    notes = [d for d in data["docs"].values() if d["facet"] == "note"]
    assert [d["url"] for d in notes] == ["notes/eerste/", "notes/"]
    assert notes[0]["section"] == "note"  # no label: the section's key
    found = _node("query", str(out / "search" / "nl.json"), data=["huisarts"])["huisarts"]
    assert found[0] == "notes/eerste/"
    page = (out / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert '<option value="note">note</option>' in page  # the filter knows the new section


def test_search_tags_are_indexed_with_their_weight():
    from core.search.index import SearchDoc, build_index

    docs = [
        SearchDoc(
            url=f"p{i}/",
            title=f"Pagina {i}",
            section_key="pages",
            section_label="Info",
            summary="",
            tags=tags,
            headings="",
            body="Tekst over de gemeente Bibob.",
        )
        for i, tags in enumerate([(), ("Bibob",)])
    ]
    data = build_index(docs, "nl")
    assert data["index"]["fields"] == ["title", "tags", "section", "body"]
    from lunr.index import Index

    assert [r["ref"] for r in Index.load(data["index"]).search("bibob")] == ["1", "0"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_lean_index_builder_serializes_like_lunr_itself(lang, tmp_path):
    # The build's builder is fed remembered terms, shares one empty metadata dict and skips the
    # token set; the index it writes must be lunr.py's own, value for value, also when read back
    # from the memo file (a lone "..." is one empty term in English, not none).
    from core.search.index import SearchDoc, build_index
    from core.search.memo import Memo

    docs = [
        SearchDoc(
            url=f"p{i}/",
            title=f"Pagina {i} over werk",
            section_key="pages",
            section_label="Info",
            summary="",
            tags=("Bibob",) if i % 2 else (),
            headings="..." if i == 3 else "Signalen herkennen",
            body=f"Uitbuiting in de bouw en de zorg {i}.",
        )
        for i in range(5)
    ]
    expected = json.dumps(_lunr_own_index(docs, lang))
    first = Memo(lang, tmp_path / "memo.json")
    assert json.dumps(build_index(docs, lang, first)["index"]) == expected
    first.save()
    again = build_index(docs, lang, Memo(lang, tmp_path / "memo.json"))["index"]
    assert json.dumps(again) == expected


def test_same_content_gives_the_same_index_bytes(demo_site, tmp_path):
    again = tmp_path / "again"
    assert (
        run_cli(
            "build", "--content", ROOT / "content", "--out", again, "--today", "2026-11-23"
        ).code
        == 0
    )
    for lang, path in _index_files(demo_site).items():
        assert _index_files(again)[lang].read_bytes() == path.read_bytes()


def test_vendored_browser_code_and_stop_words_match_the_npm_packages():
    if not (NODE_MODULES / "lunr-languages").exists():
        pytest.skip("npm packages are not installed (./dev test installs them)")
    assert (VENDOR / "lunr.min.js").read_bytes() == (NODE_MODULES / "lunr/lunr.min.js").read_bytes()
    languages = NODE_MODULES / "lunr-languages" / "min"
    assert (VENDOR / "lunr.nl.min.js").read_bytes() == (languages / "lunr.nl.min.js").read_bytes()
    assert (
        (VENDOR / "lunr.stemmer.support.min.js")
        .read_bytes()
        .endswith((languages / "lunr.stemmer.support.min.js").read_bytes())
    )
    source = (NODE_MODULES / "lunr-languages" / "lunr.nl.js").read_text(encoding="utf-8")
    listed = (
        re.search(r"lunr\.nl\.stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'", source)
        .group(1)
        .split(" ")
    )
    assert tuple(listed) == STOP_WORDS_NL


def test_terms_builder_files_terms_exactly_as_lunr_builder_add(demo_site):
    """The memo-fed builder (core/search/builder.py) must serialize to lunr.py's own bytes."""
    from lunr.builder import Builder
    from core.search.builder import TermsBuilder, join_terms
    from core.search.text import page_text

    for lang, index_file in _index_files(demo_site).items():
        data = json.loads(index_file.read_text(encoding="utf-8"))
        rows = []
        for doc in data["docs"].values():
            text = page_text((index_file.parent.parent / doc["url"] / "index.html").read_text())
            rows.append(
                {
                    "title": doc["title"],
                    "section": doc["section"],
                    "headings": text.headings,
                    "body": text.body,
                }
            )
        lunr_own, ours = Builder(), TermsBuilder()
        lunr_own.pipeline.add(*PIPELINES[lang].index)
        for builder in (lunr_own, ours):
            builder.search_pipeline.add(*PIPELINES[lang].search)
            builder.ref("ref")
            for name in rows[0]:
                builder.field(name, boost=dict(FIELDS)[name])
        for ref, row in enumerate(rows):
            lunr_own.add({"ref": str(ref), **row})
            ours.add_terms(
                str(ref), {name: join_terms(index_terms(text, lang)) for name, text in row.items()}
            )
        assert len(rows) > 20
        assert json.dumps(ours.build().serialize()) == json.dumps(lunr_own.build().serialize())


def test_the_written_index_is_what_lunr_itself_serializes(demo_site):
    """_write (terms from the memo, vectors made whole, written piece by piece) gives the
    index lunr.py's own Builder and Index.serialize give for the same pages and fields."""
    import io
    from core.search.index import SearchDoc, _write
    from core.search.memo import Memo
    from core.search.text import page_text

    for lang, index_file in _index_files(demo_site).items():
        data = json.loads(index_file.read_text(encoding="utf-8"))
        docs = []
        for n, doc in enumerate(data["docs"].values()):
            text = page_text((index_file.parent.parent / doc["url"] / "index.html").read_bytes())
            docs.append(
                SearchDoc(
                    url=doc["url"],
                    title=doc["title"],
                    section_key=doc["facet"],
                    section_label=doc["section"],
                    summary=doc["summary"],
                    tags=("huisartsen", "training") if n % 3 == 0 else (),
                    headings=text.headings,
                    body=text.body,
                    keywords=("loverboy", "GP") if n % 4 == 0 else (),
                    item=n % 2 == 0,
                )
            )
        stream = io.StringIO()
        _write(stream, docs, lang, Memo(lang))
        ours = json.loads(stream.getvalue())["index"]
        assert len(docs) > 20
        assert ours == json.loads(json.dumps(_lunr_own_index(docs, lang))), lang


def test_index_memo_remembers_texts_and_terms_between_builds(demo_site, tmp_path, monkeypatch):
    """A second build reads and tokenizes nothing the first one did, and gets the same results."""
    from core.search import memo as memo_module

    pages = sorted(demo_site.rglob("index.html"))
    first = memo_module.Memo("nl", tmp_path / "memo-nl.json")
    texts = [first.page_text(p.read_bytes()) for p in pages]
    terms = [first.terms(t.body) for t in texts]
    first.save()

    def must_not_run(*args):
        raise AssertionError("the memo should have remembered this")

    monkeypatch.setattr(memo_module, "page_text", must_not_run)
    monkeypatch.setattr(memo_module, "joined_index_terms", must_not_run)
    second = memo_module.Memo("nl", tmp_path / "memo-nl.json")
    assert [second.page_text(p.read_bytes()) for p in pages] == texts
    assert [second.terms(t.body) for t in texts] == terms
    assert sum(map(len, terms)) > 5000
    # A changed page is read again; another language or other search code starts afresh.
    with pytest.raises(AssertionError, match="remembered"):
        second.page_text(pages[0].read_bytes() + b" ")
    with pytest.raises(AssertionError, match="remembered"):
        memo_module.Memo("en", tmp_path / "memo-nl.json").terms(texts[0].body)
    monkeypatch.setattr(memo_module, "_fingerprint", lambda: "other code")
    with pytest.raises(AssertionError, match="remembered"):
        memo_module.Memo("nl", tmp_path / "memo-nl.json").terms(texts[0].body)


def test_page_text_reads_the_first_article_as_visitors_see_it():
    from core.search.text import page_text

    text = page_text(
        "<main><p>menu</p><article>a<br>b<h1>Titel</h1><h2>Kop<em>je</em></h2>"
        "<h3>Tweede</h3>c<!-- opmerking -->d<script>var s</script>e"
        "<div class='untranslated'>niet vertaald</div>caf&eacute;<p>x</p>y"
        "<table><tr><td>cel</td><td>twee</td></tr></table></article>"
        "<article>tweede artikel</article></main>"
    )
    assert (text.headings, text.body) == ("Kopje Tweede", "a b cde café x y cel twee")
    assert page_text(b"").body == "" and page_text("<p>geen artikel</p>").body == ""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_index_terms_are_the_terms_lunrs_tokenizer_and_pipeline_give(lang):
    """index_terms runs each distinct word through the pipeline once; the terms stay lunr's,
    in lunr's order, for every separator lunr knows and for words that lowercase oddly."""
    from lunr.pipeline import Pipeline
    from lunr.tokenizer import Tokenizer

    words = (
        "Mensenhandel slachtoffers' uitbuiting, arbeidsuitbuiting-zaken; de gemeenten "
        "werken\tsamen. Trafficking victims... exploitation of workers-in-need 2024\n\n"
        "İstanbul ÉÉN\xa0twee\fdrie\vvier\r--- ... the THE De quiz fax -x- "
        "'s-Hertogenbosch e-mail"
    ).split(" ")
    text = " ".join(words[i % len(words)] for i in range(20_000))
    whole = Pipeline()
    whole.add(*PIPELINES[lang].index)
    expected = [str(t) for t in whole.run(Tokenizer(text))]
    assert index_terms(text, lang) == expected
    assert index_terms(text, lang) == expected  # the second time from the remembered words
    assert len(expected) > 5000
    for odd in ("...", "", " - ", "a...b", "\u2028x\x1cy"):  # white space lunr does not cut at
        assert index_terms(odd, lang) == [str(t) for t in whole.run(Tokenizer(odd))], odd


def test_the_written_index_is_compact_json_with_one_entry_per_page(demo_site):
    """The index is written piece by piece (core/search/index.py ``_write``): it must still be
    exactly the compact JSON of what it holds, with a result entry for every indexed page."""
    for lang, index_file in _index_files(demo_site).items():
        text = index_file.read_text(encoding="utf-8")
        data = json.loads(text)
        assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        vectors = {ref.split("/", 1)[1] for ref, _ in data["index"]["fieldVectors"]}
        assert vectors == set(data["docs"]) and len(vectors) > 20, lang
