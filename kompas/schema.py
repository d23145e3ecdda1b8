"""The fields of the Kompas content types, each in ``content/kompas/<type>/NAME.md``.

``form`` (verschijningsvorm), ``instrument`` (bestuurlijk instrument), ``role``, ``theme`` and
the one ``factsheet``. Only an instrument names forms, roles and partners: which instruments
and roles apply to a form is computed from the instruments, so editors write it once. A theme
names the instruments that help to meet its points (the self-assessment's advice).
"""

from core.credits import credits_field
from core.schema import (
    Choice,
    Field,
    Group,
    Integer,
    keywords_field,
    ListOf,
    Ref,
    Schema,
    Text,
    Url,
)

# Fixed, not a vocabulary: the filters, the checklists and the factsheet rely on exactly these.
LEVELS = ("basic", "advanced")

_TITLE = Field(
    "title", Text(max_length=100), "the name as visitors read it", required=True, translatable=True
)
_SUMMARY = Field(
    "summary",
    Text(max_length=220),
    "one sentence; shown in overviews and search engines",
    required=True,
    translatable=True,
)
_ORDER = Field(
    "order",
    Integer(minimum=1),
    "the place in overviews (1 comes first; then by title)",
    default=100,
)

FORM_SCHEMA = Schema(
    type_name="form",
    description="A form trafficking takes (verschijningsvorm). Which instruments and roles "
    "apply is taken from the instruments that name this form. The text after the "
    "fields explains the form.",
    fields=(
        _TITLE,
        _SUMMARY,
        _ORDER,
        Field(
            "signals",
            ListOf(Text(max_length=200), min_items=1),
            "signs that may point to this form, one short sentence each",
            required=True,
            translatable=True,
        ),
        Field(
            "examples",
            ListOf(Text(max_length=300)),
            "short, invented examples of how it happens",
            default=[],
            translatable=True,
        ),
        keywords_field(),
    ),
)

SOURCE = Group(
    Field("title", Text(max_length=160), "the name of the law, guide or report", required=True),
    Field("url", Url(), "where to read it (a link only)"),
)

INSTRUMENT_SCHEMA = Schema(
    type_name="instrument",
    description="An administrative instrument (bestuurlijk instrument) a municipality can use. "
    "The text after the fields explains what it is for.",
    fields=(
        _TITLE,
        _SUMMARY,
        Field(
            "forms",
            ListOf(Ref("form"), min_items=1),
            "the forms of trafficking it helps against (file names in kompas/form/)",
            required=True,
        ),
        Field(
            "roles",
            ListOf(Ref("role"), min_items=1),
            "the roles responsible for it (file names in kompas/role/)",
            required=True,
        ),
        Field(
            "partners",
            ListOf(Ref("partner")),
            "the partners to involve (file names in partners/)",
            default=[],
        ),
        Field(
            "legal_basis",
            Text(max_length=300),
            "the law or article it rests on, like 'Artikel 13b Opiumwet'",
            required=True,
            translatable=True,
        ),
        Field(
            "level",
            Choice(values=LEVELS),
            "basic: every municipality needs it; advanced: for municipalities further along",
            required=True,
        ),
        Field(
            "steps",
            ListOf(Text(max_length=300), min_items=1),
            "how to use it, step by step",
            required=True,
            translatable=True,
        ),
        Field(
            "pitfalls",
            ListOf(Text(max_length=300)),
            "what often goes wrong",
            default=[],
            translatable=True,
        ),
        Field("sources", ListOf(SOURCE), "where to read more", default=[]),
        keywords_field(),
    ),
)

ROLE_SCHEMA = Schema(
    type_name="role",
    description="Who does what in the municipal approach: a municipal role or a partner's "
    "role. The instruments it is responsible for are taken from the instruments.",
    fields=(
        _TITLE,
        _SUMMARY,
        _ORDER,
        Field(
            "responsibilities",
            ListOf(Text(max_length=300), min_items=1),
            "what this role is responsible for, one point each",
            required=True,
            translatable=True,
        ),
        keywords_field(),
    ),
)

THEME_SCHEMA = Schema(
    type_name="theme",
    description="One of the themes of a municipal approach, with the points of the "
    "self-assessment checklist at the basic and the advanced level.",
    fields=(
        _TITLE,
        _SUMMARY,
        _ORDER,
        Field(
            "basic",
            ListOf(Text(max_length=300), min_items=1),
            "checklist points at the "
            "basic level, written as a statement ('Er is een aandachtsfunctionaris.')",
            required=True,
            translatable=True,
        ),
        Field(
            "advanced",
            ListOf(Text(max_length=300), min_items=1),
            "checklist points at the advanced level",
            required=True,
            translatable=True,
        ),
        Field(
            "helps",
            ListOf(Ref("instrument")),
            "the instruments that help to meet this "
            "theme's points (file names in kompas/instrument/); the self-assessment's advice "
            "links them beside the theme",
            default=[],
        ),
        keywords_field(),
    ),
)

FACTSHEET_SCHEMA = Schema(
    type_name="factsheet",
    description="The Kompas factsheet: recommendations for municipalities. One file, "
    "`kompas/factsheet/index.md` (and `index.en.md`); the text after the fields is "
    "its introduction.",
    fields=(
        _TITLE,
        _SUMMARY,
        Field(
            "starting",
            ListOf(Text(max_length=300), min_items=1),
            "recommendations for municipalities that are starting",
            required=True,
            translatable=True,
        ),
        Field(
            "advanced",
            ListOf(Text(max_length=300), min_items=1),
            "recommendations for municipalities that are further along",
            required=True,
            translatable=True,
        ),
        credits_field("the Kompas (shown on the Kompas home page and the factsheet)"),
        keywords_field(),
    ),
)
