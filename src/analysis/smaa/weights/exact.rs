//! Exact redraw of one capped coordinate when the floating-point volume
//! terms cancel too much: every cap and bound is a binary fraction, so the
//! inclusion–exclusion sum is evaluated on integers (scaled by a power of
//! two) with no rounding at all, and the CDF is inverted by bisection on
//! the same integers.

use std::cmp::Ordering;

/// Extra binary digits below the inputs' last bit for the bisection.
const EXTRA_BITS: i32 = 64;

/// Bisection steps: 2^-80 of the interval is below any f64 resolution of it.
const STEPS: usize = 80;

/// Unsigned big integer, little-endian base 2^32 limbs, no trailing zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn zero() -> Self {
        Big(Vec::new())
    }

    fn from_u64(x: u64) -> Self {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn add(&self, other: &Big) -> Big {
        let n = self.0.len().max(other.0.len());
        let mut out = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for k in 0..n {
            let s = u64::from(*self.0.get(k).unwrap_or(&0))
                + u64::from(*other.0.get(k).unwrap_or(&0))
                + carry;
            out.push(s as u32);
            carry = s >> 32;
        }
        out.push(carry as u32);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// `self - other`, for `self >= other`.
    fn sub(&self, other: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for k in 0..self.0.len() {
            let mut d = i64::from(self.0[k]) - i64::from(*other.0.get(k).unwrap_or(&0)) - borrow;
            borrow = i64::from(d < 0);
            if d < 0 {
                d += 1 << 32;
            }
            out.push(d as u32);
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn mul(&self, other: &Big) -> Big {
        if self.0.is_empty() || other.0.is_empty() {
            return Big::zero();
        }
        let mut out = vec![0u32; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + other.0.len()] = carry as u32;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn pow(&self, r: i32) -> Big {
        let mut out = Big::from_u64(1);
        for _ in 0..r {
            out = out.mul(self);
        }
        out
    }

    fn shl(&self, bits: u32) -> Big {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &x in &self.0 {
            if bits == 0 {
                out.push(x);
            } else {
                out.push((x << bits) | carry);
                carry = x >> (32 - bits);
            }
        }
        out.push(carry);
        let mut b = Big(out);
        b.trim();
        b
    }

    fn half(&self) -> Big {
        let mut out = self.0.clone();
        let mut carry = 0u32;
        for x in out.iter_mut().rev() {
            let next = *x & 1;
            *x = (*x >> 1) | (carry << 31);
            carry = next;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self * 2^-scale` as an f64 (rounded within a unit in the last place).
    fn to_f64(&self, scale: i32) -> f64 {
        // The top three limbs carry at least 65 significant bits.
        let len = self.0.len();
        let top = len.saturating_sub(3);
        let mut f = 0.0;
        for &limb in self.0[top..].iter().rev() {
            f = f * 4_294_967_296.0 + f64::from(limb);
        }
        let exp = 32 * top as i32 - scale;
        // Two factors, so that neither underflows before the product does.
        f * 2f64.powi(exp / 2) * 2f64.powi(exp - exp / 2)
    }
}

/// Mantissa and exponent of a finite nonnegative f64: x = mant * 2^exp.
fn decompose(x: f64) -> (u64, i32) {
    if x == 0.0 {
        return (0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mant, exp) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let tz = mant.trailing_zeros() as i32;
    (mant >> tz, exp + tz)
}

/// `x * 2^scale` as an integer (scale is large enough for every input).
fn fixed(x: f64, scale: i32) -> Big {
    let (mant, exp) = decompose(x.max(0.0));
    Big::from_u64(mant).shl((exp + scale).max(0) as u32)
}

/// `sum_S (-1)^|S| (x - c_S)_+^r` as (positive part, negative part).
fn volume_terms(caps: &[Big], r: i32, x: &Big) -> (Big, Big) {
    fn walk(caps: &[Big], r: i32, x: &Big, sum: Big, odd: bool, acc: &mut (Big, Big)) {
        if sum.cmp(x) != Ordering::Less {
            // Caps are nonnegative: no superset can contribute either.
            return;
        }
        let term = x.sub(&sum).pow(r);
        if odd {
            acc.1 = acc.1.add(&term);
        } else {
            acc.0 = acc.0.add(&term);
        }
        for (k, c) in caps.iter().enumerate() {
            walk(&caps[k + 1..], r, x, sum.add(c), !odd, acc);
        }
    }
    let mut acc = (Big::zero(), Big::zero());
    walk(caps, r, x, Big::zero(), false, &mut acc);
    acc
}

/// `H(x)` exactly (nonnegative: it is a volume).
fn volume(caps: &[Big], r: i32, x: &Big) -> Big {
    let (pos, neg) = volume_terms(caps, r, x);
    if pos.cmp(&neg) == Ordering::Less {
        Big::zero()
    } else {
        pos.sub(&neg)
    }
}

/// Solves `H(x) = H(xb) - u (H(xb) - H(xa))` for x in [xa, xb] in exact
/// arithmetic, where `H(x) = sum_S (-1)^|S| (x - c_S)_+^r` over subsets of
/// `caps`; `u` in [0, 1) is a multiple of 2^-53 as drawn by `rand`.
pub(super) fn invert(caps: &[f64], r: i32, xa: f64, xb: f64, u: f64) -> f64 {
    let lowest = caps
        .iter()
        .chain([&xa, &xb])
        .filter(|v| **v > 0.0)
        .map(|&v| decompose(v).1)
        .min()
        .unwrap_or(0);
    let scale = (-lowest).max(0) + EXTRA_BITS;
    let big_caps: Vec<Big> = caps.iter().map(|&c| fixed(c, scale)).collect();
    let (mut a, mut b) = (fixed(xa, scale), fixed(xb, scale));
    let h_a = volume(&big_caps, r, &a);
    let h_b = volume(&big_caps, r, &b);
    let unit = Big::from_u64(1).shl(53);
    let big_u = Big::from_u64((u.clamp(0.0, 1.0) * 2f64.powi(53)) as u64);
    // H(x) > target  <=>  2^53 H(x) + U H(xb) > 2^53 H(xb) + U H(xa).
    let right = unit.mul(&h_b).add(&big_u.mul(&h_a));
    let one = Big::from_u64(1);
    for _ in 0..STEPS {
        if b.cmp(&a.add(&one)) != Ordering::Greater {
            break;
        }
        let mid = a.add(&b).half();
        let left = unit.mul(&volume(&big_caps, r, &mid)).add(&big_u.mul(&h_b));
        if left.cmp(&right) == Ordering::Greater {
            b = mid;
        } else {
            a = mid;
        }
    }
    a.add(&b).half().to_f64(scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_integers_round_trip_through_f64() {
        for x in [0.0875, 1.0, 0.3, 1e-300, 0.5 + 2f64.powi(-52)] {
            assert_eq!(fixed(x, 1100).to_f64(1100), x);
        }
        let a = fixed(0.3, 80);
        let b = fixed(0.1, 80);
        assert_eq!(a.add(&b).sub(&b), a);
        assert_eq!(a.mul(&Big::from_u64(4)), a.shl(2));
        assert_eq!(a.shl(1).half(), a);
    }

    #[test]
    fn exact_volume_matches_the_closed_form() {
        // Caps 1/2 and 1/4, r = 2, x = 1: 1 - (1/2)^2 - (3/4)^2 + (1/4)^2 = 0.25.
        let scale = 10;
        let caps = [fixed(0.5, scale), fixed(0.25, scale)];
        let h = volume(&caps, 2, &fixed(1.0, scale));
        assert_eq!(h.to_f64(2 * scale), 0.25);
    }

    #[test]
    fn inversion_of_a_linear_cdf_is_the_quantile() {
        // No caps, r = 1: H(x) = x, so the solution is xb - u (xb - xa).
        let x = invert(&[], 1, 0.25, 0.75, 0.5);
        assert!((x - 0.5).abs() < 1e-15, "{x}");
        let x = invert(&[], 1, 0.0, 1.0, 0.125);
        assert!((x - 0.875).abs() < 1e-15, "{x}");
    }
}
