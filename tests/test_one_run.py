"""Every problem of a content tree in one run, once, on the file and line to change.

One tree with a mistake of every kind (front matter, body, cross-file, section rules, file
names and places) in several files: `check` and `build` each list all of them, exactly.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, run_cli
from tests.exhibition_content import stop, with_exhibition
from tests.test_images import photo
from tests.test_longread import COVER, story


def page(front: str, body: str = "Tekst.\n") -> str:
    return f"---\n{front}---\n\n{body}"


@pytest.fixture
def many_mistakes(content):
    vocabularies = ROOT / "content" / "vocabularies"
    for name in (
        "story-roles.yml",
        "partner-kinds.yml",
        "partner-sectors.yml",
        "partner-scopes.yml",
        "partner-roles.yml",
        "partner-relations.yml",
        "regions.yml",
    ):
        content.write(f"vocabularies/{name}", (vocabularies / name).read_text(encoding="utf-8"))
    partner = (ROOT / "content/partners/politie.md").read_text(encoding="utf-8")
    content.write(
        "partners/politie.md",
        partner.split("relations:")[0] + "summary: De politie.\n---\n\nTekst.\n",
    )
    content.write_bytes("images/veld.jpg", photo(1200, 600))
    content.write("longread/cover/index.md", COVER)
    # Front matter and body wrong in one file: both reported.
    content.write("pages/a.md", page("title: A\n", "Zie [nergens](nergens.md).\n"))
    # Invalid YAML: its own message, its body still checked; links and references to it quiet.
    content.write(
        "partners/kapot.md", page("name: [Kapot\nsummary: x\n", "Zie [weg](../pages/weg.md).\n")
    )
    content.write(
        "pages/b.md", page("title: B\nsummary: B.\n", "Zie [kapot](../partners/kapot.md).\n")
    )
    # Section rules beside schema mistakes elsewhere: a victim's story without 'anonymised',
    # a stop that ends before it starts.
    content.write(
        "longread/stories/sara.md",
        story(kind="victim", role=None, order="2", related_partners="[kapot, politei]"),
    )
    with_exhibition(content, a=stop(first="2026-12-04", last="2026-11-09"))
    # Places and names: a slug clash, a page at a generated page's address, a file name that
    # is no web address, a Markdown file outside every section.
    content.write("pages/index.en.md", page("title: Home\nsummary: Home.\n"))
    content.write("pages/over-ons.md", page("title: Over ons\nsummary: Wie.\n"))
    content.write("pages/over-ons.en.md", page("title: About\nsummary: Who.\nslug: who\n"))
    content.write("pages/who.md", page("title: Wie\nsummary: Wie.\n"))
    content.write("pages/who.en.md", page("title: Who\nsummary: Who.\n"))
    content.write("pages/academy.md", page("title: Academy\nsummary: Iets.\n"))
    content.write("pages/zoeken.md", page("title: Zoeken\nsummary: Iets.\n"))
    content.write("pages/Mijn pagina.md", page("title: Mijn\nsummary: Iets.\n"))
    content.write("los.md", page("title: Los\nsummary: Iets.\n"))
    return content


EXPECTED = [
    "exhibition/stops/a.md:5: field 'last_day': expected a day on or after first_day "
    "(2026-12-04), got 2026-11-09",
    "longread/stories/sara.md:4: field 'anonymised': expected true because kind is 'victim' (a "
    "victim's story is published only once names, places and details that could identify "
    "anyone are changed), got nothing",
    "longread/stories/sara.md:10: field 'related_partners[2]': no partner item named 'politei' "
    "(expected a file partners/politei.md) (did you mean 'politie'?)",
    "los.md: this Markdown file is outside every section folder, so it would not be published: "
    "expected it in one of academy/, exhibition/landing/, exhibition/stops/, help/, "
    "kompas/factsheet/, kompas/form/, kompas/instrument/, kompas/role/, kompas/theme/, "
    "longread/cover/, longread/stories/, news/, pages/, partners/, publications/, quotes/; "
    "move it",
    "pages/Mijn pagina.md: the file name 'Mijn pagina.md' cannot become a web address: expected "
    "lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, got a "
    "space, 'M'; rename the file to 'mijn-pagina.md'",
    "pages/a.md:1: required field 'summary' is missing: expected text of at most 200 characters "
    "(one sentence on what the page offers; shown in search engines and on tiles)",
    "pages/a.md:5: link to a page that does not exist: 'nergens.md' (looked for pages/nergens.md)",
    "pages/academy.md: this page would be published at '/academy/', the address of the landing "
    "page of Academy, which the build makes: both cannot be there; rename the file or set "
    "another 'slug'",
    # The file whose 'slug' moved it onto the other's address, at that line.
    "pages/over-ons.en.md:4: two pages would be published at the same address '/en/who/': "
    "pages/over-ons.en.md and pages/who.en.md; change the file name or slug of one",
    "pages/zoeken.md: this page would be published at '/zoeken/', the address of the search "
    "page, which the build makes: both cannot be there; rename the file or set another 'slug'",
    # Invalid YAML: one message; the body is still checked; pages/b.md's link to it and
    # sara.md's reference to it say nothing more.
    "partners/kapot.md:3: invalid YAML: while parsing a flow sequence, expected ',' or ']', but "
    "got ':'",
    "partners/kapot.md:6: link to a page that does not exist: '../pages/weg.md' (looked for "
    "pages/weg.md)",
]


def test_check_reports_every_problem_in_one_run(many_mistakes):
    result = run_cli("check", "--content", many_mistakes.root)
    assert result.code == 1
    assert result.err.splitlines() == [
        *EXPECTED,
        f"{len(EXPECTED)} problems found; nothing was published.",
    ]


def test_build_reports_the_same_problems_and_publishes_nothing(many_mistakes, tmp_path):
    out = tmp_path / "site"
    result = run_cli(
        "build", "--content", many_mistakes.root, "--out", out, "--today", "2026-11-23"
    )
    assert result.code == 1
    assert result.err.splitlines()[:-1] == EXPECTED
    assert "Traceback" not in result.err
    assert not out.exists()


def test_once_fixed_the_tree_builds(many_mistakes, tmp_path):
    """The fixes the messages ask for are enough: nothing was hidden behind another problem."""
    root = many_mistakes.root
    many_mistakes.write("pages/a.md", page("title: A\nsummary: A.\n", "Zie [wie](who.md).\n"))
    many_mistakes.write(
        "partners/kapot.md",
        (root / "partners/politie.md")
        .read_text()
        .replace("name: Nationale Politie", "name: Kapot"),
    )
    many_mistakes.write(
        "longread/stories/sara.md",
        story(
            kind="victim",
            role=None,
            order="2",
            anonymised="true",
            related_partners="[kapot, politie]",
        ),
    )
    with_exhibition(many_mistakes, a=stop())
    many_mistakes.write("pages/over-ons.en.md", page("title: About\nsummary: Who.\nslug: about\n"))
    for rel in ("pages/academy.md", "pages/zoeken.md", "los.md"):
        (root / rel).unlink()
    (root / "pages/Mijn pagina.md").rename(root / "pages/mijn-pagina.md")
    result = run_cli("check", "--content", root)
    assert (result.code, result.err) == (0, "content is valid\n")
