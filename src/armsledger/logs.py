"""Where a batch's unexpected failures go: one line on screen, the traceback in a log file.

The library only logs (to the `armsledger` logger); the CLI decides where it goes with
`setup()`: warnings and tracebacks to `armsledger.log` in the user's log directory
(`ARMSLEDGER_LOG` names another file), and on screen warnings as one line each, or with
`--debug` everything, tracebacks included.

Example:

    try:
        record = extractor(article)
    except Exception as err:          # a bug or a broken dependency, not a bad input
        failure = logs.failed(article.source, "extraction", err)   # IngestError; traceback logged
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from .errors import IngestError

LOGGER = logging.getLogger("armsledger")
LOGGER.addHandler(logging.NullHandler())  # a library stays quiet unless its user configures logging
_OURS = "_armsledger_cli"  # marks the handlers setup() added, so that a second call replaces them


def failed(source: str, doing: str, err: BaseException) -> IngestError:
    """The `IngestError` that stands for an exception raised while `doing` something to `source`;
    its traceback goes to the log."""
    detail = str(err).strip().splitlines()[0] if str(err).strip() else "no message"
    LOGGER.error("%s: %s failed (%s: %s)", source, doing, type(err).__name__, detail, exc_info=err)
    return IngestError(source, f"{doing} failed ({type(err).__name__}: {detail})")


def log_path() -> Path:
    """The log file: `ARMSLEDGER_LOG`, else armsledger.log in the user's log directory."""
    if os.environ.get("ARMSLEDGER_LOG"):
        return Path(os.environ["ARMSLEDGER_LOG"])
    import platformdirs

    return platformdirs.user_log_path("armsledger") / "armsledger.log"


class Tracebacks(logging.Handler):
    """Counts the tracebacks logged, so that a command can say where to find them."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(logging.ERROR)
        self.path = path
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.count += 1

    def hint(self, debug: bool) -> str:
        """`"2 tracebacks in FILE (--debug prints them)"`, or "" when none was logged."""
        if not self.count:
            return ""
        where = f"in {self.path}" if self.path else "not written (the log file cannot be opened)"
        many = "s" if self.count > 1 else ""
        return f"{self.count} unexpected failure{many}; traceback{many} {where}{'' if debug else ' (--debug prints them)'}"


class _Stderr(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time (a test runner swaps it between commands)."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def setup(debug: bool = False) -> Tracebacks:
    """Send the `armsledger` logger to the log file and the screen (see the module docstring)."""
    for h in [h for h in LOGGER.handlers if getattr(h, _OURS, False)]:
        LOGGER.removeHandler(h)
        h.close()
    path: Path | None = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        to_file: logging.Handler = logging.FileHandler(path, encoding="utf-8")
        to_file.setLevel(logging.WARNING)
        to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    except OSError:  # a read-only home must not stop a run
        to_file, path = logging.NullHandler(), None
    screen = _Stderr()
    if debug:
        screen.setLevel(logging.DEBUG)
        screen.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    else:
        screen.setLevel(logging.WARNING)
        screen.addFilter(lambda r: not r.exc_info)  # the command prints its own line for these
        screen.setFormatter(logging.Formatter("Warning: %(message)s"))
    counter = Tracebacks(path)
    for h in (to_file, screen, counter):
        setattr(h, _OURS, True)
        LOGGER.addHandler(h)
    LOGGER.setLevel(logging.DEBUG if debug else logging.INFO)
    return counter
