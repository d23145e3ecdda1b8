"""The help route: one page per language that routes by situation, and the help block.

Every number and name comes from ``content/help/`` (one file per situation); the publisher's own
name and contact from ``extra.site`` in the renderer's configuration, so a demo's invented
publisher is never shown beside another organisation's real number.
"""

from __future__ import annotations

from core.i18n import _

from typing import Any

from core.schema import Phone
from core.section import Item, Section, Version
from core.staging import StagedPage, md_text, md_url
from core.urls import url_of
from helproute.model import Route
from helproute.schema import SCHEMA
from helproute.texts import PATHS, TEXTS


class HelpSection(Section):
    key = "help"
    folder = "help"
    schema = SCHEMA
    template_comment = "One situation on the page 'Hulp en melden' and where to turn."
    label = {"nl": "Hulp", "en": "Help"}

    def build_model(self, item: Item, version: Version, site) -> Route:
        values = version.values
        return Route(
            slug=item.slug,
            lang=version.lang,
            title=values["title"],
            label=values["label"],
            order=values["order"],
            organisation=values.get("organisation"),
            phone=values.get("phone"),
            phone_note=values.get("phone_note"),
            website=values.get("website"),
            publisher_contact=values["publisher_contact"],
            in_block=values["in_block"],
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        # Each situation also has a page of its own (a search result, a link to share); the
        # route page shows them all.
        return f"{PATHS[lang]}/{item.slug}.md"

    def landing_doc(self, lang: str) -> str:
        return page_doc(lang)

    def check(self, site):
        """The publisher never gets another's number, and a number always says whose it is.

        A route without any number, website or contact is allowed: a situation whose text
        alone helps (the help block then links to its page)."""
        for item in site.all_items():
            if item.section != self.key:
                continue
            values = item.versions["nl"].values
            source = item.versions["nl"].source
            if values["publisher_contact"] and (values.get("phone") or values.get("organisation")):
                field = "phone" if values.get("phone") else "organisation"
                yield (
                    source.rel,
                    source.line_of((field,)),
                    _(
                        "field '{field}': expected none beside publisher_contact: true (the publisher's name and contact come from extra.site in mkdocs.yml), got {value}",
                        field=field,
                        value=repr(values[field]),
                    ),
                )
            elif values.get("phone") and not values.get("organisation"):
                yield (
                    source.rel,
                    source.line_of(("phone",)),
                    _(
                        "field 'organisation': expected whom the visitor calls beside the phone, got nothing"
                    ),
                )

    def generate(self, site, lang: str):
        routes = _routes(site, lang)
        if not routes:
            return
        t = TEXTS[lang]
        publisher = _publisher(site, lang)
        jump = "\n".join(f"- [{md_text(r.title)}](#{r.slug})" for r in routes)
        parts = [t["intro"], f"## {t['choose']}\n\n{jump}"]
        for route in routes:
            parts.append(
                f"## {md_text(route.title)} {{#{route.slug}}}\n\n"
                f"{_reach(route, publisher, lang)}\n\n{route.body.strip()}"
            )
        yield StagedPage(
            key="help:route",
            lang=lang,
            doc_path=page_doc(lang),
            title=t["title"],
            description=t["summary"],
            body="\n\n".join(parts) + "\n",
            footer=True,
        )
        for route in (r for r in routes if r.lang == lang):  # a fallback has no page here
            back = f"[{md_text(t['all_help'])}](index.md)"
            yield StagedPage(
                key=f"help:{route.slug}",
                lang=lang,
                doc_path=f"{PATHS[lang]}/{route.slug}.md",
                title=route.title,
                description=_description(route, lang),
                body=f"{_reach(route, publisher, lang)}\n\n{route.body.strip()}\n\n{back}\n",
                source=route.source,
            )

    def theme_extra(self, site, lang: str) -> dict[str, Any]:
        """The help block on every page: the routes marked ``in_block`` and a link to them all."""
        routes = [r for r in _routes(site, lang) if r.in_block]
        if not routes:
            return {}
        publisher = _publisher(site, lang)
        return {
            "help": {
                "title": TEXTS[lang]["block_title"],
                "items": [_block_item(r, publisher, lang) for r in routes],
                "all_label": TEXTS[lang]["all_help"],
                "all_url": url_of(page_doc(lang)),
            }
        }


def page_doc(lang: str) -> str:
    """Where the route page is staged: ``hulp-en-melden/index.md``, ``help/index.md``."""
    return f"{PATHS[lang]}/index.md"


def _routes(site, lang: str) -> list[Route]:
    # Routes without a translation are shown in Dutch rather than left out: a number in
    # Dutch helps more than no number.
    routes = []
    for item in site.all_items():
        if item.section == "help":
            version = item.versions.get(lang) or item.versions["nl"]
            routes.append(HelpSection().build_model(item, version, site))
    return sorted(routes, key=lambda r: (r.order, r.slug))


def _publisher(site, lang: str) -> dict[str, str]:
    """The publisher's name and contact, from the one place they live (``extra.site``)."""
    return site.publisher(lang)


def _description(route: Route, lang: str) -> str:
    """The situation page's summary: who to reach, and how."""
    who = route.organisation or TEXTS[lang]["title"]
    return f"{route.title}: {who}" + (f", {route.phone}" if route.phone else "") + "."


def _contact_href(contact: str) -> str:
    return f"mailto:{contact}" if "@" in contact else Phone.tel(contact)


def _reach(route: Route, publisher: dict[str, str], lang: str) -> str:
    """How to reach whom, as Markdown: the call link first, then the website."""
    t = TEXTS[lang]
    lines = []
    if route.organisation:
        lines.append(f"**{md_text(route.organisation)}**")
    if route.phone:
        note = f" ({md_text(route.phone_note)})" if route.phone_note else ""
        lines.append(
            f"[{md_text(t['call'].format(phone=route.phone))}]"
            f"({Phone.tel(route.phone)}){{: .help-call }}{note}"
        )
    if route.website:
        lines.append(
            md_url(route.website, t["website"].format(organisation=route.organisation or ""))
        )
    if route.publisher_contact and publisher.get("contact"):
        contact = publisher["contact"]
        lines.append(
            f"{md_text(t['publisher'].format(publisher=publisher.get('publisher', '')))}: "
            f"[{md_text(contact)}]({_contact_href(contact)})"
        )
    return "  \n".join(lines)


def _block_item(route: Route, publisher: dict[str, str], lang: str) -> dict[str, Any]:
    """One entry of the help block: the situation, and one link (call, website or contact)."""
    t = TEXTS[lang]
    if route.phone:
        text = t["call"].format(phone=route.phone)
        if route.organisation and route.phone not in route.organisation:  # not "Bel 112, 112"
            text = t["call_org"].format(organisation=route.organisation, phone=route.phone)
        return {"label": route.label, "text": text, "href": Phone.tel(route.phone)}
    if route.website:
        return {
            "label": route.label,
            "text": t["website"].format(organisation=route.organisation),
            "href": route.website,
        }
    contact = publisher.get("contact", "")
    if route.publisher_contact and contact:
        return {
            "label": route.label,
            "text": f"{publisher.get('publisher', '')}: {contact}",
            "href": _contact_href(contact),
        }
    return {
        "label": route.label,
        "text": route.title,
        "internal": True,
        "href": url_of(f"{PATHS[lang]}/{route.slug}.md"),
    }
