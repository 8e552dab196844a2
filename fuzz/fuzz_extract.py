"""Fuzz the armsledger text pipeline: ingest.from_text -> Extractor.

Feeds `--n` generated inputs (default 100,000) through
`armsledger.ingest.from_text(text, source="fuzz")` and, when that does not
raise `IngestError`, through the extractor with `with_text=True`. For every
input it checks that

  * nothing raises except `IngestError` (from ingest only);
  * every span in the record (entities' mentions, events' and deals' evidence,
    deal value / other values / quantity / delivered / tech_transfer_pct and
    anything else carrying `start`/`end`) satisfies `body[start:end] == text`,
    with 0 <= start <= end <= len(body);
  * one input takes at most `--time-limit` seconds (default 10): a slower one
    is a failure ("slow input").

Inputs come from two sources: a fast custom generator built on `random` (random
Unicode, control characters, huge numbers, endless digit runs, nested
brackets, currency symbols next to digits, date-like fragments, header-like
lines, mutated sample articles, soups of domain words, and now and then a
1 MB line), and hypothesis strategies for a share (`--hypothesis-share`).

A failure is classified by a signature (exception type and the innermost
armsledger frame, or the kind of check that failed); the first input of each
signature is shrunk (delta debugging, time-boxed) and saved to fuzz/failures/
as a runnable reproducer `<signature>.py` plus `<signature>.json`.

    .venv/bin/python fuzz/fuzz_extract.py                  # 100,000 inputs
    .venv/bin/python fuzz/fuzz_extract.py --n 2000 --seed 7
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import glob
import hashlib
import json
import random
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))  # the working tree, imported fresh by this process

from armsledger import IngestError  # noqa: E402
from armsledger.extract import Extractor  # noqa: E402
from armsledger.ingest import from_text  # noqa: E402

MB_LINE = 1_000_000


class SlowInput(Exception):
    """Raised by the alarm when one input runs past the time limit."""


# --------------------------------------------------------------------------- checking

def iter_spans(node, path="record"):
    """Every dict in the record that carries `start` or `end`, with its path."""
    if isinstance(node, dict):
        if "start" in node or "end" in node:
            yield path, node
        for key, value in node.items():
            yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{i}]")


def span_problem(body: str, span: dict) -> str | None:
    start, end, text = span.get("start"), span.get("end"), span.get("text")
    if not isinstance(start, int) or not isinstance(end, int):
        return f"start/end not integers ({start!r}, {end!r})"
    if not 0 <= start <= end <= len(body):
        return f"out of range: {start}..{end} of {len(body)}"
    if "text" in span and body[start:end] != text:
        return f"body[{start}:{end}] == {body[start:end][:60]!r} != text {str(text)[:60]!r}"
    return None


def check(extractor: Extractor, text: str, time_limit: float) -> tuple[str, str] | None:
    """Run one input; None if it passes, else (signature, detail)."""
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    t0 = time.perf_counter()
    try:
        try:
            article = from_text(text, source="fuzz")
        except IngestError:
            return None
        record = extractor(article, with_text=True)
    except SlowInput:
        return "slow-input", f"over {time_limit:.0f} s (interrupted), {len(text):,} chars"
    except Exception as err:  # noqa: BLE001 - any exception is the finding
        return exception_signature(err), "".join(traceback.format_exception(err))[-4000:]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    elapsed = time.perf_counter() - t0
    if elapsed > time_limit:
        return "slow-input", f"{elapsed:.1f} s, {len(text):,} chars"
    body = record["article"].get("text")
    if body != article.text[: len(body or "")]:
        return "body-mismatch", "record['article']['text'] is not the article body"
    for path, span in iter_spans({k: record[k] for k in ("entities", "events", "deals")}):
        problem = span_problem(body, span)
        if problem:
            # the signature names the field, not the index: deals[3].value -> deals[].value
            field = "".join(c for c in path if not c.isdigit())
            return f"span-{field}", f"{path}: {problem}"
    return None


def exception_signature(err: BaseException) -> str:
    """Exception type plus the innermost frame inside armsledger."""
    where = "?"
    for frame in traceback.extract_tb(err.__traceback__):
        if "armsledger" in frame.filename:
            where = f"{Path(frame.filename).stem}.{frame.name}:{frame.lineno}"
    return f"{type(err).__name__}@{where}"


# --------------------------------------------------------------------------- custom generator

WORDS = ["India", "France", "Russia", "the Philippines", "Poland", "South Korea", "US", "UK", "Indian", "French",
         "Rafale", "S-400", "K9 howitzers", "Patriot", "F-35A", "MQ-9B", "BrahMos", "Su-30MKI", "XX-123",
         "signed", "deal", "contract", "delivered", "deliveries", "will", "buy", "order", "offered", "talks",
         "worth", "billion", "million", "crore", "lakh", "trillion", "won", "bn", "mn", "units", "squadrons",
         "batteries", "more", "additional", "remaining", "technology", "transfer", "%", "per cent", "of", "the",
         "Defence Minister", "Rajnath Singh", "Dassault Aviation", "Hanwha", "met", "in", "New Delhi", "Moscow",
         "by", "from", "mid", "early", "late", "on", "Monday", "Friday", "next", "year", "FY", "Q3", "H1",
         "Jan.", "March", "Sept", "2026-27", "2024", "1999", "2149", "\u201c", "\u201d", "\"", "(", ")", "[", "]",
         ",", ".", ";", ":", "-", "\u2013", "\u2014", "/", "\n", "\n\n", "$", "€", "£", "₹", "¥", "Rs", "USD", "INR"]
CURRENCIES = ["$", "US$", "€", "£", "₹", "¥", "₩", "Rs", "Rs.", "USD", "EUR", "INR", "A$", "SAR", "C$", "¢", "₽"]
SCALES = ["", " billion", "bn", " million", "m", " mn", " crore", " lakh crore", " trillion won", " thousand", "k"]
HEADER_KEYS = ["URL", "TITLE", "PUBLISHED", "Published", "date", "Date", "publisher", "Source", "author",
               "published-estimated", "X-Junk", "Title", "url"]
HEADER_VALUES = ["2024-04-19", "0000-00-00", "9999-99-99", "2024-02-30", "19 April 2024", "April 19, 2024",
                 "Mon, 01 Jan 99999999999 00:00:00 +0000", "Fri, 19 Apr 2024 10:00:00 GMT", "", "   ",
                 "2024/04/19", "31/12/2024", "yesterday", "1" * 40, "https://example.com/a?b=c", "\u202e\u0000x"]
UNICODE_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x6FF), (0x900, 0x97F),
                  (0x2000, 0x206F), (0x20A0, 0x20CF), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xAC00, 0xAD00),
                  (0xFE00, 0xFE0F), (0xFF00, 0xFFEF), (0x1F300, 0x1F6FF), (0x10000, 0x1007F),
                  (0x0300, 0x036F), (0xE000, 0xE0FF), (0xFFF0, 0xFFFF)]


def rand_unicode(r: random.Random, n: int) -> str:
    """Characters from many scripts and blocks; a lone surrogate about once in 5,000 characters."""
    out = []
    for _ in range(n):
        lo, hi = (0xD800, 0xDFFF) if r.random() < 0.0002 else r.choice(UNICODE_RANGES)
        out.append(chr(r.randint(lo, hi)))
    return "".join(out)


def rand_controls(r: random.Random, n: int) -> str:
    pool = [chr(i) for i in range(32)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00ad"]
    return "".join(r.choice(pool) if r.random() < 0.4 else r.choice(WORDS) + " " for _ in range(n))


def huge_number(r: random.Random) -> str:
    digits = "".join(r.choice("0123456789") for _ in range(r.randint(15, 400)))
    sep = r.choice(["", ",", ".", " ", "\u202f", "'"])
    if sep:
        digits = sep.join(digits[i:i + 3] for i in range(0, len(digits), 3))
    return f"{r.choice(CURRENCIES + [''])}{digits}{r.choice(SCALES)}"


def digit_run(r: random.Random) -> str:
    return r.choice(["", "$", "Rs ", "€", "in ", "FY"]) + r.choice("0123456789") * (r.randint(100, 20_000) if r.random() < 0.05 else r.randint(20, 1500)) + \
        r.choice(["", " billion", "%", "-27", " crore", " units"])


def nested_brackets(r: random.Random) -> str:
    depth = r.randint(5, 3000) if r.random() < 0.05 else r.randint(2, 300)
    opens = "".join(r.choice("([{<\u201c\"'") for _ in range(depth))
    closes = "".join({"(": ")", "[": "]", "{": "}", "<": ">", "\u201c": "\u201d"}.get(c, c) for c in reversed(opens))
    if r.random() < 0.5:
        closes = closes[: r.randint(0, len(closes))]
    return f"India signed {opens}a deal for 26 Rafale{closes} jets."


def currency_digits(r: random.Random) -> str:
    parts = []
    for _ in range(r.randint(1, 40)):
        c, amount = r.choice(CURRENCIES), r.choice(["1", "1.2", "5,000", "0", "00.00", "1e9", "2.3", ".5", "1,5",
                                                    "999999999999", "-3", "1/2", "⅔", "١٢٣", "１２", "3.", "1..2"])
        parts.append(r.choice([f"{c}{amount}", f"{amount}{c}", f"{c} {amount}{r.choice(SCALES)}",
                               f"{amount}{r.choice(SCALES)} {r.choice(['euros', 'won', 'rupees', 'dollars'])}"]))
    return r.choice([" ", "", "-", "/", " to ", " and "]).join(parts)


def date_fragments(r: random.Random) -> str:
    frags = ["mid-2026", "by 2026-27", "FY2027-28", "2024-13-45", "31 February 2024", "Feb 30, 2024",
             "on Monday", "next Friday", "late 2022-early 2023", "Q5 2025", "H3 2026", "2149", "2150", "1949",
             "the end of the year", "this week", "since September last year", "early-", "-2026", "2026-",
             "20242024-25", "April 31st, 2024", "0 January 2020", "99 March 2020", "by 2020/21/22", "in 20",
             "Monday, (19 April", "Sept. 2024", "fiscal 2024-99", "the first half of the second half of 2024"]
    return " ".join(r.choice(frags + WORDS[:40]) for _ in range(r.randint(1, 60)))


def header_like(r: random.Random) -> str:
    lines = [f"{r.choice(HEADER_KEYS)}:{r.choice(['', ' ', chr(9)])}{r.choice(HEADER_VALUES)}"
             for _ in range(r.randint(0, 8))]
    if r.random() < 0.3:
        lines.append("Not a header line at all: " + r.choice(WORDS))
    sep = r.choice(["\n\n", "\n", "\r\n\r\n", "\n \n", "\n\n\n", ""])
    body = r.choice(["", " ", "India signed a deal for 26 Rafale M jets.", soup(r, r.randint(1, 60)),
                     "Title: nested header\n\nbody"])
    return "\n".join(lines) + sep + body


def soup(r: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        x = r.random()
        if x < 0.7:
            out.append(r.choice(WORDS))
        elif x < 0.8:
            out.append(str(r.choice([r.randint(0, 200), r.randint(1900, 2200), r.random() * 1000])))
        elif x < 0.9:
            out.append(huge_number(r) if r.random() < 0.2 else r.choice(CURRENCIES) + str(r.randint(1, 9999)))
        else:
            out.append(rand_unicode(r, r.randint(1, 4)))
    return " ".join(out)


def excerpt(r: random.Random, text: str) -> str:
    """Usually a slice of up to 800 chars of a sample (header lines included at 0); now and then all of it."""
    if r.random() < 0.03:
        return text
    start = 0 if r.random() < 0.3 else r.randrange(len(text))
    return text[start:start + r.randint(50, 800)]


def mutate(r: random.Random, text: str) -> str:
    """A sample article with slices deleted, duplicated or replaced by junk."""
    chars = list(text)
    for _ in range(r.randint(1, 30)):
        if not chars:
            break
        i = r.randrange(len(chars))
        j = min(len(chars), i + r.randint(1, 80))
        op = r.random()
        if op < 0.3:
            del chars[i:j]
        elif op < 0.5:
            chars[i:i] = chars[i:j]
        elif op < 0.7:
            chars[i:j] = list(r.choice(WORDS + CURRENCIES))
        elif op < 0.85:
            chars[i:i] = list(rand_unicode(r, r.randint(1, 5)))
        else:
            chars[i:i] = list(r.choice([huge_number(r), currency_digits(r), date_fragments(r)]))
    return "".join(chars)


def mb_line(r: random.Random) -> str:
    """About 1 MB on one line: repeated domain words, digits or random Unicode."""
    kind = r.randrange(4)
    if kind == 0:
        unit = soup(r, 50).replace("\n", " ") + " "
    elif kind == 1:
        unit = "India signed a deal for 26 Rafale jets worth $1.2 billion by mid-2026 "
    elif kind == 2:
        unit = rand_unicode(r, 500)
    else:
        unit = "1234567890" * 50
    return (unit * (MB_LINE // max(1, len(unit)) + 1))[:MB_LINE].replace("\n", " ")


def custom_input(r: random.Random, samples: list[str], i: int, mb_every: int) -> tuple[str, str]:
    """(generator name, input text) for the i-th custom input."""
    if mb_every and i % mb_every == mb_every - 1:
        return "mb-line", mb_line(r)
    gens = [
        ("unicode", lambda: rand_unicode(r, r.randint(0, 400))),
        ("controls", lambda: rand_controls(r, r.randint(1, 200))),
        ("huge-number", lambda: soup(r, 10) + " worth " + huge_number(r) + " " + soup(r, 10)),
        ("digit-run", lambda: "India will buy " + digit_run(r) + " Rafale jets."),
        ("brackets", lambda: nested_brackets(r)),
        ("currency", lambda: "India signed a deal with France worth " + currency_digits(r) + " for Rafale jets."),
        ("dates", lambda: "India will receive the S-400 " + date_fragments(r) + "."),
        ("headers", lambda: header_like(r)),
        ("soup", lambda: soup(r, r.randint(1, 400) if r.random() < 0.05 else r.randint(1, 80))),
        ("mutated-sample", lambda: mutate(r, excerpt(r, r.choice(samples)))),
        ("mixed", lambda: excerpt(r, r.choice(samples)) + r.choice(
            [huge_number(r), digit_run(r)[:3000], nested_brackets(r), currency_digits(r), rand_controls(r, 30)])),
    ]
    weights = [8, 6, 8, 5, 5, 10, 10, 8, 15, 20, 5]
    name, make = r.choices(gens, weights)[0]
    return name, make()


# --------------------------------------------------------------------------- hypothesis share

def hypothesis_inputs(n: int, seed: int, consume) -> int:
    """Run `consume(text)` over `n` hypothesis-generated strings; the count actually run."""
    from hypothesis import HealthCheck, Phase, given, settings, strategies as st
    from hypothesis import seed as hseed

    words = st.sampled_from(WORDS + CURRENCIES + SCALES)
    numbers = st.one_of(st.integers(-10**30, 10**30).map(str), st.floats(allow_nan=True).map(str),
                        st.decimals(allow_nan=False, allow_infinity=False).map(str))
    token = st.one_of(words, numbers, st.text(max_size=6))
    strategy = st.one_of(
        st.text(max_size=400),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
        st.lists(token, max_size=150).map(" ".join),
        st.tuples(st.lists(st.sampled_from(HEADER_KEYS), max_size=5), st.sampled_from(HEADER_VALUES + ["x"]),
                  st.lists(token, max_size=60)).map(
            lambda t: "\n".join(f"{k}: {t[1]}" for k in t[0]) + "\n\n" + " ".join(t[2])),
    )
    count = 0

    @hseed(seed)
    @settings(max_examples=n, database=None, deadline=None, derandomize=False, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(text: str) -> None:
        nonlocal count
        if count < n:
            count += 1
            consume("hypothesis", text)

    run()
    return count


# --------------------------------------------------------------------------- shrinking and saving

def shrink(extractor: Extractor, text: str, signature: str, time_limit: float, budget: float) -> str:
    """A smaller input with the same failure signature (ddmin over characters, time-boxed)."""
    def fails(candidate: str) -> bool:
        got = check(extractor, candidate, time_limit)
        return got is not None and got[0] == signature

    deadline = time.monotonic() + budget
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, progressed = 0, False
        while i < len(text) and time.monotonic() < deadline:
            candidate = text[:i] + text[i + chunk:]
            if candidate and fails(candidate):
                text, progressed = candidate, True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return text


def save_failure(out_dir: Path, signature: str, detail: str, text: str, original: str, generator: str,
                 index: int) -> Path:
    """Write `<slug>.py` (a runnable reproducer) and `<slug>.json` (details) to out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    slug = "".join(c if c.isalnum() or c in "-_" else "_" for c in signature)[:60]
    slug += "-" + hashlib.sha1(signature.encode()).hexdigest()[:8]
    py = out_dir / f"{slug}.py"
    py.write_text(
        f'"""Fuzz failure {signature} (input #{index}, generator {generator}).\n\n'
        f'Minimal input found: {len(text):,} chars (original {len(original):,}).\n'
        f'Run: .venv/bin/python {py.relative_to(ROOT) if py.is_relative_to(ROOT) else py}\n"""\n'
        "import sys, time\nfrom pathlib import Path\n"
        "sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'src'))\n"
        "from armsledger import IngestError\nfrom armsledger.extract import Extractor\n"
        "from armsledger.ingest import from_text\n\n"
        f"TEXT = {text!r}\n\n"
        "if __name__ == '__main__':\n"
        "    article = from_text(TEXT, source='fuzz')\n"
        "    t0 = time.perf_counter()\n"
        "    record = Extractor()(article, with_text=True)\n"
        "    body = record['article']['text']\n"
        "    print(f'extracted in {time.perf_counter() - t0:.2f} s')\n"
        "    def spans(node):\n"
        "        if isinstance(node, dict):\n"
        "            if 'start' in node and 'end' in node:\n"
        "                yield node\n"
        "            for v in node.values():\n"
        "                yield from spans(v)\n"
        "        elif isinstance(node, list):\n"
        "            for v in node:\n"
        "                yield from spans(v)\n"
        "    bad = [s for s in spans({k: record[k] for k in ('entities', 'events', 'deals')})\n"
        "           if 'text' in s and body[s['start']:s['end']] != s['text']]\n"
        "    print('span mismatches:', bad)\n",
        encoding="utf-8")
    (out_dir / f"{slug}.json").write_text(json.dumps(
        {"signature": signature, "detail": detail, "input_index": index, "generator": generator,
         "chars": len(text), "original_chars": len(original),
         "text": text if len(text) <= 20_000 else text[:20_000] + "...(truncated; full text in the .py)"},
        indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    return py


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="number of inputs (default 100,000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--hypothesis-share", type=float, default=0.15, help="share of inputs from hypothesis")
    ap.add_argument("--mb-every", type=int, default=5000, help="one 1 MB line every N custom inputs (0: none)")
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per input before it is a failure")
    ap.add_argument("--shrink-budget", type=float, default=60.0, help="seconds to shrink each new failure")
    ap.add_argument("--failures", type=Path, default=HERE / "failures", help="where reproducers go")
    ap.add_argument("--json", type=Path, help="write the run's figures as JSON here")
    ap.add_argument("--progress", type=int, default=5000, help="print progress every N inputs")
    args = ap.parse_args(argv)

    def on_alarm(signum, frame):
        raise SlowInput()

    signal.signal(signal.SIGALRM, on_alarm)
    t_start = time.perf_counter()
    extractor = Extractor()
    samples = []
    for path in sorted(glob.glob(str(ROOT / "tests" / "data" / "articles" / "*.txt"))):
        samples.append(Path(path).read_text(encoding="utf-8"))
    print(f"extractor ready in {time.perf_counter() - t_start:.1f} s; {len(samples)} sample articles", flush=True)

    n_hyp = int(args.n * args.hypothesis_share)
    n_custom = args.n - n_hyp
    stats = {"inputs": 0, "failures": 0, "ingest_errors": 0}
    by_generator: Counter[str] = Counter()
    time_by_generator: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    saved: dict[str, str] = {}
    slowest = (0.0, "", 0)
    t_run = time.perf_counter()

    def consume(generator: str, text: str) -> None:
        nonlocal slowest
        index = stats["inputs"]
        stats["inputs"] += 1
        by_generator[generator] += 1
        t0 = time.perf_counter()
        got = check(extractor, text, args.time_limit)
        elapsed = time.perf_counter() - t0
        time_by_generator[generator] += elapsed
        if elapsed > slowest[0]:
            slowest = (elapsed, generator, len(text))
        if got is not None:
            signature, detail = got
            stats["failures"] += 1
            failures[signature] += 1
            if signature not in saved:
                small = text if signature == "slow-input" else shrink(
                    extractor, text, signature, args.time_limit, args.shrink_budget)
                path = save_failure(args.failures, signature, detail, small, text, generator, index)
                saved[signature] = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                print(f"  FAILURE #{stats['failures']} [{signature}] input {index} ({generator}, {len(text):,} chars)"
                      f" -> {saved[signature]} ({len(small):,} chars)\n    {detail.strip().splitlines()[-1][:200]}",
                      flush=True)
        if stats["inputs"] % args.progress == 0:
            spent = time.perf_counter() - t_run
            print(f"{stats['inputs']:>7,} inputs  {spent:7.0f} s  {stats['inputs'] / spent:6.0f}/s  "
                  f"failures {stats['failures']} ({len(failures)} kinds)", flush=True)

    r = random.Random(args.seed)
    for i in range(n_custom):
        name, text = custom_input(r, samples, i, args.mb_every)
        consume(name, text)
    if n_hyp:
        ran = hypothesis_inputs(n_hyp, args.seed, consume)
        # hypothesis may stop short of max_examples; top up from the custom generator
        for i in range(n_hyp - ran):
            name, text = custom_input(r, samples, n_custom + i, 0)
            consume(name, text)

    total = time.perf_counter() - t_start
    print("\n## fuzz run\n")
    print(f"inputs: {stats['inputs']:,}   failures: {stats['failures']:,} ({len(failures)} kinds)   "
          f"time: {total:,.0f} s ({total / 60:.1f} min)")
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]}, {slowest[2]:,} chars)")
    print("inputs (seconds) by generator: " + ", ".join(
        f"{k} {v:,} ({time_by_generator[k]:.0f} s)" for k, v in sorted(by_generator.items())))
    for signature, count in failures.most_common():
        print(f"  {count:>6,} x {signature}  ->  {saved.get(signature)}")
    if args.json:
        args.json.write_text(json.dumps({
            "inputs": stats["inputs"], "failures": stats["failures"], "kinds": dict(failures),
            "reproducers": saved, "seconds": round(total, 1), "seed": args.seed,
            "slowest": {"seconds": round(slowest[0], 2), "generator": slowest[1], "chars": slowest[2]},
            "by_generator": dict(by_generator),
            "seconds_by_generator": {k: round(v, 1) for k, v in time_by_generator.items()}}, indent=2) + "\n", encoding="utf-8")
    return 1 if stats["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
