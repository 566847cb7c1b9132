//! Unit tests of the edit families.

use super::*;
use crate::model::validate;

fn default() -> Scenario {
    crate::session::fixture::fixture()
}

#[test]
fn a_new_option_is_not_yet_scored_and_left_out_with_that_reason() {
    let mut s = default();
    Edit::AddAlternative {
        name: Text::new("New option"),
    }
    .apply(&mut s)
    .expect("applies");
    assert_eq!(s.alternatives.len(), 5);
    assert_eq!(s.alternatives[4].id, "new_option");
    assert!(s.scores.iter().all(|x| x.alternative != "new_option"));
    let problems = validate(&s);
    assert!(!crate::model::has_errors(&problems), "{problems:?}");
    assert_eq!(problems.len(), 3, "one warning per criterion: {problems:?}");
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    assert!(e.ranking.iter().all(|r| r.alternative != "new_option"));
    let x = e
        .excluded
        .iter()
        .find(|x| x.alternative == "new_option")
        .expect("excluded");
    assert_eq!(
        x.reasons,
        vec![crate::analysis::Reason::NotYetScored {
            criteria: vec!["risk".into(), "cost".into(), "impact".into()]
        }]
    );
    assert_eq!(
        crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::En),
        "not yet scored on any criterion"
    );
    // Scored on one criterion: the message lists the other two.
    Edit::SetScore {
        alternative: "new_option".into(),
        criterion: "cost".into(),
        value: 100.0,
    }
    .apply(&mut s)
    .expect("applies");
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    let x = e.excluded.first().expect("still excluded");
    assert_eq!(
        crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::Fr),
        "pas encore noté sur Risque pour le personnel, Impact local"
    );
}

#[test]
fn a_new_criterion_is_left_out_until_scored_then_options_without_it_are() {
    let mut s = default();
    let before = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    Edit::AddCriterion {
        name: Text::new("Language fit"),
    }
    .apply(&mut s)
    .expect("applies");
    Edit::SetWeight {
        profile: "whole_of_government".into(),
        criterion: "language_fit".into(),
        weight: 0.5,
    }
    .apply(&mut s)
    .expect("applies");
    assert!(!crate::model::has_errors(&validate(&s)));
    assert_eq!(s.unscored_criteria(), vec!["language_fit"]);
    // Nobody scored it: left out, so the ranking is the one before.
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    assert_eq!(e.ranking, before.ranking);
    assert!(e.excluded.is_empty());
    assert!(!e.matrix.criteria.contains(&"language_fit".to_string()));
    // A new option then misses every criterion in use: said in short.
    Edit::AddAlternative {
        name: Text::new("Late"),
    }
    .apply(&mut s)
    .expect("applies");
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    let x = e.excluded.first().expect("the new option");
    assert_eq!(
        crate::report::exclusions::reason_message(&s, &x.reasons[0], Lang::En),
        "not yet scored on any criterion"
    );
    Edit::DeleteAlternative { id: "late".into() }
        .apply(&mut s)
        .expect("applies");
    // Scored for Mali only: the others wait for their score.
    Edit::SetScore {
        alternative: "mali".into(),
        criterion: "language_fit".into(),
        value: 4.0,
    }
    .apply(&mut s)
    .expect("applies");
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    assert_eq!(e.ranking.len(), 1);
    assert_eq!(e.excluded.len(), 3);
    Edit::DeleteCriterion {
        id: "language_fit".into(),
    }
    .apply(&mut s)
    .expect("applies");
    assert!(s.scores.iter().all(|x| x.criterion != "language_fit"));
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
}

#[test]
fn a_what_if_value_outside_the_range_widens_it_and_the_scale_refuses() {
    let mut s = default();
    Edit::SetRange {
        alternative: "mali".into(),
        criterion: "risk".into(),
        low: Some(7.0),
        high: Some(9.0),
    }
    .apply(&mut s)
    .expect("holds 8");
    let set = |v: f64| Edit::SetScore {
        alternative: "mali".into(),
        criterion: "risk".into(),
        value: v,
    };
    set(3.0).apply(&mut s).expect("applies");
    let x = s.score("mali", "risk").expect("score");
    assert_eq!((x.low, x.value, x.high), (Some(3.0), 3.0, Some(9.0)));
    set(9.5).apply(&mut s).expect("applies");
    let x = s.score("mali", "risk").expect("score");
    assert_eq!((x.low, x.value, x.high), (Some(3.0), 9.5, Some(9.5)));
    assert!(validate(&s).is_empty());
    // A range that leaves the value out is refused, naming the cell.
    let before = s.clone();
    let e = Edit::SetRange {
        alternative: "mali".into(),
        criterion: "risk".into(),
        low: Some(1.0),
        high: Some(2.0),
    }
    .apply(&mut s)
    .expect_err("refused");
    assert_eq!(s, before);
    assert!(
        e.message(&s, Lang::En)
            .starts_with("Mali (MINUSMA) × Risk to personnel:"),
        "{}",
        e.message(&s, Lang::En)
    );
    // On a fixed 0–10 scale, 15 is refused and the value stays; the ends are accepted.
    s.criteria[0].scale = Some(Scale {
        worst: 10.0,
        best: 0.0,
    });
    let before = s.clone();
    let e = set(15.0).apply(&mut s).expect_err("outside the scale");
    assert_eq!(s, before);
    let fr = e.message(&s, Lang::Fr);
    assert!(
        fr.contains("Mali (MINUSMA) × Risque pour le personnel"),
        "{fr}"
    );
    assert!(fr.contains("15"), "{fr}");
    set(10.0)
        .apply(&mut s)
        .expect("the worst end is on the scale");
    set(0.0)
        .apply(&mut s)
        .expect("the best end is on the scale");
}

#[test]
fn evidence_needs_a_value_first() {
    let mut s = default();
    Edit::AddAlternative {
        name: Text::new("New"),
    }
    .apply(&mut s)
    .expect("applies");
    let before = s.clone();
    let e = Edit::SetRationale {
        alternative: "new".into(),
        criterion: "risk".into(),
        lang: Lang::En,
        text: "why".into(),
    };
    assert!(matches!(
        e.apply(&mut s),
        Err(EditError::NotYetScored { .. })
    ));
    assert_eq!(s, before);
}

#[test]
fn a_rename_carries_to_the_other_language_unless_translated_separately() {
    let mut s = default();
    // A generated name in both languages follows the edited one.
    Edit::AddAlternative {
        name: Text::bilingual("Option 5", "Option 5"),
    }
    .apply(&mut s)
    .expect("applies");
    Edit::RenameAlternative {
        id: "option_5".into(),
        lang: Lang::En,
        name: "Air task force".into(),
    }
    .apply(&mut s)
    .expect("applies");
    let name = &s.alternative("option_5").expect("there").name;
    assert_eq!(name.get_with_fallback(Lang::Fr), ("Air task force", true));
    // Typing French where it fell back adds a translation; English stays.
    Edit::RenameAlternative {
        id: "option_5".into(),
        lang: Lang::Fr,
        name: "Force aérienne".into(),
    }
    .apply(&mut s)
    .expect("applies");
    let name = &s.alternative("option_5").expect("there").name;
    assert_eq!(name.get(Lang::En), "Air task force");
    assert_eq!(name.get_with_fallback(Lang::Fr), ("Force aérienne", false));
    // Generated names that differ per language ("Criterion 4" /
    // "Critère 4") follow too, from either language.
    Edit::AddCriterion {
        name: Text::bilingual("Criterion 4", "Critère 4"),
    }
    .apply(&mut s)
    .expect("applies");
    Edit::RenameCriterion {
        id: "criterion_4".into(),
        lang: Lang::Fr,
        name: "Langue".into(),
    }
    .apply(&mut s)
    .expect("applies");
    let name = &s.criterion("criterion_4").expect("there").name;
    assert_eq!(name.get(Lang::En), "Langue");
    assert_eq!(name.get(Lang::Fr), "Langue");
    // A separate translation stays.
    Edit::RenameAlternative {
        id: "mali".into(),
        lang: Lang::En,
        name: "Mali".into(),
    }
    .apply(&mut s)
    .expect("applies");
    Edit::RenameCriterion {
        id: "cost".into(),
        lang: Lang::En,
        name: "Cost to Canada".into(),
    }
    .apply(&mut s)
    .expect("applies");
    let cost = &s.criterion("cost").expect("there").name;
    assert_eq!(cost.get_with_fallback(Lang::Fr), ("Coût", false));
    // "Mali (MINUSMA)" was the same in both: a copy, so it follows.
    let mali = &s.alternative("mali").expect("there").name;
    assert_eq!(mali.get_with_fallback(Lang::Fr), ("Mali", true));
}

#[test]
fn resources_caps_needs_and_the_package_flag_are_edits() {
    let mut s = default();
    Edit::AddResource {
        name: Text::bilingual("Resource 1", "Ressource 1"),
    }
    .apply(&mut s)
    .expect("applies");
    let id = s.resources[0].id.clone();
    Edit::SetCap {
        id: id.clone(),
        cap: 100.0,
    }
    .apply(&mut s)
    .expect("applies");
    Edit::SetNeed {
        alternative: "mali".into(),
        resource: id.clone(),
        need: Some(150.0),
    }
    .apply(&mut s)
    .expect("applies");
    let e = crate::analysis::evaluate(&s, None, crate::analysis::Method::Wsm).expect("ranks");
    assert_eq!(e.excluded.len(), 1);
    assert_eq!(e.excluded[0].alternative, "mali");
    assert_eq!(
        Edit::SetCap {
            id: id.clone(),
            cap: -1.0
        }
        .apply(&mut s),
        Err(EditError::Negative)
    );
    Edit::SetCombinable { combinable: true }
        .apply(&mut s)
        .expect("applies");
    assert!(s.combinable);
    Edit::DeleteResource { id }.apply(&mut s).expect("applies");
    assert!(s.resources.is_empty());
    assert!(s.alternatives.iter().all(|a| a.needs.is_empty()));
    assert!(validate(&s).is_empty());
}

#[test]
fn moving_clamps_at_the_ends() {
    let mut s = default();
    Edit::MoveAlternative {
        id: "mali".into(),
        delta: -1,
    }
    .apply(&mut s)
    .expect("applies");
    assert_eq!(s.alternatives[0].id, "mali");
    Edit::MoveAlternative {
        id: "mali".into(),
        delta: 10,
    }
    .apply(&mut s)
    .expect("applies");
    assert_eq!(s.alternatives[3].id, "mali");
}

#[test]
fn bad_values_are_refused_and_leave_the_scenario_alone() {
    let mut s = default();
    let before = s.clone();
    let e = Edit::SetScore {
        alternative: "mali".into(),
        criterion: "risk".into(),
        value: f64::NAN,
    };
    assert_eq!(e.apply(&mut s), Err(EditError::NotFinite));
    let e = Edit::SetScore {
        alternative: "nowhere".into(),
        criterion: "risk".into(),
        value: 1.0,
    };
    assert!(matches!(e.apply(&mut s), Err(EditError::NotFound(_))));
    assert_eq!(s, before);
}

#[test]
fn the_last_profile_cannot_be_deleted() {
    let mut s = default();
    let e = Edit::DeleteProfile {
        id: "whole_of_government".into(),
    };
    assert_eq!(e.apply(&mut s), Err(EditError::LastProfile));
    Edit::DuplicateProfile {
        id: "whole_of_government".into(),
        name: Text::new("Defence"),
    }
    .apply(&mut s)
    .expect("applies");
    assert_eq!(s.active_profile, "defence");
    e.apply(&mut s).expect("now allowed");
    assert_eq!(s.profiles.len(), 1);
    assert_eq!(s.active_profile, "defence");
}

#[test]
fn slugs_and_fresh_ids() {
    assert_eq!(slug("Local impact (0-10)", "x"), "local_impact_0_10");
    assert_eq!(slug("Éé", "x"), "x");
    assert_eq!(fresh_id("a", ["a", "a_2"].into_iter()), "a_3");
}
