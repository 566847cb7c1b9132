//! A 3×3 comparison whose numbers are worked out by hand below.
//!
//! A (tests/fixtures/compare/hand-a.ron), weights w = (risk 0.4, cost 0.4, impact 0.2):
//!
//! | option | risk (min, fixed 10→0) | cost (min, local 300–450) | impact (max, fixed 0→10) |
//! |--------|------------------------|---------------------------|--------------------------|
//! | Mali   | 8 → v 0.2              | 450 → v 0                 | 7 → v 0.7                |
//! | CAR    | 3 → v 0.7              | 300 → v 1                 | 6 → v 0.6                |
//! | DRC    | 5 → v 0.5              | 350 → v 2/3               | 5 → v 0.5                |
//!
//! Scores: Mali 0.08 + 0 + 0.14 = 0.22; CAR 0.28 + 0.4 + 0.12 = 0.80;
//! DRC 0.2 + 0.2667 + 0.1 = 0.5667. Top of A: CAR.
//!
//! B (hand-b.ron): CAR's risk 3 → 7, Mali's cost 450 → 250, weights
//! w' = (0.3, 0.4, 0.3). Cost's local range becomes 250–350:
//! Mali v 1, CAR v 0.5, DRC v 0. Risk: Mali 0.2, CAR 0.3, DRC 0.5.
//! Scores: Mali 0.06 + 0.4 + 0.21 = 0.67; CAR 0.09 + 0.2 + 0.18 = 0.47;
//! DRC 0.15 + 0 + 0.15 = 0.30. Top of B: Mali, so the winner changed and the
//! pair is (first = CAR, second = Mali).
//!
//! gap_a = 0.22 − 0.80 = −0.58; gap_b = 0.67 − 0.47 = +0.20; change +0.78.
//! d  (A) = v(Mali) − v(CAR) = (−0.5, −1, +0.1)   [check: 0.4·−0.5 + 0.4·−1 + 0.2·0.1 = −0.58]
//! d' (B) = (−0.1, +0.5, +0.1)                   [check: 0.3·−0.1 + 0.4·0.5 + 0.3·0.1 = +0.20]
//!
//! risk:   weight (0.3−0.4)(−0.5−0.1)/2 = +0.03;  value (−0.1+0.5)(0.4+0.3)/2 = +0.14
//! cost:   weight (0.4−0.4)(…)/2        =  0;     value (0.5+1)(0.4+0.4)/2    = +0.60
//! impact: weight (0.3−0.2)(0.1+0.1)/2  = +0.01;  value (0.1−0.1)(…)/2        =  0
//! Sum: 0.03 + 0.14 + 0.60 + 0.01 = 0.78 = gap_b − gap_a.
//!
//! The two largest effects: cost's value effect (+0.60, caused by Mali's cost
//! 450 → 250; CAR's cost did not move) and risk's value effect (+0.14, CAR's
//! risk 3 → 7), which is above a fifth of the largest.

use std::path::Path;
use tradeoff::analysis::Method;
use tradeoff::analysis::compare::{EffectKind, Outcome, SettingChange, compare};
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::compare::{change_lines, summary};

fn load(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name);
    tradeoff::io::load(&path).expect("fixture loads")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn hand_checked_terms_match_the_arithmetic() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    let Outcome::Explained(e) = &c.outcome else {
        panic!("expected an explanation, got {:?}", c.outcome);
    };
    assert_eq!((e.first.as_str(), e.second.as_str()), ("car", "mali"));
    assert!(close(e.gap_a, -0.58), "gap_a {}", e.gap_a);
    assert!(close(e.gap_b, 0.20), "gap_b {}", e.gap_b);
    let expected = [
        ("risk", 0.03, 0.14),
        ("cost", 0.0, 0.60),
        ("impact", 0.01, 0.0),
    ];
    assert_eq!(e.terms.len(), 3);
    for (t, (id, weight, value)) in e.terms.iter().zip(expected) {
        assert_eq!(t.criterion, id);
        assert!(
            close(t.weight_effect, weight),
            "{id} weight {}",
            t.weight_effect
        );
        assert!(
            close(t.value_effect, value),
            "{id} value {}",
            t.value_effect
        );
    }
    assert!(close(e.total(), 0.78));
}

#[test]
fn waterfall_orders_effects_largest_first_and_ends_at_gap_b() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    let Outcome::Explained(e) = &c.outcome else {
        panic!("expected an explanation");
    };
    let w = e.waterfall();
    let order: Vec<(&str, EffectKind)> = w
        .steps
        .iter()
        .map(|s| (s.criterion.as_str(), s.kind))
        .collect();
    assert_eq!(
        order,
        vec![
            ("cost", EffectKind::Value),
            ("risk", EffectKind::Value),
            ("risk", EffectKind::Weight),
            ("impact", EffectKind::Weight),
        ]
    );
    assert!(close(w.steps[0].start, -0.58));
    assert!(close(w.steps[0].end, 0.02));
    let last = w.steps.last().expect("steps");
    assert!(close(last.end, w.gap_b));
}

#[test]
fn hand_checked_summary_names_the_two_causes() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    assert_eq!(
        summary(&a, &b, &c, Lang::En),
        "Mali overtook CAR mainly because Mali's cost score fell from 450 to 250 (+0.60) \
         and CAR's risk score rose from 3 to 7 (+0.14)."
    );
    let fr = summary(&a, &b, &c, Lang::Fr);
    assert!(
        fr.starts_with("L'option « Mali » passe devant l'option « CAR »"),
        "{fr}"
    );
    assert!(fr.contains("(+0,60)") && fr.contains("(+0,14)"), "{fr}");
}

#[test]
fn hand_checked_changes_are_all_listed() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    let ch = &c.changes;
    assert!(ch.alternatives.added.is_empty() && ch.alternatives.removed.is_empty());
    assert_eq!(ch.alternatives.renamed.len(), 1);
    assert_eq!(ch.alternatives.renamed[0].id, "drc");
    assert_eq!(ch.alternatives.renamed[0].to.en, "DRC");
    assert!(ch.criteria.is_empty());
    let scores: Vec<(&str, &str, f64, f64, bool)> = ch
        .scores
        .iter()
        .map(|s| {
            (
                s.alternative.as_str(),
                s.criterion.as_str(),
                s.from,
                s.to,
                s.rationale_changed(),
            )
        })
        .collect();
    assert_eq!(
        scores,
        vec![
            ("mali", "cost", 450.0, 250.0, true),
            ("car", "risk", 3.0, 7.0, false)
        ]
    );
    let weights: Vec<&str> = ch.weights.iter().map(|w| w.criterion.as_str()).collect();
    assert_eq!(weights, vec!["risk", "impact"]);
    assert_eq!(
        ch.settings,
        vec![SettingChange::Veto {
            criterion: "risk".into(),
            from: Some(9.0),
            to: Some(9.5)
        }]
    );
    assert_eq!(ch.resources.len(), 1);
    assert_eq!(
        (ch.resources[0].from, ch.resources[0].to),
        (Some(600.0), Some(750.0))
    );
    assert_eq!(ch.needs.len(), 1);
    assert_eq!(
        (ch.needs[0].from, ch.needs[0].to),
        (Some(600.0), Some(700.0))
    );
    let lines = change_lines(&a, &b, &c, Lang::En);
    assert!(
        lines.contains(&"Score of CAR on Risk: 3 → 7".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"Weight on Local impact: 20.0% → 30.0%".to_string()),
        "{lines:?}"
    );
}

#[test]
fn rank_moves_follow_the_rankings() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    let moves: Vec<(&str, Option<i64>)> = c
        .moves
        .iter()
        .map(|m| (m.alternative.as_str(), m.places_up()))
        .collect();
    assert_eq!(
        moves,
        vec![("mali", Some(2)), ("car", Some(-1)), ("drc", Some(-1))]
    );
}

#[test]
fn other_methods_show_rankings_and_say_the_split_is_wsm_only() {
    let (a, b) = (load("hand-a.ron"), load("hand-b.ron"));
    for method in [Method::Topsis, Method::Promethee2] {
        let c = compare(&a, &b, method, None).expect("valid pair");
        assert!(
            matches!(c.outcome, Outcome::WsmOnly { .. }),
            "{method}: {:?}",
            c.outcome
        );
        let text = summary(&a, &b, &c, Lang::En);
        assert!(text.contains("wsm only"), "{text}");
        assert!(!c.changes.is_empty());
    }
}
