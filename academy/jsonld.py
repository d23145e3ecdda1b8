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
        "audience": [{"@type": "Audience", "audienceType": view.label("audiences", a)}
                     for a in offer.audiences],
        "offers": {"@type": "Offer", "category": "Free" if offer.free else "Paid",
                   "price": 0 if offer.price is None else float(offer.price), "priceCurrency": "EUR"},
        "hasCourseInstance": {"@type": "CourseInstance",
                              "courseMode": COURSE_MODES.get(offer.format, offer.format)},
    }
    if site.site_url:
        data["url"] = site.site_url + site_url_of(lang, doc)
    if offer.link:
        data["offers"]["url"] = offer.link
    if offer.accreditation:
        a = offer.accreditation
        data["educationalCredentialAwarded"] = f"{a.points} accreditation points from {a.by}"
    return data
