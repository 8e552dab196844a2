"""`--leave-out REGEX`: the diagnostics and `armsledger train` can keep a fresh set of reports unread."""
import json

import pytest
from typer.testing import CliRunner

from armsledger.cli import app
from armsledger.learn import dealdiag, eventdiag, falsediag, fielddiag, goldsets


@pytest.fixture
def corpus(tmp_path):
    """A project root whose corpus train split holds three reports, two of a batch 'zq' kept fresh."""
    for name in ("b07", "zq01", "zq12"):
        for side in ("articles", "gold"):
            (tmp_path / "corpus" / "train" / side).mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / "train" / "articles" / f"{name}.txt").write_text(
            f"URL: https://example.org/{name}\nTITLE: Report {name}\nPUBLISHED: 2024-03-01\n\n"
            "Ruritania signed a contract for 12 Gripen fighters from Sweden.\n", encoding="utf-8")
        (tmp_path / "corpus" / "train" / "gold" / f"{name}.json").write_text(
            json.dumps({"deals": [], "events": [], "entities": []}), encoding="utf-8")
    yield tmp_path
    goldsets.leave_out(None)


def test_a_left_out_batch_is_not_loaded(corpus):
    goldsets.leave_out("^zq")
    assert [e.name for e in goldsets.load("corpus-train", corpus)] == ["corpus-train/b07"]


def test_the_pattern_is_searched_in_the_report_id_not_the_set_name(corpus):
    goldsets.leave_out("12$")
    assert [e.name for e in goldsets.load("corpus-train", corpus)] == ["corpus-train/b07", "corpus-train/zq01"]
    goldsets.leave_out("corpus")
    assert len(goldsets.load("corpus-train", corpus)) == 3


def test_leaving_nothing_out_loads_every_report_again(corpus):
    goldsets.leave_out("^zq")
    goldsets.leave_out(None)
    assert len(goldsets.load("corpus-train", corpus)) == 3


@pytest.mark.parametrize("tool", [dealdiag, eventdiag, fielddiag, falsediag])
def test_each_diagnostic_rejects_a_pattern_that_is_no_regular_expression(tool, capsys):
    with pytest.raises(SystemExit) as stop:
        tool.main(["--leave-out", "z[q-"])
    assert stop.value.code == 2
    assert "--leave-out: not a regular expression" in capsys.readouterr().err


def test_train_says_when_the_pattern_leaves_no_report():
    pytest.importorskip("sklearn")
    result = CliRunner().invoke(app, ["train", "--set", "seed", "--leave-out", "^seed$"])
    goldsets.leave_out(None)
    assert result.exit_code != 0
    assert "no gold articles found" in result.output


def test_train_rejects_a_pattern_that_is_no_regular_expression():
    pytest.importorskip("sklearn")
    result = CliRunner().invoke(app, ["train", "--set", "seed", "--leave-out", "(seed"])
    goldsets.leave_out(None)
    assert result.exit_code == 2
    assert "--leave-out '(seed': not a regular expression" in result.output
