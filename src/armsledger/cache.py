"""Start-up work kept between runs: what the catalogues compile to, read back instead of rebuilt.

Building the extractor parses some 800 KB of YAML catalogues and tokenizes and indexes about 33,000 names
with spaCy: seconds of work whose result (plain lists, dicts and strings) reads back from JSON in
milliseconds. Each item is one JSON file in the user's cache directory, stamped with a key: a hash of
everything the item was built from (the catalogue files' bytes, the source of the code that builds it,
the armsledger and spaCy versions). So a catalogue edited, a user's catalogue directory added, armsledger
or spaCy upgraded, or the building code changed, and the item is rebuilt on the next run.

- `ARMSLEDGER_CACHE=DIR` keeps the files in DIR instead; `ARMSLEDGER_CACHE=off` turns the cache off
  (everything is built in every process, as before).
- A file is written to a temporary name and renamed, so that a reader never sees half of one and two
  processes building at once do no harm.
- A file that cannot be read or is not what this code wrote (truncated, edited, corrupt) is rebuilt,
  with a warning in the log; a directory that cannot be written costs only the time. Nothing read from
  the cache is ever unpickled or executed: it is JSON, turned into objects by the code that reads it.
- What `fetch` returns is the same on both paths: a build's result goes through JSON too.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import __version__

LOGGER = logging.getLogger("armsledger.cache")
FORMAT = 1  # bump when what is stored changes shape
OFF = {"off", "0", "no", "false", "none"}
_warned: set[str] = set()


def directory() -> Path | None:
    """Where the cache lives: `ARMSLEDGER_CACHE`, else the user's cache directory; None when turned off."""
    env = os.environ.get("ARMSLEDGER_CACHE", "").strip()
    if env.lower() in OFF and env:
        return None
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("armsledger") / "startup"


def key(*parts: str | bytes | Path) -> str:
    """A hash of `parts` (a Path stands for its file's bytes, or for its absence), the format and the version."""
    h = hashlib.sha256(f"armsledger {__version__} cache format {FORMAT}".encode())
    for part in parts:
        if isinstance(part, Path):
            try:
                data = part.read_bytes()
            except OSError:
                data = b"\0missing\0" + str(part).encode()
        else:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def fetch(name: str | None, stamp: str, build: Callable[[], Any]) -> Any:
    """The item `name` stamped `stamp` from the cache, or `build()` (stored for next time; never for a
    `name` of None, for what has no stamp)."""
    where = directory() if name is not None else None
    path = where / f"{name}.json" if where is not None else None
    if path is not None:
        found = _read(path, stamp)
        if found is not None:
            return found[0]
    text = json.dumps({"format": FORMAT, "key": stamp, "data": build()}, ensure_ascii=False, separators=(",", ":"),
                      default=str)  # a YAML date where a name was expected, say
    if path is not None:
        _write(path, text)
    return json.loads(text)["data"]


def _read(path: Path, stamp: str) -> tuple[Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        LOGGER.info("start-up cache: %s not built yet; building it", path.name)
        return None
    except NotADirectoryError:  # the directory is not one: writing says so
        LOGGER.info("start-up cache: %s cannot be read; building it", path.name)
        return None
    except (OSError, UnicodeDecodeError) as err:
        _warn(path, f"{path}: start-up cache file unreadable ({err}); rebuilding it")
        return None
    try:
        payload = json.loads(text)
        ok = isinstance(payload, dict) and payload.get("format") == FORMAT and "data" in payload
    except ValueError as err:
        payload, ok = None, False
        why = f"not JSON: {err}"
    else:
        why = "not a cache file of this armsledger"
    if not ok:
        _warn(path, f"{path}: start-up cache file {why}; rebuilding it")
        return None
    if payload.get("key") != stamp:
        LOGGER.info("start-up cache: %s is stale (catalogues, code or versions changed); rebuilding it", path.name)
        return None
    return (payload["data"],)


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as err:
        _warn(path.parent, f"cannot write the start-up cache in {path.parent} ({err}); every run builds it "
                           "again (ARMSLEDGER_CACHE names another directory, or 'off')")
    else:
        LOGGER.info("start-up cache: wrote %s", path)


def _warn(where: Path, message: str) -> None:
    if str(where) not in _warned:  # once per file or directory and process
        _warned.add(str(where))
        LOGGER.warning(message)


class Expressions:
    """Regular expressions compiled once and kept in the start-up cache.

    `re.compile` parses an expression in Python, which for the long ones built at start-up (every office
    title of the catalogue in one alternation, spaCy's tokenizer rules) takes a tenth of a second or more
    in all. What the parse produces, the code the `_sre` engine runs, is a list of numbers: kept under
    `name`, it is handed back to `_sre` as `re.compile` itself hands it (`re/_compiler.py`), and `_sre`
    checks it. The key is this Python's exact version, so the code is the one `re.compile` would make;
    whatever goes wrong on that path, the expression is compiled as `re.compile` compiles it.

    Example:
        >>> rx = Expressions("entities")
        >>> title = rx(r"(?i:general|admiral)\\s+(?P<name>[A-Z]\\w+)")
        >>> rx.save()  # the codes of the expressions asked for, when one was not in the cache
    """

    def __init__(self, name: str | None, keep: bool = False) -> None:
        self.name = name  # None: nothing is cached
        # keep: `save` keeps the codes read from the cache too, not only those asked for in this process (for
        # expressions compiled as extraction meets them, of which one process asks for some only)
        self.keep = keep
        self._known: dict[tuple[str, int], list] | None = None
        self._used: dict[tuple[str, int], list] = {}
        self._missed = False

    def __call__(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        flags = int(flags)
        if self._known is None:
            self._known = self._load()
        key = (pattern, flags)
        code = self._known.get(key)
        if code is not None:
            try:
                compiled = _from_code(pattern, code)
            except Exception:  # noqa: BLE001 - any doubt: compile it afresh
                code = None
            else:
                self._used[key] = code
                return compiled
        try:
            code = _code(pattern, flags)
            compiled = _from_code(pattern, code)
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - a Python whose internals differ: no caching
            return re.compile(pattern, flags)
        self._used[key] = code
        self._missed = True
        return compiled

    def save(self) -> None:
        """Keep the codes of the expressions asked for so far, if one of them was compiled afresh."""
        where = directory() if self.name is not None else None
        if self._missed and where is not None:
            # (at most KEEP_MOST: the expressions of code long changed are let go, those of this run kept)
            kept = {**(self._known or {}), **self._used} if self.keep and len(self._known or ()) < KEEP_MOST \
                else self._used
            data = {"format": FORMAT, "key": _sre_stamp(), "data": [[p, f, *c] for (p, f), c in kept.items()]}
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # a pattern with a lone surrogate ("[\ud800-\udfff]"): escaped, then
                text = json.dumps(data, separators=(",", ":"))
            _write(where / f"regex-{self.name}.json", text)
            self._missed = False

    def _load(self) -> dict[tuple[str, int], list]:
        where = directory() if self.name is not None else None
        found = _read(where / f"regex-{self.name}.json", _sre_stamp()) if where is not None else None
        if found is None or not isinstance(found[0], list):
            return {}
        return {(row[0], row[1]): row[2:] for row in found[0] if isinstance(row, list) and len(row) == 7}


KEEP_MOST = 5_000  # expressions an `Expressions(keep=True)` keeps from earlier runs


_patch_lock = threading.Lock()  # `expressions` contexts: only the outermost one patches `re` (and restores it)


@contextmanager
def expressions(name: str):
    """Within: every expression `re.compile` compiles (a str pattern not in `re`'s own cache) goes through
    `Expressions(name, keep=True)`, and what was compiled afresh is saved on the way out. For the start-up of a
    process that imports the extraction's modules and builds an Extractor: their ~700 module-level expressions
    cost ~0.4 s of CPU to parse, each time, in every ingest worker. The patterns are the ones `re.compile` would
    make (see `Expressions`); `re` is itself again afterwards. Process-wide while it lasts: another thread's
    expressions go through the cache too, and come out the same. A context entered while another is open (nested,
    or in another thread) patches nothing and restores nothing: the first one's cache serves until it ends, plain
    `re` after. The cache's own fallback (`re.compile` on a Python whose internals differ) reaches the plain
    compiler, not the cache again."""
    from re import _compiler

    rx = Expressions(name if directory() is not None else None, keep=True)
    with _patch_lock:
        if getattr(_compiler.compile, "_armsledger_cache", False):
            plain = None  # another context holds the patch
        else:
            plain = _compiler.compile
            inside = threading.local()

            def compile(p, flags=0):  # noqa: A001 - `re._compiler.compile`'s signature
                if isinstance(p, str) and not flags & re.DEBUG and not getattr(inside, "on", False):
                    inside.on = True
                    try:
                        return rx(p, flags)
                    finally:
                        inside.on = False
                return plain(p, flags)

            compile._armsledger_cache = True
            _compiler.compile = compile
    try:
        yield rx
    finally:
        if plain is not None:
            with _patch_lock:
                _compiler.compile = plain
            try:
                rx.save()
            except Exception as err:  # noqa: BLE001 - a cache never stops the work
                LOGGER.info("start-up cache: expressions %s not saved (%s)", name, err)


def _sre_stamp() -> str:
    import _sre
    import sys

    return key("regular expressions", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))


def _code(pattern: str, flags: int) -> list:
    """What `re._compiler.compile` hands `_sre.compile`, as plain data."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        indexgroup[i] = name
    return [flags | p.state.flags, code, p.state.groups - 1, dict(p.state.groupdict), indexgroup]


def _from_code(pattern: str, code: list) -> re.Pattern[str]:
    import _sre

    flags, ops, groups, groupindex, indexgroup = code
    return _sre.compile(pattern, flags, ops, groups, groupindex, tuple(indexgroup))
