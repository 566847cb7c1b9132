//! Comparisons where the pair cannot be explained: a member excluded or
//! missing, fewer than two feasible options, none feasible. No panics, and
//! a plain sentence saying why.

use std::collections::BTreeMap;
use tradeoff::analysis::Method;
use tradeoff::analysis::compare::{CompareError, Outcome, Side, compare, describe::summary};
use tradeoff::model::{
    Alternative, Criterion, Direction, Lang, Preference, Scenario, Score, Text, WeightProfile,
};

/// A scenario with criteria "c0".."c{m-1}" (all max) and options named by `ids`,
/// `values[i][j]` for option i on criterion j, equal weights.
fn scenario(ids: &[&str], values: &[&[f64]]) -> Scenario {
    let m = values.first().map_or(0, |r| r.len());
    let mut s = Scenario::empty(Text::new("edge"));
    s.criteria = (0..m)
        .map(|j| Criterion {
            id: format!("c{j}"),
            name: Text::new(format!("C{j}")),
            description: Text::default(),
            direction: Direction::Maximize,
            unit: Default::default(),
            scale: None,
            veto: None,
            preference: Preference::Usual,
            value_function: None,
        })
        .collect();
    for (id, row) in ids.iter().zip(values) {
        s.alternatives.push(Alternative {
            id: id.to_string(),
            name: Text::new(id.to_uppercase()),
            description: Text::default(),
            needs: BTreeMap::new(),
        });
        for (j, v) in row.iter().enumerate() {
            s.scores.push(Score {
                alternative: id.to_string(),
                criterion: format!("c{j}"),
                value: *v,
                low: None,
                high: None,
                rationale: Text::default(),
                sources: Vec::new(),
                illustrative: false,
            });
        }
    }
    let mut p = WeightProfile::new("default", Text::new("Default"));
    p.weights = (0..m).map(|j| (format!("c{j}"), 1.0)).collect();
    s.profiles = vec![p];
    s
}

#[test]
fn winner_excluded_in_b_is_explained_plainly() {
    let a = scenario(&["x", "y", "z"], &[&[9.0, 9.0], &[5.0, 5.0], &[1.0, 1.0]]);
    let mut b = a.clone();
    // Less is now better on c0, and x's 9 is above the new veto of 6.
    b.criteria[0].veto = Some(6.0);
    b.criteria[0].direction = Direction::Minimize;
    let c = compare(&a, &b, Method::Wsm, None).expect("valid");
    assert!(
        matches!(&c.outcome, Outcome::Excluded { alternative, side: Side::B } if alternative == "x"),
        "{:?}",
        c.outcome
    );
    let text = summary(&a, &b, &c, Lang::En);
    assert!(text.contains("X is excluded in B"), "{text}");
    assert!(text.contains("veto"), "{text}");
    let fr = summary(&a, &b, &c, Lang::Fr);
    assert!(fr.contains("est exclue dans B"), "{fr}");
}

#[test]
fn new_winner_missing_from_a_is_explained_plainly() {
    let a = scenario(&["x", "y"], &[&[5.0], &[4.0]]);
    let b = scenario(&["x", "y", "w"], &[&[5.0], &[4.0], &[9.0]]);
    let c = compare(&a, &b, Method::Wsm, None).expect("valid");
    assert_eq!(
        c.outcome,
        Outcome::Missing {
            alternative: "w".into(),
            side: Side::A
        }
    );
    let text = summary(&a, &b, &c, Lang::En);
    assert!(
        text.starts_with("W replaced X as the top option."),
        "{text}"
    );
    assert_eq!(c.changes.alternatives.added, vec!["w"]);
}

#[test]
fn a_single_feasible_option_has_no_gap_to_explain() {
    let a = scenario(&["x", "y"], &[&[5.0], &[4.0]]);
    let mut b = a.clone();
    b.criteria[0].veto = Some(4.5);
    let c = compare(&a, &b, Method::Wsm, None).expect("valid");
    assert_eq!(c.outcome, Outcome::TooFewOptions);
    let text = summary(&a, &b, &c, Lang::En);
    assert!(text.contains("Only one option is feasible in B"), "{text}");
}

#[test]
fn no_feasible_option_is_said_plainly() {
    let a = scenario(&["x", "y"], &[&[5.0], &[4.0]]);
    let mut b = a.clone();
    b.criteria[0].veto = Some(10.0);
    let c = compare(&a, &b, Method::Promethee2, None).expect("valid");
    assert_eq!(c.outcome, Outcome::NoFeasible(Side::B));
    let text = summary(&a, &b, &c, Lang::En);
    assert!(text.contains("No option is feasible in B"), "{text}");
    assert!(text.contains("wsm only"), "{text}");
}

#[test]
fn a_single_option_file_compared_with_itself_does_not_panic() {
    let a = scenario(&["x"], &[&[5.0, 1.0]]);
    let c = compare(&a, &a, Method::Wsm, None).expect("valid");
    assert_eq!(c.outcome, Outcome::TooFewOptions);
    assert!(c.changes.is_empty());
    let text = summary(&a, &a, &c, Lang::En);
    assert!(text.starts_with("Nothing changed"), "{text}");
}

#[test]
fn unknown_profile_names_the_file() {
    let b = scenario(&["x", "y"], &[&[5.0], &[4.0]]);
    let mut a = b.clone();
    a.profiles
        .push(WeightProfile::new("nobody", Text::new("Nobody")));
    a.profiles[1].weights.insert("c0".into(), 1.0);
    let err = compare(&a, &b, Method::Wsm, Some("nobody")).expect_err("unknown in B");
    assert_eq!(
        err,
        CompareError::UnknownProfile {
            side: Side::B,
            name: "nobody".into()
        }
    );
}

#[test]
fn profiles_are_matched_by_name_when_ids_differ() {
    let a = scenario(&["x", "y"], &[&[5.0, 1.0], &[4.0, 3.0]]);
    let mut b = a.clone();
    let mut defence = WeightProfile::new("dnd", Text::new("Defence"));
    defence.weights = [("c0".to_string(), 3.0), ("c1".to_string(), 1.0)].into();
    b.profiles.push(defence.clone());
    let mut a2 = a.clone();
    defence.id = "defence".into();
    a2.profiles.push(defence);
    let c = compare(&a2, &b, Method::Wsm, Some("Defence")).expect("matched by name");
    assert_eq!(
        (c.a.profile.as_str(), c.b.profile.as_str()),
        ("defence", "dnd")
    );
    assert!(c.changes.weights.is_empty());
}
