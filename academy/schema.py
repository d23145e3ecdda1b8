"""The fields of a training offer (``content/academy/NAME.md``)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from core.images import ImagePath
from core.schema import (
    Boolean,
    Choice,
    Date,
    Field,
    FieldType,
    Group,
    Integer,
    keywords_field,
    ListOf,
    Ref,
    Schema,
    Text,
    Url,
)

FREE = "free"


class Cost(FieldType):
    """``free``, or a price in euros above 0 with at most two decimals (``95``, ``49.50``)."""

    expected = "'free' or a price in euros above 0, like 95 or 49.50"

    def check(self, value, ctx, location):
        if isinstance(value, str) and value.strip().lower() == FREE:
            return FREE
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self._fail(value)
        try:
            price = Decimal(str(value).strip())
        except InvalidOperation:
            raise self._fail(value) from None
        exponent = price.as_tuple().exponent  # an int, or 'n', 'N', 'F' (not a finite number)
        if not price.is_finite() or price <= 0 or (isinstance(exponent, int) and exponent < -2):
            extra = " (write 'free' for an offer without cost)" if price == 0 else ""
            raise self._fail(value, extra)
        return price.quantize(Decimal("0.01"))


ACCREDITATION = Group(
    Field("by", Text(max_length=120), "who accredited it, like 'ABC1 (huisartsen)'", required=True),
    Field("points", Integer(minimum=1), "the number of accreditation points", required=True),
)

SESSION = Group(
    Field("date", Date(), "the (first) day of the session, YYYY-MM-DD", required=True),
    Field("end", Date(), "the last day, when it takes more than one day"),
    Field("place", Text(max_length=120), "where it is held, like 'Utrecht' (or give online)"),
    Field(
        "online", Boolean(), "true when the session is online (then leave out place)", default=False
    ),
)

SCHEMA = Schema(
    type_name="offer",
    description="One training offer of the Mensenhandel Academy: an e-learning, factsheet, "
    "toolkit, training, webinar, guide ... The text after the fields says what "
    "participants learn.",
    fields=(
        Field(
            "title", Text(max_length=100), "the name of the offer", required=True, translatable=True
        ),
        Field("kind", Choice(vocabulary="offer-kinds"), "what sort of offer it is", required=True),
        Field(
            "audiences",
            ListOf(Choice(vocabulary="offer-audiences"), min_items=1),
            "the chain partners it is meant for; the catalogue shows it in each of their groups",
            required=True,
        ),
        Field(
            "provider",
            Ref("partner"),
            "who offers it: a partner's file name, like 'fairwork'",
            required=True,
        ),
        Field(
            "developed_with",
            ListOf(Ref("partner")),
            "partners who made it together with the provider (their file names)",
            default=[],
        ),
        Field("cost", Cost(), "'free', or the price in euros", required=True),
        Field("accreditation", ACCREDITATION, "accreditation points for professionals, if any"),
        Field(
            "duration",
            Text(max_length=60),
            "how long it takes, like '2 uur' or '3 dagdelen'",
            translatable=True,
        ),
        Field(
            "languages",
            ListOf(Choice(vocabulary="offer-languages"), min_items=1),
            "the languages it is given in",
            required=True,
        ),
        Field(
            "format",
            Choice(vocabulary="offer-formats"),
            "online, on site or blended",
            required=True,
        ),
        Field(
            "link",
            Url(),
            "where to sign up or download it (a link only; nothing is loaded from it)",
        ),
        Field(
            "page",
            Text(max_length=200),
            "a page of this site that holds the offer, written "
            "as its address on the Dutch site, like '/kompas/'; shown instead of an outside "
            "page (checked to exist)",
        ),
        Field("registration", Url(), "where to register for a session (a link only)"),
        Field(
            "sessions",
            ListOf(SESSION),
            "the dates it is given, each with a place or online",
            default=[],
        ),
        Field(
            "summary",
            Text(max_length=200),
            "one sentence on what it offers; shown on its tile and in search engines",
            required=True,
            translatable=True,
        ),
        Field(
            "image",
            ImagePath(),
            "a picture for the offer's page, relative to this file, like '../images/netwerk.jpg'",
        ),
        Field(
            "image_alt",
            Text(max_length=200),
            "what the picture shows, for people who cannot see it (required with image)",
            translatable=True,
        ),
        keywords_field(),
    ),
)
