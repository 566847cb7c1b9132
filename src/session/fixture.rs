//! A small fixed scenario for unit tests, independent of the bundled file.

use crate::model::Scenario;

const FIXTURE: &str = r#"(
    format_version: 2,
    title: (en: "Where should Canada's peace-support contribution go?", fr: "Où la contribution canadienne au maintien de la paix doit-elle aller ?"),
    description: "Up to 600 troops, 150 police and CAD 450M over three years (2016 pledge).",
    criteria: [
        (id: "risk", name: (en: "Risk to personnel", fr: "Risque pour le personnel"), direction: Minimize, unit: "0-10"),
        (id: "cost", name: (en: "Cost", fr: "Coût"), direction: Minimize, unit: "CAD M"),
        (id: "impact", name: (en: "Local impact", fr: "Impact local"), direction: Maximize, unit: "0-10"),
    ],
    alternatives: [
        (id: "mali", name: (en: "Mali (MINUSMA)", fr: "Mali (MINUSMA)")),
        (id: "car", name: (en: "Central African Republic (MINUSCA)", fr: "République centrafricaine (MINUSCA)")),
        (id: "drc", name: (en: "DR Congo (MONUSCO)", fr: "RD Congo (MONUSCO)")),
        (id: "south_sudan", name: (en: "South Sudan (UNMISS)", fr: "Soudan du Sud (UNMISS)")),
    ],
    scores: [
        (alternative: "mali", criterion: "risk", value: 8, illustrative: true),
        (alternative: "mali", criterion: "cost", value: 450, illustrative: true),
        (alternative: "mali", criterion: "impact", value: 7, illustrative: true),
        (alternative: "car", criterion: "risk", value: 6, illustrative: true),
        (alternative: "car", criterion: "cost", value: 300, illustrative: true),
        (alternative: "car", criterion: "impact", value: 6, illustrative: true),
        (alternative: "drc", criterion: "risk", value: 5, illustrative: true),
        (alternative: "drc", criterion: "cost", value: 350, illustrative: true),
        (alternative: "drc", criterion: "impact", value: 5, illustrative: true),
        (alternative: "south_sudan", criterion: "risk", value: 7, illustrative: true),
        (alternative: "south_sudan", criterion: "cost", value: 400, illustrative: true),
        (alternative: "south_sudan", criterion: "impact", value: 4, illustrative: true),
    ],
    profiles: [
        (id: "whole_of_government", name: (en: "Whole of government", fr: "Pangouvernemental"), weights: {"risk": 0.4, "cost": 0.3, "impact": 0.3}),
    ],
    active_profile: "whole_of_government",
)"#;

/// Four options, three criteria (risk min, cost min, impact max), one profile
/// "whole_of_government" weighting them 0.4 / 0.3 / 0.3.
pub fn fixture() -> Scenario {
    crate::io::ron_file::parse(FIXTURE, "fixture.ron").expect("the fixture parses")
}
