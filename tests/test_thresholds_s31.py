"""How the learned decisions' thresholds are picked from out-of-fold scores: where F1 holds over a broad stretch of
thresholds, not at a single grid point that one dealing's noise lifts above it (`fit.steadiest`)."""
from __future__ import annotations

from armsledger.learn.fit import Row, best_event_thresholds, steadiest


def _curve(f1_by_threshold: dict[float, float]) -> dict[tuple[float, ...], float]:
    return {(t,): f for t, f in f1_by_threshold.items()}


# F1 at each threshold of the grid: a spike at 0.20 (0.70, its neighbours 0.60 and 0.58), then a plateau at 0.68
# from 0.32 to 0.60, falling away after
SPIKE_AND_PLATEAU = {0.16: 0.58, 0.18: 0.60, 0.20: 0.70, 0.22: 0.58, 0.24: 0.60, 0.26: 0.62, 0.28: 0.64, 0.30: 0.66,
                     0.32: 0.68, 0.34: 0.68, 0.36: 0.68, 0.38: 0.68, 0.40: 0.68, 0.42: 0.68, 0.44: 0.68, 0.46: 0.68,
                     0.48: 0.68, 0.50: 0.68, 0.52: 0.68, 0.54: 0.68, 0.56: 0.68, 0.58: 0.68, 0.60: 0.68,
                     0.62: 0.64, 0.64: 0.60, 0.66: 0.55}


def test_the_best_single_point_is_the_spike():
    assert steadiest(_curve(SPIKE_AND_PLATEAU), 0) == (0.20,)


def test_averaged_over_two_steps_either_way_the_plateau_wins_at_its_middle():
    # at 0.20 the mean of 0.16-0.24 is 0.612; every point from 0.36 to 0.56 averages 0.68: the middle, 0.46, is kept
    assert steadiest(_curve(SPIKE_AND_PLATEAU), 2) == (0.46,)
    assert steadiest(_curve(SPIKE_AND_PLATEAU), 1) == (0.46,)


def test_a_plateau_sloping_gently_is_picked_near_its_best_end_not_at_its_edge():
    # no two means tie: the point whose neighbourhood is best, inside the stretch, not where it falls away
    sloping = {0.30: 0.50, 0.32: 0.60, 0.34: 0.61, 0.36: 0.62, 0.38: 0.63, 0.40: 0.64, 0.42: 0.65, 0.44: 0.50}
    assert steadiest(_curve(sloping), 0) == (0.42,)
    assert steadiest(_curve(sloping), 1) == (0.40,)


def test_each_axis_has_its_own_width():
    # two thresholds; along the second (width 0) no averaging: the best column stays the best whatever its neighbours
    table = {(t, tr): SPIKE_AND_PLATEAU[t] - (0.01 if tr == 0.04 else 0.0) for t in SPIKE_AND_PLATEAU for tr in (0.04, 0.06)}
    assert steadiest(table, (2, 0)) == (0.46, 0.06)


def _event(n: int, score: float, right: bool) -> tuple[Row, float]:
    # an event a trigger proposed (not the rules' own), dated, each its own happening, in a report of no guarded set
    return Row(f"reports/r{n}", {"src:broad", "date:year"}, int(right), key=(n,)), score


def test_the_event_threshold_is_the_middle_of_the_plateau_not_the_spike_beside_it():
    # six right events every threshold keeps (0.95); three right ones at 0.20 and three wrong at 0.19, which only
    # a threshold of 0.20 splits (F1 0.917 there, 0.815 a step below, 0.762 a step above, for two wrong ones at
    # 0.30); from 0.32 to 0.60 the eight right ones above 0.30 and no wrong one (F1 0.842); two right ones at 0.61
    events = ([(0.95, True)] * 6 + [(0.20, True)] * 3 + [(0.19, False)] * 3 + [(0.30, False)] * 2
              + [(0.61, True)] * 2)
    rows, scores = zip(*(_event(n, s, y) for n, (s, y) in enumerate(events)))
    t_new, _, f1 = best_event_thresholds(list(rows), list(scores), (0, 0, 0), width=0)
    assert (t_new, round(f1, 3)) == (0.20, 0.917)
    t_new, _, f1 = best_event_thresholds(list(rows), list(scores), (0, 0, 0))
    assert (t_new, round(f1, 3)) == (0.46, 0.842)


def test_the_rules_own_events_keep_their_own_threshold_unaveraged():
    # the rules' threshold has two to four grid points under fit.RULE_EVENT_BAR: it is not averaged. A rule event
    # right at 0.07 and a wrong one at 0.05: 0.06 keeps the one and drops the other (F1 1.0; 0.04 keeps both, 0.8;
    # 0.08 and above drop both, 0.667); averaged two steps either way, 0.04 would have won
    rows = [Row("reports/r1", {"src:rules", "date:year"}, 1, key=(1,)),
            Row("reports/r2", {"src:rules", "date:year"}, 0, key=(2,)),
            Row("reports/r3", {"src:broad", "date:year"}, 1, key=(3,))]
    _, t_rule, f1 = best_event_thresholds(rows, [0.07, 0.05, 0.9], (0, 0, 0))
    assert (t_rule, f1) == (0.06, 1.0)


def test_pooled_dealings_keep_the_guarded_sets_right_rule_events_too():
    # a right rule event of the dev set scored 0.07 and three wrong rule events of other reports at 0.08: the best F1
    # alone drops them all (0.10 and above: 0.667 against 0.571), but a rule threshold that drops a guarded set's
    # right event is taken only when every one does; pooled over two dealings (each article renamed
    # "dealing|set/name") as well
    from armsledger.learn.fit import pooled_event_thresholds
    rows = [Row("dev/d1", {"src:rules", "date:year"}, 1, key=(1,)),
            Row("reports/r1", {"src:rules", "date:year"}, 0, key=(2,)),
            Row("reports/r2", {"src:rules", "date:year"}, 0, key=(3,)),
            Row("reports/r3", {"src:rules", "date:year"}, 0, key=(4,)),
            Row("reports/r4", {"src:broad", "date:year"}, 1, key=(5,))]
    scores = [0.07, 0.08, 0.08, 0.08, 0.9]
    assert best_event_thresholds(rows, scores, (0, 0, 0))[1] <= 0.06
    assert pooled_event_thresholds(rows, [scores, scores], (0, 0, 0))[1] <= 0.06
