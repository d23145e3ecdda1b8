"""The shared filter component: a faceted filter form and the entries it filters.

Any section (the partner index, the Academy ...) describes its entries and facets in Python;
this module writes the markup, ``theme/assets/filters.js`` brings it to life and
``theme/assets/filters.css`` styles it. Without JavaScript the form stays hidden and every
entry is shown, so nothing depends on the script.

Use from a section's ``generate``::

    from core import facets
    facet_list = [facets.Facet("kind", "Soort", (facets.Option("ngo", "Ngo"), ...)), ...]
    entries = [facets.Entry(id="fairwork", values={"kind": ("ngo",)}, text="FairWork ...",
                            markdown="[FairWork](fairwork.md)\\n\\nEen ngo die ...")]
    body = (facets.form(facet_list, entries, facets.TEXTS[lang])
            + facets.results(entries)                      # one flat list, or
            + facets.grouped_results([facets.Group("Politie", "politie", entries_of_police)]))
    StagedPage(..., body=body, fields=facets.PAGE_FIELDS)
    # PAGE_FIELDS loads filters.js and filters.css on this page only, and leaves out the table
    # of contents, which would list tiles the filter has hidden.

``Entry.markdown`` is the inside of one tile (a heading with the link, a summary ...): links
to ``.md`` doc paths (``core.staging.doc_link``) so MkDocs strict mode checks them. Entries,
lists and groups are written with ``markdown="block"`` (md_in_html), which unlike
``markdown="1"`` keeps parsing Markdown inside nested elements. ``Entry.lang`` marks an entry
written in another language than the page. ``matches`` and ``counts`` are the script's rules
in Python, for tests that compute the expected result from the content files.

Markup contract (what ``filters.js`` relies on; generate it with the functions here):

* ``<form data-facets hidden>`` wraps the controls; the script removes ``hidden``. One per page.
* ``<details data-facets-fold open>`` holds the facets; the script closes it on phones, and
  its ``<span data-facets-active data-text="{n} ...">`` says how many options are ticked.
* ``<input type="search" name="q" data-facets-text>``: the text filter. An entry matches when
  every word typed occurs in its ``data-facets-text`` (lower case, accents removed).
* ``<fieldset data-facet="NAME">`` per facet, with ``<legend>`` and one
  ``<input type="checkbox" name="NAME" value="VALUE">`` per option, whose ``<label>`` holds a
  ``<span data-facets-count>`` with the number of entries that option would show.
  Within a facet the checked options are alternatives (OR); facets combine with AND.
  An option that would give no results is ``disabled`` (a checked one never is).
* ``<p data-facets-status role="status" aria-live="polite">``: "N of M ..." announced to
  screen readers; its ``data-one`` / ``data-many`` / ``data-none`` attributes are the texts,
  with ``{n}`` (shown) and ``{total}`` (all) filled in.
* ``<button type="reset" data-facets-reset>``: clears every filter; a ``type="submit"``
  button beside it reloads the page with the filter in the query string.
* Entries: any element with ``data-facets-entry="ID"`` and, per facet, ``data-facet-NAME``
  holding its values separated by spaces; ``data-facets-text`` holds the searchable text.
  The same ID may appear more than once (an offer shown in two groups) and counts once.
* Groups: an element with ``data-facets-group`` is hidden when none of its entries is shown.
  A group that stands for one option (the tiles for the police, say) carries
  ``data-facets-group-facet="NAME"`` and ``data-facets-group-value="VALUE"`` (``Group.facet``
  and ``Group.value``): it is also hidden while other options of that facet, but not its own,
  are ticked, so ticking "police" leaves only the police group, even for an entry that is in
  several groups.
* Options: an option's count is the number of entries shown if it were ticked as well (the
  selection of its own facet left out); the name ``q`` is taken by the text filter.
* State: the query string mirrors the form (``?kind=ngo&kind=network&q=politie``, the form's
  own GET encoding): a ticked box pushes a history entry (Back undoes it), typing replaces
  the current one; reload and shared links restore the filter.

Facet names and option values must be URL names (lower-case letters, digits, hyphens): they
become attribute names and query parameters.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field, replace

from core.pagefields import PageFields

# Page fields of a page with filters: the theme loads the component's script and styles (see
# theme/main.html), and no table of contents, which would list the tiles a filter hides.
PAGE_FIELDS = PageFields(
    page_css=("assets/filters.css",), page_js=("assets/filters.js",), hide_toc=True
)

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """One choice within a facet: the value entries carry and its label for visitors."""

    value: str
    label: str


@dataclass(frozen=True)
class Facet:
    """A group of checkboxes filtering on one property (kind, audience, free only ...)."""

    name: str
    legend: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Entry:
    """One filterable entry: its values per facet, its searchable text and its Markdown."""

    id: str
    values: dict[str, tuple[str, ...]]
    text: str
    markdown: str
    css_class: str = "tile"  # site.css styles tiles; pass another class for a plain list
    lang: str | None = None  # when the entry is written in another language than the page


@dataclass(frozen=True)
class Group:
    """A heading with the entries under it (the Academy's tiles per chain partner, say)."""

    heading: str  # Markdown, so it may link to the group's own page
    anchor: str
    entries: tuple[Entry, ...]
    level: int = 2
    facet: str = ""  # the facet whose option ``value`` this group stands for, if any
    value: str = ""


@dataclass(frozen=True)
class Texts:
    """The component's fixed texts in one language; ``{n}`` and ``{total}`` are filled in."""

    form_label: str
    search_label: str
    search_hint: str
    reset: str
    status_one: str
    status_many: str
    status_none: str
    submit: str = "OK"  # the submit button: reloads the page with the filter in its address
    fold: str = "Filters"  # the summary the options fold behind on phones
    active: str = "{n}"  # how many options are ticked, shown beside ``fold``
    extra: dict[str, str] = field(default_factory=dict)


def counting(lang: str, status_one: str, status_many: str, status_none: str) -> Texts:
    """The component's texts in ``lang`` with a section's own words for what is counted."""
    return replace(
        TEXTS[lang], status_one=status_one, status_many=status_many, status_none=status_none
    )


TEXTS = {
    "nl": Texts(
        form_label="Filters",
        search_label="Zoek op naam of trefwoord",
        search_hint="Typ een of meer woorden; de lijst past zich direct aan.",
        reset="Wis alle filters",
        status_one="{n} van {total} getoond",
        status_many="{n} van {total} getoond",
        status_none="Niets gevonden. Haal een vinkje weg of wis de filters.",
        submit="Toon resultaten",
        fold="Filters",
        active="{n} actief",
    ),
    "en": Texts(
        form_label="Filters",
        search_label="Search by name or keyword",
        search_hint="Type one or more words; the list updates at once.",
        reset="Clear all filters",
        status_one="{n} of {total} shown",
        status_many="{n} of {total} shown",
        status_none="Nothing found. Untick an option or clear the filters.",
        submit="Show results",
        fold="Filters",
        active="{n} active",
    ),
}


@functools.lru_cache(maxsize=16384)  # the same names and keywords, for every page that lists them
def searchable(text: str) -> str:
    """Text as the script compares it: lower case, accents removed, single spaces."""
    if text.isascii():  # nothing to take off (most text): skip the per-letter work
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def matches(entry: Entry, selected: dict[str, set[str]], query: str = "") -> bool:
    """Whether ``entry`` passes the filter (the same rule as filters.js; tests use it)."""
    for name, values in selected.items():
        if values and not values & set(entry.values.get(name, ())):
            return False
    words = searchable(query).split()
    text = searchable(entry.text)
    return all(word in text for word in words)


def group_shown(group: Group, selected: dict[str, set[str]], query: str = "") -> bool:
    """Whether ``group`` is shown for this filter (the same rule as filters.js; tests use it)."""
    ticked = selected.get(group.facet, set()) if group.facet else set()
    if ticked and group.value not in ticked:
        return False
    return any(matches(entry, selected, query) for entry in group.entries)


def counts(
    facet: Facet, entries: list[Entry], selected: dict[str, set[str]], query: str = ""
) -> dict[str, int]:
    """Per option: how many entries there would be with that option ticked as well."""
    others = {name: values for name, values in selected.items() if name != facet.name}
    unique = {e.id: e for e in entries}.values()
    passing = [e for e in unique if matches(e, others, query)]
    return {
        o.value: sum(o.value in e.values.get(facet.name, ()) for e in passing)
        for o in facet.options
    }


def form(facets: list[Facet], entries: list[Entry], texts: Texts, id_prefix: str = "f") -> str:
    """The filter form (hidden until the script runs), with counts for the unfiltered list."""
    for facet in facets:
        _check_name(facet.name)
        if facet.name == "q":
            raise ValueError("the facet name 'q' is taken by the text filter")
        for option in facet.options:
            _check_name(option.value)
    total = len({e.id for e in entries})
    e = html.escape
    parts = [
        f'<form class="facets" data-facets hidden aria-label="{e(texts.form_label)}">',
        '<div class="facets__search">',
        f'<label for="{id_prefix}-q">{e(texts.search_label)}</label>',
        f'<input type="search" id="{id_prefix}-q" name="q" data-facets-text '
        f'autocomplete="off" aria-describedby="{id_prefix}-q-hint">',
        f'<span class="facets__hint" id="{id_prefix}-q-hint">{e(texts.search_hint)}</span>',
        "</div>",
        # On phones filters.js folds the options behind this summary (the result count
        # follows right below it); wide screens never show the summary.
        f'<details class="facets__fold" data-facets-fold open>'
        f'<summary class="facets__fold-summary">{e(texts.fold)} '
        f'<span class="facets__active" data-facets-active data-text="{e(texts.active)}">'
        f"</span></summary>",
        '<div class="facets__groups">',
    ]
    for facet in facets:
        numbers = counts(facet, entries, {})
        parts.append(
            f'<fieldset class="facets__facet" data-facet="{facet.name}">'
            f'<legend>{e(facet.legend)}</legend><ul class="facets__options">'
        )
        for option in facet.options:
            box = f"{id_prefix}-{facet.name}-{option.value}"
            disabled = " disabled" if numbers[option.value] == 0 else ""
            parts.append(
                f'<li><input type="checkbox" id="{box}" name="{facet.name}" '
                f'value="{option.value}"{disabled}><label for="{box}">'
                f'{e(option.label)} <span class="facets__count" data-facets-count>'
                f"{numbers[option.value]}</span></label></li>"
            )
        parts.append("</ul></fieldset>")
    parts.append("</div></details>")
    status = texts.status_many if total != 1 else texts.status_one
    parts.append(
        f'<div class="facets__footer"><p class="facets__status" data-facets-status '
        f'role="status" aria-live="polite" data-one="{e(texts.status_one)}" '
        f'data-many="{e(texts.status_many)}" data-none="{e(texts.status_none)}">'
        f"{e(status.format(n=total, total=total))}</p>"
        # A submit control (WCAG 3.2.2): the filter already applies as one types or
        # ticks; submitting loads the page with the filter in its address, which
        # the script restores, so the button works for any visitor.
        f'<button type="submit" class="facets__submit">{e(texts.submit)}</button>'
        f'<button type="reset" class="facets__reset" data-facets-reset>'
        f"{e(texts.reset)}</button></div>"
    )
    parts.append("</form>")
    return "\n".join(parts) + "\n\n"


def results(
    entries: list[Entry] | tuple[Entry, ...], css_class: str = "tiles facets-results"
) -> str:
    """The entries as one list (Markdown with md_in_html), each carrying its filter data."""
    items = "\n".join(_entry(entry) for entry in entries)
    return f'<ul class="{css_class}" markdown="block">\n{items}\n</ul>\n\n'


def grouped_results(groups: list[Group], css_class: str = "tiles facets-results") -> str:
    """The entries under their group headings; a group hides when none of its entries shows."""
    parts = []
    for group in groups:
        hashes = "#" * group.level
        stands_for = ""
        if group.facet:
            _check_name(group.facet)
            _check_name(group.value)
            stands_for = (
                f' data-facets-group-facet="{group.facet}" data-facets-group-value="{group.value}"'
            )
        parts.append(
            f'<section class="facets-group" data-facets-group{stands_for} '
            f'markdown="block">\n\n'
            f"{hashes} {group.heading} {{#{group.anchor}}}\n\n"
            f"{results(group.entries, css_class)}</section>\n\n"
        )
    return "".join(parts)


def _entry(entry: Entry) -> str:
    attrs = [f'class="{entry.css_class}"', f'data-facets-entry="{html.escape(entry.id)}"']
    for name in sorted(entry.values):
        _check_name(name)
        attrs.append(f'data-facet-{name}="{html.escape(" ".join(entry.values[name]))}"')
    attrs.append(f'data-facets-text="{html.escape(searchable(entry.text))}"')
    if entry.lang:
        attrs.append(f'lang="{entry.lang}"')
    return f'<li {" ".join(attrs)} markdown="block">\n\n{entry.markdown.strip()}\n\n</li>'


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ValueError(f"facet names and values must be URL names, got {name!r}")
