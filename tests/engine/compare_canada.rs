//! The README's worked example: the 2016 pledge compared with the 2018
//! decision (scenarios/canada-2016.ron vs canada-2018.ron).

use std::path::Path;
use tradeoff::analysis::Method;
use tradeoff::analysis::compare::{Outcome, Side, compare};
use tradeoff::model::{Lang, Scenario};
use tradeoff::report::compare::summary;

fn load(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    tradeoff::io::load(&path).expect("bundled scenario loads")
}

#[test]
fn the_aviation_task_force_is_new_and_the_shared_options_are_explained() {
    let (a, b) = (load("canada-2016.ron"), load("canada-2018.ron"));
    let c = compare(&a, &b, Method::Wsm, None).expect("both bundled scenarios are valid");
    assert!(c.winner_changed());
    assert_eq!(c.changes.alternatives.added, vec!["mali_aviation"]);
    assert!(c.changes.criteria.is_empty());
    // The 2018 winner is the option that did not exist in 2016, so the pair
    // of design.md §4 cannot be split; the options in both files can.
    assert_eq!(
        c.outcome,
        Outcome::Missing {
            alternative: "mali_aviation".into(),
            side: Side::A
        }
    );
    let shared = c
        .shared
        .as_ref()
        .expect("the four 2016 options are ranked in both");
    assert_eq!(
        Some(shared.first.as_str()),
        c.a.winner().map(|r| r.alternative.as_str())
    );
    assert!((shared.total() - (shared.gap_b - shared.gap_a)).abs() < 1e-9);
    for lang in [Lang::En, Lang::Fr] {
        let text = summary(&a, &b, &c, lang);
        assert!(text.contains("MINUSMA"), "{text}");
    }
    let en = summary(&a, &b, &c, Lang::En);
    assert!(
        en.starts_with("Mali: aviation task force (MINUSMA) replaced"),
        "{en}"
    );
    assert!(
        en.contains("Among the options ranked in both files"),
        "{en}"
    );
}

#[test]
fn canada_2018_compared_with_itself_reports_no_change() {
    let s = load("canada-2018.ron");
    for profile in s.profiles.iter().map(|p| p.id.clone()) {
        let c = compare(&s, &s, Method::Wsm, Some(&profile)).expect("valid");
        assert!(c.is_unchanged(), "{profile}");
        let Outcome::Explained(e) = &c.outcome else {
            panic!("{profile}: {:?}", c.outcome);
        };
        assert!(e.terms.iter().all(|t| t.total() == 0.0));
    }
}
