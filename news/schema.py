"""The fields of a news item or event (``content/news/NAME.md``)."""

from core.schema import Choice, Date, Field, keywords_field, ListOf, Ref, Schema, Text

# Fixed, not a vocabulary: the pages, the calendar file and the checks depend on exactly these.
KINDS = ("news", "event")

SCHEMA = Schema(
    type_name="news",
    description="A news item or an event (a meeting, a conference, a webinar). The text "
    "after the fields is the item itself.",
    fields=(
        Field("title", Text(max_length=120), "the headline", required=True, translatable=True),
        Field(
            "date",
            Date(),
            "the day it was published; the news page shows the newest first",
            required=True,
        ),
        Field(
            "kind",
            Choice(values=KINDS),
            "'news', or 'event' for something that takes place "
            "on given days (it then appears in the calendar file)",
            default="news",
        ),
        Field(
            "place",
            Text(max_length=120),
            "where it takes place, like 'Utrecht en online' (events)",
            translatable=True,
        ),
        Field("start", Date(), "events only, and required for them: the first day it takes place"),
        Field(
            "end",
            Date(),
            "events only, and required for them: the last day it takes place (the "
            "same as start for one day)",
        ),
        Field(
            "partners",
            ListOf(Ref("partner")),
            "partners it is about or with (file names in content/partners/); their pages link back",
            default=[],
        ),
        Field(
            "forms",
            ListOf(Ref("form")),
            "Kompas forms of trafficking it is about (file names in content/kompas/form/)",
            default=[],
        ),
        Field(
            "summary",
            Text(max_length=300),
            "one or two sentences; shown in lists, on the home page and in the feed",
            required=True,
            translatable=True,
        ),
        keywords_field(),
    ),
)
