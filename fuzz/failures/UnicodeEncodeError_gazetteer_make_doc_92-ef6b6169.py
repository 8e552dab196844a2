"""Fuzz failure UnicodeEncodeError@gazetteer.make_doc:92 (input #458, generator unicode).

Minimal input found: 1 chars (original 365).
Run: .venv/bin/python fuzz/failures/UnicodeEncodeError_gazetteer_make_doc_92-ef6b6169.py
"""
import sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'src'))
from armsledger import IngestError
from armsledger.extract import Extractor
from armsledger.ingest import from_text

TEXT = '\ud80a'

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
