"""Out-of-order streams stored one article a transaction (store.write_rows), by one build (its src on
PYTHONPATH): CPU seconds, and the ledger's tables dumped (timestamps masked) for an identity check.
  make:  late_bench.py make OUT_DIR   (rows: hot deal with late reports; train corpus x3 with copies)
  load:  late_bench.py load ROWS KIND DUMP"""
import copy, json, os, random, sys, tempfile, time
from datetime import date, timedelta
BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)


def make(out):
    from write_bench import _save_rows, train_corpus
    from extract_bench import generated_article
    from armsledger import Extractor
    from armsledger.ledger.writer import article_row
    ex = Extractor()
    corpus = train_corpus(3, 20240419)
    records = [ex(a) for a in corpus]
    rows = [article_row(a, rec) for a, rec in zip(corpus, records)]
    for r, rec in zip(rows, records):
        r["record"] = json.dumps(rec)
    _save_rows(rows, f"{out}/stream.jsonl")
    base = next(rec for rec in records if len(rec["deals"]) == 1 and rec["deals"][0].get("recipient"))
    r = random.Random(5)
    rows = []
    for i in range(1500):  # one deal's reports, a fifth of them dated up to 200 days before the stream's day
        art = generated_article(r, 10_000 + i)
        rec = copy.deepcopy(base)
        d = date(2015, 1, 1) + timedelta(days=i // 3)
        if r.random() < 0.2:
            d -= timedelta(days=r.randint(1, 200))
        day = d.isoformat()
        rec["article"]["published"] = day
        deal = rec["deals"][0]
        deal["status"] = "in_delivery" if i > 10 else "signed"
        deal["delivered"] = {"min": None, "max": min(36, i // 150), "unit": "aircraft", "text": "delivered"}
        art.published, art.url = day, f"https://hot.example.com/{i}"
        rows.append(article_row(art, rec))
        rows[-1]["source"] = art.url
        rows[-1]["record"] = json.dumps(rec)
    _save_rows(rows, f"{out}/hot.jsonl")


def dump(engine, path):
    from sqlalchemy import select
    from armsledger.ledger.schema import metadata
    out = {}
    with engine.connect() as conn:
        for t in metadata.sorted_tables:
            rows = []
            for row in conn.execute(select(t)):
                d = {}
                for k, v in row._mapping.items():
                    if hasattr(v, "isoformat") and not isinstance(v, str) and len(str(v)) > 10:
                        v = "T"
                    elif isinstance(v, (bytes, memoryview)):
                        v = bytes(v).hex()
                    elif k.endswith("_at") or k in ("at", "stored", "created", "updated"):
                        v = "T"
                    d[k] = v
                rows.append(json.dumps(d, sort_keys=True, default=str))
            out[t.name] = sorted(rows)
    with open(path, "w") as fh:
        for name in sorted(out):
            fh.write(f"## {name} {len(out[name])}\n")
            fh.writelines(x + "\n" for x in out[name])


def load(path, kind, dump_path):
    from ingest_bench import PG_SERVER, _Database
    from armsledger.ledger import Ledger, store, writer
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    ready = getattr(writer, "ready_json", None)
    for r in rows:
        r["minhash"] = bytes.fromhex(r["minhash"])
        r.pop("ready", None)
        if ready:
            r["ready"] = ready(r["id"], r["record"])
    with tempfile.TemporaryDirectory(prefix="refold-") as tmp, _Database(kind, PG_SERVER, tmp) as db, Ledger(db) as ledger:
        cpu = []
        for r in rows:
            c = time.process_time()
            store.write_rows(ledger.engine, [r])
            cpu.append(time.process_time() - c)
        if dump_path != "-":
            dump(ledger.engine, dump_path)
    k = max(1, len(cpu) // 10)
    print(json.dumps({"cpu": round(sum(cpu), 3), "first_ms": round(sum(cpu[:k]) / k * 1e3, 2),
                      "last_ms": round(sum(cpu[-k:]) / k * 1e3, 2), "n": len(cpu)}))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        load(*sys.argv[2:5])
