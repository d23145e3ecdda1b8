"""The help route (content/help/): the page per language, the help block on every page made
from the same content, and the rule that no invented name is paired with a real number."""

from __future__ import annotations

import re

import html5lib
import yaml

from tests.conftest import ROOT, assert_refused, build, html_of

# The only numbers the demo may dial: those the issue and the seeds give (issue 24).
KNOWN_NUMBERS = {"tel:112", "tel:08007000", "tel:08002000"}

VEILIG_THUIS = """\
---
title: Er is geweld thuis
label: Geweld thuis
order: 2
organisation: Veilig Thuis
phone: 0800-2000
in_block: true
---

Je praat met een hulpverlener.
"""

ADVICE = """\
---
title: Je bent professional
label: Voor professionals
order: 3
publisher_contact: true
in_block: true
---

Vraag advies.
"""


def _tree(path):
    return html5lib.parse(
        path.read_text(encoding="utf-8"), treebuilder="etree", namespaceHTMLElements=False
    )


def _help_block(document):
    """(label, link text, href) of every entry of the help block, and its link to all help."""
    aside = document.find(".//aside[@class='help-block']")
    assert aside is not None
    items = [
        (
            "".join(li.find("span").itertext()).strip(),
            "".join(li.find("a").itertext()).strip(),
            li.find("a").get("href"),
        )
        for li in aside.iter("li")
    ]
    every = aside.find(".//p[@class='help-block__all']/a")
    return items, every


def test_every_tel_link_of_the_demo_dials_a_number_from_the_issue_or_seeds(demo_site):
    found = set()
    for page in demo_site.rglob("*.html"):
        for link in _tree(page).iter("a"):
            href = link.get("href") or ""
            if href.startswith("tel:"):
                assert href in KNOWN_NUMBERS, (page, href)
                found.add(href)
    assert found == KNOWN_NUMBERS


def test_numbers_live_in_content_not_in_the_theme_or_the_configuration():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "help" not in (yaml.safe_load(config.replace("!!python", "#"))["extra"])
    for path in [ROOT / "mkdocs.yml", *sorted((ROOT / "theme").rglob("*.html"))]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"tel:|0800|\b112\b", text), path


def test_the_help_block_on_a_deep_page_pairs_no_invented_name_with_a_number(demo_site):
    config = yaml.safe_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#")
    )
    for lang, path in (("nl", "open-je-ogen/agenda"), ("en", "en/open-je-ogen/calendar")):
        items, every = _help_block(_tree(demo_site / path / "index.html"))
        publisher = config["extra"]["site"][lang]["publisher"]
        assert [href for _, _, href in items] == [
            "tel:112",
            "tel:08007000",
            "tel:08002000",
            "mailto:info@mensenhandel.example.org",
        ]
        for label, text, href in items:
            assert (publisher in text) == href.startswith("mailto:"), (label, text, href)
        assert every.get("href") == ("../../hulp-en-melden/" if lang == "nl" else "../../help/")
    nl, _ = _help_block(_tree(demo_site / "open-je-ogen/agenda/index.html"))
    assert nl[2] == (
        "Geweld thuis of in een relatie",
        "Bel Veilig Thuis, 0800-2000",
        "tel:08002000",
    )


def test_the_route_page_routes_by_situation_in_each_language(demo_site):
    for lang, path, words in (
        (
            "nl",
            "hulp-en-melden",
            ("Bel 0800-2000", "Nederlandse Arbeidsinspectie", "Meldcode", "FairWork"),
        ),
        (
            "en",
            "en/help",
            ("Call 0800-2000", "Netherlands Labour Authority", "reporting code", "FairWork"),
        ),
    ):
        document = _tree(demo_site / path / "index.html")
        article = document.find(".//article")
        headings = [h.get("id") for h in article.iter("h2")]
        assert headings[1:] == [
            "direct-gevaar",
            "anoniem-melden",
            "huiselijk-geweld",
            "arbeidsuitbuiting",
            "professionals",
        ], headings
        text = " ".join(article.itertext())
        for word in words:
            assert word in text, (lang, word)
        # What happens when you call: the editor's text under each situation.
        assert ("centralist" if lang == "nl" else "operator") in text
        calls = {
            a.get("href") for a in article.iter("a") if (a.get("href") or "").startswith("tel:")
        }
        assert calls == KNOWN_NUMBERS


def test_the_home_task_for_worried_visitors_goes_to_the_route(demo_site):
    for home, target in (("", "hulp-en-melden/"), ("en/", "help/")):
        document = _tree(demo_site / home / "index.html")
        first = document.find(".//a[@class='home-tasks__link']")
        assert first.get("href") == target


def test_a_route_page_per_situation_and_the_block_from_a_small_tree(content, tmp_path):
    content.write("help/huiselijk-geweld.md", VEILIG_THUIS)
    content.write("help/professionals.md", ADVICE)
    content.write("pages/index.en.md", "---\ntitle: Welcome\nsummary: The start.\n---\n\nHello.\n")
    out = build(content, tmp_path / "site")
    situation = html_of(out, "hulp-en-melden/huiselijk-geweld")
    assert 'href="tel:08002000"' in situation and "Je praat met een hulpverlener." in situation
    items, _ = _help_block(_tree(out / "veiligheid" / "index.html"))
    assert [label for label, _, _ in items] == ["Geweld thuis", "Voor professionals"]
    # Untranslated routes still help in English (in Dutch) rather than vanish.
    assert 'href="tel:08002000"' in html_of(out, "en/help")


def test_without_help_content_there_is_no_help_block_and_no_route(content, tmp_path):
    out = build(content, tmp_path / "site")
    assert "help-block" not in html_of(out, "veiligheid")
    assert not (out / "hulp-en-melden").exists()


def test_bad_routes_are_reported_with_path_and_line(content):
    content.write(
        "help/a.md",
        ADVICE.replace("publisher_contact: true", "publisher_contact: true\nphone: 033-448 11 86"),
    )
    content.write("help/c.md", VEILIG_THUIS.replace("phone: 0800-2000", "phone: bel ons"))
    content.write("help/d.md", VEILIG_THUIS.replace("organisation: Veilig Thuis\n", ""))
    assert_refused(
        content.root,
        [
            "help/a.md:6: field 'phone': expected none beside publisher_contact: true (the "
            "publisher's name and contact come from extra.site in mkdocs.yml), got '033-448 11 86'",
            "help/c.md:6: field 'phone': expected a phone number of digits, spaces and hyphens "
            "(like 0800-2000 or 112), got text 'bel ons'",
            "help/d.md:5: field 'organisation': expected whom the visitor calls beside the phone, "
            "got nothing",
        ],
    )


def test_a_route_with_text_only_links_its_own_page_from_the_block(content, tmp_path):
    content.write(
        "help/twijfel.md",
        VEILIG_THUIS.replace("organisation: Veilig Thuis\n", "")
        .replace("phone: 0800-2000\n", "")
        .replace("label: Geweld thuis", "label: Twijfel"),
    )
    out = build(content, tmp_path / "site")
    items, _ = _help_block(_tree(out / "veiligheid" / "index.html"))
    assert items == [("Twijfel", "Er is geweld thuis", "../hulp-en-melden/twijfel/")]
