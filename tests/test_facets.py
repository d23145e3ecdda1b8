"""The shared filter component's Python half: matching, counts and the markup contract."""

from __future__ import annotations

import pytest

from core import facets

KIND = facets.Facet(
    "kind",
    "Soort",
    (
        facets.Option("ngo", "Ngo"),
        facets.Option("network", "Netwerk"),
        facets.Option("police", "Politie"),
    ),
)
ROLE = facets.Facet(
    "role", "Rol", (facets.Option("chair", "Voorzitter"), facets.Option("member", "Lid"))
)
ENTRIES = [
    facets.Entry("a", {"kind": ("ngo",), "role": ("chair",)}, "Stichting Één", "[A](a.md)"),
    facets.Entry(
        "b", {"kind": ("network",), "role": ("chair", "member")}, "Netwerk B", "[B](b.md)"
    ),
    facets.Entry("c", {"kind": ("network",), "role": ("member",)}, "Café C", "[C](c.md)"),
]


def test_or_within_a_facet_and_across_facets_plus_text_without_accents():
    def shown(selected, query=""):
        return [e.id for e in ENTRIES if facets.matches(e, selected, query)]

    assert shown({"kind": {"ngo", "network"}}) == ["a", "b", "c"]
    assert shown({"kind": {"network"}, "role": {"chair"}}) == ["b"]
    assert shown({}, "cafe") == ["c"]
    assert shown({}, "STICHTING een") == ["a"]


def test_counts_ignore_the_facets_own_selection_and_count_an_entry_once():
    doubled = ENTRIES + [ENTRIES[1]]  # shown in two groups
    assert facets.counts(KIND, doubled, {"kind": {"ngo"}, "role": {"member"}}) == {
        "ngo": 0,
        "network": 2,
        "police": 0,
    }


def test_form_and_entries_follow_the_markup_contract():
    html = facets.form([KIND, ROLE], ENTRIES, facets.TEXTS["nl"])
    assert html.startswith('<form class="facets" data-facets hidden aria-label="Filters">')
    assert (
        '<input type="checkbox" id="f-kind-police" name="kind" value="police" disabled>'
        '<label for="f-kind-police">Politie <span class="facets__count" data-facets-count>0'
        "</span></label>"
    ) in html
    assert 'role="status" aria-live="polite"' in html and "3 van 3 getoond" in html
    listing = facets.results(ENTRIES[:1])
    assert (
        '<li class="tile" data-facets-entry="a" data-facet-kind="ngo" data-facet-role="chair" '
        'data-facets-text="stichting een" markdown="block">'
    ) in listing


def test_names_that_cannot_be_attributes_are_refused():
    with pytest.raises(ValueError):
        facets.form([facets.Facet("Our role", "x", ())], [], facets.TEXTS["en"])


def test_a_group_standing_for_an_option_hides_while_other_options_are_ticked():
    chairs = facets.Group(
        "Voorzitter", "chair", (ENTRIES[0], ENTRIES[1]), facet="role", value="chair"
    )
    assert facets.group_shown(chairs, {})
    assert facets.group_shown(chairs, {"role": {"chair", "member"}})
    assert not facets.group_shown(chairs, {"role": {"member"}})  # b is a member, but not here
    assert not facets.group_shown(chairs, {"kind": {"police"}})  # no entry left
    html = facets.grouped_results([chairs])
    assert html.startswith(
        '<section class="facets-group" data-facets-group '
        'data-facets-group-facet="role" data-facets-group-value="chair" '
        'markdown="block">'
    )
    plain = facets.grouped_results([facets.Group("Alle", "all", (ENTRIES[0],))])
    assert plain.startswith('<section class="facets-group" data-facets-group markdown="block">')
