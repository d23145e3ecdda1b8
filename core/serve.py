"""``build.py serve``: build, serve on localhost, and rebuild through the same pipeline on change.

MkDocs' LiveReloadServer does the serving, watching and browser reload; our builder callback runs
the full pipeline, so the preview is exactly what ``build`` publishes.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path
from typing import Callable

from mkdocs.livereload import LiveReloadServer

from core.errors import BuildError, ContentError

log = logging.getLogger("mkdocs.livereload")


def serve(build: Callable[[], None], out: Path, watch: list[Path], host: str, port: int) -> None:
    """Serve ``out`` at http://host:port/ and rebuild with ``build`` whenever ``watch`` changes."""

    def rebuild() -> None:
        try:
            build()
            print("serve: site rebuilt", file=sys.stderr, flush=True)
        except (ContentError, BuildError) as exc:
            # Keep the last good site; say why the change is not shown.
            print(str(exc), file=sys.stderr, flush=True)
            if not (out / "index.html").exists():
                _write_error_page(out, str(exc))

    rebuild()
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out))
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
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title>"
        "</head><body><main><h1>The site could not be built</h1><pre>"
        + html.escape(text) + "</pre></main></body></html>", encoding="utf-8")
