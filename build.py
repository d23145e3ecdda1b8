#!/usr/bin/env python3
"""The command line of the site toolkit.

    python build.py build [--content DIR] [--out DIR] [--today YYYY-MM-DD]
    python build.py check [--content DIR]
    python build.py serve [--port N]
    python build.py new TYPE SLUG | --list
    python build.py fields [--write]
    python build.py lint [--content DIR] [FILE ...]

Exit status: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from core.errors import BuildError, ContentError, UsageError
from core.fieldref import field_reference, replace_block, write_handbook
from core.outdir import check_out
from core.pipeline import build, check
from core.scaffold import ScaffoldError, describe, find_section, scaffold

import academy
import exhibition
import kompas
import longread
import pages
import partners

ROOT = Path(__file__).resolve().parent
CONFIG = ROOT / "mkdocs.yml"
README = ROOT / "README.md"

# Every section of the site. A new section is a package with a SECTION, added here.
SECTIONS = [pages.SECTION, partners.SECTION, *exhibition.SECTIONS, academy.SECTION,
            *kompas.SECTIONS, *longread.SECTIONS]


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


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="build.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("build", help="build the site into --out")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("--out", type=Path, default=ROOT / "site")
    p.add_argument("--today", type=_today, default=date.today())
    p = commands.add_parser("check", help="check the content without writing anything")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("--today", type=_today, default=date.today())
    p = commands.add_parser("serve", help="preview at http://127.0.0.1:PORT/, rebuilding on change")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("--port", type=_port, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--out", type=Path, default=ROOT / ".preview", help="where the preview is built")
    p = commands.add_parser("new", help="start a new content file from its type's schema")
    p.add_argument("type", nargs="?",
                   help="content type: " + ", ".join(s.schema.type_name for s in SECTIONS))
    p.add_argument("slug", nargs="?", help="file name without .md, like 'over-ons'")
    p.add_argument("--list", action="store_true", help="describe every content type")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p = commands.add_parser("lint", help="advice that never fails: hard Dutch text, large images")
    p.add_argument("--content", type=Path, default=ROOT / "content")
    p.add_argument("files", nargs="*", type=Path, help="only these files (default: all content)")
    p = commands.add_parser("fields", help="print the field reference (--write puts it in "
                                           "README.md and the handbook, handbook/*/)")
    p.add_argument("--write", action="store_true")
    return parser


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command in ("build", "check", "serve", "lint"):
            args.content = _content_dir(args.content)
        if args.command == "build":
            build(args.content.resolve(), args.out.resolve(), args.today, CONFIG, SECTIONS)
            print(f"built {args.out}", file=sys.stderr)
        elif args.command == "check":
            _, problems = check(args.content.resolve(), SECTIONS, args.today)
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
            generated = field_reference(SECTIONS)
            if args.write:
                README.write_text(replace_block(README.read_text(encoding="utf-8"), generated),
                                  encoding="utf-8")
                for rel in write_handbook(ROOT, SECTIONS):
                    print(f"wrote {rel}", file=sys.stderr)
            else:
                print(generated, end="")
    except ContentError as exc:
        return _report(exc)
    except UsageError as exc:
        print(f"build.py {args.command}: {exc}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
