"""``build.py serve``: build, serve on localhost, and rebuild through the same pipeline on change.

MkDocs' LiveReloadServer does the serving, watching and browser reload; our builder callback is
a preview session (core/preview/session.py): the full pipeline, or for an edit of a few content
files an in-place update that gives the same tree, so the preview is exactly what ``build``
publishes. When a build fails, the
last good site stays served and every page shows the problems in an overlay
(``core/preview/``); the build loop still advances, so open pages reload and show it.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path
from typing import Callable

from mkdocs.livereload import LiveReloadServer

from core.errors import BuildError, ContentError
from core.preview.app import wrap
from core.preview.status import PreviewStatus
from core.section import Section

log = logging.getLogger("mkdocs.livereload")
POLLING_INTERVAL = 0.2  # seconds between two looks at the watched files


def serve(build: Callable[[], None], out: Path, watch: list[Path], host: str, port: int,
          sections: list[Section] = ()) -> None:
    """Serve ``out`` at http://host:port/ and rebuild with ``build`` whenever ``watch`` changes."""
    status = PreviewStatus(list(sections))

    def rebuild() -> None:
        try:
            build()
            status.succeeded()
            print("serve: site rebuilt", file=sys.stderr, flush=True)
        except (ContentError, BuildError) as exc:
            # Keep the last good site; say why the change is not shown (here and in the overlay).
            status.failed(exc)
            print(str(exc), file=sys.stderr, flush=True)
            if not (out / "index.html").exists():
                _write_error_page(out, str(exc))

    rebuild()
    # MkDocs polls the watched files (every 0.5 s by default); a save is seen within 0.2 s here,
    # which matters now that a content edit is put in place in about a second.
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out),
                              polling_interval=POLLING_INTERVAL)
    server.set_app(wrap(server.get_app(), status))
    for path in watch:
        if path.exists():
            server.watch(str(path))
    print(f"serve: http://{host}:{port}/ (Ctrl+C stops)", file=sys.stderr, flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _write_error_page(out: Path, text: str) -> None:
    """A stand-in home page when no build has succeeded yet; the overlay shows the problems."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>"
        "</head><body><main><h1>The site could not be built</h1><pre>"
        + html.escape(text) + "</pre></main></body></html>", encoding="utf-8")
