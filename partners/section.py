"""The partner section: one page per partner, the filterable index, A–Z and a page per kind."""

from __future__ import annotations

from core.i18n import _
from core.section import Item, Landing, Section, Version
from partners import generate
from partners.model import Partner, Relation
from partners.schema import SCHEMA
from partners.texts import t

# File names the section's own pages use beside the partner pages.
RESERVED = ("index", "a-z")


class PartnersSection(Section):
    key = "partner"
    label = {"nl": "Partners", "en": "Partners"}
    folder = "partners"
    schema = SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Partner:
        v = version.values
        return Partner(
            slug=item.slug,
            lang=version.lang,
            name=v["name"],
            abbreviation=v.get("abbreviation"),
            former_names=tuple(v["former_names"]),
            kind=v["kind"],
            sector=v["sector"],
            scope=v["scope"],
            roles=tuple(v["roles"]),
            status=v["status"],
            disbanded=v.get("disbanded"),
            website=v.get("website"),
            same_as=tuple(v["same_as"]),
            relations=tuple(Relation(r["partner"], r["relation"]) for r in v["relations"]),
            summary=v["summary"],
            body=version.body,
            source=version.source,
        )

    def item_title(self, item: Item, lang: str) -> str:
        version = item.versions.get(lang) or item.versions["nl"]
        name, short = version.values["name"], version.values.get("abbreviation")
        return f"{name} ({short})" if short else name

    def doc_path(self, item: Item, lang: str) -> str:
        return f"partners/{item.slug}.md"

    def check(self, site):
        """A disbanded date exactly when disbanded; no relation to itself or twice; reserved names."""
        for _slug, item in sorted(site.items.get(self.key, {}).items()):
            version = item.versions["nl"]
            values, source = version.values, version.source
            if item.slug in RESERVED:
                yield (
                    source.rel,
                    None,
                    _(
                        "the name '{name}' is used by the partner index itself: rename the file",
                        name=item.slug,
                    ),
                )
            if values["status"] == "disbanded" and values.get("disbanded") is None:
                yield (
                    source.rel,
                    source.line_of(("status",)),
                    _(
                        "field 'disbanded': expected the day it was disbanded (YYYY-MM-DD) "
                        "because status is 'disbanded', got nothing"
                    ),
                )
            if values["status"] != "disbanded" and values.get("disbanded") is not None:
                yield (
                    source.rel,
                    source.line_of(("disbanded",)),
                    _(
                        "field 'disbanded': expected no date because status is '{status}', "
                        "got {found}; set 'status: disbanded' or remove the date",
                        status=values["status"],
                        found=values["disbanded"].isoformat(),
                    ),
                )
            seen: set[tuple[str, str]] = set()
            for index, relation in enumerate(values["relations"]):
                pair = (relation["partner"], relation["relation"])
                if pair in seen:
                    yield (
                        source.rel,
                        source.line_of(("relations", index, "partner")),
                        _(
                            "field 'relations[{number}]': the relation '{relation}' to "
                            "'{partner}' is listed twice; remove one",
                            number=index + 1,
                            relation=pair[1],
                            partner=pair[0],
                        ),
                    )
                seen.add(pair)
                if relation["partner"] == item.slug:
                    yield (
                        source.rel,
                        source.line_of(("relations", index, "partner")),
                        _(
                            "field 'relations[{number}].partner': expected another partner, "
                            "got '{name}', the partner itself",
                            number=index + 1,
                            name=item.slug,
                        ),
                    )

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
