"""What the ingest pool's fork server imports before it forks any worker (`pool.Extraction.start`): the
extraction's modules and the default Extractor, built once in the server. Each worker forked from it starts with
them in memory (shared with the server until written), instead of importing and building them itself: one start-up
for the pool instead of one a worker (the Extractor ~1 s of CPU). Not datasketch (~0.4 s more, its package importing
every sketch it has, the LSH's SciPy among them): the workers leave the MinHash to the ingesting process, which signs
the articles while this preload runs (`pool.Job.sign`). An error here is left to show on the articles: the workers
build their Extractor themselves then, as they would anyway for catalogues other than the default."""
from __future__ import annotations

from .pool import _warm

_warm(None)
