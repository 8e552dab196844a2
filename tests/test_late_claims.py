"""A claim reported before its field's latest report (an article dated earlier arriving later) folds into the
stored state without refolding the field when it cannot change what later reports decided
(`reconcile._late_fits`); the state then equals the one folded from scratch in report order."""
from __future__ import annotations

import json
import random

from armsledger.ledger import reconcile

VALUES = {"value": [{"amount": 5e9, "currency": "USD"}, {"amount": 5.43e9, "currency": "USD"},
                    {"amount": 2e9, "currency": "USD"}, {"amount": 2.1e9, "currency": "EUR", "usd": 2.3e9}],
          "quantity": [{"min": 36, "max": 36}, {"min": 40, "max": 40}, {"min": 2, "max": 3}],
          "signed": [{"value": "2024"}, {"value": "2024-03"}, {"value": "2025-01-02"}],
          "status": ["signed", "negotiating", "in_delivery"], "category": ["aircraft", "ships"],
          "delivered": [{"min": 2, "max": 2}, {"min": 5, "max": 5}],
          "local_partners": ["HAL", "BEL"]}


def _claims(rnd: random.Random, field: str, n: int) -> list[dict]:
    return [{"id": i + 1, "field": field, "value": rnd.choice(VALUES[field]), "article_id": f"a{rnd.randrange(n)}",
             "wire_group": rnd.choice([None, None, f"w{rnd.randrange(5)}"]),
             "reported": rnd.choice([None, *(f"2024-{m:02d}-{d:02d}" for m in (1, 2, 6, 7) for d in (1, 15))]),
             "hedged": rnd.random() < 0.3, "text": "t", "start": 0, "end": 1, "publisher": "p"} for i in range(n)]


def _stored(st: dict) -> dict:
    return json.loads(json.dumps(st))


def _incrementally(field: str, claims: list[dict], rnd: random.Random) -> tuple[dict, int]:
    """As ledger/aggregates.py does: batches in claim order, each folded in when `can_fold`, else the field
    folded again from all its claims so far; (final state, batches folded in late)."""
    st, keys, done, late = None, reconcile.Keys(), [], 0
    while len(done) < len(claims):
        batch = claims[len(done):len(done) + rnd.randint(1, 3)]
        done += batch
        if st is not None and reconcile.can_fold(field, st, batch):
            late += any(reconcile._is_late(st, c) for c in batch)
            st = reconcile.fold_field(field, st, batch, keys, window=[])
        else:
            keys = reconcile.Keys({k for k in keys.known if k[0] != field})
            st = reconcile.fold_field(field, None, list(done), keys)
        if st["kind"] == "latest":
            st["window"] = reconcile._window(st, done)
        st = _stored(st)
    return st, late


def test_late_claims_fold_as_from_scratch():
    late = 0
    for seed in range(600):
        rnd = random.Random(seed)
        field = rnd.choice(sorted(VALUES))
        claims = _claims(rnd, field, rnd.randint(1, 60))
        st, n = _incrementally(field, claims, rnd)
        late += n
        assert st == _stored(reconcile.fold_field(field, None, claims, reconcile.Keys())), (seed, field)
    assert late > 100  # the late path was taken


def test_a_late_claim_starting_a_new_group_or_a_firm_status_under_hedged_ones_is_not_folded_in():
    keys = reconcile.Keys()
    c = {"article_id": "a", "hedged": False, "text": "t", "start": 0, "end": 1}
    st = reconcile.fold_field("quantity", None, [dict(c, id=1, value={"min": 36, "max": 36}, reported="2024-06-01")], keys)
    assert not reconcile.can_fold("quantity", st, [dict(c, id=2, value={"min": 40, "max": 40}, reported="2024-01-01")])
    assert not reconcile.can_fold("quantity", st, [dict(c, id=2, value={"min": 36, "max": 36}, reported="2024-01-01")])
    assert reconcile.can_fold("quantity", st, [dict(c, id=2, value={"min": 36, "max": 36}, reported="2024-07-01")])
    st = reconcile.fold_field("status", None, [dict(c, id=1, value="signed", reported="2024-06-01", hedged=True)], keys)
    assert not reconcile.can_fold("status", st, [dict(c, id=2, value="offered", reported="2024-01-01")])
    assert reconcile.can_fold("status", st, [dict(c, id=2, value="offered", reported="2024-01-01", hedged=True)])
