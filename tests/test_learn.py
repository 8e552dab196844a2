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


def test_weighing_a_candidate_by_its_parts_gives_the_probability_of_its_features():
    """Extraction weighs each shared set of features once (`Binary.weigh`); overlapping parts are counted once."""
    deal = learned.load().deal
    names = sorted(deal.weights)
    shared = frozenset(names[:40])
    memo: dict = {}
    for parts in ([{"rule:none", names[50]}, shared, frozenset(names[60:70])],  # disjoint
                  [{"rule:none"}, shared, frozenset(names[30:45])],  # overlapping
                  [set(), shared, frozenset({"no such feature"})]):
        feats, p = deal.weigh(parts, memo)
        assert feats == set().union(*parts)
        assert p == pytest.approx(learned._sigmoid(deal.margin(feats)), abs=1e-12)  # the regression's (`averaged`)
    assert shared in memo  # weighed once, reused by the next candidate that shares it


def test_extraction_runs_the_model_without_scikit_learn():
    code = ("import sys; sys.modules['sklearn'] = None\n"  # any import of scikit-learn now fails
            "from armsledger import Extractor\nfrom armsledger.model import Article\n"
            "ex = Extractor()\nassert ex.model is not None\n"
            "rec = ex(Article(text='Brazil signed a contract for 36 Gripen fighters from Sweden.', published='2014-10-24'))\n"
            "print(sorted((d['supplier'], d['recipient'], d['platform']) for d in rec['deals']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "('SWE', 'BRA', 'Gripen')" in run.stdout


@pytest.mark.parametrize("text, expected", [
    # each buyer of a list, though the purchase verb stands beside the first
    ("The K9 howitzer has been bought by Poland, Norway and Estonia.",
     {("KOR", "POL", "K9"), ("KOR", "NOR", "K9"), ("KOR", "EST", "K9")}),
    ("Kenya has ordered three C-27J transport aircraft from Italy.", {("ITA", "KEN", "C-27J")}),
])
def test_the_model_keeps_the_deals_a_reader_sees(extractor, text, expected):
    rec = extractor(Article(text=text, published="2023-05-02"))
    assert expected <= {(d["supplier"], d["recipient"], d["platform"]) for d in rec["deals"]}


def test_each_buyer_of_a_one_sentence_list_is_proposed_and_the_first_kept(extractor):
    article = Article(text="The Rafale fighter jet has already been ordered by Egypt, Qatar and Greece.",
                      published="2023-05-02")
    every = {("FRA", "EGY", "Rafale"), ("FRA", "QAT", "Rafale"), ("FRA", "GRC", "Rafale")}
    # the rules' vote, their own deal's or a list mate's, is on each buyer's candidate
    voted = {c.key for c, f, rule in extractor.candidate_rows(article) if rule or "rule:deal" in f}
    assert voted == every
    # with the model: the buyer beside the verb is kept, no other pair is. The model fitted in session 21 scores the
    # list's other buyers 0.475 against its rules' bar of 0.52 (0.38 the build before; the bar moves 0.36-0.58 with
    # the dealing of the folds), so this bare sentence keeps Egypt alone; in the K9 list above all three pass (0.74).
    kept = {(d["supplier"], d["recipient"], d["platform"]) for d in extractor(article)["deals"]}
    assert ("FRA", "EGY", "Rafale") in kept and kept <= every


def test_a_country_named_only_as_the_one_speaking_is_no_buyer(extractor):
    rec = extractor(Article(text="Washington has warned Ankara that buying more S-400 air defence systems from Russia "
                                 "would bring sanctions.", published="2023-05-02"))
    assert {(d["supplier"], d["recipient"]) for d in rec["deals"] if d["platform"] == "S-400"} <= {("RUS", "TUR")}


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


def test_an_analysts_rejections_change_the_decision_on_a_similar_sentence_after_retraining(tmp_path, monkeypatch):
    """Tabloid speculation is not a deal: once an analyst rejects such deals in the ledger and the model is
    retrained with the ledger, another report of the kind gives no deal, where the model before gave one."""
    base = tmp_path / "base.json"
    assert runner.invoke(app, ["train", "--set", "seed", "--set", "dev", "--folds", "3", "--out", str(base)]).exit_code == 0
    seen = {"india": "India plans to buy 114 Rafale fighter jets from France, a tabloid claimed on Sunday, citing no sources.",
            "egypt": "Egypt plans to buy 200 K9 howitzers from South Korea, a tabloid claimed on Monday, citing no sources.",
            "chile": "Chile plans to buy 24 F-16 fighter jets from the United States, a tabloid claimed on Tuesday, "
                     "citing no sources."}
    for name, body in seen.items():
        (tmp_path / f"{name}.txt").write_text(f"TITLE: Gossip\nPUBLISHED: 2024-09-20\n\n{body}\n", encoding="utf-8")
    similar = tmp_path / "peru.txt"
    similar.write_text("TITLE: Gossip\nPUBLISHED: 2024-07-30\n\nPeru plans to buy 12 MiG-29 fighter jets from Russia, "
                       "a tabloid claimed on Friday, citing no sources.\n", encoding="utf-8")

    def deals(model: Path, path: Path) -> list:
        result = runner.invoke(app, ["extract", str(path), "--format", "json", "--model", str(model)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["deals"]

    assert [d["platform"] for d in deals(base, similar)] == ["MiG-29"], "before: the model reads it as a deal"
    db = str(tmp_path / "ledger.db")
    monkeypatch.setenv("ARMSLEDGER_MODEL", str(base))
    assert runner.invoke(app, ["ingest", *(str(tmp_path / f"{n}.txt") for n in seen), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["deals", "--db", db, "--format", "json"]).stdout)
    assert sorted(d["platform"] for d in listed) == ["F-16", "K9", "Rafale"]
    for d in listed:
        fix = runner.invoke(app, ["correct", str(d["id"]), "*", "--reject", "--who", "ana",
                                  "--why", "tabloid speculation, no source", "--db", db])
        assert fix.exit_code == 0, fix.output
    monkeypatch.delenv("ARMSLEDGER_MODEL")

    taught = tmp_path / "taught.json"
    result = runner.invoke(app, ["train", "--set", "seed", "--set", "dev", "--folds", "3", "--ledger", db,
                                 "--out", str(taught)])
    assert result.exit_code == 0, result.output
    assert "3 from ledger corrections" in result.stdout
    assert deals(taught, similar) == []


def test_fold_dealing_seed_0_is_the_sorted_round_robin_and_other_seeds_deal_otherwise():
    from armsledger.learn import fit

    names = [f"set/article-{i:02d}" for i in range(23)]
    first = fit._folds(list(reversed(names)) + names[:5], 5)
    assert first == [set(names[i::5]) for i in range(5)], "seed 0: today's dealing (sorted names, round robin)"
    dealings = [fit._folds(names, 5, seed) for seed in range(3)]
    for folds in dealings:
        assert sorted(n for f in folds for n in f) == names and sorted(len(f) for f in folds) == [4, 4, 5, 5, 5]
    assert dealings[0] != dealings[1] != dealings[2] != dealings[0]
    assert [fit._folds(names, 5, seed) for seed in range(3)] == dealings, "deterministic"


def test_repeated_summarises_each_figure_per_set():
    from armsledger.learn import fit

    def cv(deals, dev_deals):
        figs = {"deals": deals, "deal fields": 0.5, "events": 0.4, "entities": 0.9}
        return {"extraction": {k: {"f1": v} for k, v in figs.items()}, "extraction_by_set": {"dev": {**figs, "deals": dev_deals}}}

    out = fit.repeated([cv(0.60, 1.0), cv(0.64, 0.9), cv(0.62, 0.8)])
    assert list(out) == ["all", "dev"]
    assert out["all"]["deals"] == {"mean": 0.62, "sd": 0.02, "min": 0.60, "max": 0.64}
    assert out["dev"]["deals"]["sd"] == 0.1 and out["dev"]["events"] == {"mean": 0.4, "sd": 0.0, "min": 0.4, "max": 0.4}


def test_train_repeats_reports_mean_and_spread_and_keeps_the_first_dealings_model(tmp_path):
    import shutil

    gold = tmp_path / "small"
    for sub, ext in (("articles", "txt"), ("gold", "json")):
        (gold / sub).mkdir(parents=True)
        for stem in ("01", "03", "05", "09", "12", "16"):
            shutil.copy(DATA / sub / f"{stem}.{ext}", gold / sub)
    one, three = tmp_path / "one.json", tmp_path / "three.json"
    args = ["train", "--gold", str(gold), "--folds", "2"]
    plain = runner.invoke(app, [*args, "--out", str(one)])
    assert plain.exit_code == 0, plain.output
    assert "±" not in plain.stdout and "dealings" not in plain.stdout, "--repeats 1: today's output"
    rep = runner.invoke(app, [*args, "--repeats", "3", "--out", str(three)])
    assert rep.exit_code == 0, rep.output
    assert one.read_bytes() == three.read_bytes(), "the model is seed 0's whatever the repeats"
    assert rep.stdout.startswith(plain.stdout.split("model written")[0]), "the first dealing's figures, as before"
    assert "over 3 dealings" in rep.stdout and "lowest-highest" in rep.stdout
    for name in ("all", "small"):
        means = [line for line in rep.stdout.splitlines() if line.startswith(f"│ {name} ") and "±" in line]
        assert len(means) == 1 and means[0].count("±") == 4
    again = runner.invoke(app, [*args, "--repeats", "3", "--out", str(three)])
    assert again.stdout == rep.stdout, "deterministic"



def test_the_thresholds_train_chooses_are_the_same_whatever_the_dealing_the_figures_are_measured_on():
    from armsledger.extract import Extractor
    from armsledger.learn import fit, goldsets

    examples = goldsets.folder(DATA / "articles", DATA / "gold", "small")
    ex = Extractor(model=False)
    labelled = fit.label_all(ex, examples)
    keys = ("rule_threshold", "deal_threshold", "rival_threshold", "hedged_threshold")
    cvs = [fit.train(examples, k=2, extractor=ex, seed=s, labelled=labelled, policy="pool3")[1] for s in range(3)]
    chosen = [tuple(cv[k] for k in keys) for cv in cvs]
    assert chosen == [chosen[0]] * 3, "chosen on the out-of-fold scores of fixed dealings, whatever the figures' one"
    rows, missed = labelled
    t = fit.pooled_thresholds(rows, [e.name for e in examples], 2, 0.1, missed, pool=3)
    assert (t[0], t[1], t[2], t[4]) == chosen[0]


def test_a_higher_bias_scale_lets_the_bias_take_the_base_rate_of_deals():
    """Of 40 candidates that look alike, 4 are deals. With the bias penalised like the weights (liblinear's default,
    `fit.DEAL_BIAS_SCALE` 1.0) such a candidate is given more than its 1 in 10; with a bias scale of 10, about that."""
    from armsledger.learn import fit

    rows = [fit.Row(f"a{i}", {"sent_plats:1"}, int(i % 10 == 0)) for i in range(40)]
    X, _ = fit._vectorise(rows)

    def probability(scale: float) -> float:
        d = fit._binary(X, [r.label for r in rows], [1.0] * 40, ["sent_plats:1"], 0.1, 0.5, bias_scale=scale)
        assert json.loads(json.dumps(d)) == d, "plain JSON"
        return learned.Binary(**d).probability({"sent_plats:1"})

    assert probability(1.0) > 0.15
    assert probability(10.0) == pytest.approx(0.1, abs=0.01)
    assert probability(10.0) == probability(10.0), "deterministic"


def test_the_fitting_screen_gives_each_sets_deal_f1_the_same_at_each_run():
    """`python -m armsledger.learn.fitscreen`: the deal decision's out-of-fold F1 and precision per set and dealing."""
    from armsledger.extract import Extractor
    from armsledger.learn import fit, fitscreen, goldsets

    examples = goldsets.folder(DATA / "articles", DATA / "gold", "small")
    ex = Extractor(model=False)
    rows, missed, names = [], {}, []
    for e in examples:
        lost = [0]
        rows += fit.label_rows(ex, e, lost)
        missed[e.name], names = lost[0], names + [e.name]
    runs = fitscreen.screen(rows, missed, names, k=2, seeds=[0, 1])
    assert len(runs) == 2 and set(runs[0]) == {"all", "small"}
    assert all(0.0 <= f <= 1.0 and 0.0 <= p <= 1.0 for run in runs for f, p in run.values())
    assert fitscreen.screen(rows, missed, names, k=2, seeds=[0, 1]) == runs, "deterministic"


def test_the_event_screen_gives_each_sets_events_f1_the_same_at_each_run(monkeypatch):
    """`python -m armsledger.learn.eventscreen`: the events' out-of-fold F1 per set and dealing, the events kept as
    the extractor keeps them (one per happening, thresholds chosen on the dealing's scores)."""
    from armsledger.extract import Extractor
    from armsledger.learn import eventscreen, goldsets

    examples = goldsets.folder(DATA / "articles", DATA / "gold", "small")
    monkeypatch.setattr(eventscreen, "load", lambda s: examples)  # the sets are read by name: here one small folder
    rows, arts, base = eventscreen.labelled(["small"], Extractor())
    assert len(arts) == len(examples) and rows and all(r.label in (0, 1) for r in rows)
    runs = eventscreen.screen(rows, arts, base, k=2, seeds=[0, 1])
    assert len(runs) == 2 and set(runs[0]) == {"all", "small"}
    assert all(0.0 <= f <= 1.0 for run in runs for f in run.values())
    assert eventscreen.screen(rows, arts, base, k=2, seeds=[0, 1]) == runs, "deterministic"


def test_a_threshold_policy_names_the_dealings_it_reads_and_the_median_takes_each_threshold_alone():
    import pytest

    from armsledger.learn import fit

    assert fit.policy_dealings("one", seed=2) == [2]
    assert fit.policy_dealings("pool3", seed=2) == [0, 1, 2]
    assert fit.policy_dealings("median5") == [0, 1, 2, 3, 4]
    for bad in ("pool", "median0", "mean3", "3"):
        with pytest.raises(ValueError):
            fit.policy_dealings(bad)
    assert fit.median_of([0.42, 0.54, 0.5]) == 0.5
    assert fit.median_of([0.3, 0.44, 0.34, 0.5]) == 0.34  # an even count: the lower middle, a grid value


def test_grouped_folds_hold_whole_groups_balanced_and_deterministic():
    from armsledger.learn import fit

    names = [f"corpus-train/{b}{i:02d}" for b in "abcdefg" for i in range(3 + "abcdefg".index(b))]
    by = {n: n.split("/")[1][0] for n in names}
    dealings = [fit._folds(names, 3, seed, by) for seed in range(3)]
    for folds in dealings:
        assert sorted(n for f in folds for n in f) == sorted(names), "every article once"
        for f in folds:
            letters = {by[n] for n in f}
            assert all(by[n] not in letters for g in folds if g is not f for n in g), "no batch split between folds"
        assert max(len(f) for f in folds) - min(len(f) for f in folds) <= 9, "the largest batch at most apart"
    assert dealings[0] != dealings[1] or dealings[1] != dealings[2], "other seeds deal the batches otherwise"
    assert [fit._folds(names, 3, seed, by) for seed in range(3)] == dealings, "deterministic"
    assert sum("ledger/row" in f for f in fit._folds(names + ["ledger/row"], 3, 0, by)) == 1, "its own group"
    with pytest.raises(ValueError, match="groups cannot fill"):
        fit._folds(names, 8, 0, by)
    assert fit._folds(names, 3, 1) == fit._folds(names, 3, 1, None), "no grouping: the round robin of articles"


def test_group_keys_name_the_set_the_corpus_batch_or_the_publisher():
    from armsledger.learn import fit
    from armsledger.learn.goldsets import Example

    def ex(name, publisher=None):
        return Example(name, Article(text="x", publisher=publisher), {})

    examples = [ex("corpus-train/c014", "The Daily Star"), ex("corpus-train/c202", "the daily star "),
                ex("corpus-train/h003"), ex("dev/07", "Wire"), ex("holdout2/h1")]
    assert fit.group_keys(examples, "article") is None
    assert fit.group_keys(examples, "batch") == {"corpus-train/c014": "corpus-train/c", "corpus-train/c202":
                                                 "corpus-train/c", "corpus-train/h003": "corpus-train/h",
                                                 "dev/07": "dev", "holdout2/h1": "holdout2"}
    assert set(fit.group_keys(examples, "set").values()) == {"corpus-train", "dev", "holdout2"}
    pub = fit.group_keys(examples, "publisher")
    assert pub["corpus-train/c014"] == pub["corpus-train/c202"] != pub["dev/07"]
    assert pub["corpus-train/h003"] == "corpus-train/h003", "no publisher: a group of its own"
    with pytest.raises(ValueError, match="unknown grouping"):
        fit.group_keys(examples, "region")


def test_feature_groups_leave_out_the_words_or_keep_them_alone():
    from armsledger.learn import fit

    words = ["wb:signed", "wa:fighter", "rec:bw:navy", "sup:pw:from", "type&before:MEETING:held", "bw:worth"]
    shape = ["rec:cue:to", "sup:origin", "rule:deal", "trig:deal:sign:s", "type&date:gap0:MEETING", "cat:tank"]
    assert all(fit.wanted(f, "all") for f in words + shape)
    assert [fit.wanted(f, "no-words") for f in words + shape] == [False] * 6 + [True] * 6
    assert [fit.wanted(f, "words") for f in words + shape] == [True] * 6 + [False] * 6
    rows = [fit.Row(f"a/{i}", {"wb:signed", "rule:deal"}, i % 2) for i in range(4)]
    try:
        fit.FEATURE_GROUPS = "no-words"
        assert list(fit._vectorise(rows)[1]) == ["rule:deal"]
    finally:
        fit.FEATURE_GROUPS = "all"
    assert sorted(fit._vectorise(rows)[1]) == ["rule:deal", "wb:signed"]


def test_train_deals_whole_groups_to_folds_when_asked(tmp_path):
    import shutil

    gold = []
    for name, stems in (("one", ("01", "05", "12")), ("two", ("03", "09", "16"))):
        gold += ["--gold", str(tmp_path / name)]
        for sub, ext in (("articles", "txt"), ("gold", "json")):
            (tmp_path / name / sub).mkdir(parents=True)
            for stem in stems:
                shutil.copy(DATA / sub / f"{stem}.{ext}", tmp_path / name / sub)
    out = tmp_path / "model.json"
    bad = runner.invoke(app, ["train", *gold, "--group", "set", "--folds", "3", "--out", str(out)])
    assert bad.exit_code == 2 and "2 groups cannot fill 3 folds" in bad.output and not out.exists()
    result = runner.invoke(app, ["train", *gold, "--group", "set", "--folds", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "(folds by set)" in result.stdout
    cv = json.loads(out.read_text())["meta"]["cross_validation"]
    assert cv["group"] == "set" and cv["articles"] == 6
    assert set(cv["extraction_by_set"]) == {"one", "two"}


def test_the_group_screen_names_its_settings_and_leaves_the_defaults_as_it_found_them():
    from armsledger.learn import fit, groupscreen

    assert groupscreen.configure("C=0.3") == 0.3 and fit.FEATURE_GROUPS == "all"
    assert groupscreen.configure("no-words") == 0.1 and fit.FEATURE_GROUPS == "no-words"
    assert groupscreen.configure("balanced") == 0.1 and fit.DEAL_CLASS_WEIGHT == "balanced"
    assert fit.FEATURE_GROUPS == "all", "one setting at a time"
    groupscreen.configure("base")
    assert (fit.FEATURE_GROUPS, fit.DEAL_CLASS_WEIGHT) == ("all", None)
    with pytest.raises(ValueError, match="unknown setting"):
        groupscreen.configure("trees")
