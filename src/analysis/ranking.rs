//! Competition ranking with the tie rule of design.md §4.
//!
//! The rule, used everywhere a rank is computed: going down the scores from
//! the highest, a tie group starts at the highest remaining score `s` and
//! holds every score within `1e-9 * max(1, |s|)` of `s`; the group shares
//! the smallest rank (1, 2, 2, 4). Ties do not chain: scores 1e-9 apart from
//! each neighbour are not all tied, because every member is compared with
//! the group's head, never with its predecessor.

/// Relative tolerance of a tie.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// True when `other` belongs to the tie group headed by `head` (the higher
/// score): `|head - other| <= 1e-9 * max(1, |head|)`.
pub fn is_tie(head: f64, other: f64) -> bool {
    (head - other).abs() <= TIE_TOLERANCE * 1f64.max(head.abs())
}

/// Rank of each score, 1 = best (highest); tied scores share the smallest
/// rank ("competition" ranking 1, 2, 2, 4) under the rule of this module.
pub fn competition_ranks(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranks = vec![0; scores.len()];
    ranks_from_order(scores, order, &mut ranks);
    ranks
}

/// Writes competition ranks into `ranks` given `order`, the indices of
/// `scores` sorted from highest to lowest. The one place the tie rule is applied.
pub(crate) fn ranks_from_order(
    scores: &[f64],
    order: impl IntoIterator<Item = usize>,
    ranks: &mut [usize],
) {
    let mut head: Option<(f64, usize)> = None;
    for (pos, i) in order.into_iter().enumerate() {
        let s = scores[i];
        match head {
            Some((h, rank)) if is_tie(h, s) => ranks[i] = rank,
            _ => {
                head = Some((s, pos + 1));
                ranks[i] = pos + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule as design.md §4 words it, on a plain sorted copy.
    fn ranks_by_the_rule(scores: &[f64]) -> Vec<usize> {
        let mut remaining: Vec<usize> = (0..scores.len()).collect();
        let mut ranks = vec![0; scores.len()];
        let mut assigned = 0;
        while !remaining.is_empty() {
            let head = remaining
                .iter()
                .map(|&i| scores[i])
                .fold(f64::NEG_INFINITY, f64::max);
            let tol = 1e-9 * 1f64.max(head.abs());
            let (group, rest): (Vec<usize>, Vec<usize>) =
                remaining.iter().partition(|&&i| head - scores[i] <= tol);
            for &i in &group {
                ranks[i] = assigned + 1;
            }
            assigned += group.len();
            remaining = rest;
        }
        ranks
    }

    #[test]
    fn ties_share_the_smallest_rank() {
        assert_eq!(competition_ranks(&[0.5, 0.9, 0.5, 0.1]), vec![2, 1, 2, 4]);
    }

    #[test]
    fn float_noise_counts_as_a_tie() {
        assert_eq!(
            competition_ranks(&[-0.39999999999999986, -0.4, 0.8]),
            vec![2, 2, 1]
        );
    }

    #[test]
    fn near_but_distinct_scores_are_not_tied() {
        assert_eq!(competition_ranks(&[0.5, 0.5035]), vec![2, 1]);
    }

    #[test]
    fn a_chain_of_near_ties_does_not_chain() {
        // Each score is 0.6e-9 below the previous: neighbours tie, the ends do not.
        let scores = [1.0, 1.0 - 0.6e-9, 1.0 - 1.2e-9, 1.0 - 1.8e-9];
        assert_eq!(competition_ranks(&scores), vec![1, 1, 3, 3]);
    }

    #[test]
    fn empty_input_gives_no_ranks() {
        assert!(competition_ranks(&[]).is_empty());
    }

    fn chained_scores() -> impl Strategy<Value = Vec<f64>> {
        // Chains of steps around the tolerance, at a few magnitudes, shuffled.
        (
            prop_oneof![Just(0.0), Just(1.0), Just(-3.0), Just(250.0), -5.0..5.0f64],
            prop::collection::vec(
                prop_oneof![
                    Just(0.0),
                    (0.0..2.0f64).prop_map(|k| k * 1e-9),
                    Just(1e-9),
                    (0.0..1.0f64)
                ],
                0..12,
            ),
            any::<u64>(),
        )
            .prop_map(|(start, steps, seed)| {
                let mut x = start;
                let mut v = vec![x];
                for s in steps {
                    x -= s * 1f64.max(x.abs());
                    v.push(x);
                }
                // A deterministic shuffle so the input order is not the sorted one.
                let n = v.len();
                for i in (1..n).rev() {
                    let j = (seed.wrapping_mul(i as u64 + 7) >> 7) as usize % (i + 1);
                    v.swap(i, j);
                }
                v
            })
    }

    proptest! {
        #[test]
        fn ranks_follow_the_head_of_group_rule(scores in chained_scores()) {
            prop_assert_eq!(competition_ranks(&scores), ranks_by_the_rule(&scores));
        }
    }
}
