"""The fields of an exhibition stop (``content/exhibition/stops/NAME.md``) and of the
exhibition's landing text (``content/exhibition/landing/index.md``)."""

from core.images import ImagePath
from core.schema import Choice, Date, Field, Group, keywords_field, ListOf, Ref, Schema, Text

# Fixed, not a vocabulary: the calendar, the .ics STATUS and the JSON-LD eventStatus depend
# on exactly these three values.
STATUSES = ("planned", "cancelled", "postponed")

PROGRAMME_ENTRY = Group(
    Field("date", Date(), "the day it takes place, within the stop's dates", required=True),
    Field(
        "what", Text(max_length=160), "what happens, like 'Gastles over loverboys'", required=True
    ),
    Field("for_whom", Text(max_length=160), "who it is for, like 'leerlingen vmbo 3'"),
    Field("by_whom", Text(max_length=160), "who gives it, like 'de zorgcoördinator van de regio'"),
)

STOP_SCHEMA = Schema(
    type_name="stop",
    description="One stop of the travelling exhibition Open je Ogen: where and when it can be "
    "seen, and its side programme. The text after the fields holds notes for "
    "visitors (optional).",
    body_required=False,
    fields=(
        Field("city", Text(max_length=60), "the town or city, like 'Amsterdam'", required=True),
        Field(
            "venue",
            Text(max_length=100),
            "the building, like 'Openbare Bibliotheek Amsterdam'",
            required=True,
            translatable=True,
        ),
        Field(
            "address",
            Text(max_length=160),
            "street and number, postcode and town; shown as how to get there",
        ),
        Field("region", Choice(vocabulary="regions"), "the region, for the filter on the calendar"),
        Field("first_day", Date(), "the first day the exhibition can be seen", required=True),
        Field(
            "last_day",
            Date(),
            "the last day the exhibition can be seen (the same as first_day for one day)",
            required=True,
        ),
        Field("status", Choice(values=STATUSES), "whether the stop goes ahead", default="planned"),
        Field("new_first_day", Date(), "postponed stops only: the new first day, if known"),
        Field("new_last_day", Date(), "postponed stops only: the new last day, if known"),
        Field(
            "moved_to",
            Ref("stop"),
            "postponed stops only: the stop (file name without .md) that replaces this one",
        ),
        Field(
            "opening_hours",
            Text(max_length=200),
            "when the venue is open, in words",
            translatable=True,
        ),
        Field(
            "side_programme",
            ListOf(PROGRAMME_ENTRY),
            "activities around the stop, such as guest lessons",
            default=[],
            translatable=True,
        ),
        Field(
            "image",
            ImagePath(),
            "a photo of the stop, relative to this file, like '../../images/laren.jpg'",
        ),
        Field(
            "image_alt",
            Text(max_length=200),
            "what the photo shows, for people who cannot see it (required with image)",
            translatable=True,
        ),
        keywords_field(),
    ),
)

GALLERY_PHOTO = Group(
    Field(
        "image",
        ImagePath(),
        "the photo, relative to this file, like '../../images/open-je-ogen-galerij-1.jpg'",
        required=True,
    ),
    Field(
        "alt",
        Text(max_length=200),
        "what the photo shows, for people who cannot see it",
        required=True,
    ),
    Field("credit", Text(max_length=120), "who made the photo, shown under it"),
)

LANDING_SCHEMA = Schema(
    type_name="exhibition-landing",
    description="The texts of the exhibition's entry page and calendar. One file, "
    "`index.md` (and `index.en.md`); the text after the fields is the introduction.",
    fields=(
        Field(
            "title",
            Text(max_length=80),
            "the title of the exhibition's entry page",
            required=True,
            translatable=True,
        ),
        Field(
            "summary",
            Text(max_length=200),
            "one sentence on the exhibition; shown on the home page tile and in search engines",
            required=True,
            translatable=True,
        ),
        Field(
            "calendar_title",
            Text(max_length=80),
            "the title of the calendar page",
            required=True,
            translatable=True,
        ),
        Field(
            "calendar_summary",
            Text(max_length=200),
            "one sentence on top of the calendar",
            required=True,
            translatable=True,
        ),
        Field(
            "contact",
            Text(max_length=200),
            "how a venue can book the exhibition, in words",
            translatable=True,
        ),
        Field(
            "photo",
            ImagePath(),
            "a photo of the exhibition, shown large on its entry page, "
            "relative to this file, like '../../images/open-je-ogen.jpg'",
        ),
        Field(
            "photo_alt",
            Text(max_length=200),
            "what the photo shows, for people who cannot see it (required with photo)",
            translatable=True,
        ),
        Field(
            "photo_credit",
            Text(max_length=120),
            "who made the photo, shown under it",
            translatable=True,
        ),
        Field(
            "gallery",
            ListOf(GALLERY_PHOTO),
            "more photos of the exhibition, shown as a "
            "gallery on its entry page (a translation repeats the list with its own alt texts)",
            default=[],
            translatable=True,
        ),
        keywords_field(),
    ),
)
