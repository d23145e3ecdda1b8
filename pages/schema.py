"""The fields of a plain page (``content/pages/NAME.md``)."""

from core.schema import Boolean, Field, Integer, keywords_field, Schema, Slug, Text

SCHEMA = Schema(
    type_name="page",
    description="A plain page such as about, safety or privacy. `index.md` is the home page.",
    fields=(
        Field(
            "title",
            Text(max_length=80),
            "the page title, shown as its heading and in the browser tab",
            required=True,
            translatable=True,
        ),
        Field(
            "summary",
            Text(max_length=200),
            "one sentence on what the page offers; shown in search engines and on tiles",
            required=True,
            translatable=True,
        ),
        Field(
            "slug",
            Slug(),
            "the English web address of the page (translation files only; "
            "the Dutch one is the file name)",
            translation_only=True,
        ),
        Field(
            "nav_order",
            Integer(minimum=1),
            "place in the main navigation; leave out to keep the page out of it",
        ),
        Field("in_footer", Boolean(), "link the page from the footer of every page", default=False),
        keywords_field(),
    ),
)
