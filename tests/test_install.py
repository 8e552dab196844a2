"""A plain install runs: every package imported while reading an HTML page, a feed and a WARC
record comes from pyproject's dependencies, followed through their own requirements but not
through the extras one dependency asks of another: whether those bring anything depends on the
build that pip picks (jusText asks for lxml's "html_clean" extra, which some lxml wheels no
longer declare; that is how lxml_html_clean went missing from plain installs).

.ci/run goes further: it installs the package into a fresh venv without extras and runs
`armsledger extract` on tests/data/install/."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).parent.parent
INSTALL = Path(__file__).parent / "data" / "install"

# What a user's run imports: read each kind of input and extract it, in a process of its own
# (pytest's own imports would muddle the picture).
RUN = """
import json, sys
from armsledger import Extractor
from armsledger.ingest import iter_inputs, parse_feed, FeedDocument
import armsledger.cli
ex = Extractor()
for item in iter_inputs([sys.argv[1] + "/report.html", sys.argv[1] + "/crawl.warc.gz"]):
    ex(item)
parse_feed(FeedDocument(source="feed.rss", url="https://news.example/feed.rss",
                        body=open(sys.argv[1] + "/feed.rss", "rb").read()))
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def _name(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def _closure(requirements: list[str]) -> set[str]:
    """The distributions these requirements bring for sure, by normalised name: with the extras
    they name themselves, and the plain requirements of everything they bring."""
    env = default_environment()
    todo = [(Requirement(r), True) for r in requirements]
    seen: dict[str, set[str]] = {}
    while todo:
        req, ours = todo.pop()
        if req.marker and not req.marker.evaluate({**env, "extra": ""}):
            continue
        name = _name(req.name)
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue  # not installed here: nothing of it can be imported either
        extras = {_name(e) for e in req.extras} if ours else set()
        if name in seen and extras <= seen[name]:
            continue
        new = extras - seen[name] if name in seen else extras | {""}
        seen.setdefault(name, set()).update(new)
        for sub in dist.requires or []:
            r = Requirement(sub)
            if not r.marker or any(r.marker.evaluate({**env, "extra": e}) for e in new):
                r.marker = None
                todo.append((r, False))
    return set(seen)


def test_every_package_a_run_imports_comes_from_a_declared_dependency():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    reachable = _closure(declared)
    out = subprocess.run([sys.executable, "-c", RUN, str(INSTALL)], capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout)
    owners = metadata.packages_distributions()
    imported = {_name(d) for m in modules for d in owners.get(m, []) if _name(d) != "armsledger"}
    missing = sorted(d for d in imported if d not in reachable)
    assert not missing, f"imported on a user's path but not brought by pyproject's dependencies: {missing}"
    assert "lxml-html-clean" in imported
