"""``build.py serve``: build, serve on localhost, and rebuild through the same pipeline on change.

MkDocs' LiveReloadServer does the serving, watching and browser reload; our builder callback is
the one build driver (core/build.py) kept between saves: the whole build, or for an edit of a
few content files an update in place that gives the same tree, so the preview is exactly what
``build`` publishes. When a build fails, the
last good site stays served and every page shows the problems in an overlay
(``core/preview/``); the build loop still advances, so open pages reload and show it.
"""

from __future__ import annotations

import html
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Callable, Sequence

from properdocs.livereload import LiveReloadServer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter

from core.errors import BuildError, ContentError, UsageError
from core.i18n import _, current
from core.outdir import mark
from core.preview.app import wrap
from core.preview.guard import allowed_hosts, guard
from core.preview.status import PreviewStatus
from core.section import Section

log = logging.getLogger("properdocs.livereload")
POLLING_INTERVAL = 0.2  # seconds between two looks at the watched files
BUILD_DELAY = 0.02  # seconds without further changes before a build starts


def serve(
    build: Callable[[], object],
    out: Path,
    watch: list[Path],
    host: str,
    port: int,
    sections: Sequence[Section] = (),
) -> None:
    """Serve ``out`` at http://host:port/ and rebuild with ``build`` whenever ``watch`` changes.

    The port is taken before the first build: a busy or forbidden one is a
    :class:`UsageError`, with nothing built. Port 0 takes any free port.
    """
    # MkDocs' server binds only in serve(); bind now, so that a port another program holds
    # is refused before a full build runs (and then fails with a traceback).
    server = _PreviewServer(
        builder=lambda: None, host=host, port=port, root=str(out), polling_interval=POLLING_INTERVAL
    )
    server.bind_now()
    port = server.server_port
    status = PreviewStatus(list(sections))
    idle = threading.Event()

    def rebuild() -> None:
        idle.clear()
        try:
            build()
            status.succeeded()
            print(_("serve: site rebuilt"), file=sys.stderr, flush=True)
        except (ContentError, BuildError, UsageError) as exc:
            # Keep the last good site; say why the change is not shown (here and in the overlay).
            status.failed(exc)
            print(str(exc), file=sys.stderr, flush=True)
            # (A folder the build may no longer replace gets no stand-in page either.)
            if not isinstance(exc, UsageError) and not (out / "index.html").exists():
                _write_error_page(out, str(exc))
        finally:
            idle.set()

    _stop_on_sigterm()
    try:
        rebuild()
        # MkDocs polls the watched files (every 0.5 s by default); a save is seen within 0.2 s
        # here, which matters now that a content edit is put in place in about a second.
        server.builder = rebuild
        # The server's observer is inferred as a PollingObserver (what its __init__ makes);
        # it only schedules, starts and stops it: any watchdog observer does.
        server.observer = _RestingObserver(idle, POLLING_INTERVAL)  # type: ignore[assignment]
        # MkDocs waits 0.1 s after a change for more to come; all changes one look finds
        # arrive together, so a fiftieth of a second is enough to take them in one build.
        server.build_delay = BUILD_DELAY
        app = server.get_app()
        assert app is not None, "MkDocs' server sets its app when it is made"
        server.set_app(guard(wrap(app, status), allowed_hosts(host, port)))
        for path in watch:
            if path.exists():
                server.watch(str(path))
        print(
            _("serve: {url} (Ctrl+C stops)", url=f"http://{host}:{port}/"),
            file=sys.stderr,
            flush=True,
        )
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


class _PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, bound to its port before the first build (:meth:`bind_now`)."""

    _bound = False

    def bind_now(self) -> None:
        """Take the port now; a usage error when it cannot be had."""
        try:
            self.server_bind()
            self.server_activate()
        except OSError as exc:
            self.server_close()
            host, port = self.server_address[:2]
            raise UsageError(
                _(
                    "cannot listen on {address}: {reason}; is another preview "
                    "running? Choose another --port",
                    address=f"{host!s}:{port}",
                    reason=exc.strerror or exc,
                )
            ) from None
        self._bound = True

    def server_bind(self) -> None:
        if not self._bound:  # serve() binds again; the port is already ours
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()


def _stop_on_sigterm() -> None:
    """Let SIGTERM (``kill``, a process manager, a test harness) stop the preview as Ctrl+C
    does: the caller's clean-up then stops the build driver's worker process. Python's default
    for SIGTERM ends the process at once, and they stayed behind, each waiting forever."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


class _RestingEmitter(PollingEmitter):
    """watchdog's polling emitter, resting while a build runs.

    A look at a content folder of a thousand files stats each of them from a second thread,
    every 0.2 s; during a build that thread takes the interpreter lock from the build at every
    look (measured: the preview's render 1.5× slower). A save made during a build is still
    seen: the next look after the build compares with the look before it.
    """

    def __init__(self, *args, idle: threading.Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.idle = idle

    def queue_events(self, timeout) -> None:
        if self.stopped_event.wait(timeout):  # the interval between two looks, as watchdog's
            return
        while not self.idle.wait(timeout):  # then no look before the build is over
            if self.stopped_event.is_set():
                return
        super().queue_events(0)  # look now


class _RestingObserver(BaseObserver):
    """The polling observer MkDocs' server uses, with :class:`_RestingEmitter`."""

    def __init__(self, idle: threading.Event, interval: float):
        # watchdog annotates emitter_class as a class, but only calls it to make emitters.
        def emitter(*args, **kwargs) -> _RestingEmitter:
            return _RestingEmitter(*args, idle=idle, **kwargs)

        super().__init__(emitter, timeout=interval)  # type: ignore[arg-type]


def _write_error_page(out: Path, text: str) -> None:
    """A stand-in home page when no build has succeeded yet; the overlay shows the problems.

    The folder is marked as the preview's own, so that the next build may replace it."""
    out.mkdir(parents=True, exist_ok=True)
    mark(out)
    (out / "index.html").write_text(
        f'<!doctype html><html lang="{current()}"><head><meta charset="utf-8"><title>'
        + html.escape(_("Build failed"))
        + '</title></head><body class="preview-failed"><main><h1>'
        + html.escape(_("The site could not be built"))
        + "</h1><pre>"
        + html.escape(text)
        + "</pre></main></body></html>",
        encoding="utf-8",
    )
