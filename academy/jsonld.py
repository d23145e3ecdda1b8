"""schema.org Course data per offer, for search engines.

The dict goes into the page's front matter (``jsonld``); theme/main.html writes it as a
``<script type="application/ld+json">`` data block.
"""

from __future__ import annotations

from typing import Any

from academy.model import Offer
from core.urls import site_url_of

# schema.org's courseMode values for our formats (anything else is passed as it is).
COURSE_MODES = {"online": "online", "on-site": "onsite", "blended": "blended"}


def _instances(offer: Offer) -> dict | list[dict]:
    """One CourseInstance per session (dates, place or online); without sessions, one that
    gives only the offer's mode."""
    mode = COURSE_MODES.get(offer.format, offer.format)
    if not offer.sessions:
        return {"@type": "CourseInstance", "courseMode": mode}
    instances = []
    for session in sorted(offer.sessions, key=lambda s: s.date):
        instance: dict[str, Any] = {
            "@type": "CourseInstance",
            "courseMode": "online" if session.online else "onsite",
            "startDate": session.date.isoformat(),
            "endDate": (session.end or session.date).isoformat(),
        }
        instance["location"] = (
            {"@type": "VirtualLocation"}
            if session.online
            else {"@type": "Place", "name": session.place}
        )
        instances.append(instance)
    return instances


def course(view, offer: Offer, doc: str) -> dict:
    """The Course of one offer: provider, languages, the offer's price (0 when free), mode."""
    site, lang = view.site, view.lang
    partners = site.content_type("partner")
    provider_item = site.item(partners.key, offer.provider)
    provider = {"@type": "Organization", "name": view.partner_name(offer.provider)}
    website = provider_item.versions["nl"].values.get("website")
    if website:
        provider["url"] = website
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": offer.title,
        "description": offer.summary,
        "provider": provider,
        "inLanguage": list(offer.languages) if len(offer.languages) > 1 else offer.languages[0],
        "isAccessibleForFree": offer.free,
        "audience": [
            {"@type": "Audience", "audienceType": view.label("audiences", a)}
            for a in offer.audiences
        ],
        "offers": {
            "@type": "Offer",
            "category": "Free" if offer.free else "Paid",
            "price": 0 if offer.price is None else float(offer.price),
            "priceCurrency": "EUR",
        },
        "hasCourseInstance": _instances(offer),
    }
    if site.site_url:
        data["url"] = site.site_url + site_url_of(lang, doc)
    if offer.registration or offer.link:
        data["offers"]["url"] = offer.registration or offer.link
    if offer.accreditation:
        a = offer.accreditation
        data["educationalCredentialAwarded"] = f"{a.points} accreditation points from {a.by}"
    return data
