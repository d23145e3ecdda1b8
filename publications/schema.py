"""The fields of a publication or parliamentary document (``content/publications/NAME.md``)."""

from core.schema import Choice, Date, Field, keywords_field, ListOf, Ref, Schema, Text, Url

SCHEMA = Schema(
    type_name="publication",
    description="One publication or parliamentary document we were involved in: answers to "
    "parliamentary questions, a committee debate, a government letter, a response, "
    "a report. The text after the fields says what it is about and what our part "
    "was.",
    fields=(
        Field(
            "title",
            Text(max_length=200),
            "the document's title, as the list shows it",
            required=True,
            translatable=True,
        ),
        Field("date", Date(), "the day of the document or debate", required=True),
        Field(
            "kind",
            Choice(vocabulary="publication-kinds"),
            "what sort of document it is, like 'kamervragen' or 'brief-regering'",
            required=True,
        ),
        Field(
            "kamerstuk",
            Text(max_length=40),
            "the Kamerstuk number where it has one, like '28638-210'",
        ),
        Field("link", Url(), "where to read the document (a link only; nothing is loaded from it)"),
        Field(
            "related_partners",
            ListOf(Ref("partner")),
            "partners it concerns (their file names in content/partners/); their pages link to it",
            default=[],
        ),
        Field(
            "summary",
            Text(max_length=300),
            "one or two sentences on what it is about; shown in the list and in search engines",
            required=True,
            translatable=True,
        ),
        keywords_field(),
    ),
)
