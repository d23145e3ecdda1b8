"""The one allow-list of what content may put into a page, checked the way a browser parses.

Editor text becomes HTML through Markdown; what matters is the HTML a browser builds from it,
not what the Markdown looks like. So the check parses HTML with html5lib, an implementation of
the WHATWG HTML parsing algorithm that browsers follow (comments such as ``<!-->``, ``<svg>``
and ``<math>`` foreign content, entity-encoded schemes like ``&#106;avascript:`` and unclosed
tags come out as a browser sees them), and compares every element, attribute and URL with the
allow-list below. html5lib rather than a sanitiser such as nh3: a sanitiser returns cleaned
HTML, while editors must be told what was refused and where, so we need the parsed tree itself.

Two tiers of one policy: :data:`EDITOR` is what an editor's Markdown (and any field that allows
Markdown) may produce; :data:`GENERATED` adds the markup our own page generators write into the
content region (the facet filter's form controls, responsive ``<picture>`` images, section
wrappers). Neither tier lists anything because it was found in a page: every entry is there
because our Markdown configuration or our code makes it. Neither ever allows ``on*``
attributes, ``style``, ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<base>``,
``<meta>`` or a URL that leaves the site for a resource.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import html5lib

from core.i18n import L_, Lazy, N_, _, translate

SAFE_LINK_SCHEMES = ("http", "https", "mailto", "tel")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: two named tiers
class Policy:
    """Elements with their own attributes (besides the global ones), and allowed classes.

    Global attributes of content: ``id`` (headings' toc ids, ``{#id}``, footnotes), ``lang``
    and ``dir`` (text in another language, WCAG 3.1.2), ``title`` (abbreviations, links).
    """

    name: str
    elements: dict[str, frozenset[str]]
    classes: frozenset[str]
    # attribute -> allowed values (exact), for attributes with a closed set of values
    values: dict[str, frozenset[str]] = field(default_factory=dict)
    # attributes allowed on any element by prefix (the generators' ``data-*`` hooks)
    prefixes: tuple[str, ...] = ()
    any_class: bool = False
    global_attrs: frozenset[str] = frozenset({"id", "class", "lang", "dir", "title"})

    def extended(
        self,
        name: str,
        elements: dict[str, set[str]],
        classes: set[str],
        values: dict[str, set[str]],
        prefixes: tuple[str, ...],
    ) -> "Policy":
        """This policy with more elements, attributes and values, for our generators' markup:
        any class (generators style their markup with the theme's classes; a class neither
        runs code nor loads anything, and ``style-src 'self'`` governs the style sheets)."""
        merged = {tag: frozenset(attrs) for tag, attrs in self.elements.items()}
        for tag, attrs in elements.items():
            merged[tag] = merged.get(tag, frozenset()) | frozenset(attrs)
        all_values = dict(self.values)
        for attr, allowed in values.items():
            all_values[attr] = all_values.get(attr, frozenset()) | frozenset(allowed)
        return Policy(
            name,
            merged,
            self.classes | frozenset(classes),
            all_values,
            self.prefixes + prefixes,
            any_class=True,
            global_attrs=self.global_attrs | {"hidden", "tabindex", "role"},
        )


def _elements(spec: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {tag: frozenset(attrs) for tag, attrs in spec.items()}


# What the renderer's Markdown configuration (mkdocs.yml: abbr, attr_list, def_list, footnotes,
# tables, md_in_html, toc, fenced code, longread.pullquote) makes, plus the inline HTML the
# editor's guide allows (core/body_checks.py ALLOWED_HTML).
EDITOR = Policy(
    name="content",
    elements=_elements(
        {
            "p": set(),
            "br": set(),
            "hr": set(),
            "em": set(),
            "strong": set(),
            "code": set(),
            "pre": set(),
            "blockquote": set(),
            "ul": set(),
            "ol": {"start"},
            "li": set(),
            "h1": set(),
            "h2": set(),
            "h3": set(),
            "h4": set(),
            "h5": set(),
            "h6": set(),
            "a": {"href", "hreflang"},
            "img": {"src", "alt"},
            "table": set(),
            "thead": set(),
            "tbody": set(),
            "tr": set(),
            "th": {"align"},
            "td": {"align"},  # tables: use_align_attribute (no style attribute)
            "dl": set(),
            "dt": set(),
            "dd": set(),
            "div": set(),
            "abbr": set(),
            "figure": set(),
            "figcaption": set(),
            "sup": set(),
            "sub": set(),
            "small": set(),
            "mark": set(),
            "kbd": set(),
            "q": set(),
            "span": set(),
        }
    ),
    # .decorative marks an image without alt text; the footnote classes are the footnotes
    # extension's, pullquote the longread extension's.
    classes=frozenset({"decorative", "footnote", "footnote-ref", "footnote-backref", "pullquote"}),
    values={
        "align": frozenset({"left", "right", "center"}),
        "dir": frozenset({"ltr", "rtl", "auto"}),
    },
)

# What our generators add in the content region (core/facets.py, core/images/markup.py,
# section generate.py files). Form controls are the facet filter's: a form without ``action``
# or ``method`` that the page's own script reads; the policy's form-action 'self' holds anyway.
GENERATED = EDITOR.extended(
    name="generated page",
    elements={
        "picture": set(),
        "source": {"type", "srcset", "sizes"},
        "img": {"srcset", "sizes", "width", "height", "loading", "decoding"},
        "article": set(),
        "aside": set(),
        "section": {"role"},
        "nav": set(),
        "caption": set(),
        "th": {"scope"},
        "time": {"datetime"},
        "details": {"open"},
        "summary": set(),
        # the facet filter (core/facets.py), the search page (core/search/page.py), the
        # story's copy-link field and the Kompas print button: controls the theme's own script
        # files drive; a form submits to the page itself at most (form-action 'self').
        "form": {"hidden", "role", "action", "method"},
        "fieldset": set(),
        "legend": set(),
        "label": {"for"},
        "input": {
            "type",
            "name",
            "value",
            "disabled",
            "readonly",
            "autocomplete",
            "spellcheck",
            "placeholder",
        },
        "select": {"name"},
        "option": {"value", "selected"},
        "button": {"type", "hidden"},
        "p": {"role"},
        "ol": {"hidden"},
        "ul": {"hidden"},
        "li": set(),
        "a": {"rel", "download", "type"},
        "div": {"role", "hidden", "tabindex"},  # a scrollable table: reachable by keyboard
    },
    classes=set(),
    values={
        "type": {
            "search",
            "checkbox",
            "text",
            "reset",
            "button",
            "submit",
            "image/webp",
            "text/calendar",
        },
        "method": {"get"},
    },
    prefixes=("data-", "aria-"),
)

# Attributes whose value is a URL the browser follows (a link) or loads (a resource).
_LINK_ATTRS = {"href"}
_RESOURCE_ATTRS = {
    "src",
    "srcset",
    "poster",
    "data",
    "action",
    "formaction",
    "xlink:href",
    "background",
    "cite",
    "longdesc",
    "manifest",
    "icon",
}
# An id an editor may give (toc's slugs, footnotes' fn:1, {#own-id}).
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")
# A fenced block's language (```html) becomes class="language-html" on its <code>.
_LANGUAGE = re.compile(r"^language-[A-Za-z0-9_+#.-]+$")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_STRIPPED = "".join(chr(c) for c in range(0x21)) + "\x7f"


@dataclass(frozen=True)
class Violation:
    """One thing in the HTML outside the allow-list; ``found`` is a short, stable description
    (the same construct gives the same text, so a violation can be traced back to its line)."""

    found: str | Lazy  # words are messages of the catalogue, translated only when shown
    expected: str | Lazy

    def __str__(self) -> str:
        return _(
            "unsafe HTML: {found} is not allowed; {expected}",
            found=translate(self.found),
            expected=translate(self.expected),
        )


def violations(fragment: str, policy: Policy = EDITOR) -> list[Violation]:
    """Every element, attribute and URL of the HTML ``fragment`` outside ``policy``, in
    document order (an ``<html>``/``<body>``-less fragment, as Markdown renders it)."""
    root = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    found: list[Violation] = []
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue  # comments: parsed as a browser does, so their text is inert
        if _check_element(element, policy, found):
            stack.extend(reversed(element))  # a refused element is reported once, not its inside
    return found


def _check_element(element, policy: Policy, found: list[Violation]) -> bool:
    """Report what is wrong with ``element``; ``True`` when its children are to be checked."""
    tag = element.tag
    if tag.startswith("{"):  # <svg>, <math> and everything inside them
        name = tag.rpartition("}")[2]
        found.append(
            Violation(
                L_("<{name}> (SVG or MathML)", name=name),
                L_("expected Markdown or the HTML elements {names}", names=_names(policy)),
            )
        )
        return False
    allowed = policy.elements.get(tag)
    if allowed is None:
        found.append(
            Violation(
                f"<{tag}>",
                L_("expected Markdown or the HTML elements {names}", names=_names(policy)),
            )
        )
        return False
    for name, value in element.attrib.items():
        name = name if isinstance(name, str) else name[1]
        problem = _check_attribute(tag, name, value, allowed, policy)
        if problem:
            found.append(problem)
    return True


def _check_attribute(
    tag: str, name: str, value: str, allowed: frozenset[str], policy: Policy
) -> Violation | None:
    shown = L_("{name}={value} on <{tag}>", name=name, value=repr(value[:60]), tag=tag)
    if name.startswith("on"):
        return Violation(
            L_("the event attribute {shown}", shown=shown), N_("content runs no scripts")
        )
    if name == "style":
        return Violation(
            L_("the style attribute {shown}", shown=shown),
            N_("the theme's style sheets style pages"),
        )
    if not (name in allowed or name in policy.global_attrs or name.startswith(policy.prefixes)):
        own = sorted(allowed | policy.global_attrs)
        return Violation(
            L_("the attribute {shown}", shown=shown),
            L_("allowed on <{tag}>: {names}", tag=tag, names=", ".join(own)),
        )
    if name == "class" and not policy.any_class:
        unknown = [
            c
            for c in value.split()
            if c not in policy.classes and not (tag == "code" and _LANGUAGE.match(c))
        ]
        if unknown:
            return Violation(
                L_("the class {names} on <{tag}>", names=repr(" ".join(unknown)), tag=tag),
                L_("allowed classes: {names}", names=", ".join(sorted(policy.classes))),
            )
    if name == "id" and not policy.any_class and not _ID.match(value):
        return Violation(
            L_("the id {value} on <{tag}>", value=repr(value[:40]), tag=tag),
            N_(
                "ids start with a letter or digit (ids starting with '_' are the "
                "theme's own, like Material's '__drawer')"
            ),
        )
    if name in policy.values and value not in policy.values[name]:
        return Violation(
            L_("the value {shown}", shown=shown),
            L_("allowed: {names}", names=", ".join(sorted(policy.values[name]))),
        )
    if name in _LINK_ATTRS or name in _RESOURCE_ATTRS:
        urls = (
            [part.split()[0] for part in value.split(",") if part.strip()]
            if name == "srcset"
            else [value]
        )
        for url in urls:
            problem = url_problem(url, resource=name not in _LINK_ATTRS)
            if problem:
                return Violation(L_("the address {shown}", shown=shown), problem)
    return None


def url_problem(url: str, resource: bool) -> str | Lazy | None:
    """What is wrong with ``url`` as a link (``resource=False``) or as something the page
    loads (a message of the catalogue: show it with ``translate``); ``None`` when it is fine. The scheme is read as a browser reads it: leading
    spaces and control characters dropped, tabs and newlines inside removed."""
    cleaned = url.strip(_STRIPPED).replace("\t", "").replace("\n", "").replace("\r", "")
    scheme = _SCHEME.match(cleaned)
    if scheme:
        if resource:
            return N_("pages load nothing from another address: put the file in content/images/")
        if scheme.group(1).lower() not in SAFE_LINK_SCHEMES:
            return L_(
                "links may use {schemes} or a relative address",
                schemes=", ".join(SAFE_LINK_SCHEMES),
            )
        return None
    # Browsers read a backslash as a slash in http(s) addresses: a backslash and a slash in
    # either order, or two backslashes, start an address on another host.
    if cleaned[:2].replace("\\", "/") == "//":
        return (
            N_("an address starting with // goes to another host: write https://...")
            if not resource
            else N_("pages load nothing from another host: put the file in content/images/")
        )
    return None


def _names(policy: Policy) -> str:
    return ", ".join(sorted(policy.elements))
