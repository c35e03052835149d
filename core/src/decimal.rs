//! A JSON number's text as the nearest `f64` (ties to even): what
//! `str::parse::<f64>` gives, without its tables. The standard parser
//! carries some 15 KB (most of them a table of powers of five) that the web
//! widget's module need not pay for: a number of up to 15 digits with a
//! small exponent, nearly every number of a roadmap, is exact in one float
//! operation, and the others are computed exactly with big integers,
//! slowly but in little code.

use std::cmp::Ordering;

/// Past this many significant digits, the others only tell whether the
/// number lies above the digits kept: 768 digits decide the rounding of
/// any `f64`.
const MAX_DIGITS: usize = 768;

/// The nearest `f64` to `text`, a number by JSON's grammar; `None` when it
/// is beyond `f64::MAX` (infinite once rounded).
pub(crate) fn to_f64(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    // The number is `digits × 10^power`.
    let mut power = exponent_of(exponent);
    let mut digits: Vec<u8> = Vec::new();
    let mut beyond = false;
    let mut fraction = false;
    for byte in mantissa.bytes() {
        if byte == b'.' {
            fraction = true;
            continue;
        }
        let digit = byte - b'0';
        if digits.len() < MAX_DIGITS && (digit != 0 || !digits.is_empty()) {
            digits.push(digit);
            power -= i64::from(fraction);
        } else if digits.is_empty() {
            // A leading zero.
            power -= i64::from(fraction);
        } else {
            beyond |= digit != 0;
            power += i64::from(!fraction);
        }
    }
    if beyond {
        // A digit past the kept ones: the number is a little above them,
        // which is all the rounding needs to know.
        digits.push(1);
        power -= 1;
    }
    let magnitude = nearest(&digits, power)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The exponent after `e`, saturated: past ±10⁶ every number is 0 or
/// infinite, and no text is long enough to bring it back.
fn exponent_of(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let value = digits.bytes().fold(0_i64, |value, byte| {
        (value * 10 + i64::from(byte - b'0')).min(1_000_000)
    });
    if negative { -value } else { value }
}

/// The nearest `f64` to `digits × 10^power` (`digits` without leading
/// zeros).
fn nearest(digits: &[u8], power: i64) -> Option<f64> {
    let count = digits.len() as i64;
    if digits.is_empty() || count + power < -324 {
        // Below 10^-325, less than half the smallest `f64`.
        return Some(0.0);
    }
    if count + power > 309 {
        // At least 10^309.
        return None;
    }
    if count <= 15 && power.abs() <= 22 {
        // Both operands exact (below 2^53, a power of ten up to 10^22):
        // one operation, rounded once.
        let value = digits
            .iter()
            .fold(0_u64, |value, &digit| value * 10 + u64::from(digit)) as f64;
        let scale = (0..power.abs()).fold(1.0_f64, |scale, _| scale * 10.0);
        return Some(if power < 0 {
            value / scale
        } else {
            value * scale
        });
    }
    let mut numerator = Big(Vec::new());
    for &digit in digits {
        numerator.mul_add(10, u32::from(digit));
    }
    let mut denominator = Big(vec![1]);
    for _ in 0..power.unsigned_abs() {
        if power < 0 {
            denominator.mul_add(10, 0);
        } else {
            numerator.mul_add(10, 0);
        }
    }
    // The quotient's 63 or 64 leading bits, as `quotient × 2^-shift`, and
    // whether a remainder is left.
    let shift = denominator.bits() - numerator.bits() + 63;
    if shift >= 0 {
        numerator.shift_left(shift.unsigned_abs());
    } else {
        denominator.shift_left(shift.unsigned_abs());
    }
    let quotient = numerator.divide(&mut denominator);
    rounded(quotient, !numerator.0.is_empty(), -shift)
}

/// The nearest `f64` to `(quotient + ε) × 2^exponent`, where ε is in
/// ]0, 1[ when `inexact`, else 0; `None` past `f64::MAX`.
fn rounded(quotient: u64, inexact: bool, exponent: i64) -> Option<f64> {
    let zeros = quotient.leading_zeros();
    let quotient = u128::from(quotient << zeros);
    // The number is in [2^top, 2^(top + 1)[.
    let top = exponent - i64::from(zeros) + 63;
    // The bits below the `f64`'s last place: 11 in a normal number, more
    // below 2^-1022, where the last place stays 2^-1074.
    let dropped = 11 + (-1022 - top).max(0);
    if dropped > 64 {
        // Below 2^-1075, half the smallest `f64`.
        return Some(0.0);
    }
    let dropped = dropped as u32;
    let kept = quotient >> dropped;
    let rest = quotient & ((1 << dropped) - 1);
    let half = 1 << (dropped - 1);
    let up = rest > half || (rest == half && (inexact || kept & 1 == 1));
    // The 53-bit mantissa's leading bit adds one to the exponent field,
    // and a carry out of rounding one more: both as they should.
    let mantissa = kept as u64 + u64::from(up);
    let bits = if top >= -1022 {
        ((top + 1022) as u64 * (1 << 52)) + mantissa
    } else {
        mantissa
    };
    (bits < f64::INFINITY.to_bits()).then(|| f64::from_bits(bits))
}

/// A natural number in base 2^32, least significant limb first, without
/// leading zero limbs.
struct Big(Vec<u32>);

impl Big {
    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    /// The number of bits up to the highest one.
    fn bits(&self) -> i64 {
        self.0.last().map_or(0, |&last| {
            32 * self.0.len() as i64 - i64::from(last.leading_zeros())
        })
    }

    fn shift_left(&mut self, bits: u64) {
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits != 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let shifted = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = shifted;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn shift_right_one(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let shifted = (*limb >> 1) | carry;
            carry = *limb << 31;
            *limb = shifted;
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn compare(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self - other`, where `other` is not larger.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = false;
        for (at, limb) in self.0.iter_mut().enumerate() {
            let (less, under) = limb.overflowing_sub(other.0.get(at).copied().unwrap_or(0));
            let (less, under_again) = less.overflowing_sub(u32::from(borrow));
            *limb = less;
            borrow = under || under_again;
        }
        self.trim();
    }

    /// The quotient of `self / divisor`, which must be below 2^64, leaving
    /// the remainder in `self` (`divisor` is used up).
    fn divide(&mut self, divisor: &mut Big) -> u64 {
        divisor.shift_left(63);
        let mut quotient = 0;
        for bit in (0..64).rev() {
            if self.compare(divisor) != Ordering::Less {
                self.subtract(divisor);
                quotient |= 1 << bit;
            }
            divisor.shift_right_one();
        }
        quotient
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn same(text: &str) {
        let ours = to_f64(text);
        let theirs = text.parse::<f64>().expect("a number");
        match ours {
            Some(ours) => assert_eq!(ours.to_bits(), theirs.to_bits(), "{text}"),
            None => assert!(theirs.is_infinite(), "{text}: {theirs}"),
        }
    }

    /// The exact decimal of `(2 × mantissa + 1) × 2^(exponent - 1)`: the
    /// middle of two neighbouring floats, where rounding is decided by
    /// the last digit.
    fn middle(x: f64) -> String {
        let bits = x.to_bits();
        let (field, fraction) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
        let (mantissa, exponent) = if field == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1 << 52), field - 1075)
        };
        let mut value = Big(vec![]);
        let odd = 2 * mantissa + 1;
        value.mul_add(1, (odd >> 32) as u32);
        value.mul_add(1 << 16, 0);
        value.mul_add(1 << 16, odd as u32);
        let power = exponent - 1;
        for _ in 0..power.abs() {
            value.mul_add(if power < 0 { 5 } else { 2 }, 0);
        }
        // Its digits, by division by ten.
        let mut digits = Vec::new();
        while !value.0.is_empty() {
            let mut rest = 0_u64;
            for limb in value.0.iter_mut().rev() {
                let current = (rest << 32) | u64::from(*limb);
                *limb = (current / 10) as u32;
                rest = current % 10;
            }
            value.trim();
            digits.push(b'0' + rest as u8);
        }
        digits.reverse();
        let digits = String::from_utf8(digits).expect("digits");
        format!("{digits}e{}", power.min(0))
    }

    /// `text` (digits, then `e` and the exponent) with the same value in
    /// more than `MAX_DIGITS` digits, then a last 1: a little above it.
    fn a_little_above(text: &str) -> String {
        let (digits, power) = text.split_once('e').expect("an exponent");
        let power: i64 = power.parse().expect("an exponent");
        let zeros = MAX_DIGITS + 10 - digits.len();
        format!(
            "{digits}{}1e{}",
            "0".repeat(zeros),
            power - zeros as i64 - 1
        )
    }

    #[test]
    fn edges_read_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "-0.0",
            "0e400",
            "0.000",
            "1",
            "1.5",
            "0.1",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "9007199254740993",
            "9007199254740992.5",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "1e-400",
            "1e999999999999999999999",
            "1e-999999999999999999999",
            "0.0000000000000000000000000000001e30",
            "100000000000000000000000000000000000000e-38",
        ] {
            same(text);
        }
        let long = ["0.", &"0".repeat(320), "247032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570426627364"].concat();
        same(&long);
        same(&[&long, "1"].concat());
        same(&[&"9".repeat(800), "e-500"].concat());
        same(&["1", &"0".repeat(800), "1e-800"].concat());
    }

    #[test]
    fn middles_between_floats_round_to_even() {
        for x in [
            5e-324,
            1e-310,
            2.225_073_858_507_201_4e-308,
            0.1,
            1.0,
            3.5,
            1e22,
            1.5e300,
        ] {
            let middle = middle(x);
            same(&middle);
            let next = f64::from_bits(x.to_bits() + 1);
            let even = if x.to_bits() % 2 == 0 { x } else { next };
            assert_eq!(to_f64(&middle), Some(even), "{middle}");
            // Past the digits kept, a digit still rounds up.
            let above = a_little_above(&middle);
            same(&above);
            assert_eq!(to_f64(&above), Some(next), "{above}");
        }
    }

    proptest! {
        #[test]
        fn every_float_reads_back(bits in any::<u64>()) {
            let x = f64::from_bits(bits).abs();
            prop_assume!(x.is_finite());
            let middle = middle(x);
            for text in [format!("{x:e}"), format!("{x}"), format!("{x:.25e}"), a_little_above(&middle), middle] {
                same(&text);
            }
        }

        #[test]
        fn any_decimal_reads_as_the_standard_parser_reads_it(
            integer in "(0|[1-9][0-9]{0,30})",
            fraction in prop::option::of("[0-9]{1,30}"),
            exponent in prop::option::of(-400_i32..400),
        ) {
            let mut text = integer;
            if let Some(fraction) = fraction {
                text = format!("{text}.{fraction}");
            }
            if let Some(exponent) = exponent {
                text = format!("{text}e{exponent}");
            }
            same(&text);
        }
    }
}
