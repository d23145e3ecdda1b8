"""The fields of one help route (``content/help/NAME.md``): a situation and where to turn."""

from core.schema import Boolean, Field, Integer, keywords_field, Phone, Schema, Text, Url

SCHEMA = Schema(
    type_name="help",
    description="One situation on the page 'Hulp en melden' and where to turn in it; the body "
    "says what happens when you call or report.",
    fields=(
        Field(
            "title",
            Text(max_length=80),
            "the situation as a heading, in the visitor's words ('Je bent in direct gevaar')",
            required=True,
            translatable=True,
        ),
        Field(
            "label",
            Text(max_length=40),
            "the short name of the situation in the help block on every page ('In direct gevaar')",
            required=True,
            translatable=True,
        ),
        Field(
            "order",
            Integer(minimum=1),
            "place on the page and in the help block (1 first)",
            required=True,
        ),
        Field(
            "organisation",
            Text(max_length=80),
            "who you reach: the organisation's own name "
            "('Veilig Thuis'); leave out for the publisher's own advice, see publisher_contact",
            translatable=True,
        ),
        Field(
            "phone",
            Phone(),
            "the number to call, only as the organisation itself publishes it; never a made-up one",
        ),
        Field(
            "phone_note",
            Text(max_length=80),
            "when the number is answered, or what it costs ('dag en nacht, gratis')",
            translatable=True,
        ),
        Field("website", Url(), "the organisation's own website; give it when you have no number"),
        Field(
            "publisher_contact",
            Boolean(),
            "show the publisher's own name and contact "
            "(extra.site in mkdocs.yml) as the way to reach it",
            default=False,
        ),
        Field(
            "in_block",
            Boolean(),
            "also show this route in the help block on every page",
            default=False,
        ),
        keywords_field(),
    ),
)
