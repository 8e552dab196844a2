"""Throughput benchmark of the armsledger extractor, on one core.

Builds a corpus of at least `--words` words (default 1,000,000): the sample
articles in tests/data/articles plus generated news-like defence articles
(deterministic, fixed seed), runs the extractor over it in this one process
after a warm-up, and prints words/s, articles/s, peak RSS and the catalogue
load time. spaCy's tokenizer-only pipeline (`spacy.blank("en")`) over the same
texts is timed as a yardstick.

    .venv/bin/python bench/extract_bench.py                 # 1M words
    .venv/bin/python bench/extract_bench.py --quick         # 100k-word smoke run
    .venv/bin/python bench/extract_bench.py --json bench/last.json
    .venv/bin/python bench/extract_bench.py --profile 200000   # + cProfile hot spots
"""
from __future__ import annotations

import os

# One core: pin the thread pools before numpy/spaCy are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import glob
import json
import platform
import random
import resource
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from pinning import pin_to_one_core  # bench/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "articles"

# --------------------------------------------------------------------------- corpus

SUPPLIERS = ["France", "the United States", "Russia", "South Korea", "Germany", "Israel", "Turkey", "Italy",
             "Sweden", "the United Kingdom", "China", "Spain", "Brazil", "India", "Japan", "Norway"]
BUYERS = ["India", "Poland", "Egypt", "Indonesia", "the Philippines", "Saudi Arabia", "Qatar", "Greece",
          "Vietnam", "Morocco", "Australia", "Romania", "Brazil", "Thailand", "Malaysia", "Pakistan",
          "Algeria", "Armenia", "Serbia", "Nigeria", "Chile", "Peru", "Finland", "Estonia", "Bangladesh"]
DEMONYMS = ["French", "American", "Russian", "South Korean", "German", "Israeli", "Turkish", "Italian",
            "Indian", "Polish", "Egyptian", "Indonesian", "Greek", "Australian", "Brazilian", "Japanese"]
PLATFORMS = [("Rafale", "fighter jets"), ("S-400", "air defence systems"), ("K9 howitzers", ""),
             ("Patriot", "missile batteries"), ("F-35A", "stealth fighters"), ("MQ-9B", "drones"),
             ("BrahMos", "cruise missiles"), ("K2 tanks", ""), ("HIMARS", "launchers"),
             ("Leopard 2A8", "tanks"), ("CAESAR", "self-propelled guns"), ("Bayraktar TB2", "drones"),
             ("Scorpene", "submarines"), ("FREMM", "frigates"), ("Su-30MKI", "fighters"),
             ("Gripen E", "fighters"), ("Black Hawk", "helicopters"), ("C-130J", "transport aircraft"),
             ("Apache", "attack helicopters"), ("Iron Dome", "batteries"), ("NASAMS", "systems"),
             ("Tejas Mk1A", "light combat aircraft"), ("KF-21", "fighters"), ("T-90S", "tanks"),
             ("Javelin", "anti-tank missiles"), ("P-8I", "maritime patrol aircraft"), ("XX-123", "missiles")]
OFFICIALS = [("Defence Minister", "Rajnath Singh"), ("Defence Minister", "Wladyslaw Kosiniak-Kamysz"),
             ("Defense Secretary", "Lloyd Austin"), ("Armed Forces Minister", "Sebastien Lecornu"),
             ("Defence Minister", "Prabowo Subianto"), ("President", "Emmanuel Macron"),
             ("Prime Minister", "Narendra Modi"), ("Defence Minister", "Boris Pistorius"),
             ("Defence Secretary", "Gilberto Teodoro"), ("Defence Minister", "Shin Won-sik")]
COMPANIES = ["Dassault Aviation", "Hanwha Aerospace", "Lockheed Martin", "Raytheon", "Rosoboronexport",
             "General Atomics", "Hyundai Rotem", "Naval Group", "Rheinmetall", "Saab", "Leonardo",
             "Hindustan Aeronautics Limited", "Baykar", "KNDS", "Thales", "Bharat Electronics", "Elbit Systems"]
PLACES = ["New Delhi", "Warsaw", "Paris", "Seoul", "Manila", "Jakarta", "Cairo", "Moscow", "Washington",
          "Riyadh", "Athens", "Canberra", "Bucharest", "Hanoi", "Ankara", "Berlin", "Tokyo", "Islamabad"]
MONEY = ["$1.2 billion", "Rs 5,000 crore", "€2bn", "2.3 trillion won", "USD 375 million", "US$ 4.5 billion",
         "£650m", "€ 1,5 milliard", "Rs 63,000 crore", "$780 million", "1.1 billion euros", "A$3.4 billion",
         "INR 2,960 crore", "about $2 billion", "over €800 million", "$10bn", "SAR 1.9 billion", "¥120 billion",
         "4.9 billion zlotys", "$ 250 mn", "between $3 billion and $4 billion", "Rs 1.2 lakh crore"]
DATES = ["on Monday", "on Tuesday", "last Friday", "mid-2026", "by 2026-27", "in March 2025", "early next year",
         "by the end of 2027", "on 12 February", "in the first quarter of 2026", "last week", "in 2029",
         "within 36 months", "next month", "on April 19, 2024", "by FY2028", "late 2025", "this year"]
QUANTITIES = ["26", "two", "three batteries of", "a dozen", "48", "18 more", "an additional 12", "up to 100",
              "six", "114", "four squadrons of", "250", "between 20 and 30", "nine", "two more"]
VERBS_SIGNED = ["signed a contract for", "inked a deal to buy", "finalised the purchase of", "placed an order for",
                "agreed to acquire", "concluded an agreement for"]
VERBS_TALK = ["is in talks to buy", "is considering", "has offered", "is negotiating the purchase of",
              "has shortlisted", "may acquire", "has requested"]
VERBS_DELIVER = ["delivered the first batch of", "handed over", "received the last of", "took delivery of"]
FILLER = [
    "Analysts said the move reflects a broader shift in regional security priorities, with governments "
    "looking to diversify their suppliers and build up domestic industry.",
    "The ministry did not respond to a request for comment. Officials familiar with the matter spoke on "
    "condition of anonymity because they were not authorised to discuss the negotiations publicly.",
    "Defence spending in the region has risen steadily over the past decade, according to figures from "
    "the Stockholm International Peace Research Institute.",
    "The programme has faced delays in the past, partly because of supply-chain problems and partly "
    "because of disagreements over local production and the transfer of technology.",
    "Opposition lawmakers questioned the cost of the purchase and asked whether the procurement process "
    "had been transparent. The government rejected the criticism.",
    "Industry executives at the trade show said order books were full and that lead times for artillery "
    "shells and air defence interceptors had lengthened considerably.",
    "The weather at the ceremony was mild, and several hundred guests, including diplomats and retired "
    "officers, attended the event at the air base outside the capital.",
    "Separately, the cabinet approved a new policy on offsets that requires foreign suppliers to invest "
    "part of the contract value in local firms.",
    "(The story has been updated with comments from the ministry.) [Reporting by staff; editing by desk]",
    "Shares of the company rose 3.2% in early trading, while the broader market was flat.",
]
QUOTES = [
    "\"This is a historic day for our armed forces,\" {title} {name} told reporters in {place}.",
    "\"We are committed to delivering on schedule,\" said a spokesperson for {company}.",
    "\u201cThe partnership goes far beyond a simple purchase,\u201d {name} said, adding that talks would "
    "continue {date}.",
    "\"Nothing has been finalised yet,\" an official said. \"Negotiations are ongoing.\"",
]


def _sentence(r: random.Random) -> str:
    """One news-like sentence: a purchase, talks, a delivery, a meeting, a quote or background."""
    sup, buy = r.choice(SUPPLIERS), r.choice(BUYERS)
    plat, noun = r.choice(PLATFORMS)
    title, name = r.choice(OFFICIALS)
    q, m, d = r.choice(QUANTITIES), r.choice(MONEY), r.choice(DATES)
    obj = " ".join(f"{q} {plat} {noun}".split())
    kind = r.random()
    if kind < 0.30:
        return f"{buy} {r.choice(VERBS_SIGNED)} {obj} from {sup} {d}, in a deal worth {m}."
    if kind < 0.50:
        return f"{buy} {r.choice(VERBS_TALK)} {obj}, with a package estimated at {m}, {d}."
    if kind < 0.65:
        return f"{sup} {r.choice(VERBS_DELIVER)} {obj} to {buy} {d}, with the rest expected {r.choice(DATES[3:8])}."
    if kind < 0.75:
        return (f"{title} {name} met his {r.choice(DEMONYMS)} counterpart in {r.choice(PLACES)} {d} to discuss "
                f"co-production of the {plat} and a transfer of technology of {r.randint(10, 80)}%.")
    if kind < 0.85:
        return (f"Under the agreement, {r.choice(COMPANIES)} will partner with {r.choice(COMPANIES)} to build "
                f"{r.randint(2, 200)} units locally, with deliveries starting {d}.")
    if kind < 0.93:
        return r.choice(QUOTES).format(title=title, name=name, place=r.choice(PLACES),
                                       company=r.choice(COMPANIES), date=d)
    return f"The {plat} is made by {r.choice(COMPANIES)} and has been exported to {r.randint(2, 15)} countries."


def generated_article(r: random.Random, serial: int):
    """One generated article of 300-900 words, with a title and a publication date."""
    from armsledger import Article

    target = r.randint(300, 900)
    place = r.choice(PLACES)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        if r.random() < 0.35:
            para = " ".join(r.sample(FILLER, r.randint(1, 3)))
        else:
            para = " ".join(_sentence(r) for _ in range(r.randint(2, 5)))
        if not paragraphs:
            para = f"{place}: {para}"
        paragraphs.append(para)
        words += len(para.split())
    published = date(2019, 1, 1) + timedelta(days=r.randint(0, 6 * 365))
    return Article(text="\n\n".join(paragraphs), source=f"generated/{serial:06d}",
                   title=f"{r.choice(BUYERS)} moves ahead on {r.choice(PLATFORMS)[0]} purchase",
                   published=published.isoformat())


def sample_articles() -> list:
    """The sample articles shipped with the tests."""
    from armsledger import Article, read

    out = []
    for path in sorted(glob.glob(str(SAMPLES / "*.txt"))):
        out.extend(a for a in read(path) if isinstance(a, Article))
    return out


def build_corpus(words: int, seed: int) -> list:
    """The sample articles, then generated ones until the corpus holds at least `words` words."""
    corpus = sample_articles()
    total = sum(len(a.text.split()) for a in corpus)
    r = random.Random(seed)
    while total < words:
        art = generated_article(r, len(corpus))
        corpus.append(art)
        total += len(art.text.split())
    return corpus


def real_corpus(words: int) -> list:
    """The real-news corpus's train split (corpus/train, 210 reports; the test split is kept for accuracy), read in turn
    until the corpus holds at least `words` words. Real reports name fewer countries and platforms per
    sentence than the generated ones, so deal candidates are far fewer (about 17 an article against 270)."""
    sys.path.insert(0, str(ROOT / "src"))
    from armsledger import read

    reports = [next(read(str(p))) for p in sorted((ROOT / "corpus" / "train" / "articles").glob("*.txt"))]
    corpus, total = [], 0
    while total < words:
        for art in reports:
            corpus.append(art)
            total += len(art.text.split())
            if total >= words:
                break
    return corpus


# --------------------------------------------------------------------------- measurement

def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_extractor(extractor, corpus: list) -> float:
    """Seconds to extract every article of the corpus."""
    t0 = time.perf_counter()
    for article in corpus:
        extractor(article, with_text=False)
    return time.perf_counter() - t0


def run_spacy(texts: list[str]) -> float:
    """Seconds for spaCy's tokenizer-only pipeline over the texts (the yardstick)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    for _ in nlp.pipe(texts[:20]):  # warm-up
        pass
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - t0


def profile_extractor(extractor, corpus: list, words: int, top: int = 25) -> None:
    """cProfile the extractor over the first `words` words of the corpus and print the hot spots."""
    import cProfile
    import pstats

    subset, total = [], 0
    for art in corpus:
        if total >= words:
            break
        subset.append(art)
        total += len(art.text.split())
    prof = cProfile.Profile()
    prof.enable()
    for art in subset:
        extractor(art)
    prof.disable()
    stats = pstats.Stats(prof)
    whole = max(stats.total_tt, 1e-9)
    print(f"\n## cProfile over {total:,} words ({whole:.1f} s under the profiler)\n")
    print("| function | tottime share | cumtime share |")
    print("| --- | ---: | ---: |")
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    for (file, line, name), (_cc, _nc, tt, ct, _callers) in rows:
        where = f"{Path(file).name}:{line}({name})" if line else name
        print(f"| `{where}` | {100 * tt / whole:.1f}% | {100 * ct / whole:.1f}% |")


def markdown_table(fig: dict) -> str:
    rows = [
        ("corpus", f"{fig['corpus']}: {fig['words']:,} words, {fig['articles']:,} articles"),
        ("catalogue load (Extractor())", f"{fig['catalogue_load_s']:.2f} s"),
        ("extraction time", f"{fig['seconds']:.1f} s"),
        ("extractor words/s", f"{fig['words_per_s']:,.0f}"),
        ("extractor articles/s", f"{fig['articles_per_s']:,.1f}"),
        ("rules alone, same run, words/s", f"{fig['rules_only_words_per_s']:,.0f}"),
        ("time with the model / rules alone", f"{fig['model_time_ratio']:.2f}"),
        ("peak RSS", f"{fig['peak_rss_mb']:.0f} MB"),
        ("spaCy blank('en') tokenizer words/s", f"{fig['spacy_words_per_s']:,.0f}"),
        ("extractor / tokenizer", f"{fig['words_per_s'] / fig['spacy_words_per_s']:.3f}"),
        ("target ≥ 50,000 words/s", "met" if fig["words_per_s"] >= 50_000 else "NOT met"),
        ("target ≤ 300 MB peak RSS", "met" if fig["peak_rss_mb"] <= 300 else "NOT met"),
    ]
    lines = ["| measure | value |", "| --- | ---: |"] + [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="corpus size in words (default 1,000,000)")
    ap.add_argument("--quick", action="store_true", help="a 100,000-word smoke run")
    ap.add_argument("--seed", type=int, default=20240419, help="seed of the article generator")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the process to CPU 0")
    ap.add_argument("--real", action="store_true", help="time the real-news corpus (corpus/), read in turn, instead "
                                                        "of generated articles")
    ap.add_argument("--profile", type=int, metavar="WORDS", default=0,
                    help="after the timed run, cProfile the extractor over this many words")
    args = ap.parse_args(argv)
    words = 100_000 if args.quick else args.words

    if not args.no_pin:
        pin_to_one_core()

    sys.path.insert(0, str(ROOT / "src"))  # the working tree, imported fresh in this process
    t0 = time.perf_counter()
    from armsledger import Extractor
    from armsledger.extract import settle
    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - t0
    settle()  # as the ingest and backfill workers do with the extractor they keep
    print(f"import armsledger: {import_s:.2f} s; catalogue load (Extractor()): {load_s:.2f} s")

    t0 = time.perf_counter()
    corpus = real_corpus(words) if args.real else build_corpus(words, args.seed)
    n_words = sum(len(a.text.split()) for a in corpus)
    print(f"corpus: {n_words:,} words in {len(corpus):,} articles (built in {time.perf_counter() - t0:.1f} s)")

    run_extractor(extractor, corpus[:30])  # warm-up: samples and a few generated articles
    seconds = run_extractor(extractor, corpus)
    rss = peak_rss_mb()
    print(f"extractor (rules + model): {seconds:.1f} s, {n_words / seconds:,.0f} words/s, "
          f"{len(corpus) / seconds:,.1f} articles/s, peak RSS {rss:.0f} MB")
    rules_only = Extractor(extractor.catalogue, model=False)  # the same catalogue, the model left out
    settle()
    run_extractor(rules_only, corpus[:30])
    rules_s = run_extractor(rules_only, corpus)
    print(f"rules alone, same run: {rules_s:.1f} s, {n_words / rules_s:,.0f} words/s; "
          f"the model costs {seconds / rules_s - 1:+.0%} time")

    spacy_s = run_spacy([a.text for a in corpus])
    print(f"spaCy blank('en') tokenizer: {spacy_s:.1f} s, {n_words / spacy_s:,.0f} words/s")

    fig = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count(),
                    "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None},
        "words": n_words, "articles": len(corpus), "seed": args.seed, "corpus": "real" if args.real else "generated",
        "import_s": round(import_s, 3), "catalogue_load_s": round(load_s, 3),
        "seconds": round(seconds, 3), "words_per_s": round(n_words / seconds, 1),
        "rules_only_seconds": round(rules_s, 3), "rules_only_words_per_s": round(n_words / rules_s, 1),
        "model_time_ratio": round(seconds / rules_s, 3),
        "articles_per_s": round(len(corpus) / seconds, 2), "peak_rss_mb": round(rss, 1),
        "spacy_seconds": round(spacy_s, 3), "spacy_words_per_s": round(n_words / spacy_s, 1),
    }
    print()
    print(markdown_table(fig))
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    if args.profile:
        profile_extractor(extractor, corpus, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
