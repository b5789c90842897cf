//! The entity tables: places, organisations, personal names and the word classes the rules read.
//! Each comes from a data file under `data/` (its header gives source and licence) and is parsed
//! once into [`TABLES`].

use crate::text::{Lexicon, normalize};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// One real-world place (a country, city or region; its identity is its index).
#[derive(Debug)]
pub(crate) struct Place {
    /// ISO 3166-1 alpha-2 code (a city's country), if any.
    pub code: Option<&'static str>,
}

/// A lexicon hit: a place or an organisation, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Place(u32),
    Org(u32),
}

/// The type of an organisation head noun, which decides what may follow it in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// Ministries, embassies, governments, departments.
    Gov,
    /// Committees, organisations, agencies, funds, courts, offices…
    Body,
    /// Parties, movements, fronts, armed groups.
    Group,
    /// Councils.
    Council,
    /// Missions.
    Mission,
    /// Forces and armies.
    Force,
    /// Papers, channels.
    Press,
    /// A definite head ("الجيش", "الهيئة") that needs modifiers to be a name.
    Definite,
}

/// Bits of [`WordInfo::lex`]: the phrase tables with a phrase whose first word is the word.
pub(crate) mod lex {
    pub(crate) const KNOWN: u8 = 1;
    pub(crate) const HEADS_AR: u8 = 1 << 1;
    pub(crate) const TITLES_AR: u8 = 1 << 2;
    pub(crate) const PLACE_HEADS_AR: u8 = 1 << 3;
    pub(crate) const FEATURE_HEADS_AR: u8 = 1 << 4;
    pub(crate) const PEOPLE: u8 = 1 << 5;
    pub(crate) const TITLES_EN: u8 = 1 << 6;
    pub(crate) const DEMONYMS_EN: u8 = 1 << 7;
}

/// Bits of [`WordInfo::flags`]: the word sets of [`Tables`] a normalised word is in. The name sets
/// (`GIVEN_AR`, `SURNAME_AR`, `WEAK_GIVEN_AR`) are keyed like the sets, with ة folded.
pub(crate) mod wf {
    pub(crate) const STOP_AR: u16 = 1;
    pub(crate) const SPEECH_AR: u16 = 1 << 1;
    pub(crate) const PRESS_TAIL_AR: u16 = 1 << 2;
    pub(crate) const TITLE_WORD_AR: u16 = 1 << 3;
    pub(crate) const HEAD_WORD_AR: u16 = 1 << 4;
    pub(crate) const ORG_STOP_AR: u16 = 1 << 5;
    pub(crate) const CONNECTOR_AR: u16 = 1 << 6;
    pub(crate) const MASDAR_AR: u16 = 1 << 7;
    pub(crate) const DEMONYM_AR: u16 = 1 << 8;
    pub(crate) const GIVEN_AR: u16 = 1 << 9;
    pub(crate) const SURNAME_AR: u16 = 1 << 10;
    pub(crate) const WEAK_GIVEN_AR: u16 = 1 << 11;
    pub(crate) const STOP_EN: u16 = 1 << 12;
    pub(crate) const ORG_TAIL_EN: u16 = 1 << 13;
    pub(crate) const ORG_HEAD_EN: u16 = 1 << 14;
    pub(crate) const SPEECH_EN: u16 = 1 << 15;
    /// The name sets, looked up with ة folded.
    pub(crate) const NAMES_AR: u16 = GIVEN_AR | SURNAME_AR | WEAK_GIVEN_AR;
}

/// What the tables say about one normalised word: which word sets it is in and which phrase tables
/// have a phrase starting with it. One lookup per word instead of one per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// [`lex`] bits.
    pub lex: u8,
    /// [`wf`] bits.
    pub flags: u16,
}

/// Every table, built once.
pub(crate) struct Tables {
    pub places: Vec<Place>,
    /// Places and organisations, Arabic and English (case-sensitive; upper-case variants added).
    pub known: Lexicon<Known>,
    pub titles_ar: Lexicon<()>,
    /// One-word titles and organisation heads, normalised (words that cannot be part of a name).
    pub title_words_ar: HashSet<String>,
    pub head_words_ar: HashSet<String>,
    pub titles_en: Lexicon<()>,
    pub speech_ar: HashSet<String>,
    pub speech_en: HashSet<&'static str>,
    pub stop_ar: HashSet<String>,
    pub stop_en: HashSet<&'static str>,
    pub heads_ar: Lexicon<Head>,
    /// Nouns before a place name ("مدينة", "محافظة", "مخيم").
    pub place_heads_ar: Lexicon<()>,
    /// Lower-case nouns after a place name ("province", "city").
    pub place_tails_en: HashSet<&'static str>,
    /// Head nouns that need two words after them to make a name ("برنامج المساعدات" is none).
    pub weak_heads_ar: HashSet<String>,
    pub org_stop_ar: HashSet<String>,
    pub connectors_ar: HashSet<String>,
    pub masdar_ar: HashSet<String>,
    /// Indefinite nouns inside a title ("وزير خارجية …").
    pub role_nouns_ar: HashSet<String>,
    /// Last words of a paper's or site's name ("برس", "نت", "الإخباري").
    pub press_tails_ar: HashSet<String>,
    /// Nationality adjectives (every form, normalised) → ISO code.
    pub demonyms_ar: HashMap<String, &'static str>,
    pub demonyms_en: Lexicon<&'static str>,
    pub org_tail_en: HashSet<&'static str>,
    pub org_head_en: HashSet<&'static str>,
    /// Given names and surnames, keyed with ة folded to ه.
    pub given_ar: HashSet<String>,
    pub surname_ar: HashSet<String>,
    pub given_en: HashSet<&'static str>,
    /// Given names that are also common words or rare ("سامي", "كريم", "أمل"), keyed like `given_ar`:
    /// they count inside a name but never open one alone.
    pub weak_given_ar: HashSet<String>,
    /// Full names of people (well-known public figures; names opening with a weak given name).
    pub people: Lexicon<()>,
    /// Nouns that are part of a geographic feature's name ("نهر النيل", "معبر رفح", "مخيم زمزم").
    pub feature_heads_ar: Lexicon<()>,
    /// Every word of the word sets and every first word of the phrase tables, with what it is.
    pub words: HashMap<Box<str>, WordInfo>,
    /// True when some key of `words` does not open with a letter (so punctuation and number
    /// tokens must be looked up too).
    pub nonword_keys: bool,
}

impl Tables {
    /// What the tables say about a normalised word (its name bits read with ة folded).
    pub(crate) fn info(&self, word: &str) -> WordInfo {
        let mut info = self.words.get(word).copied().unwrap_or_default();
        if has_ta_marbuta(word) {
            let folded = with_name_key(word, |k| self.words.get(k).map_or(0, |f| f.flags));
            info.flags = (info.flags & !wf::NAMES_AR) | (folded & wf::NAMES_AR);
        }
        info
    }
}

/// The first token of a phrase as [`Lexicon::insert`] keys it (normalised, tokenised).
pub(super) fn first_word(phrase: &str) -> Option<String> {
    // fast path: a first word of ASCII or Arabic letters followed by a space or the end, which
    // normalises letter by letter (only آ/أ/إ and ى change) and is one token
    let chunk = phrase.split(' ').next().unwrap_or("");
    let mut out = String::with_capacity(chunk.len());
    for c in chunk.chars() {
        match c {
            'آ' | 'أ' | 'إ' => out.push('ا'),
            'ى' => out.push('ي'),
            'a'..='z' | 'A'..='Z' => out.push(c),
            '\u{0621}'..='\u{064A}' if c != '\u{0640}' => out.push(c),
            _ => {
                out.clear();
                break;
            }
        }
    }
    if !out.is_empty() {
        return Some(out);
    }
    let a = crate::text::Analysis::new(phrase);
    a.tokens().first().map(|t| a.normalized()[t.norm()].to_string())
}

/// Records that a phrase table (`bit`, a [`lex`] bit) has `phrase`.
fn mark_first(words: &mut HashMap<Box<str>, WordInfo>, bit: u8, phrase: &str) {
    let Some(w) = first_word(phrase) else { return };
    match words.get_mut(w.as_str()) {
        Some(info) => info.lex |= bit,
        None => {
            words.insert(w.into_boxed_str(), WordInfo { lex: bit, flags: 0 });
        }
    }
}

/// Records `bit` (a [`wf`] bit) for every word of a set.
fn mark_set<'a>(words: &mut HashMap<Box<str>, WordInfo>, bit: u16, set: impl IntoIterator<Item = &'a str>) {
    for w in set {
        match words.get_mut(w) {
            Some(info) => info.flags |= bit,
            None => {
                words.insert(w.into(), WordInfo { lex: 0, flags: bit });
            }
        }
    }
}

const PLACES: &str = include_str!("data/places.tsv");
const PLACES_EXTRA: &str = include_str!("data/places_extra.tsv");
const PLACES_GEONAMES: &str = include_str!("data/places_geonames.tsv");
const ORGS: &str = include_str!("data/orgs.tsv");
const NAMES: &str = include_str!("data/names.tsv");
const WORDS_AR: &str = include_str!("data/words_ar.tsv");
const WORDS_EN: &str = include_str!("data/words_en.tsv");
const PEOPLE: &str = include_str!("data/people.tsv");

/// The shared tables.
pub(super) static TABLES: LazyLock<Tables> = LazyLock::new(build);

/// Rows of a TSV file, comments and blank lines skipped.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// Folds a normalised word for name lookups: ة → ه, as the name lists are keyed.
pub(super) fn name_key(s: &str) -> std::borrow::Cow<'_, str> {
    if has_ta_marbuta(s) { std::borrow::Cow::Owned(s.replace('ة', "ه")) } else { std::borrow::Cow::Borrowed(s) }
}

/// True when `s` has the letter ة (U+0629, bytes D8 A9), found by a byte scan.
#[inline]
pub(super) fn has_ta_marbuta(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len()).any(|k| b[k] == 0xA9 && b[k - 1] == 0xD8)
}

/// Calls `f` with [`name_key`] of `s`, folded in a buffer on the stack when short (ة and ه are
/// both two bytes in UTF-8), so that lookups of ordinary words allocate nothing.
pub(super) fn with_name_key<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if !has_ta_marbuta(s) || s.len() > buf.len() {
        return f(&name_key(s));
    }
    let b = &mut buf[..s.len()];
    b.copy_from_slice(s.as_bytes());
    for k in 0..b.len() - 1 {
        if b[k..k + 2] == [0xD8, 0xA9] {
            b[k..k + 2].copy_from_slice(&[0xD9, 0x87]);
        }
    }
    match std::str::from_utf8(b) {
        Ok(folded) => f(folded),
        Err(_) => f(&name_key(s)),
    }
}

/// Inserts a phrase and, for Latin-script phrases, its upper-case form (datelines are often in capitals).
fn insert_cased<V: Copy>(table: &mut Lexicon<V>, words: &mut HashMap<Box<str>, WordInfo>, phrase: &str, v: V) {
    table.insert(phrase, v);
    mark_first(words, lex::KNOWN, phrase);
    if phrase.chars().any(|c| c.is_ascii_lowercase()) {
        let upper = phrase.to_uppercase();
        table.insert(&upper, v);
        mark_first(words, lex::KNOWN, &upper);
    }
}

/// The masculine nationality adjective of a one-word Arabic country name (nisba): إسبانيا → إسباني.
fn nisba(country: &str) -> Option<String> {
    let base = country.strip_prefix("ال").unwrap_or(country);
    if base.contains(' ') || base.chars().count() < 3 || base.ends_with('ي') {
        return None;
    }
    let stem =
        base.strip_suffix("يا").or_else(|| base.strip_suffix('ا')).or_else(|| base.strip_suffix('ة')).unwrap_or(base);
    Some(format!("{stem}ي"))
}

/// Every form of an Arabic nationality adjective from its normalised masculine singular.
fn demonym_forms(m: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["", "ة", "ون", "ين", "ان", "تان", "تين"] {
        let f = format!("{m}{suffix}");
        out.push(format!("ال{f}"));
        out.push(f);
    }
    out
}

fn build() -> Tables {
    let mut places = Vec::new();
    let mut place_index: HashMap<&str, u32> = HashMap::default();
    let mut known = Lexicon::new(false);
    // sized for the word sets and first words (about 10 500), so that it is not rehashed as it grows
    let mut words: HashMap<Box<str>, WordInfo> = HashMap::with_capacity_and_hasher(1 << 14, Default::default());
    let mut country_names: Vec<(&'static str, &'static str)> = Vec::new();
    for r in rows(PLACES).chain(rows(PLACES_EXTRA)).chain(rows(PLACES_GEONAMES)) {
        let [code, typ, id, name] = r[..] else { continue };
        let idx = *place_index.entry(id).or_insert_with(|| {
            places.push(Place { code: (code != "-").then_some(code) });
            (places.len() - 1) as u32
        });
        insert_cased(&mut known, &mut words, name, Known::Place(idx));
        if typ == "country" && name.chars().next().is_some_and(crate::text::is_arabic_script) {
            country_names.push((code, name));
        }
    }
    let mut org_index: HashMap<&str, u32> = HashMap::default();
    for r in rows(ORGS) {
        let [id, name] = r[..] else { continue };
        let next = org_index.len() as u32;
        let idx = *org_index.entry(id).or_insert(next);
        // Acronyms in capitals stay case-sensitive ("WHO" is not "who"); long ones are also written
        // in title case ("Minusma").
        if name.chars().any(|c| c.is_ascii_lowercase()) {
            insert_cased(&mut known, &mut words, name, Known::Org(idx));
            // "United Nations Mission in South Sudan" is also written "U.N. Mission …", "UN Mission …"
            if let Some(rest) = name.strip_prefix("United Nations ") {
                for short in ["U.N.", "UN"] {
                    let phrase = format!("{short} {rest}");
                    known.insert(&phrase, Known::Org(idx));
                    mark_first(&mut words, lex::KNOWN, &phrase);
                }
            }
        } else {
            known.insert(name, Known::Org(idx));
            mark_first(&mut words, lex::KNOWN, name);
            if name.len() >= 5 && name.bytes().all(|b| b.is_ascii_uppercase()) {
                let title: String = name[..1].to_string() + &name[1..].to_ascii_lowercase();
                known.insert(&title, Known::Org(idx));
                mark_first(&mut words, lex::KNOWN, &title);
            }
        }
    }

    let mut t = Tables {
        places,
        known,
        titles_ar: Lexicon::new(false),
        title_words_ar: HashSet::default(),
        head_words_ar: HashSet::default(),
        titles_en: Lexicon::new(false),
        speech_ar: HashSet::default(),
        speech_en: HashSet::default(),
        stop_ar: HashSet::default(),
        stop_en: HashSet::default(),
        heads_ar: Lexicon::new(false),
        place_heads_ar: Lexicon::new(false),
        place_tails_en: HashSet::default(),
        weak_heads_ar: HashSet::default(),
        org_stop_ar: HashSet::default(),
        connectors_ar: HashSet::default(),
        masdar_ar: HashSet::default(),
        role_nouns_ar: HashSet::default(),
        press_tails_ar: HashSet::default(),
        demonyms_ar: HashMap::default(),
        demonyms_en: Lexicon::new(false),
        org_tail_en: HashSet::default(),
        org_head_en: HashSet::default(),
        given_ar: HashSet::default(),
        surname_ar: HashSet::default(),
        given_en: HashSet::default(),
        weak_given_ar: HashSet::default(),
        people: Lexicon::new(false),
        feature_heads_ar: Lexicon::new(false),
        words,
        nonword_keys: true,
    };
    for (code, name) in country_names {
        if let Some(m) = nisba(&normalize(name)) {
            for f in demonym_forms(&m) {
                t.demonyms_ar.entry(f).or_insert(code);
            }
        }
    }
    for r in rows(WORDS_AR) {
        let word = normalize(r[1]);
        match r[0] {
            "title" => {
                t.titles_ar.insert(r[1], ());
                mark_first(&mut t.words, lex::TITLES_AR, r[1]);
                if !word.contains(' ') {
                    t.title_words_ar.insert(word);
                }
            }
            "speech" => {
                t.speech_ar.insert(word);
            }
            "stop" => {
                t.stop_ar.insert(word);
            }
            "orghead" => {
                let head = match r.get(2).copied().unwrap_or("body") {
                    "gov" => Head::Gov,
                    "group" => Head::Group,
                    "council" => Head::Council,
                    "mission" => Head::Mission,
                    "force" => Head::Force,
                    "press" => Head::Press,
                    "defhead" => Head::Definite,
                    _ => Head::Body,
                };
                t.heads_ar.insert(r[1], head);
                mark_first(&mut t.words, lex::HEADS_AR, r[1]);
                if !word.contains(' ') {
                    t.head_words_ar.insert(word);
                }
            }
            "orgstop" => {
                t.org_stop_ar.insert(word);
            }
            "connector" => {
                t.connectors_ar.insert(word);
            }
            "masdar" => {
                t.masdar_ar.insert(word);
            }
            "placehead" => {
                t.place_heads_ar.insert(r[1], ());
                mark_first(&mut t.words, lex::PLACE_HEADS_AR, r[1]);
            }
            "featurehead" => {
                t.feature_heads_ar.insert(r[1], ());
                mark_first(&mut t.words, lex::FEATURE_HEADS_AR, r[1]);
            }
            "weakhead" => {
                t.weak_heads_ar.insert(word);
            }
            "rolenoun" => {
                t.role_nouns_ar.insert(word);
            }
            "presstail" => {
                t.press_tails_ar.insert(word);
            }
            "demonym" => {
                // Irregular forms override the derived ones.
                for f in demonym_forms(&word) {
                    t.demonyms_ar.insert(f, r.get(2).copied().unwrap_or(""));
                }
            }
            _ => {}
        }
    }
    for r in rows(WORDS_EN) {
        match r[0] {
            "title" => {
                t.titles_en.insert(r[1], ());
                mark_first(&mut t.words, lex::TITLES_EN, r[1]);
            }
            "speech" => {
                t.speech_en.insert(r[1]);
            }
            "stop" => {
                t.stop_en.insert(r[1]);
            }
            "orgtail" => {
                t.org_tail_en.insert(r[1]);
            }
            "placetail" => {
                t.place_tails_en.insert(r[1]);
            }
            "orghead" => {
                t.org_head_en.insert(r[1]);
            }
            "demonym" => {
                t.demonyms_en.insert(r[1], r.get(2).copied().unwrap_or(""));
                mark_first(&mut t.words, lex::DEMONYMS_EN, r[1]);
            }
            _ => {}
        }
    }
    for r in rows(NAMES) {
        match r[..] {
            ["given", n] => {
                // "عبد الله" is also written "عبدالله"
                if let Some(rest) = n.strip_prefix("عبد ") {
                    t.given_ar.insert(format!("عبد{rest}"));
                }
                t.given_ar.insert(n.to_string());
            }
            ["surname", n] => {
                t.surname_ar.insert(n.to_string());
            }
            ["latin", n] => {
                t.given_en.insert(n);
            }
            ["weak", n] => {
                t.weak_given_ar.insert(n.to_string());
            }
            ["full", n] => insert_name_key(&mut t.people, &mut t.words, n),
            _ => {}
        }
    }
    for r in rows(PEOPLE) {
        match r[..] {
            ["given", n] => {
                t.given_ar.insert(name_key(&normalize(n)).into_owned());
            }
            ["person", n] => {
                t.people.insert(n, ());
                mark_first(&mut t.words, lex::PEOPLE, n);
            }
            _ => {}
        }
    }
    let sets: [(u16, &HashSet<String>); 11] = [
        (wf::STOP_AR, &t.stop_ar),
        (wf::SPEECH_AR, &t.speech_ar),
        (wf::PRESS_TAIL_AR, &t.press_tails_ar),
        (wf::TITLE_WORD_AR, &t.title_words_ar),
        (wf::HEAD_WORD_AR, &t.head_words_ar),
        (wf::ORG_STOP_AR, &t.org_stop_ar),
        (wf::CONNECTOR_AR, &t.connectors_ar),
        (wf::MASDAR_AR, &t.masdar_ar),
        (wf::GIVEN_AR, &t.given_ar),
        (wf::SURNAME_AR, &t.surname_ar),
        (wf::WEAK_GIVEN_AR, &t.weak_given_ar),
    ];
    for (bit, set) in sets {
        mark_set(&mut t.words, bit, set.iter().map(String::as_str));
    }
    mark_set(&mut t.words, wf::DEMONYM_AR, t.demonyms_ar.keys().map(String::as_str));
    mark_set(&mut t.words, wf::STOP_EN, t.stop_en.iter().copied());
    mark_set(&mut t.words, wf::ORG_TAIL_EN, t.org_tail_en.iter().copied());
    mark_set(&mut t.words, wf::ORG_HEAD_EN, t.org_head_en.iter().copied());
    mark_set(&mut t.words, wf::SPEECH_EN, t.speech_en.iter().copied());
    let letter = crate::text::is_alphabetic;
    t.nonword_keys = t.words.keys().any(|k| !k.starts_with(letter));
    t
}

/// Inserts a name keyed with ة folded to ه (as the name lists are) in both spellings of a final ه,
/// "سلامه" and "سلامة" (never in "الله").
fn insert_name_key(table: &mut Lexicon<()>, words: &mut HashMap<Box<str>, WordInfo>, key: &str) {
    table.insert(key, ());
    mark_first(words, lex::PEOPLE, key);
    if key.split(' ').any(|w| w.ends_with('ه') && !w.ends_with("الله")) {
        let folded: Vec<String> = key
            .split(' ')
            .map(|w| match w.strip_suffix('ه') {
                Some(stem) if !w.ends_with("الله") => format!("{stem}ة"),
                _ => w.to_string(),
            })
            .collect();
        let folded = folded.join(" ");
        table.insert(&folded, ());
        mark_first(words, lex::PEOPLE, &folded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_link_variants() {
        let t = &*TABLES;
        assert!(t.places.len() > 600);
        let a = crate::text::Analysis::new("سوريا وسورية والمملكة العربية السعودية");
        let hits = t.known.find_all(&a, 0..a.tokens().len());
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].value, hits[1].value);
        assert_eq!(t.demonyms_ar.get("الاسبانية"), Some(&"ES"));
        assert_eq!(t.demonyms_ar.get("الامريكي"), Some(&"US"));
        assert!(t.given_ar.contains("محمد") && t.given_en.contains("Mohamed"));
    }

    /// Every phrase of every data file, as a lexicon would read it (also the upper-case forms).
    fn all_phrases() -> Vec<String> {
        let mut out = Vec::new();
        for data in [PLACES, PLACES_EXTRA, PLACES_GEONAMES, ORGS, NAMES, WORDS_AR, WORDS_EN, PEOPLE] {
            for r in rows(data) {
                for field in r.iter().skip(1) {
                    out.push(field.to_string());
                    out.push(field.to_uppercase());
                }
            }
        }
        out
    }

    #[test]
    fn first_words_are_the_lexicon_keys() {
        for p in all_phrases() {
            let a = crate::text::Analysis::new(&p);
            let slow = a.tokens().first().map(|t| a.normalized()[t.norm()].to_string());
            assert_eq!(first_word(&p), slow, "{p}");
        }
    }

    #[test]
    fn word_info_lets_every_phrase_through() {
        let t = &*TABLES;
        for p in all_phrases() {
            let a = crate::text::Analysis::new(&p);
            let Some(tok) = a.tokens().first() else { continue };
            let word = &a.normalized()[tok.norm()];
            let bits = crate::text::clitic_splits(word)
                .fold(t.info(word).lex, |b, s| b | t.words.get(s.stem.as_ref()).map_or(0, |i| i.lex));
            let hits = [
                (lex::KNOWN, t.known.longest_at(&a, 0).is_some()),
                (lex::HEADS_AR, t.heads_ar.longest_at(&a, 0).is_some()),
                (lex::TITLES_AR, t.titles_ar.longest_at(&a, 0).is_some()),
                (lex::PLACE_HEADS_AR, t.place_heads_ar.longest_at(&a, 0).is_some()),
                (lex::FEATURE_HEADS_AR, t.feature_heads_ar.longest_at(&a, 0).is_some()),
                (lex::PEOPLE, t.people.longest_at(&a, 0).is_some()),
                (lex::TITLES_EN, t.titles_en.longest_at(&a, 0).is_some()),
                (lex::DEMONYMS_EN, t.demonyms_en.longest_at(&a, 0).is_some()),
            ];
            for (bit, hit) in hits {
                assert!(!hit || bits & bit != 0, "{p}: table {bit} matches but is filtered out");
            }
        }
        assert!(!t.nonword_keys, "a word set or phrase opens with a non-letter");
        // the word sets, with ة folded for names
        assert!(t.info("الامم").lex & lex::KNOWN != 0);
        assert!(t.info("قال").flags & wf::SPEECH_AR != 0);
        let given = t.given_ar.iter().find(|g| g.ends_with('ه')).unwrap();
        let written = format!("{}ة", given.strip_suffix('ه').unwrap());
        assert!(t.info(&written).flags & wf::GIVEN_AR != 0, "{written}");
    }

    #[test]
    fn name_keys_on_the_stack() {
        for w in ["فاطمة", "سلامة", "محمد", "ة", "الحكومةالجديدة", &"ة".repeat(40), "٩ک©", ""]
        {
            assert_eq!(has_ta_marbuta(w), w.contains('ة'));
            assert_eq!(with_name_key(w, str::to_string), name_key(w));
        }
    }

    #[test]
    fn nisba_rule() {
        assert_eq!(nisba("اسبانيا").as_deref(), Some("اسباني"));
        assert_eq!(nisba("المغرب").as_deref(), Some("مغربي"));
        assert_eq!(nisba("مالي"), None);
    }
}
