"""The fields of a partner (``content/partners/NAME.md``)."""

from core.schema import Choice, Date, Field, Group, keywords_field, ListOf, Ref, Schema, Text, Url

STATUSES = ("active", "disbanded")

SCHEMA = Schema(
    type_name="partner",
    description="An organisation, consultation structure or network we work with. Other content "
    "names it by its file name (`provider: politie`).",
    fields=(
        Field(
            "name",
            Text(max_length=120),
            "the full name, as the organisation writes it",
            required=True,
            translatable=True,
        ),
        Field(
            "abbreviation",
            Text(max_length=20),
            "the short name, like 'OM' or 'SOM'",
            translatable=True,
        ),
        Field(
            "former_names",
            ListOf(Text(max_length=120)),
            "names it was known by before (found by the text filter too)",
            default=[],
            translatable=True,
        ),
        Field(
            "kind", Choice(vocabulary="partner-kinds"), "what sort of partner it is", required=True
        ),
        Field(
            "sector", Choice(vocabulary="partner-sectors"), "the field it works in", required=True
        ),
        Field(
            "scope",
            Choice(vocabulary="partner-scopes"),
            "where it works: regional, national, European or global",
            required=True,
        ),
        Field(
            "roles",
            ListOf(Choice(vocabulary="partner-roles"), min_items=1),
            "our role towards it: chair, member, agenda member, co-founder, partner",
            required=True,
        ),
        Field(
            "status",
            Choice(values=STATUSES),
            "active, or disbanded (then give `disbanded`)",
            default="active",
        ),
        Field("disbanded", Date(), "the day it was disbanded (only with status: disbanded)"),
        Field("website", Url(), "its own website (a link only; nothing is loaded from it)"),
        Field(
            "same_as",
            ListOf(Url()),
            "other pages that identify it, like its Wikipedia article (for search engines)",
            default=[],
        ),
        Field(
            "relations",
            ListOf(
                Group(
                    Field(
                        "partner",
                        Ref("partner"),
                        "the other partner (its file name)",
                        required=True,
                    ),
                    Field(
                        "relation",
                        Choice(vocabulary="partner-relations"),
                        "how this partner relates to it, read as 'THIS relation OTHER'",
                        required=True,
                    ),
                )
            ),
            "links to other partners, like 'feeds' or 'member-of'",
            default=[],
        ),
        Field(
            "summary",
            Text(max_length=200),
            "one sentence on what it is; shown on its tile and in search engines",
            required=True,
            translatable=True,
        ),
        keywords_field(),
    ),
)
