"""The partner section: one page per partner, the filterable index, A–Z and a page per kind."""

from __future__ import annotations

from core.section import Item, Landing, Section, Version
from partners import generate
from partners.model import Partner, Relation
from partners.schema import SCHEMA
from partners.texts import t

# File names the section's own pages use beside the partner pages.
RESERVED = ("index", "a-z")


class PartnersSection(Section):
    key = "partner"
    label = {'nl': 'Partners', 'en': 'Partners'}
    folder = "partners"
    schema = SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Partner:
        v = version.values
        return Partner(
            slug=item.slug, lang=version.lang, name=v["name"], abbreviation=v.get("abbreviation"),
            former_names=tuple(v["former_names"]), kind=v["kind"], sector=v["sector"],
            scope=v["scope"], roles=tuple(v["roles"]), status=v["status"],
            disbanded=v.get("disbanded"), website=v.get("website"), same_as=tuple(v["same_as"]),
            relations=tuple(Relation(r["partner"], r["relation"]) for r in v["relations"]),
            summary=v["summary"], body=version.body, source=version.source)

    def item_title(self, item: Item, lang: str) -> str:
        version = item.versions.get(lang) or item.versions["nl"]
        name, short = version.values["name"], version.values.get("abbreviation")
        return f"{name} ({short})" if short else name

    def doc_path(self, item: Item, lang: str) -> str:
        return f"partners/{item.slug}.md"

    def check(self, site):
        """A disbanded date exactly when disbanded; no relation to itself or twice; reserved names."""
        for _, item in sorted(site.items.get(self.key, {}).items()):
            version = item.versions["nl"]
            values, source = version.values, version.source
            if item.slug in RESERVED:
                yield (source.rel, None, f"the name '{item.slug}' is used by the partner index "
                                         f"itself: rename the file")
            if values["status"] == "disbanded" and values.get("disbanded") is None:
                yield (source.rel, source.line_of(("status",)),
                       "field 'disbanded': expected the day it was disbanded (YYYY-MM-DD) "
                       "because status is 'disbanded', got nothing")
            if values["status"] != "disbanded" and values.get("disbanded") is not None:
                yield (source.rel, source.line_of(("disbanded",)),
                       f"field 'disbanded': expected no date because status is "
                       f"'{values['status']}', got {values['disbanded'].isoformat()}; set "
                       f"'status: disbanded' or remove the date")
            seen: set[tuple[str, str]] = set()
            for index, relation in enumerate(values["relations"]):
                pair = (relation["partner"], relation["relation"])
                if pair in seen:
                    yield (source.rel, source.line_of(("relations", index, "partner")),
                           f"field 'relations[{index + 1}]': the relation '{pair[1]}' to "
                           f"'{pair[0]}' is listed twice; remove one")
                seen.add(pair)
                if relation["partner"] == item.slug:
                    yield (source.rel, source.line_of(("relations", index, "partner")),
                           f"field 'relations[{index + 1}].partner': expected another partner, "
                           f"got '{item.slug}', the partner itself")

    def landing_doc(self, lang: str) -> str:
        return generate.INDEX

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, "nl"):
            return None
        return Landing(t(lang, "index_title"), t(lang, "index_summary"), generate.INDEX, 6)

    def generate(self, site, lang: str):
        if not site.models_of(self.key, "nl"):
            return []
        return generate.pages(site, self, lang)
