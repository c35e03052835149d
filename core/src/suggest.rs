//! "Did you mean": the known name closest to a mistyped one.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_near_words() {
        let fields = ["title", "depends_on", "status"];
        assert_eq!(closest("titel", fields), Some("title"));
        assert_eq!(closest("depends-on", fields), Some("depends_on"));
        assert_eq!(closest("colour", fields), None);
    }
}
