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

from core import progress
from core.errors import BuildError, ContentError, UsageError
from core.fieldref import WORDS, field_reference, replace_block, write_handbook
from core.outdir import check_out
from core.pipeline import build, check
from core.scaffold import ScaffoldError, describe, find_section, scaffold

import academy
import exhibition
import helproute
import kompas
import longread
import pages
import partners

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
SECTIONS = [pages.SECTION, partners.SECTION, *exhibition.SECTIONS, academy.SECTION,
            *kompas.SECTIONS, *longread.SECTIONS, helproute.SECTION]


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"expected a port number from 1 to 65535 (0: any free port), got {text!r}")
    return port


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors on one line, as every usage error of the command is."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


CONTENT_HELP = "the folder of the content files (default: content/ of the project)"
TODAY_HELP = ("the build date, YYYY-MM-DD (default: today): what is upcoming or past; the same "
              "content and date give the same site")


def _parser(prog: str = "build.py") -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description="Build, check and preview the bilingual site from its content files.",
                     epilog="Exit status: 0 success, 1 content errors, 2 usage errors.")
    parser.add_argument("--version", action="version", version=_version(prog))
    # -q and -v are options of every command, so they go where a user types them: after it.
    common = _Parser(add_help=False)  # never parses itself: a parent of every command
    common.add_argument("-q", "--quiet", action="store_true",
                        help="print only problems and warnings (no progress lines)")
    common.add_argument("-v", "--verbose", action="store_true",
                        help="progress lines with the time each stage took")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help,
                                   description=help[:1].upper() + help[1:] + ".",
                                   parents=[common])

    p = command("build", help="build the site into --out")
    p.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                   help=CONTENT_HELP)
    p.add_argument("--out", type=Path, default=ROOT / "site", metavar="DIR",
                   help="where the site is published (default: site/); replaced only when it "
                        "is empty, new or an earlier build")
    p.add_argument("--today", type=_today, default=date.today(), metavar="YYYY-MM-DD",
                   help=TODAY_HELP)
    p = command("check", help="check the content without writing anything")
    p.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                   help=CONTENT_HELP)
    p.add_argument("--today", type=_today, default=date.today(), metavar="YYYY-MM-DD",
                   help=TODAY_HELP)
    p = command("serve", help="preview at http://127.0.0.1:PORT/, rebuilding on change")
    p.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                   help=CONTENT_HELP)
    p.add_argument("--port", type=_port, default=8000, metavar="N",
                   help="the port on this computer (default: 8000; 0: any free port)")
    p.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                   help="the address to listen on (default: 127.0.0.1, this computer only)")
    p.add_argument("--out", type=Path, default=ROOT / ".preview", metavar="DIR",
                   help="where the preview is built (default: .preview/)")
    p = command("new", help="start a new content file from its type's schema")
    p.add_argument("type", nargs="?",
                   help="content type: " + ", ".join(s.schema.type_name for s in SECTIONS))
    p.add_argument("slug", nargs="?", help="file name without .md, like 'over-ons'")
    p.add_argument("--list", action="store_true", help="describe every content type")
    p.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                   help=CONTENT_HELP)
    p = command("lint", help="advice that never fails: hard Dutch text, large images")
    p.add_argument("--content", type=Path, default=ROOT / "content", metavar="DIR",
                   help=CONTENT_HELP)
    p.add_argument("files", nargs="*", type=Path, help="only these files (default: all content)")
    p = command("fields", help="print the field reference (--write puts it in "
                                           "README.md and the handbook, handbook/*/)")
    p.add_argument("--write", action="store_true",
                   help="write the reference into README.md and the handbook instead of printing it")
    p.add_argument("--lang", choices=sorted(WORDS), default="en",
                   help="the language of the printed reference: en (default, as in README.md) "
                        "or nl (as in the Dutch handbook)")
    return parser


def _version(prog: str) -> str:
    from core.render import renderer_versions  # the renderer is imported only when asked
    return f"{prog} {toolkit.__version__} ({renderer_versions()})"


def _report(exc: ContentError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    count = len(exc.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; nothing was published.", file=sys.stderr)
    return 1


def _content_dir(path: Path) -> Path:
    """``--content``, resolved; a usage error when it is not a folder."""
    resolved = path.resolve()
    if not resolved.is_dir():
        what = "is not a folder" if resolved.exists() else "does not exist"
        raise UsageError(f"--content {path}: {what}; expected the folder of the content files")
    return resolved


def main(argv: list[str] | None = None, prog: str = "build.py") -> int:
    """Run one command; returns the exit status (0 success, 1 content errors, 2 usage)."""
    args = _parser(prog).parse_args(argv)
    progress.configure(quiet=args.quiet or not _interactive(), verbose=args.verbose)
    try:
        if args.command in ("build", "check", "serve", "lint"):
            args.content = _content_dir(args.content)
        if args.command == "build":
            build(args.content.resolve(), args.out.resolve(), args.today, CONFIG, SECTIONS)
            print(f"built {args.out}", file=sys.stderr)
        elif args.command == "check":
            _, problems = check(args.content.resolve(), SECTIONS, args.today, CONFIG)
            problems.raise_if_any()
            print("content is valid", file=sys.stderr)
        elif args.command == "serve":
            from core.preview.session import PreviewSession
            from core.serve import serve
            out = args.out.resolve()
            check_out(out, args.content, CONFIG.parent)  # before the port and the first build
            session = PreviewSession(args.content.resolve(), out, date.today, CONFIG, SECTIONS,
                                     index_later=True)
            try:
                serve(session.build,
                      out, [args.content, ROOT / "theme", CONFIG], args.host, args.port, SECTIONS)
            finally:
                session.close()
        elif args.command == "new" and args.list:
            print(describe(SECTIONS), end="")
        elif args.command == "new":
            if args.type is None:
                raise ScaffoldError("expected a content type and a file name, like 'python "
                                    "build.py new offer e-learning-signalen' (see --list)")
            path = scaffold(args.content, find_section(SECTIONS, args.type), args.slug)
            print(path)
        elif args.command == "lint":
            from core.advice.lint import lint  # pyphen's dictionaries: only this command needs them
            warnings = lint(args.content.resolve(), args.files or None)
            for warning in warnings:
                print(warning)
            count = len(warnings)
            print(f"{count} warning{'s' if count != 1 else ''}; advice only, nothing is refused.",
                  file=sys.stderr)
        elif args.command == "fields":
            if args.write:
                generated = field_reference(SECTIONS)
                README.write_text(replace_block(README.read_text(encoding="utf-8"), generated),
                                  encoding="utf-8")
                for rel in write_handbook(ROOT, SECTIONS):
                    print(f"wrote {rel}", file=sys.stderr)
            else:
                print(field_reference(SECTIONS, args.lang), end="")
    except ContentError as exc:
        return _report(exc)
    except UsageError as exc:
        print(f"{prog} {args.command}: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


def _interactive() -> bool:
    """Progress lines only for a person at a terminal: not in CI, not into a log file."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def run() -> None:
    """The ``stm`` console command (pyproject.toml)."""
    sys.exit(main(prog="stm"))
