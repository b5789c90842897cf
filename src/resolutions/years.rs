//! Numbering facts: Security Council number → year, General Assembly and Human Rights Council
//! session → year, and the known sessions of early General Assembly resolutions.

use super::unsc_years::UNSC_YEARS;
use std::sync::LazyLock;

/// The last General Assembly resolution of the running sequence (1946–1975); from 1976 resolutions
/// are numbered per session (`A/RES/31/1`).
pub(super) const GA_RUNNING_LAST: u32 = 3541;

/// Highest regular session the session-numbered forms accept (the 80th opened in 2025).
pub(super) const GA_SESSION_MAX: u32 = 82;

/// Highest Human Rights Council session accepted (the 60th met in 2025).
pub(super) const HRC_SESSION_MAX: u32 = 66;

/// How far past the last known Security Council number a number may lie and still be taken as a
/// Security Council resolution (numbers adopted after the table was built).
const SC_HEADROOM: u32 = 100;

/// The year a Security Council resolution number was adopted in, from the generated table.
///
/// Numbers past the table's last entry have no year (they may be adopted later in the last,
/// partial year or after it).
pub(super) fn sc_year(number: u32) -> Option<i32> {
    let i = UNSC_YEARS.partition_point(|&(_, _, last, _)| last < number);
    UNSC_YEARS.get(i).filter(|&&(_, first, _, _)| first <= number && number > 0).map(|&(year, ..)| year)
}

/// True when `number` can be a Security Council resolution (adopted, or soon to be).
pub(super) fn sc_plausible(number: u32) -> bool {
    let last = UNSC_YEARS.last().map_or(0, |&(_, _, last, _)| last);
    (1..=last + SC_HEADROOM).contains(&number)
}

/// A pre-1976 General Assembly resolution whose session is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct GaKnown {
    /// The session as written in the symbol: `III`, `ES-V`, `S-VI`.
    pub(super) session: &'static str,
    /// Year of adoption.
    pub(super) year: i32,
    /// Read a bare reference to this number as the Assembly's (see `ga_numbers.tsv`).
    pub(super) prefer_ga: bool,
}

static GA_NUMBERS: LazyLock<Vec<(u32, u32, GaKnown)>> = LazyLock::new(|| {
    let mut rows = Vec::new();
    for line in include_str!("ga_numbers.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').collect();
        let parse = |s: &str| s.trim().parse::<u32>().expect("ga_numbers.tsv: number");
        let year = f[3].trim().parse::<i32>().expect("ga_numbers.tsv: year");
        rows.push((parse(f[0]), parse(f[1]), GaKnown { session: f[2].trim(), year, prefer_ga: f[4].trim() == "yes" }));
    }
    rows.sort_by_key(|r| r.0);
    rows
});

/// The known session and year of a General Assembly resolution of the running sequence.
pub(super) fn ga_known(number: u32) -> Option<GaKnown> {
    GA_NUMBERS.iter().find(|(first, last, _)| (*first..=*last).contains(&number)).map(|r| r.2)
}

/// Year of a regular General Assembly session: session N opens in September of 1945 + N.
pub(super) fn ga_session_year(session: u32) -> Option<i32> {
    (1..=GA_SESSION_MAX).contains(&session).then(|| 1945 + session as i32)
}

/// Year of a regular Human Rights Council session: sessions 1–3 met in 2006, then three a year
/// (session S ≥ 4 meets in 2007 + ⌊(S − 4) / 3⌋). See `shared/data/un-symbols.md` §2.
pub(super) fn hrc_session_year(session: u32) -> Option<i32> {
    match session {
        1..=3 => Some(2006),
        4..=HRC_SESSION_MAX => Some(2007 + (session as i32 - 4) / 3),
        _ => None,
    }
}

/// Value of a Roman numeral (`I`…`LXXX`), for old session numbers.
pub(super) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let val = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(val).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&n| n > d) { total -= d as i64 } else { total += d as i64 }
    }
    (total > 0).then_some(total as u32)
}

/// Roman numeral for 1..=99 (session numbers in old symbols).
pub(super) fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Forces the tables.
pub(super) fn warm() {
    LazyLock::force(&GA_NUMBERS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_council_anchors() {
        for (n, y) in [(242, 1967), (338, 1973), (1373, 2001), (1701, 2006), (2178, 2014), (2254, 2015), (2334, 2016)] {
            assert_eq!(sc_year(n), Some(y), "{n}");
        }
        assert_eq!(sc_year(1), Some(1946));
        assert_eq!(sc_year(0), None);
        assert_eq!(sc_year(99_999), None);
        assert!(sc_plausible(2815) && !sc_plausible(5000));
    }

    #[test]
    fn table_is_contiguous() {
        for w in UNSC_YEARS.windows(2) {
            assert_eq!(w[0].0 + 1, w[1].0);
            assert_eq!(w[0].2 + 1, w[1].1);
        }
    }

    #[test]
    fn sessions() {
        assert_eq!(ga_session_year(67), Some(2012));
        assert_eq!(ga_session_year(3), Some(1948));
        assert_eq!(hrc_session_year(46), Some(2021));
        assert_eq!(hrc_session_year(58), Some(2025));
        assert_eq!(hrc_session_year(2), Some(2006));
        assert_eq!(ga_known(194).unwrap().session, "III");
        assert_eq!(ga_known(2100).unwrap().year, 1965);
        assert!(ga_known(242).is_none());
        assert_eq!(roman("XVIII"), Some(18));
        assert_eq!(roman("XXIX"), Some(29));
        assert_eq!(roman("Q"), None);
        assert_eq!(to_roman(18), "XVIII");
        assert_eq!(to_roman(3), "III");
    }
}
