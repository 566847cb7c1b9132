//! Comparing a file with itself reports no change; files with different
//! criteria and options compare on what they share and list the rest.

use std::path::{Path, PathBuf};
use tradeoff::analysis::Method;
use tradeoff::analysis::compare::{Outcome, compare, compare_keys};
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::compare::summary;

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn load(relative: &str) -> Scenario {
    tradeoff::io::load(&path(relative)).expect("file loads")
}

fn assert_self_diff_is_empty(relative: &str) {
    let s = load(relative);
    for method in Method::ALL {
        let c = compare(&s, &s, method, None).expect("valid file");
        assert!(c.changes.is_empty(), "{relative} {method}: {:?}", c.changes);
        assert!(c.is_unchanged());
        assert!(c.moves.iter().all(|m| m.places_up() == Some(0)));
        if let Outcome::Explained(e) = &c.outcome {
            assert!(
                e.terms
                    .iter()
                    .all(|t| t.weight_effect == 0.0 && t.value_effect == 0.0),
                "{relative}: {:?}",
                e.terms
            );
            assert_eq!(e.gap_a, e.gap_b);
        } else {
            assert_ne!(
                method,
                Method::Wsm,
                "wsm self-diff must explain: {:?}",
                c.outcome
            );
        }
        let en = summary(&s, &s, &c, Lang::En);
        assert!(
            en.starts_with("Nothing changed"),
            "{relative} {method}: {en}"
        );
        let fr = summary(&s, &s, &c, Lang::Fr);
        assert!(
            fr.starts_with("Rien n'a changé"),
            "{relative} {method}: {fr}"
        );
    }
}

#[test]
fn canada_2016_compared_with_itself_reports_no_change() {
    assert_self_diff_is_empty("scenarios/canada-2016.ron");
}

#[test]
fn a_csv_compared_with_itself_reports_no_change() {
    assert_self_diff_is_empty("tests/fixtures/compare/matrix-a.csv");
}

#[test]
fn different_criteria_and_options_compare_on_what_they_share() {
    let a = load("tests/fixtures/compare/matrix-a.csv");
    let b = load("tests/fixtures/compare/matrix-b.csv");
    let c = compare(&a, &b, Method::Wsm, None).expect("valid pair");
    assert_eq!(c.changes.alternatives.added, vec!["Chad"]);
    assert_eq!(c.changes.alternatives.removed, vec!["DRC"]);
    assert_eq!(c.changes.criteria.added, vec!["Speed"]);
    assert!(c.changes.criteria.removed.is_empty());
    // The shared options' scores did not change.
    assert!(c.changes.scores.is_empty(), "{:?}", c.changes.scores);
    let Outcome::Explained(e) = &c.outcome else {
        panic!("expected an explanation, got {:?}", c.outcome);
    };
    // The new criterion contributes only a value effect.
    let speed = e
        .terms
        .iter()
        .find(|t| t.criterion == "Speed")
        .expect("a term for the new criterion");
    assert_eq!(speed.weight_effect, 0.0);
    assert!(speed.value_effect != 0.0);
    assert!((e.total() - (e.gap_b - e.gap_a)).abs() < 1e-12);
    let text = summary(&a, &b, &c, Lang::En);
    assert!(text.contains("the criterion speed was added"), "{text}");
}

#[test]
fn a_csv_compares_with_a_scenario_through_its_only_profile() {
    let a = load("scenarios/canada-2016.ron");
    let b = load("tests/fixtures/compare/matrix-a.csv");
    let c = compare_keys(&a, &b, Method::Wsm, Some("whole_of_government"), None)
        .expect("the CSV's only profile");
    assert_eq!(c.b.profile, "default");
    // No option id is shared (ids differ), so the top of A is missing from B.
    let top_a = c.a.winner().expect("a ranked option").alternative.clone();
    assert_eq!(
        c.outcome,
        Outcome::Missing {
            alternative: top_a,
            side: tradeoff::analysis::compare::Side::B
        }
    );
    // No option is shared either, so there is no fallback explanation.
    assert_eq!(c.shared, None);
    let text = summary(&a, &b, &c, Lang::En);
    assert!(text.contains("is not in B"), "{text}");
}
