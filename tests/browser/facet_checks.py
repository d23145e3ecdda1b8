"""What a filtered index should show, worked out from the content files, and the checks that
the page in Chromium shows exactly that. Shared by the Academy and partner filter tests."""

from __future__ import annotations

from urllib.parse import parse_qs

from core import facets


class FacetOracle:
    """The entries of one filtered index as the content files describe them."""

    def __init__(
        self,
        entries: list[facets.Entry],
        none_text: str,
        options: list[tuple[str, str]] | None = None,
    ):
        self.entries = entries
        self.none_text = none_text  # how the status line starts when nothing matches
        self.options = options  # every (facet, value) checkbox the form must have, if given

    def expected(self, selected: dict[str, set[str]], query: str = "") -> set[str]:
        """The ids of the entries the filters should show."""
        return {e.id for e in self.entries if facets.matches(e, selected, query)}

    def assert_consistent(
        self, page, selected: dict[str, set[str]], query: str = "", none_text: str | None = None
    ) -> None:
        """What is shown, every count and every disabled option match the content files."""
        want = self.expected(selected, query)
        # Typed text filters once typing pauses (filters.js: a timer, then the address gets the
        # text as ?q=): the status line alone may already read the count it is about to show.
        page.wait_for_function(
            "q => (new URLSearchParams(location.search).get('q') || '') === q",
            arg=query.strip(),
        )
        page.wait_for_function(
            "n => document.querySelector('[data-facets-status]').textContent.startsWith(n + ' ')"
            if want
            else "t => document.querySelector('[data-facets-status]').textContent.startsWith(t)",
            arg=len(want) if want else none_text or self.none_text,
        )
        assert shown(page) == want
        boxes = options(page)
        if self.options is not None:
            assert set(boxes) == set(self.options)
        for (name, value), (count, disabled, focused) in boxes.items():
            facet = facets.Facet(name, "", (facets.Option(value, ""),))
            should = facets.counts(facet, self.entries, selected, query)[value]
            assert count == should, (name, value)
            # Empty options are disabled, except a ticked one and the one in focus (filters.js).
            empty = should == 0 and value not in selected.get(name, set()) and not focused
            assert disabled == empty, (name, value)

    def assert_reload_and_back(
        self, page, before: dict[str, set[str]], after: dict[str, set[str]], box: str
    ) -> None:
        """The page shows ``after`` (``box`` just ticked on top of ``before``): a reload keeps
        it, and Back returns to ``before``, ``box`` unticked."""
        page.reload()
        self.assert_consistent(page, after)
        assert page.is_checked(box)
        page.go_back()
        self.assert_consistent(page, before)
        assert not page.is_checked(box)

    def assert_reset(self, page) -> None:
        """The reset button shows everything again and empties the address's query."""
        page.click("[data-facets-reset]")
        # filters.js updates after the browser has reset the form, in a task of its own, and
        # then writes the address: wait for that rather than for a count the page may show.
        page.wait_for_function("() => location.search === ''")
        self.assert_consistent(page, {})
        assert page.evaluate("location.search") == ""


def shown(page) -> set[str]:
    """The ids of the entries visible on the page."""
    return set(
        page.eval_on_selector_all(
            "[data-facets-entry]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.facetsEntry)",
        )
    )


def options(page) -> dict[tuple[str, str], tuple[int, bool, bool]]:
    """(facet, value) -> (count shown, disabled, has focus) for every checkbox."""
    rows = page.eval_on_selector_all(
        "form[data-facets] input[type=checkbox]",
        """els => els.map(b =>
        [b.name, b.value, b.parentNode.querySelector('[data-facets-count]').textContent, b.disabled,
         b === document.activeElement])""",
    )
    return {
        (name, value): (int(count), disabled, focused)
        for name, value, count, disabled, focused in rows
    }


def query_of(page) -> dict[str, list[str]]:
    """The page's query string, parsed."""
    return parse_qs(page.evaluate("location.search").lstrip("?"))
