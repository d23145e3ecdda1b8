"""The message catalogue: every msgid of the code has a Dutch text, the .po is not stale, and
editors read each kind of message in exactly the words of their language.

Kinds sampled, in Dutch and English: a content error, a "did you mean", a usage error (ours and
argparse's), a lint warning, the preview overlay, the comment ``new`` writes, the field
reference, a trust-boundary refusal. The language comes from ``--lang``, else
``extra.editor_language`` in mkdocs.yml, else the locale (core/i18n.py).
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from core import i18n
from core.htmlpolicy import violations
from core.preview.status import PreviewStatus
from core.errors import ContentError, Problem
from toolkit import cli
from tests.conftest import ROOT, ContentTree, run_cli

PO = i18n.po_path("nl")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\w*)\}|%\((\w+)\)[a-z]|%[a-z]")


def _code_msgids() -> set[str | tuple]:
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(ROOT / "babel.cfg"))
    found: set[str | tuple] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        key = message if isinstance(message, str) else tuple(message)
        found.add((context, key) if context else key)
    return found


def _po_entries() -> dict:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    entries = {}
    for message in catalog:
        if message.id:
            key = message.id if isinstance(message.id, str) else tuple(message.id)
            entries[(message.context, key) if message.context else key] = message
    return entries


def _placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in _PLACEHOLDER.finditer(text))


def test_every_msgid_of_the_code_has_a_dutch_text_and_the_po_is_not_stale():
    in_code, in_po = _code_msgids(), _po_entries()
    assert len(in_code) > 300  # the extractor found the schemas' texts, not only _() calls
    missing = sorted(map(str, in_code - set(in_po)))
    stale = sorted(map(str, set(in_po) - in_code))
    assert not missing, f"msgids without a Dutch text (run ./dev messages, translate): {missing}"
    assert not stale, f"the .po holds msgids the code no longer has (run ./dev messages): {stale}"
    for key, message in in_po.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        assert all(strings) and not message.fuzzy, f"untranslated or fuzzy: {key}"
        for msgid, text in zip((ids * 2)[: len(strings)], strings):
            assert _placeholders(text) == _placeholders(msgid), f"placeholders differ: {key}"


def test_no_msgid_is_built_at_run_time():
    """``_(f"...")`` or ``_("..." + x)`` would look up a text no catalogue has."""
    bad = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in ("tests", "bench", ".venv", "node_modules") or rel.parts[0].startswith(
            "."
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.JoinedStr | ast.BinOp)
            ):
                bad.append(f"{rel}:{node.lineno}")
    assert not bad


def test_the_language_is_the_flag_then_the_site_then_the_locale():
    site = {"editor_language": "nl"}
    assert i18n.resolve("en", site, {"LANG": "nl_NL.UTF-8"}) == "en"
    assert i18n.resolve(None, site, {"LANG": "en_GB.UTF-8"}) == "nl"
    assert i18n.resolve(None, {}, {"LC_ALL": "nl_BE.UTF-8", "LANG": "en_US.UTF-8"}) == "nl"
    assert i18n.resolve(None, {}, {"LC_MESSAGES": "nl_NL", "LANG": "en_US"}) == "nl"
    assert i18n.resolve(None, None, {"LANG": "C.UTF-8"}) == "en"
    assert i18n.resolve(None, {"editor_language": "de"}, {}) == "en"


def _main(*argv: str) -> tuple[int, str]:
    """The CLI as an editor runs it: no ``--lang`` added (unlike ``run_cli``)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = cli.main([str(a) for a in argv])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, err.getvalue()


def test_the_demo_site_answers_in_dutch_without_a_flag_even_in_an_english_locale(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, err = _main("check", "--content", ROOT / "does-not-exist")
    assert code == 2
    assert err == (
        f"build.py check: --content {ROOT / 'does-not-exist'}: bestaat niet; verwacht "
        f"de map met de inhoudsbestanden\n"
    )
    assert i18n.current() == "en"  # the command's language ends with the command


BROKEN = """\
---
title: Over ons
summary: Wie we zijn.
nav_order: eerste
---

Lees ook [de privacy](privacyy.md).
"""
PRIVACY = """\
---
summary: Wat we bewaren.
---

Niets.
"""

CONTENT_ERRORS = {
    "nl": [
        "pages/over.md:4: veld 'nav_order': verwacht een geheel getal van minstens 1, "
        "gevonden: tekst 'eerste'",
        "pages/over.md:7: link naar een pagina die niet bestaat: 'privacyy.md' (gezocht naar "
        "pages/privacyy.md) (bedoel je 'privacy.md'?)",
        "pages/privacy.md:1: verplicht veld 'title' ontbreekt: verwacht tekst van hoogstens 80 "
        "tekens (de titel van de pagina, te zien als kop en in het tabblad van de browser)",
        "3 problemen gevonden; er is niets gepubliceerd.",
    ],
    "en": [
        "pages/over.md:4: field 'nav_order': expected a whole number of at least 1, got text "
        "'eerste'",
        "pages/over.md:7: link to a page that does not exist: 'privacyy.md' (looked for "
        "pages/privacyy.md) (did you mean 'privacy.md'?)",
        "pages/privacy.md:1: required field 'title' is missing: expected text of at most 80 "
        "characters (the page title, shown as its heading and in the browser tab)",
        "3 problems found; nothing was published.",
    ],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_content_errors_in_the_editors_language(lang, tmp_path):
    content = ContentTree(tmp_path / "content")
    content.write("pages/over.md", BROKEN)
    content.write("pages/privacy.md", PRIVACY)
    result = run_cli("check", "--lang", lang, "--content", content.root)
    assert result.code == 1
    assert result.err.splitlines() == CONTENT_ERRORS[lang]


LONG = (
    "Dit is een zin met heel veel woorden die maar doorgaat en doorgaat zonder ooit een punt "
    "te zetten omdat de schrijver vergat dat lezers ook moeten ademen tussen de zinnen door."
)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "nl",
            [
                "pages/lang.md:6: waarschuwing: een zin van 32 woorden (streef naar hoogstens 25): "
                "maak er twee zinnen van"
            ],
        ),
        (
            "en",
            [
                "pages/lang.md:6: warning: a sentence of 32 words (aim for at most 25): split it in two"
            ],
        ),
    ],
)
def test_lint_advice_in_the_editors_language(lang, expected, tmp_path):
    content = ContentTree(tmp_path / "content")
    content.write("pages/lang.md", f"---\ntitle: Lang\nsummary: Een lange zin.\n---\n\n{LONG}\n")
    result = run_cli("lint", "--lang", lang, "--content", content.root)
    assert result.out.splitlines() == expected
    assert (
        result.err
        == {
            "nl": "1 waarschuwing; alleen advies, er wordt niets geweigerd.\n",
            "en": "1 warning; advice only, nothing is refused.\n",
        }[lang]
    )


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "nl",
            "build.py build: optie --today: verwacht een datum JJJJ-MM-DD, gevonden: '2026-13-01' "
            "(zie build.py build --help)\n",
        ),
        (
            "en",
            "build.py build: argument --today: expected a date YYYY-MM-DD, got '2026-13-01' "
            "(see build.py build --help)\n",
        ),
    ],
)
def test_usage_errors_in_the_editors_language(lang, expected):
    result = run_cli("build", "--lang", lang, "--today", "2026-13-01")
    assert (result.code, result.err) == (2, expected)


def test_new_takes_dutch_type_names_and_writes_dutch_comments(tmp_path):
    content = ContentTree(tmp_path / "content")
    result = run_cli("new", "--lang", "nl", "--content", content.root, "verhaal", "ochtend")
    assert result.code == 0, result.err
    lines = (content.root / "longread" / "stories" / "ochtend.md").read_text().splitlines()
    assert lines[1] == (
        "# Nieuw: verhaal. Vul elk verplicht veld in en voer dan '.venv/bin/python "
        "build.py check' uit. Alle velden: handbook/nl/velden/story.md of "
        "handbook/en/fields/story.md"
    )
    assert (
        "title:   # verplicht: de titel van het verhaal (tekst van hoogstens 100 tekens)" in lines
    )
    english = run_cli("new", "--content", content.root, "story", "avond")
    text = (content.root / "longread" / "stories" / "avond.md").read_text().splitlines()
    assert english.code == 0 and text[1].startswith("# A new story: fill in every required field")
    assert "title:   # required: the story's title (text of at most 100 characters)" in text


def test_new_list_names_each_type_in_both_languages():
    dutch = run_cli("new", "--lang", "nl", "--list").out
    assert "verhaal (story)  (content/longread/stories/NAAM.md)\n" in dutch
    assert "locatie (stop)  (content/exhibition/stops/NAAM.md)\n" in dutch
    assert "    verplicht: title, summary\n" in dutch
    english = run_cli("new", "--lang", "en", "--list").out
    assert "story (verhaal)  (content/longread/stories/NAME.md)\n" in english
    unknown = run_cli("new", "--lang", "nl", "verhal", "x")
    assert (
        unknown.code == 2
        and "onbekende soort inhoud 'verhal'; bekende soorten: pagina (page)" in unknown.err
    )


def test_field_reference_in_dutch_comes_from_the_catalogue():
    dutch = run_cli("fields", "--lang", "nl").out
    assert "### `pagina` — `content/pages/NAAM.md`\n" in dutch
    assert (
        "| `title` | ja | tekst van hoogstens 80 tekens | ja | de titel van de pagina, te "
        "zien als kop en in het tabblad van de browser |"
    ) in dutch
    english = run_cli("fields", "--lang", "en").out
    assert (
        "| `title` | yes | text of at most 80 characters | yes | the page title, shown as "
        "its heading and in the browser tab |"
    ) in english


@pytest.mark.parametrize(
    "lang, title, file, fields",
    [
        (
            "nl",
            "Het voorbeeld is niet bijgewerkt: 2 problemen",
            "Bestand {path}, regel {line}",
            "Velden van het type ‘{type}’ (opent in een nieuw tabblad)",
        ),
        (
            "en",
            "The preview is not up to date: 2 problems",
            "File {path}, line {line}",
            "Fields of the type ‘{type}’ (opens in a new tab)",
        ),
    ],
)
def test_preview_overlay_words_in_the_editors_language(lang, title, file, fields):
    status = PreviewStatus(cli.SECTIONS)
    with i18n.language(lang):
        status.failed(ContentError([Problem("pages/a.md", 3, "x"), Problem("pages/b.md", 4, "y")]))
        answer = json.loads(status.to_json())
    assert answer["lang"] == lang
    assert (answer["text"]["title"], answer["text"]["file"], answer["text"]["fields"]) == (
        title,
        file,
        fields,
    )


def test_trust_boundary_refusals_are_translated_when_shown():
    found = violations('<a href="#" onclick="x()">a</a>')
    with i18n.language("nl"):
        dutch = str(found[0])
    with i18n.language("en"):
        english = str(found[0])
    assert dutch == (
        "onveilige HTML: het event-attribuut onclick='x()' op <a> mag niet; inhoud "
        "voert geen scripts uit"
    )
    assert english == (
        "unsafe HTML: the event attribute onclick='x()' on <a> is not allowed; "
        "content runs no scripts"
    )


def test_catalogue_is_read_from_the_po_with_no_compiled_file_beside_it():
    assert PO.is_file()
    assert not list(Path(PO.parent).glob("*.mo"))


SECTION_CHECK = """\
from __future__ import annotations


def check(site):
    for index, item in enumerate(site):
        yield item.rel, None, (f"field 'links[{index + 1}]': expected {item.kind!r}, "
                               f"got {item.found['url']}")
        yield item.rel, 2, "the name 'index' is taken: rename the file"
"""


def test_wrap_turns_a_sections_f_string_messages_into_catalogue_lookups(tmp_path):
    """``./dev wrap FILE``: the integrator's one step for a section written in English."""
    from core.i18n_wrap import wrap_file

    module = tmp_path / "checks.py"
    module.write_text(SECTION_CHECK, encoding="utf-8")
    assert wrap_file(module) == 2
    text = module.read_text(encoding="utf-8")
    assert "from __future__ import annotations\n\nfrom core.i18n import _\n" in text
    assert (
        "_(\"field 'links[{index}]': expected {kind}, got {url}\", index=index + 1, "
        "kind=repr(item.kind), url=item.found['url'])"
    ) in text
    assert "_(\"the name 'index' is taken: rename the file\")" in text
    assert wrap_file(module) == 0  # wrapped messages are left alone
    compile(text, str(module), "exec")
