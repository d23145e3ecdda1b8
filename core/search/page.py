"""The search page (/zoeken/, /en/search/): a form that works as a link target (``?q=``).

search.js fills in the results. Without JavaScript the page says so and links to the home
page and every section's landing page, so nothing is out of reach. A search that finds nothing
shows the same links, a spelling suggestion taken from the index and a link to the help block
(theme/main.html): never a dead end.
"""

from __future__ import annotations

from html import escape

from core.staging import StagedPage
from core.urls import doc_link

KEY = "search:page"
DOC_PATHS = {"nl": "zoeken.md", "en": "search.md"}

TEXTS = {
    "nl": {
        "title": "Zoeken",
        "summary": "Zoek in alle pagina's van deze site.",
        "query": "Zoekwoorden",
        "section": "Onderdeel",
        "all": "Alle onderdelen",
        "submit": "Zoeken",
        "results": "Zoekresultaten",
        "nojs": "Zoeken werkt in deze browser alleen met JavaScript aan. Je zoekwoorden blijven "
        "altijd op je eigen apparaat: ze gaan niet naar ons of naar een ander.",
        "browse": "Zonder zoeken vind je alles via deze overzichten:",
        "home": "Startpagina",
        "suggest": "Bedoelde je:",
        "empty": "Probeer een ander of korter woord, of kijk in deze overzichten:",
        "help": "Hulp nodig, of wil je iets melden? Bel of meld anoniem:",
        "help_link": "hulp en meldpunten",
    },
    "en": {
        "title": "Search",
        "summary": "Search all pages of this site.",
        "query": "Search words",
        "section": "Section",
        "all": "All sections",
        "submit": "Search",
        "results": "Search results",
        "nojs": "In this browser, search only works with JavaScript turned on. Your search words "
        "always stay on your own device: they are not sent to us or anyone else.",
        "browse": "Without search, you can find everything through these overviews:",
        "home": "Home page",
        "suggest": "Did you mean:",
        "empty": "Try another or a shorter word, or look in these overviews:",
        "help": "Need help, or want to report something? Call or report anonymously:",
        "help_link": "help and reporting",
    },
}


def search_page(
    lang: str,
    sections: list[tuple[str, str]],
    landings: list[tuple[str, str]],
    has_home: bool = True,
    has_help: bool = True,
) -> StagedPage:
    """The search page of ``lang``.

    ``sections``: (key, label) of every section with searchable pages, for the filter;
    ``landings``: (title, doc_path) of the section indexes linked for visitors without JavaScript.
    ``has_help``: the pages carry the help block (``#help-title``) the empty state points at.
    """
    t = TEXTS[lang]
    doc = DOC_PATHS[lang]
    options = "\n".join(
        f'<option value="{escape(key)}">{escape(label)}</option>' for key, label in sections
    )
    links = "\n".join(
        f"- [{title}]({doc_link(doc, target)})"
        for title, target in [*([(t["home"], "index.md")] if has_home else []), *landings]
    )
    help_line = f'<p>{t["help"]} <a href="#help-title">{t["help_link"]}</a></p>' if has_help else ""
    body = f"""\
<form id="search-page" class="search-page" role="search" action="./" method="get" aria-label="{t["title"]}">
<div class="search-page__field">
<label for="search-page-q">{t["query"]}</label>
<input type="search" id="search-page-q" name="q" autocomplete="off" spellcheck="false">
</div>
<div class="search-page__field">
<label for="search-page-section">{t["section"]}</label>
<select id="search-page-section" name="section">
<option value="">{t["all"]}</option>
{options}
</select>
</div>
<button type="submit" class="button button--primary">{t["submit"]}</button>
</form>

<p id="search-page-status" class="search-page__status" role="status" aria-live="polite"></p>
<ol id="search-page-results" class="search-page__results" aria-label="{t["results"]}" hidden></ol>

<div id="search-page-empty" class="search-page__empty" hidden markdown="1">

<p id="search-page-suggestion" class="search-page__suggestion" hidden>{t["suggest"]} <a id="search-page-suggestion-link" href="./"></a></p>

{t["empty"]}

{links}

{help_line}

</div>

<div id="search-nojs" class="search-nojs" markdown="1">

{t["nojs"]}

{t["browse"]}

{links}

</div>
"""
    return StagedPage(
        key=KEY,
        lang=lang,
        doc_path=doc,
        title=t["title"],
        description=t["summary"],
        body=body,
        searchable=False,
    )
