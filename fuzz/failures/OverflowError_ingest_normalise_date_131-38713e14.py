"""Fuzz failure OverflowError@ingest.normalise_date:131 (input #174, generator headers).

Minimal input found: 36 chars (original 361).
Run: .venv/bin/python fuzz/failures/OverflowError_ingest_normalise_date_131-38713e14.py
"""
import sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'src'))
from armsledger import IngestError
from armsledger.extract import Extractor
from armsledger.ingest import from_text

TEXT = 'e:\nPUBLISHED:Jan 9999999999 0:0 1\n\n2'

if __name__ == '__main__':
    article = from_text(TEXT, source='fuzz')
    t0 = time.perf_counter()
    record = Extractor()(article, with_text=True)
    body = record['article']['text']
    print(f'extracted in {time.perf_counter() - t0:.2f} s')
    def spans(node):
        if isinstance(node, dict):
            if 'start' in node and 'end' in node:
                yield node
            for v in node.values():
                yield from spans(v)
        elif isinstance(node, list):
            for v in node:
                yield from spans(v)
    bad = [s for s in spans({k: record[k] for k in ('entities', 'events', 'deals')})
           if 'text' in s and body[s['start']:s['end']] != s['text']]
    print('span mismatches:', bad)
