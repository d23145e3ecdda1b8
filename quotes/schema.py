"""The fields of a quote (``content/quotes/NAME.md``)."""

from core import languages
from core.schema import Boolean, Choice, Field, Schema, Text
from longread.schema import KINDS  # the same kinds, so the same safety rule applies

SCHEMA = Schema(
    type_name="quote",
    description="What one person said, with who said it. Place it on any page with a line "
    "'[[quote: NAME]]' (NAME is this file's name); it shows as a pull quote. "
    "Published only with the speaker's consent; a victim is named only by an "
    "invented first name. The text after the fields is a note for editors (where "
    "the quote comes from); it is never published.",
    fields=(
        Field(
            "text",
            Text(max_length=700),
            "the words as said, without quotation marks",
            required=True,
            translatable=True,
        ),
        Field(
            "speaker",
            Text(max_length=80),
            "who said it: a full name, or for a victim only an invented first name",
            required=True,
        ),
        # Professionals first: most quotes are theirs, and `build.py new` offers the first.
        Field(
            "kind",
            Choice(values=tuple(reversed(KINDS))),
            "'professional', or 'victim' for a victim's words "
            "(then 'anonymised: true' and an invented first name are required)",
            required=True,
        ),
        Field(
            "role",
            Text(max_length=120),
            "the speaker's role, like 'ketenregisseur'",
            translatable=True,
        ),
        Field(
            "organisation",
            Text(max_length=160),
            "the speaker's organisation, like 'La Strada International'",
            translatable=True,
        ),
        Field(
            "consent",
            Boolean(),
            "true once the speaker agreed to be quoted on this site "
            "(required: the site refuses a quote without it)",
            required=True,
        ),
        Field(
            "language",
            Choice(values=languages.LANGUAGES),
            "the language of 'text' in this file: 'nl' or 'en'",
            required=True,
        ),
        Field(
            "anonymised",
            Boolean(),
            "victims only: 'true' once the name and details that could identify anyone are changed",
        ),
    ),
    body_required=False,
)
