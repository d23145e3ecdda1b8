"""The fields of a story (``content/longread/stories/NAME.md``) and of the Longread's cover
text (``content/longread/cover/index.md``)."""

from core.images import ImagePath
from core.credits import credits_field
from core.schema import (
    Boolean,
    Choice,
    Date,
    Field,
    Integer,
    keywords_field,
    ListOf,
    Ref,
    Schema,
    Text,
)

# Fixed, not a vocabulary: the safety rules (anonymised, no role) depend on exactly these.
KINDS = ("victim", "professional")

STORY_SCHEMA = Schema(
    type_name="story",
    description="One story of the Longread: a victim's or a professional's experience, told "
    "for reading. The text after the fields is the story; write a pull quote as a "
    "quote whose last line starts with '— ' and names the (invented) speaker.",
    fields=(
        Field("title", Text(max_length=100), "the story's title", required=True, translatable=True),
        Field(
            "lead",
            Text(max_length=320),
            "the standfirst: two or three sentences that draw "
            "the reader in; shown on the cover and above the story",
            required=True,
            translatable=True,
        ),
        Field(
            "kind",
            Choice(values=KINDS),
            "whose experience it is: 'victim' or 'professional'",
            required=True,
        ),
        Field(
            "role",
            Choice(vocabulary="story-roles"),
            "professionals only: their role, like "
            "'gp' or 'care-coordinator' (required for a professional's story)",
        ),
        Field(
            "anonymised",
            Boolean(),
            "victims' stories only: 'true' once names, places and "
            "details that could identify anyone are changed (required: the site refuses a "
            "victim's story without it)",
        ),
        Field(
            "order", Integer(minimum=1), "the place in the Longread: 1 comes first", required=True
        ),
        Field("date", Date(), "the day the story was published", required=True),
        Field(
            "hero",
            ImagePath(),
            "the large image above the story, relative to this file, "
            "like '../../images/longread/ochtend.jpg'; never a photo of a victim",
            required=True,
        ),
        Field(
            "hero_alt",
            Text(max_length=200),
            "what the image shows, for people who cannot see it",
            required=True,
            translatable=True,
        ),
        Field(
            "hero_credit",
            Text(max_length=120),
            "who made the image, shown under it",
            required=True,
            translatable=True,
        ),
        Field(
            "content_warning",
            Text(max_length=300),
            "if the story may upset readers: what "
            "it is about (violence, abuse ...); shown before the text, which then opens on "
            "request",
            translatable=True,
        ),
        Field(
            "related_partners",
            ListOf(Ref("partner")),
            "partners the story is about (their file names in content/partners/)",
            default=[],
        ),
        Field(
            "related_instruments",
            ListOf(Ref("instrument")),
            "Kompas instruments the story shows at work (their file names)",
            default=[],
        ),
        Field(
            "related_forms",
            ListOf(Ref("form")),
            "Kompas forms of trafficking the story is about (their file names)",
            default=[],
        ),
        keywords_field(),
    ),
)

COVER_SCHEMA = Schema(
    type_name="longread-cover",
    description="The Longread's cover: its title and introduction. One file, `index.md` (and "
    "`index.en.md`); the text after the fields is the introduction above the stories.",
    fields=(
        Field(
            "title",
            Text(max_length=80),
            "the title of the Longread",
            required=True,
            translatable=True,
        ),
        Field(
            "summary",
            Text(max_length=200),
            "one sentence on the Longread; shown on the home page and in search engines",
            required=True,
            translatable=True,
        ),
        credits_field("the Longread"),
        keywords_field(),
    ),
)
