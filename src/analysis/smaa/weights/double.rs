//! Double-double arithmetic (a value as an unevaluated sum hi + lo, about
//! 106 bits) for the volume terms when plain f64 cancels too much: each
//! operation is error-free transformations (TwoSum, Dekker's product), so
//! its relative error is a few units of 2^-104 instead of 2^-52.

/// hi + lo with |lo| <= ulp(hi) / 2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Double {
    pub(super) hi: f64,
    pub(super) lo: f64,
}

/// `a + b` as an exact (sum, rounding error) pair (Knuth's TwoSum).
pub(super) fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

fn quick_two_sum(a: f64, b: f64) -> Double {
    let s = a + b;
    Double {
        hi: s,
        lo: b - (s - a),
    }
}

/// Dekker's split of a into two halves of 26 bits.
fn split(a: f64) -> (f64, f64) {
    let t = 134_217_729.0 * a;
    let hi = t - (t - a);
    (hi, a - hi)
}

/// `a * b` as an exact (product, rounding error) pair, without FMA.
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

impl Double {
    pub(super) const ZERO: Double = Double { hi: 0.0, lo: 0.0 };

    pub(super) fn from(x: f64) -> Double {
        Double { hi: x, lo: 0.0 }
    }

    pub(super) fn add(self, o: Double) -> Double {
        let (s, e) = two_sum(self.hi, o.hi);
        quick_two_sum(s, e + self.lo + o.lo)
    }

    pub(super) fn neg(self) -> Double {
        Double {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    pub(super) fn sub(self, o: Double) -> Double {
        self.add(o.neg())
    }

    pub(super) fn mul(self, o: Double) -> Double {
        let (p, e) = two_prod(self.hi, o.hi);
        quick_two_sum(p, e + self.hi * o.lo + self.lo * o.hi)
    }

    pub(super) fn powi(self, r: i32) -> Double {
        let mut out = Double::from(1.0);
        let mut base = self;
        let mut k = r;
        while k > 0 {
            if k & 1 == 1 {
                out = out.mul(base);
            }
            base = base.mul(base);
            k >>= 1;
        }
        out
    }

    pub(super) fn to_f64(self) -> f64 {
        self.hi + self.lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_and_sums_keep_the_bits_f64_loses() {
        // (1 + 2^-60)^2 = 1 + 2^-59 + 2^-120: f64 rounds it to 1.
        let x = Double::from(1.0).add(Double::from(2f64.powi(-60)));
        let sq = x.mul(x);
        assert_eq!(sq.hi, 1.0);
        assert_eq!(sq.lo, 2f64.powi(-59));
        assert_eq!(
            x.powi(3).sub(Double::from(1.0)).to_f64(),
            3.0 * 2f64.powi(-60)
        );
        assert_eq!(Double::from(0.1).powi(0), Double::from(1.0));
    }
}
