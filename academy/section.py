"""The Academy section: the catalogue with filters, a page per chain partner, a page per offer."""

from __future__ import annotations

from academy import generate, paths, sitepages
from academy.model import Accreditation, Offer, Session
from academy.schema import FREE, SCHEMA
from academy.texts import t
from core.i18n import _
from core.section import Item, Landing, Section, Version

NAV_ORDER = 5


class AcademySection(Section):
    key = "offer"
    label = {"nl": "Academy", "en": "Academy"}
    folder = "academy"
    schema = SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Offer:
        v = version.values
        accreditation = v.get("accreditation")
        return Offer(
            slug=item.slug,
            lang=version.lang,
            title=v["title"],
            kind=v["kind"],
            audiences=tuple(v["audiences"]),
            provider=v["provider"],
            developed_with=tuple(v["developed_with"]),
            price=None if v["cost"] == FREE else v["cost"],
            accreditation=Accreditation(accreditation["by"], accreditation["points"])
            if accreditation
            else None,
            duration=v.get("duration"),
            languages=tuple(v["languages"]),
            format=v["format"],
            link=v.get("link"),
            page=sitepages.normalise(v["page"]) if v.get("page") else None,
            registration=v.get("registration"),
            sessions=tuple(
                Session(s["date"], s.get("end"), s.get("place"), s["online"]) for s in v["sessions"]
            ),
            summary=v["summary"],
            image=v.get("image"),
            image_alt=v.get("image_alt"),
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.offer(lang, item.slug)

    def check(self, site):
        """An image needs its alt text; the provider is not also listed as co-developer; a
        session has a place or is online (not both) and does not end before it starts; a
        ``page`` is an address this site publishes."""
        known: dict | None = None
        for _slug, item in sorted(site.items.get(self.key, {}).items()):
            for lang in sorted(item.versions):
                version = item.versions[lang]
                values, source = version.values, version.source
                if values.get("image") and not values.get("image_alt"):
                    yield (
                        source.rel,
                        source.line_of(("image",)),
                        _(
                            "field 'image_alt': expected what the picture shows (text), "
                            "because 'image' is given, got nothing"
                        ),
                    )
                if lang != "nl":
                    continue
                for n, session in enumerate(values.get("sessions") or [], 1):
                    where = ("sessions", n - 1)
                    if bool(session.get("place")) == bool(session.get("online")):
                        yield (
                            source.rel,
                            source.line_of(where),
                            _(
                                "field 'sessions[{n}]': expected a place or online: true (one of the two), got {value}",
                                n=n,
                                value=_("both") if session.get("place") else _("neither"),
                            ),
                        )
                    if session.get("end") and session["end"] < session["date"]:
                        yield (
                            source.rel,
                            source.line_of(where + ("end",)),
                            _(
                                "field 'sessions[{n}].end': expected a day on or after the date {date}, got {end}",
                                n=n,
                                date=session["date"].isoformat(),
                                end=session["end"].isoformat(),
                            ),
                        )
                if values.get("page"):
                    known = sitepages.known_pages(site) if known is None else known
                    if sitepages.normalise(values["page"]) not in known:
                        yield (
                            source.rel,
                            source.line_of(("page",)),
                            _(
                                "field 'page': expected the address of a page of this site, like '/kompas/', got '{page}', which no page has",
                                page=values["page"],
                            ),
                        )
                if values["provider"] in values["developed_with"]:
                    index = values["developed_with"].index(values["provider"])
                    yield (
                        source.rel,
                        source.line_of(("developed_with", index)),
                        _(
                            "field 'developed_with[{number}]': expected partners other than "
                            "the provider, got '{provider}', the provider itself",
                            number=index + 1,
                            provider=values["provider"],
                        ),
                    )

    def landing_doc(self, lang: str) -> str:
        return paths.INDEX

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, "nl"):
            return None
        return Landing(t(lang, "title"), t(lang, "summary"), paths.INDEX, NAV_ORDER)

    def generate(self, site, lang: str):
        if not site.models_of(self.key, "nl"):
            return []
        return generate.pages(site, self, lang, NAV_ORDER)
