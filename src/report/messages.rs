//! Messages for analysis errors a user can cause (weighting inputs), in
//! either language. They are written here, as an inherent `impl` of the
//! analysis type, so `analysis` stays free of the catalogue and callers keep
//! calling `error.message(lang)`.

use crate::analysis::weighting::WeightingError;
use crate::i18n::value;
use crate::model::Lang;
use crate::tr;

impl WeightingError {
    /// The message in `lang`, naming criteria by the ids or indices given.
    pub fn message(&self, lang: Lang) -> String {
        use WeightingError as E;
        let v = |x: f64| value(x, 4, lang);
        match self {
            E::NoCriteria => tr!(lang, "weighting.no_criteria"),
            E::RatingOutOfRange { criterion, rating } => tr!(
                lang,
                "weighting.rating_out_of_range",
                criterion = criterion + 1,
                rating = v(*rating)
            ),
            E::AllZero => tr!(lang, "weighting.all_zero"),
            E::NotSquare => tr!(lang, "weighting.not_square"),
            E::JudgementOutOfRange { row, col, value } => tr!(
                lang,
                "weighting.judgement_out_of_range",
                row = row + 1,
                col = col + 1,
                value = v(*value)
            ),
            E::NotReciprocal { row, col } => tr!(
                lang,
                "weighting.not_reciprocal",
                row = row + 1,
                col = col + 1
            ),
            E::MissingJudgement(a, b) => tr!(lang, "weighting.missing_judgement", a = a, b = b),
            E::UnknownCriterion(id) => tr!(lang, "weighting.unknown_criterion", id = id),
            E::Duplicate(id) => tr!(lang, "weighting.duplicate", id = id),
            E::LengthMismatch => tr!(lang, "weighting.length_mismatch"),
            E::UnknownProfile(id) => tr!(lang, "weighting.unknown_profile", id = id),
        }
    }
}
