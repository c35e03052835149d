//! The hint for a date written in a form the format does not read: the
//! canonical form it most likely means ("`Q3 2023`" → "`2023-Q3`"), or why
//! the form is left out (seasons, financial years) and what to write instead.
//!
//! A suggestion is only made when it parses back as a date, and never when
//! the text is ambiguous (`03/04/2023` could be 3 April or 4 March).

use crate::dates::parse_canonical;

/// The hint for `text`, which did not parse as a date.
pub(crate) fn hint(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let words = words(&lower);
    if let Some(hint) = refused_form(&lower, &words) {
        return Some(hint);
    }
    let candidate = canonical(&words)?;
    // The canonical reader, not `parse`: a failed parse asks for a hint.
    parse_canonical(&candidate)
        .is_ok()
        .then(|| format!("did you mean `{candidate}`?"))
}

/// Seasons and financial years: forms real roadmaps use that have no honest
/// span without knowing the country, so the author writes the months.
fn refused_form(lower: &str, words: &[&str]) -> Option<String> {
    const SEASONS: [&str; 10] = [
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "printemps",
        "été",
        "ete",
        "automne",
        "hiver",
    ];
    if words.iter().any(|w| SEASONS.contains(w)) {
        return Some(
            "a season is not a date form: its months depend on the hemisphere; write the months \
             the source means as a span (`start = \"2023-09\"`, `end = \"2023-11\"`) or the \
             quarter they fall in (`2023-Q4`), and keep the season's words in `note`"
                .to_owned(),
        );
    }
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let short_year = |w: &str| w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit());
    let financial = lower.starts_with("fy")
        || matches!(words, [first, second] if year(first) && short_year(second)
            && first.parse::<u32>().ok().map(|y| (y + 1) % 100) == second.parse().ok());
    if financial {
        // The first four-digit year is where the financial year starts.
        let first = lower
            .trim_start_matches("fy")
            .trim_start_matches([' ', '-'])
            .get(..4)
            .filter(|y| year(y))
            .and_then(|y| y.parse::<i32>().ok())
            .unwrap_or(2022);
        let next = first + 1;
        return Some(format!(
            "a financial year is not a date form: when it starts depends on the country; write \
             a mission's span, e.g. `start = \"{first}-04\"`, `end = \"{next}-03\"` for the UK \
             year {first}/{:02}, or a deadline as the year's last month (`{next}-03`), and keep the \
             source's words in `note`",
            next % 100
        ));
    }
    None
}

/// The words and numbers of a date written freely.
fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "de" | "the" | "by" | "d'ici"))
        .collect()
}

/// The canonical form of the words, if they name a date unambiguously.
fn canonical(words: &[&str]) -> Option<String> {
    let (prefix, rest) = match words.split_first() {
        Some((first, rest)) => match *first {
            "early" | "début" | "debut" => ("early-", rest),
            "mid" | "mi" => ("mid-", rest),
            "end" | "late" | "fin" => ("end-", rest),
            _ => ("", words),
        },
        None => return None,
    };
    let year_at = rest.iter().position(|w| is_year(w))?;
    let year = rest[year_at];
    let others: Vec<&str> = rest
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != year_at)
        .map(|(_, w)| *w)
        .collect();
    let body = match others.as_slice() {
        [] => year.to_owned(),
        [part] => {
            if let Some(n) = period_number(part, &['q', 't'], 4) {
                format!("{year}-Q{n}")
            } else if let Some(n) = period_number(part, &['h', 's'], 2) {
                format!("{year}-H{n}")
            } else {
                let month = month_number(part)?;
                format!("{year}-{month:02}")
            }
        }
        [a, b] => {
            // A month name fixes which number is the day; numbers alone
            // must be unambiguous (one of them above 12) unless the year
            // comes first, which is always year-month-day.
            let (month, day) = match (month_word(a), month_word(b)) {
                (Some(m), None) => (m, number(b)?),
                (None, Some(m)) => (m, number(a)?),
                _ if year_at == 0 => (number(a)?, number(b)?),
                _ => match (number(a)?, number(b)?) {
                    (a, b) if a > 12 => (b, a),
                    (a, b) if b > 12 => (a, b),
                    _ => return None,
                },
            };
            format!("{year}-{month:02}-{day:02}")
        }
        _ => return None,
    };
    Some(format!("{prefix}{body}"))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

fn number(word: &str) -> Option<u32> {
    (word.len() <= 2).then(|| word.parse().ok()).flatten()
}

/// `q3`, `t1`, `h2`, `s2`: the number after one of the `letters`.
fn period_number(word: &str, letters: &[char], most: u32) -> Option<u32> {
    let mut chars = word.chars();
    let letter = chars.next()?;
    let n: u32 = chars.as_str().parse().ok()?;
    (letters.contains(&letter) && (1..=most).contains(&n)).then_some(n)
}

fn month_number(word: &str) -> Option<u32> {
    month_word(word).or_else(|| number(word).filter(|m| (1..=12).contains(m)))
}

/// A month's name or abbreviation, in English or French.
fn month_word(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "jan", "janvier", "janv"],
        &["february", "feb", "février", "fevrier", "févr", "fevr"],
        &["march", "mar", "mars"],
        &["april", "apr", "avril", "avr"],
        &["may", "mai"],
        &["june", "jun", "juin"],
        &["july", "jul", "juillet", "juil"],
        &["august", "aug", "août", "aout"],
        &["september", "sep", "sept", "septembre"],
        &["october", "oct", "octobre"],
        &["november", "nov", "novembre"],
        &["december", "dec", "décembre", "decembre", "déc"],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_forms_get_the_canonical_one() {
        for (written, meant) in [
            ("Q3 2023", "2023-Q3"),
            ("T1 2020", "2020-Q1"),
            ("2023 Q3", "2023-Q3"),
            ("H2 2019", "2019-H2"),
            ("S1 2021", "2021-H1"),
            ("March 2023", "2023-03"),
            ("mars 2023", "2023-03"),
            ("Sept 2023", "2023-09"),
            ("2023/03", "2023-03"),
            ("03/2023", "2023-03"),
            ("2023-3", "2023-03"),
            ("2023-3-9", "2023-03-09"),
            ("2023/03/09", "2023-03-09"),
            ("29/11/2023", "2023-11-29"),
            ("9 March 2023", "2023-03-09"),
            ("March 9, 2023", "2023-03-09"),
            ("end of 2021", "end-2021"),
            ("fin 2021", "end-2021"),
            ("by March 2025", "2025-03"),
        ] {
            assert_eq!(
                hint(written),
                Some(format!("did you mean `{meant}`?")),
                "{written}"
            );
        }
    }

    #[test]
    fn ambiguous_or_unknown_forms_get_no_guess() {
        assert_eq!(hint("03/04/2023"), None);
        assert_eq!(hint("soon"), None);
        assert_eq!(hint("Q5 2023"), None);
    }

    #[test]
    fn a_financial_year_gets_the_span_of_its_own_years() {
        let fy = hint("FY2024-25").unwrap_or_default();
        assert!(
            fy.contains("`start = \"2024-04\"`, `end = \"2025-03\"` for the UK year 2024/25"),
            "{fy}"
        );
        assert!(
            hint("2022/23")
                .unwrap_or_default()
                .contains("`start = \"2022-04\"`")
        );
        assert!(
            hint("FY 2019-20")
                .unwrap_or_default()
                .contains("`start = \"2019-04\"`")
        );
    }

    #[test]
    fn seasons_and_financial_years_say_why_and_what_to_write() {
        for text in [
            "autumn 2023",
            "Automne 2023",
            "2022/23",
            "FY2024-25",
            "2022-23",
        ] {
            let hint = hint(text).unwrap_or_default();
            assert!(hint.contains("is not a date form"), "{text}: {hint}");
            assert!(hint.contains("start = "), "{text}: {hint}");
        }
    }
}
