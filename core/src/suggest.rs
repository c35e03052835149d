//! "Did you mean": the known name closest to a mistyped one.
//!
//! The edit distance costs the product of the two lengths, so it is only
//! computed for names short enough to be typed, and for candidates whose
//! length alone does not already rule them out.

/// Longer words get no suggestion: nobody types a 1 MB key by hand, and
/// comparing it would cost a megabyte per candidate.
#[cfg(feature = "full-loader")]
const MAX_WORD_CHARS: usize = 64;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    #[cfg(feature = "full-loader")]
    return closest_by(word, candidates, strsim::damerau_levenshtein);
    // The lean reader's refusals send a page to the full loader, which
    // gives the hint: the edit distance stays out of the web widget.
    #[cfg(not(feature = "full-loader"))]
    {
        let _ = (word, candidates.into_iter().next());
        None
    }
}

/// [`closest`], with the edit distance given.
#[cfg(feature = "full-loader")]
fn closest_by<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    mut distance: impl FnMut(&str, &str) -> usize,
) -> Option<&'a str> {
    let length = chars_up_to(word, MAX_WORD_CHARS + 1);
    if length > MAX_WORD_CHARS {
        return None;
    }
    let limit = (length / 3).max(1);
    candidates
        .into_iter()
        // The distance is at least the difference in length.
        .filter(|candidate| chars_up_to(candidate, length + limit + 1).abs_diff(length) <= limit)
        .map(|candidate| (distance(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// The number of characters of `text`, counting no further than `most`.
#[cfg(feature = "full-loader")]
fn chars_up_to(text: &str, most: usize) -> usize {
    text.chars().take(most).count()
}

#[cfg(test)]
#[cfg(feature = "full-loader")]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_near_words() {
        let fields = ["title", "depends_on", "status"];
        assert_eq!(closest("titel", fields), Some("title"));
        assert_eq!(closest("depends-on", fields), Some("depends_on"));
        assert_eq!(closest("colour", fields), None);
    }

    /// [`closest_by`] with the real distance, and how many were computed.
    fn counting<'a>(word: &str, candidates: &[&'a str]) -> (Option<&'a str>, usize) {
        let mut computed = 0;
        let found = closest_by(word, candidates.iter().copied(), |a, b| {
            computed += 1;
            strsim::damerau_levenshtein(a, b)
        });
        (found, computed)
    }

    #[test]
    fn huge_words_and_candidates_are_not_compared() {
        let huge = "statu".repeat(200_000);
        assert_eq!(counting(&huge, &["status", "statut"]), (None, 0));
        assert_eq!(
            counting("status", &[huge.as_str(), "statu"]),
            (Some("statu"), 1)
        );
        // Just under the bound, a long word still finds its near miss.
        let long = "a".repeat(MAX_WORD_CHARS - 1);
        let near = format!("{long}b");
        assert_eq!(counting(&long, &[near.as_str()]), (Some(near.as_str()), 1));
    }
}
