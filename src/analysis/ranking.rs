//! Competition ranking with the tie tolerance of design.md §4.

/// True when two scores are tied: |a - b| <= 1e-9 * max(1, |a|, |b|).
pub fn is_tie(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(a.abs()).max(b.abs())
}

/// Rank of each score, 1 = best (highest); tied scores share the smallest
/// rank ("competition" ranking 1, 2, 2, 4).
pub fn competition_ranks(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranks = vec![0; scores.len()];
    for (pos, &i) in order.iter().enumerate() {
        ranks[i] = if pos > 0 && is_tie(scores[order[pos - 1]], scores[i]) {
            ranks[order[pos - 1]]
        } else {
            pos + 1
        };
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn empty_input_gives_no_ranks() {
        assert!(competition_ranks(&[]).is_empty());
    }
}
