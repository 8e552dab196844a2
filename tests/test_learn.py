"""The learned decisions as a user meets them: a plain JSON model, `train`, `--explain`, learning from corrections."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.extract import learned
from armsledger.model import Article

DATA = Path(__file__).parent / "data"
SEED = DATA / "articles" / "seed.txt"
runner = CliRunner()


def test_the_shipped_model_is_plain_json_with_a_threshold_per_decision():
    model = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    decisions = model["decisions"]
    assert {"deal", "status", "hedged", "event"} <= set(decisions)
    for name in ("deal", "hedged", "event"):
        assert 0 < decisions[name]["threshold"] < 1
        assert all(isinstance(w, float) for w in decisions[name]["weights"].values())
    assert set(decisions["status"]["classes"]) <= {"considered", "offered", "negotiating", "signed", "in_delivery",
                                                   "completed", "cancelled"}
    assert model["meta"]["cross_validation"]["folds"] >= 2


def test_extraction_runs_the_model_without_scikit_learn():
    code = ("import sys; sys.modules['sklearn'] = None\n"  # any import of scikit-learn now fails
            "from armsledger import Extractor\nfrom armsledger.model import Article\n"
            "ex = Extractor()\nassert ex.model is not None\n"
            "rec = ex(Article(text='Brazil signed a contract for 36 Gripen fighters from Sweden.', published='2014-10-24'))\n"
            "print(sorted((d['supplier'], d['recipient'], d['platform']) for d in rec['deals']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "('SWE', 'BRA', 'Gripen')" in run.stdout


@pytest.mark.parametrize("text, deal", [
    # buyers listed after the platform, with no purchase verb of their own
    ("The Rafale, already flown by the air forces of Egypt, Qatar and Greece, is on offer to Colombia.",
     ("FRA", "GRC", "Rafale")),
    ("Kenya has ordered three C-27J transport aircraft from Italy.", ("ITA", "KEN", "C-27J")),
    ("The navy of Peru took delivery of two Kilo-class submarines that Russia built.", ("RUS", "PER", "Kilo")),
])
def test_the_model_finds_deals_the_rules_alone_miss_or_keep(extractor, text, deal):
    rec = extractor(Article(text=text, published="2023-05-02"), explain=True)
    found = {(d["supplier"], d["recipient"], d["platform"].split("-class")[0].split()[0]) for d in rec["deals"]}
    assert (deal[0], deal[1], deal[2].split()[0]) in found


def test_explain_says_why_each_deal_is_there():
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json", "--explain"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout.splitlines()[0])
    assert rec["deals"]
    for d in rec["deals"]:
        why = d["why"]
        assert why["opened_by"] in ("rules", "model")
        assert 0 <= why["probability"] <= 1 and why["probability"] >= why["threshold"]
        assert why["features"] and all({"feature", "weight"} <= set(f) for f in why["features"])
        assert why["status"]["value"] and why["status"]["features"]
    for ev in rec["events"]:
        assert "why" in ev
    text = runner.invoke(app, ["extract", str(SEED), "--explain"])
    assert "Why these deals" in text.stdout and "rule:deal" in text.stdout


def test_train_rebuilds_a_model_from_gold_and_reports_cross_validated_figures(tmp_path):
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["train", "--set", "seed", "--set", "dev", "--folds", "3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "cross-validation" in result.stdout and "deal threshold" in result.stdout
    model = learned.load(str(out))
    assert model is not None and model.deal.weights
    assert json.loads(out.read_text())["meta"]["cross_validation"]["articles"] == 10


def test_train_refuses_the_test_split(tmp_path):
    result = runner.invoke(app, ["train", "--set", "corpus-test", "--out", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    assert "test split" in result.output
    assert not (tmp_path / "m.json").exists()


def test_an_unknown_model_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(SEED), "--model", str(tmp_path / "missing.json")])
    assert result.exit_code != 0
    assert "no such model file" in str(result.exception or result.output)


def test_an_analysts_rejection_changes_the_decision_on_a_similar_sentence_after_retraining(tmp_path, monkeypatch):
    """A fly-past is not a purchase: once an analyst rejects such a deal in the ledger and the model is
    retrained with the ledger, a report of another fly-past gives no deal."""
    base = tmp_path / "base.json"
    assert runner.invoke(app, ["train", "--set", "seed", "--set", "dev", "--folds", "3", "--out", str(base)]).exit_code == 0
    seen = tmp_path / "santiago.txt"
    seen.write_text("TITLE: Air show in Santiago\nPUBLISHED: 2024-09-20\n\nChile's air force flew its F-16 fighters "
                    "over Santiago during the parade on Sunday. Thousands watched the display.\n", encoding="utf-8")
    similar = tmp_path / "lima.txt"
    similar.write_text("TITLE: Parade in Lima\nPUBLISHED: 2024-07-30\n\nPeru's air force flew its MiG-29 fighters "
                       "over Lima during the parade on Sunday. Crowds lined the avenues.\n", encoding="utf-8")

    def deals(model: Path, path: Path) -> list:
        result = runner.invoke(app, ["extract", str(path), "--format", "json", "--model", str(model)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["deals"]

    assert deals(base, similar), "the model trained on seed and dev alone reads a fly-past as a deal"
    db = str(tmp_path / "ledger.db")
    monkeypatch.setenv("ARMSLEDGER_MODEL", str(base))
    assert runner.invoke(app, ["ingest", str(seen), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["deals", "--db", db, "--format", "json"]).stdout)
    assert [d["platform"] for d in listed] == ["F-16"]
    fix = runner.invoke(app, ["correct", str(listed[0]["id"]), "*", "--reject", "--who", "ana",
                              "--why", "a fly-past, not a purchase", "--db", db])
    assert fix.exit_code == 0, fix.output
    monkeypatch.delenv("ARMSLEDGER_MODEL")

    taught = tmp_path / "taught.json"
    result = runner.invoke(app, ["train", "--set", "seed", "--set", "dev", "--folds", "3", "--ledger", db,
                                 "--out", str(taught)])
    assert result.exit_code == 0, result.output
    assert "1 from ledger corrections" in result.stdout
    assert deals(taught, similar) == []
