"""The command line of the site toolkit: ``stm`` when installed, ``python build.py`` in a checkout.

    python build.py build [--content DIR] [--out DIR] [--today YYYY-MM-DD]
    python build.py check [--content DIR]
    python build.py serve [--port N]
    python build.py new TYPE SLUG | --list
    python build.py fields [--write | --lang nl|en]
    python build.py lint [--content DIR] [FILE ...]

Exit status: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path


from core import i18n, progress
from core.adapters import default_renderer
from core.errors import BuildError, ContentError, UsageError
from core.fieldref import field_reference, replace_block, write_handbook
from core.i18n import N_, _, ngettext
from core.outdir import check_out
from core.build import SiteBuild
from core.pipeline import check
from core.context import read_config
from core.scaffold import ScaffoldError, describe, find_section, scaffold, type_label
from core.section import content_types

import academy
import exhibition
import helproute
import kompas
import longread
import news
import pages
import partners
import publications
import quotes

import toolkit


def _project_root() -> Path:
    """The site project: the checkout this code lives in (``build.py``, an editable install),
    else the current folder (an installed ``stm`` run inside a site project)."""
    checkout = Path(__file__).resolve().parents[1]
    return checkout if (checkout / "mkdocs.yml").is_file() else Path.cwd()


ROOT = _project_root()
CONFIG = ROOT / "mkdocs.yml"
README = ROOT / "README.md"

# Every section of the site. A new section is a package with a SECTION, added here.
# The sections, each generating the pages of its content types (core.section.content_types).
SECTIONS = [
    pages.SECTION,
    partners.SECTION,
    exhibition.SECTION,
    academy.SECTION,
    kompas.SECTION,
    longread.SECTION,
    news.SECTION,
    publications.SECTION,
    quotes.SECTION,
    helproute.SECTION,
]


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected a date YYYY-MM-DD, got {found}", found=repr(text))
        ) from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _(
                "expected a port number from 1 to 65535 (0: any free port), got {found}",
                found=repr(text),
            )
        )
    return port


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors on one line, as every usage error of the command is."""

    def error(self, message: str):
        self.exit(
            2, _("{prog}: {message} (see {prog} --help)", prog=self.prog, message=message) + "\n"
        )


# argparse's own usage errors come from the catalogue too: argparse looks each text up with
# its module's gettext function, pointed here at ours (its texts are %-formatted by argparse).
ARGPARSE_MESSAGES = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
)
argparse._ = i18n.translate  # type: ignore[attr-defined]

CONTENT_HELP = N_("the folder of the content files (default: content/ of the project)")
TODAY_HELP = N_(
    "the build date, YYYY-MM-DD (default: today): what is upcoming or past; the same "
    "content and date give the same site"
)


def _parser(prog: str = "build.py") -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description=_("Build, check and preview the bilingual site from its content files."),
        epilog=_("Exit status: 0 success, 1 content errors, 2 usage errors."),
    )
    parser.add_argument("--version", action=_VersionAction)
    # -q and -v are options of every command, so they go where a user types them: after it.
    common = _Parser(add_help=False)  # never parses itself: a parent of every command
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=_("print only problems and warnings (no progress lines)"),
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=_("progress lines with the time each stage took"),
    )
    common.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        metavar="nl|en",
        help=_(
            "the language of the messages (default: extra.editor_language "
            "in mkdocs.yml, else the locale, LC_ALL/LC_MESSAGES/LANG, else en)"
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help, description=help[:1].upper() + help[1:] + ".", parents=[common]
        )

    p = command("build", help=_("build the site into --out"))
    p.add_argument(
        "--content", type=Path, default=ROOT / "content", metavar="DIR", help=_(CONTENT_HELP)
    )
    p.add_argument(
        "--out",
        type=Path,
        default=ROOT / "site",
        metavar="DIR",
        help=_(
            "where the site is published (default: site/); replaced only when it "
            "is empty, new or an earlier build"
        ),
    )
    p.add_argument(
        "--today", type=_today, default=date.today(), metavar="YYYY-MM-DD", help=_(TODAY_HELP)
    )
    p = command("check", help=_("check the content without writing anything"))
    p.add_argument(
        "--content", type=Path, default=ROOT / "content", metavar="DIR", help=_(CONTENT_HELP)
    )
    p.add_argument(
        "--today", type=_today, default=date.today(), metavar="YYYY-MM-DD", help=_(TODAY_HELP)
    )
    p = command("serve", help=_("preview at http://127.0.0.1:PORT/, rebuilding on change"))
    p.add_argument(
        "--content", type=Path, default=ROOT / "content", metavar="DIR", help=_(CONTENT_HELP)
    )
    p.add_argument(
        "--port",
        type=_port,
        default=8000,
        metavar="N",
        help=_("the port on this computer (default: 8000; 0: any free port)"),
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDRESS",
        help=_("the address to listen on (default: 127.0.0.1, this computer only)"),
    )
    p.add_argument(
        "--out",
        type=Path,
        default=ROOT / ".preview",
        metavar="DIR",
        help=_("where the preview is built (default: .preview/)"),
    )
    p = command("new", help=_("start a new content file from its type's schema"))
    p.add_argument(
        "type",
        nargs="?",
        help=_(
            "content type, in English or Dutch: {types}",
            types=", ".join(type_label(t) for t in content_types(SECTIONS)),
        ),
    )
    p.add_argument("slug", nargs="?", help=_("file name without .md, like 'over-ons'"))
    p.add_argument("--list", action="store_true", help=_("describe every content type"))
    p.add_argument(
        "--content", type=Path, default=ROOT / "content", metavar="DIR", help=_(CONTENT_HELP)
    )
    p = command("lint", help=_("advice that never fails: hard Dutch text, large images"))
    p.add_argument(
        "--content", type=Path, default=ROOT / "content", metavar="DIR", help=_(CONTENT_HELP)
    )
    p.add_argument("files", nargs="*", type=Path, help=_("only these files (default: all content)"))
    p = command(
        "fields",
        help=_(
            "print the field reference (--write puts it in README.md and the handbook, handbook/*/)"
        ),
    )
    p.add_argument(
        "--write",
        action="store_true",
        help=_("write the reference into README.md and the handbook instead of printing it"),
    )
    return parser


class _VersionAction(argparse.Action):
    """``--version``, whose text is made only when it is asked for: it names the renderer's
    version, and importing the renderer to say so was an eighth of every build that found
    nothing to do (argparse's own action wants the text when the parser is made)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(
            option_strings,
            dest=dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help=i18n.translate("show program's version number and exit"),
        )

    def __call__(self, parser, namespace, values, option_string=None):
        parser._print_message(_version(parser.prog) + "\n", sys.stdout)
        parser.exit()


def _version(prog: str) -> str:
    return f"{prog} {toolkit.__version__} ({default_renderer().describe()})"


def _report(exc: ContentError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    count = len(exc.problems)
    print(
        ngettext(
            "{count} problem found; nothing was published.",
            "{count} problems found; nothing was published.",
            count,
        ),
        file=sys.stderr,
    )
    return 1


def _content_dir(path: Path) -> Path:
    """``--content``, resolved; a usage error when it is not a folder."""
    resolved = path.resolve()
    if not resolved.is_dir():
        if resolved.exists():
            raise UsageError(
                _(
                    "--content {path}: is not a folder; expected the folder of the content files",
                    path=path,
                )
            )
        raise UsageError(
            _(
                "--content {path}: does not exist; expected the folder of the content files",
                path=path,
            )
        )
    return resolved


def main(argv: list[str] | None = None, prog: str = "build.py") -> int:
    """Run one command; returns the exit status (0 success, 1 content errors, 2 usage)."""
    argv = sys.argv[1:] if argv is None else argv
    with i18n.language(_editor_language(argv)):
        return _main(argv, prog)


def _editor_language(argv: list[str]) -> str:
    """The language of the messages, known before the arguments are parsed so that usage
    errors come in it too (see ``core.i18n.resolve`` for the order)."""
    flag = _Quiet(add_help=False)
    flag.add_argument("--lang", choices=i18n.LANGUAGES)
    try:
        known, _rest = flag.parse_known_args(argv)
    except ValueError:  # a bad --lang: the real parser says so, in the default language
        known = argparse.Namespace(lang=None)
    try:
        extra = (read_config(CONFIG) or {}).get("extra") if CONFIG.is_file() else None
    except (OSError, BuildError):  # a broken mkdocs.yml is the build's to report
        extra = None
    return i18n.resolve(known.lang, extra if isinstance(extra, dict) else None)


class _Quiet(argparse.ArgumentParser):
    """A parser that only looks: its errors are the real parser's to report."""

    def error(self, message: str):
        raise ValueError(message)


def _main(argv: list[str], prog: str) -> int:
    args = _parser(prog).parse_args(argv)
    progress.configure(quiet=args.quiet or not _interactive(), verbose=args.verbose)
    try:
        if args.command in ("build", "check", "serve", "lint"):
            args.content = _content_dir(args.content)
        if args.command == "build":
            SiteBuild(
                args.content.resolve(), args.out.resolve(), args.today, CONFIG, SECTIONS
            ).run()
            print(_("built {out}", out=args.out), file=sys.stderr)
        elif args.command == "check":
            _site, problems = check(args.content.resolve(), SECTIONS, args.today, CONFIG)
            problems.raise_if_any()
            print(_("content is valid"), file=sys.stderr)
        elif args.command == "serve":
            from core.adapters.mkdocs.serve import serve

            out = args.out.resolve()
            check_out(out, args.content, CONFIG.parent)  # before the port and the first build
            # The one build driver, kept between saves: each save updates the served tree.
            driver = SiteBuild(
                args.content.resolve(),
                out,
                date.today,
                CONFIG,
                SECTIONS,
                preview=True,
                keep_state=True,
                index_later=True,
            )
            try:
                serve(
                    driver.run,
                    out,
                    [args.content, ROOT / "theme", CONFIG],
                    args.host,
                    args.port,
                    SECTIONS,
                )
            finally:
                driver.close()
        elif args.command == "new" and args.list:
            print(describe(SECTIONS), end="")
        elif args.command == "new":
            if args.type is None:
                raise ScaffoldError(
                    _(
                        "expected a content type and a file name, like 'python "
                        "build.py new offer e-learning-signalen' (see --list)"
                    )
                )
            path = scaffold(args.content, find_section(SECTIONS, args.type), args.slug)
            print(path)
        elif args.command == "lint":
            from core.advice.lint import lint  # pyphen's dictionaries: only this command needs them

            warnings = lint(args.content.resolve(), args.files or None)
            for warning in warnings:
                print(warning)
            count = len(warnings)
            print(
                ngettext(
                    "{count} warning; advice only, nothing is refused.",
                    "{count} warnings; advice only, nothing is refused.",
                    count,
                ),
                file=sys.stderr,
            )
        elif args.command == "fields":
            if args.write:
                generated = field_reference(SECTIONS)
                README.write_text(
                    replace_block(README.read_text(encoding="utf-8"), generated), encoding="utf-8"
                )
                for rel in write_handbook(ROOT, SECTIONS):
                    print(_("wrote {path}", path=rel), file=sys.stderr)
            else:
                print(field_reference(SECTIONS, i18n.current()), end="")
    except ContentError as exc:
        return _report(exc)
    except UsageError as exc:
        print(f"{prog} {args.command}: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(_("build failed: {reason}", reason=exc), file=sys.stderr)
        return 1
    return 0


def _interactive() -> bool:
    """Progress lines only for a person at a terminal: not in CI, not into a log file."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def run() -> None:
    """The ``stm`` console command (pyproject.toml)."""
    sys.exit(main(prog="stm"))
