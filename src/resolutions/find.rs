//! Finding resolution mentions: UN symbols ("S/RES/2334 (2016)") and phrases around a trigger word
//! ("قرار مجلس الأمن رقم 2178", "resolutions 1267 (1999) and 1989 (2011)"), with what each
//! phrase says about its body and year. Which body a mention belongs to is decided later, with the
//! whole article in view (see the parent module).

use super::lexicon::{ORGAN, ORGANS, Organ, Roles, WORD, WORD_MULTI, WORD_SECOND, WORD_STOP, WORDS, in_context};
use super::years::{GA_SESSION_MAX, roman, sc_plausible, sc_year};
use crate::model::Body;
use crate::text::{Doc, TokenKind};
use crate::values::heads::TokenBits;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The session part of a reference, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Session {
    /// No session: "2254".
    None,
    /// An old General Assembly (or ECOSOC) session in Roman numerals: `III`, `ES-V`, `S-VI`.
    Old(String),
    /// The first element of a two-part number: "67" in 67/19, "ES-10", "S-30", or an ECOSOC
    /// year ("1996" in 1996/31).
    Pair(String),
}

/// A year written in the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StatedYear {
    pub(super) year: i32,
    /// Stated in parentheses or with a cue that dates the resolution itself ("لعام", "الصادر في",
    /// "of"); a weak year ("عام", "في", "in") is dropped when it contradicts the tables.
    pub(super) strong: bool,
}

/// One mention of a resolution by number.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// Original byte range of the mention.
    pub(super) range: Range<usize>,
    /// The mention starts after "لل" read as "ل" + "ال" (its text restores the article).
    pub(super) restored_article: bool,
    /// First token of the mention (for sentence and distance).
    pub(super) tok: usize,
    pub(super) number: u32,
    pub(super) session: Session,
    /// The body named in the reference itself.
    pub(super) body: Option<Body>,
    /// The reference names a council without saying which ("المجلس", "the Council").
    pub(super) council: bool,
    /// A possessive trigger ("قراره", "its resolution"): the body is the sentence's subject.
    pub(super) own: bool,
    /// The reference speaks of the UN ("الأممي", "UN resolution").
    pub(super) un: bool,
    /// Words the finder does not know stand between the trigger and "رقم" ("قرار عودة اللاجئين رقم").
    pub(super) loose: bool,
    pub(super) year: Option<StatedYear>,
}

/// Everything the finder reports.
#[derive(Debug, Default)]
pub(super) struct Findings {
    pub(super) found: Vec<Found>,
    /// "القرار نفسه", "the resolution": back-references, original ranges.
    pub(super) same: Vec<Range<usize>>,
    /// Original offsets of mentions of a resolution without a number ("قرارا", "a resolution").
    pub(super) unnumbered: Vec<usize>,
}

/// UN document symbols of resolutions, over the normalised text.
static SYMBOLS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\b(?:",
        // S/RES/2334 (2016)
        r"S\s*/\s*(?i:RES)\s*/\s*(?P<sc>\d{1,4})(?:\s*\(\s*(?P<scy>\d{4})\s*\))?",
        // A/HRC/RES/46/1, A/HRC/RES/S-30/1
        r"|A\s*/\s*HRC\s*/\s*(?i:RES)\s*/\s*(?P<hs>(?:S-)?\d{1,2})\s*/\s*(?P<hn>\d{1,3})",
        // A/RES/67/19, A/RES/ES-10/19, A/RES/S-13/2
        r"|A\s*/\s*(?i:RES)\s*/\s*(?P<gs>(?:ES-|S-)?\d{1,2})\s*/\s*(?P<gn>\d{1,3})",
        // A/RES/194 (III), A/RES/217 A (III), A/RES/3201 (S-VI), A/RES/242
        r"|A\s*/\s*(?i:RES)\s*/\s*(?P<go>\d{1,4})(?:\s*[A-D]\b)?(?:\s*\(\s*(?P<gos>(?:ES-|S-)?[IVXL]+)\s*\))?",
        // E/RES/1996/31, E/RES/1296 (XLIV)
        r"|E\s*/\s*(?i:RES)\s*/\s*(?P<ey>\d{4})\s*/\s*(?P<en>\d{1,3})",
        r"|E\s*/\s*(?i:RES)\s*/\s*(?P<eo>\d{1,4})(?:\s*\(\s*(?P<eos>[IVXL]+)\s*\))?",
        r")",
    ))
    .expect("symbol pattern")
});

/// Forces the pattern.
pub(super) fn warm() {
    LazyLock::force(&SYMBOLS);
}

/// Years a stated year may take.
const YEARS: std::ops::RangeInclusive<i32> = 1946..=2035;

struct Scanner<'a, 't> {
    doc: &'a Doc<'t>,
    norm: &'a str,
    end: usize,
    /// First token the current phrase may look back to.
    begin: usize,
    /// Tokens inside a symbol match: the phrase scanner leaves them alone.
    taken: Vec<bool>,
    /// Which of the two tables may match at each token.
    bits: &'a TokenBits,
    out: Findings,
}

/// Finds every mention in the article body; `bits` tells which tables may match at its tokens.
pub(super) fn find(doc: &Doc<'_>, bits: &TokenBits) -> Findings {
    let norm = doc.normalized();
    let range = doc.body_tokens.clone();
    let mut s = Scanner {
        doc,
        norm,
        end: range.end,
        begin: range.start,
        taken: vec![false; doc.tokens().len()],
        bits,
        out: Findings::default(),
    };
    s.symbols();
    let mut i = range.start;
    while i < s.end {
        i = s.at(i);
    }
    s.out.found.sort_by_key(|f| f.range.start);
    s.out
}

impl<'a, 't> Scanner<'a, 't> {
    fn text(&self, i: usize) -> &'a str {
        self.doc.tokens().get(i).filter(|_| i < self.end).map_or("", |t| t.text(self.norm))
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.text(i) == s
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        (i < self.end).then(|| self.doc.tokens()[i].kind)
    }

    /// A plain number token: digits only, at most five.
    fn number(&self, i: usize) -> Option<u32> {
        let t = self.text(i);
        if self.kind(i) != Some(TokenKind::Number) || t.len() > 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok().filter(|&n| n > 0)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let t = self.text(i);
        (t.len() == 4).then(|| self.number(i)).flatten().map(|n| n as i32).filter(|y| YEARS.contains(y))
    }

    fn words(&self, i: usize) -> Option<(Roles, Range<usize>)> {
        if i >= self.end || !self.bits.may(i, WORD) {
            return None;
        }
        WORDS.longest_at(self.doc, i).filter(|m| m.tokens.end <= self.end).map(|m| (*m.value, m.tokens))
    }

    fn roles(&self, i: usize) -> Roles {
        self.words(i).map(|(r, _)| r).unwrap_or_default()
    }

    /// The organ named at token `i`, with the tokens it covers; names that are not the UN's in
    /// context ("الجمعية العمومية لنقابة …", "Virginia General Assembly") are read as not UN.
    fn organ(&self, i: usize) -> Option<(Organ, Range<usize>)> {
        if i >= self.end || !self.bits.may(i, ORGAN) {
            return None;
        }
        let m = ORGANS.longest_at(self.doc, i).filter(|m| m.tokens.end <= self.end)?;
        Some((in_context(self.doc, &m), m.tokens))
    }

    fn orig(&self, tokens: Range<usize>) -> Range<usize> {
        let t = self.doc.tokens();
        t[tokens.start].orig().start..t[tokens.end - 1].orig().end
    }

    /// UN symbols: every match becomes a mention with its body stated.
    fn symbols(&mut self) {
        let doc = self.doc;
        let norm_map = doc.normalization();
        let lo = norm_map.to_normalized(doc.body.start);
        let hi = norm_map.to_normalized(doc.body.end);
        for c in SYMBOLS.captures_iter(&self.norm[lo..hi]) {
            let whole = c.get(0).expect("match");
            let nr = lo + whole.start()..lo + whole.end();
            // Part of a longer symbol ("S/RES/2334/Add.1") or number: not this one.
            if self.norm[nr.end..].starts_with(|c: char| crate::text::is_alphanumeric(c) || c == '/') {
                continue;
            }
            let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
            let text = |name: &str| c.name(name).map(|m| m.as_str().to_string());
            let (body, number, session, year) = if let Some(n) = num("sc") {
                (Body::SecurityCouncil, n, Session::None, num("scy"))
            } else if let Some(n) = num("hn") {
                (Body::HumanRightsCouncil, n, Session::Pair(text("hs").unwrap_or_default()), None)
            } else if let Some(n) = num("gn") {
                (Body::GeneralAssembly, n, Session::Pair(text("gs").unwrap_or_default()), None)
            } else if let Some(n) = num("go") {
                (Body::GeneralAssembly, n, text("gos").map_or(Session::None, Session::Old), None)
            } else if let Some(n) = num("en") {
                (Body::EconomicAndSocialCouncil, n, Session::Pair(text("ey").unwrap_or_default()), None)
            } else if let Some(n) = num("eo") {
                (Body::EconomicAndSocialCouncil, n, text("eos").map_or(Session::None, Session::Old), None)
            } else {
                continue;
            };
            if number == 0 {
                continue;
            }
            let range = norm_map.to_original(nr.clone());
            let toks = doc.tokens_in(range.clone());
            for t in toks.clone() {
                self.taken[t] = true;
            }
            let year =
                year.map(|y| y as i32).filter(|y| YEARS.contains(y)).map(|year| StatedYear { year, strong: true });
            self.out.found.push(Found {
                range,
                restored_article: false,
                tok: toks.start,
                number,
                session,
                body: Some(body),
                council: false,
                own: false,
                un: true,
                loose: false,
                year,
            });
        }
    }

    /// Looks at token `i`; returns the next token to look at.
    fn at(&mut self, i: usize) -> usize {
        // a word that starts no trigger, back-reference or longer phrase changes nothing here
        let stop = self.bits.may(i, WORD_STOP) || (self.bits.may(i, WORD_MULTI) && self.bits.may(i + 1, WORD_SECOND));
        if self.taken[i] || !stop {
            return i + 1;
        }
        let Some((roles, toks)) = self.words(i) else { return i + 1 };
        if roles.has(Roles::SAME) {
            if self.item_start(toks.end).is_some() {
                // "the resolution 2254": read again from the trigger.
                return i + 1;
            }
            let r = self.orig(toks.clone());
            self.out.same.push(r);
            return toks.end;
        }
        if roles.is_trigger() {
            if let Some(next) = self.phrase(i, roles, toks.clone()) {
                return next;
            }
        }
        if roles.has(Roles::NEW) {
            self.out.unnumbered.push(self.doc.tokens()[i].orig().start);
        }
        toks.end.max(i + 1)
    }

    /// True when an item (a number, possibly in parentheses or with a session prefix) starts at `j`.
    fn item_start(&self, j: usize) -> Option<()> {
        (self.number(j).is_some()
            || (self.is(j, "(") && self.number(j + 1).is_some())
            || (self.session_prefix(j).is_some()))
        .then_some(())
    }

    /// "ES-10/", "S-30/", "داط-10/", "دا-30/": a special-session prefix at `j`; returns the session
    /// as written in symbols and the token after the slash.
    fn session_prefix(&self, j: usize) -> Option<(String, usize)> {
        let kind = match self.text(j) {
            "ES" | "داط" => "ES",
            "S" | "دا" => "S",
            _ => return None,
        };
        if !self.is(j + 1, "-") || !self.is(j + 3, "/") || self.number(j + 4).is_none() {
            return None;
        }
        let k = self.number(j + 2)?;
        Some((format!("{kind}-{k}"), j + 4))
    }

    /// A trigger at tokens `trig`: reads the phrase, records its mentions, and returns the token
    /// after it; `None` when no resolution is referred to by number.
    fn phrase(&mut self, i: usize, roles: Roles, trig: Range<usize>) -> Option<usize> {
        // A reference never runs past its sentence.
        let (outer, outer_begin) = (self.end, self.begin);
        let start = self.doc.tokens()[i].orig().start;
        if let Some(s) = self.doc.sentence_at(start) {
            let s = &self.doc.sentences[s];
            self.end = self.end.min(self.doc.token_at_or_after(s.end));
            self.begin = self.begin.max(self.doc.token_at_or_after(s.start));
        }
        let r = self.phrase_in_sentence(i, roles, trig);
        (self.end, self.begin) = (outer, outer_begin);
        r
    }

    fn phrase_in_sentence(&mut self, i: usize, roles: Roles, trig: Range<usize>) -> Option<usize> {
        let mut body: Option<Body> = None;
        let mut council = false;
        let mut un = false;
        let mut loose = false;
        let mut start_tok = i;
        // The mention starts at the trigger, its clitics left out.
        let m = WORDS.longest_at(self.doc, i)?;
        let (mut start, mut restored) = (self.doc.match_range(&m).start, m.restored_article);
        // "House Resolution 24", "Senate resolution": not the UN's.
        if i > self.begin && self.roles(i - 1).has(Roles::NATIONAL) && self.text(i).is_ascii() {
            return None;
        }
        // A body named right before the trigger: "Security Council resolution", "UNSC Resolution".
        if let Some((organ, toks)) = self.organ_before(i) {
            match organ {
                Organ::Body(b) => body = Some(b),
                Organ::Council => council = true,
                Organ::Un => un = true,
                Organ::NotUn => return None,
            }
            start_tok = toks.start;
            start = self.doc.tokens()[toks.start].orig().start;
            restored = false;
        }
        if self.text(i).to_ascii_lowercase().starts_with("unscr") {
            body = Some(Body::SecurityCouncil);
        }
        let plural = roles.has(Roles::TWO) || roles.has(Roles::MANY);
        let own = roles.has(Roles::OWN);
        // The words between the trigger and the number.
        let mut j = trig.end;
        let mut steps = 0;
        while self.item_start(j).is_none() {
            steps += 1;
            if steps > 10 || j >= self.end {
                return None;
            }
            if let Some((organ, toks)) = self.organ(j) {
                match organ {
                    Organ::Body(b) => {
                        body.get_or_insert(b);
                    }
                    Organ::Council => council = true,
                    Organ::Un => un = true,
                    Organ::NotUn => return None,
                }
                j = toks.end;
                continue;
            }
            let w = self.words(j);
            if let Some((r, toks)) = &w {
                if r.has(Roles::NATIONAL) {
                    return None;
                }
                if r.has(Roles::FILL) {
                    un |= r.has(Roles::UN);
                    j = toks.end;
                    continue;
                }
            }
            // Unknown Arabic words may stand before "رقم": "قرار عودة اللاجئين رقم 194".
            if !loose && self.kind(j) == Some(TokenKind::Word) && !self.text(j).is_ascii() {
                // ... or right before the number: "قرار التقسيم 181".
                let cue = (j + 1..(j + 4).min(self.end)).find(|&k| {
                    self.words(k).is_some_and(|(r, t)| r.has(Roles::CUE) && self.item_start(t.end).is_some())
                        || (k <= j + 2 && self.item_start(k).is_some())
                });
                if let Some(k) = cue {
                    // Words that are a new trigger, a national marker or after a comma end the
                    // phrase ("قرارات الشرعية الدولية، وخاصة القرارين 242 و338").
                    let bad = |t: usize| {
                        let r = self.roles(t);
                        r.has(Roles::NATIONAL) || r.is_trigger() || self.kind(t) != Some(TokenKind::Word)
                    };
                    if (j..k).any(bad) || (trig.end..j).any(|t| matches!(self.text(t), "،" | ",")) {
                        return None;
                    }
                    loose = true;
                    j = k;
                    continue;
                }
            }
            return None;
        }
        // The items.
        let mut items: Vec<(Item, Range<usize>)> = Vec::new();
        let first = self.item(j)?;
        // Emergency and special session numbers are the UN's own.
        un |= matches!(&first.session, Session::Pair(s) if s.contains('-'));
        let mut k = first.end;
        items.push((first, j..k));
        loop {
            let mut s = k;
            let mut seps = 0;
            let slash = self.is(k, "/");
            while seps < 2 && (self.roles(s).has(Roles::SEP) || self.is(s, "/")) && self.item_start(s).is_none() {
                s += 1;
                seps += 1;
            }
            if seps == 0 {
                break;
            }
            let Some(next) = self.item_in(s, slash) else { break };
            let prev_paren = items.last().is_some_and(|(it, _)| it.paren_year);
            let allowed = plural || slash || (prev_paren && next.paren_year) || self.clean_end(next.end);
            if !allowed {
                break;
            }
            k = next.end;
            items.push((next, s..k));
        }
        // Year and body after the last item: "لعام 2015", "الصادر عن مجلس الأمن".
        let tail = self.tail(k)?;
        let n = items.len();
        for (idx, (item, toks)) in items.into_iter().enumerate() {
            let range =
                if idx == 0 { start..self.doc.tokens()[toks.end - 1].orig().end } else { self.orig(toks.clone()) };
            let year = item.year.or(if idx + 1 == n { tail.year } else { None });
            self.out.found.push(Found {
                range,
                restored_article: idx == 0 && restored,
                tok: if idx == 0 { start_tok } else { toks.start },
                number: item.number,
                session: item.session,
                body: body.or(tail.body),
                council: council || tail.council,
                own,
                un: un || tail.un,
                loose,
                year,
            });
        }
        Some(tail.end)
    }

    /// True when nothing after an item at `k` makes it a quantity: the sentence goes on with
    /// punctuation, a list word, a year or body phrase, or ends.
    fn clean_end(&self, k: usize) -> bool {
        k >= self.end
            || self.kind(k) == Some(TokenKind::Punct)
            || self.organ(k).is_some()
            || self.words(k).is_some_and(|(r, _)| {
                r.has(Roles::SEP)
                    || r.has(Roles::YEAR)
                    || r.has(Roles::YEAR_WEAK)
                    || r.has(Roles::DATE)
                    || r.has(Roles::TAIL)
            })
    }

    /// An organ named right before token `i` ("Security Council resolution", "the Council's
    /// resolution").
    /// Only English puts the body first; an Arabic organ before the trigger is a clause's subject
    /// ("تبنى مجلس الأمن القرار 2231"), which the sentence step reads.
    fn organ_before(&self, i: usize) -> Option<(Organ, Range<usize>)> {
        if !self.text(i).is_ascii() {
            return None;
        }
        let lo = self.begin;
        let mut end = i;
        if end >= lo + 2 && self.is(end - 1, "s") && self.is(end - 2, "'") {
            end -= 2;
        }
        (end.saturating_sub(8).max(lo)..end).find_map(|s| self.organ(s).filter(|(_, t)| t.end == end))
    }

    /// One numbered item at `j`: "2254", "(1844)", "2254 (2015)", "67/19", "ES-10/19",
    /// "194 (III)", "217 A (III)", "1904 (د-18)".
    fn item(&self, j: usize) -> Option<Item> {
        self.item_in(j, false)
    }

    /// [`Self::item`]; `slashed` when the item follows a slash in a list, where a number is never
    /// a session or a year ("1267/1989/2253").
    fn item_in(&self, j: usize, slashed: bool) -> Option<Item> {
        let (number, session, k) = if let Some((session, at)) = self.session_prefix(j) {
            (self.number(at)?, Session::Pair(session), at + 1)
        } else {
            let paren = self.is(j, "(");
            let at = if paren { j + 1 } else { j };
            let n = self.number(at)?;
            let mut k = at + 1;
            if paren {
                if !self.is(k, ")") {
                    return None;
                }
                k += 1;
            }
            // A two-part number: a session and a number (67/19, 46/1, ES-10/19), an ECOSOC year
            // and a number (1996/31), a number and its year (1701/2006), or numbers joined by
            // slashes (1267/1989/2253, read by the list loop).
            if !paren && self.is(k, "/") && !slashed {
                let m = self.number(k + 1)?;
                let is_year = |v: u32| YEARS.contains(&(v as i32));
                if n <= GA_SESSION_MAX || is_year(n) {
                    if self.is(k + 2, "/") || self.is(k + 2, "-") {
                        return None; // a date: 12/5/2020
                    }
                    (m, Session::Pair(n.to_string()), k + 2)
                } else if is_year(m) && (sc_year(n) == Some(m as i32) || m < n || !sc_plausible(m)) {
                    let item = self.finish(n, Session::None, k + 2)?;
                    let year = Some(StatedYear { year: m as i32, strong: true });
                    return Some(Item { year, paren_year: true, ..item });
                } else {
                    (n, Session::None, k)
                }
            } else {
                (n, Session::None, k)
            }
        };
        if slashed && !matches!(session, Session::None) {
            return None;
        }
        self.finish(number, session, k)
    }

    /// The rest of an item after its number (and session) ending before token `k`: an old
    /// session, a year in parentheses, and the checks that it is not a quantity.
    fn finish(&self, number: u32, session: Session, mut k: usize) -> Option<Item> {
        let mut session = session;
        let mut year = None;
        let mut paren_year = false;
        // A letter of a multi-part resolution before an old session: "217 A (III)".
        if session == Session::None
            && matches!(self.text(k), "A" | "B" | "C" | "D")
            && self.is(k + 1, "(")
            && self.old_session(k + 1).is_some()
        {
            k += 1;
        }
        if session == Session::None {
            if let Some((s, after)) = self.old_session(k) {
                session = Session::Old(s);
                k = after;
            }
        }
        // "(2015)", "(2022 )", "(2015م)" (م: ميلادية).
        if self.is(k, "(") && self.year(k + 1).is_some() {
            let close = if self.is(k + 2, "م") { k + 3 } else { k + 2 };
            if self.is(close, ")") {
                year = self.year(k + 1).map(|year| StatedYear { year, strong: true });
                paren_year = true;
                k = close + 1;
            }
        }
        // A quantity or a vote count, not a resolution: "12 شهرا", "13 to 2", "13-0".
        if self.roles(k).has(Roles::COUNT) {
            return None;
        }
        if matches!(self.text(k), "-" | "–" | "to" | "مقابل" | "against" | "%") && self.number(k + 1).is_some() {
            return None;
        }
        if self.kind(k) == Some(TokenKind::Number) {
            return None;
        }
        // Latin letters glued to the number: "1080p", "2254A" are not resolution numbers.
        let toks = self.doc.tokens();
        let glued = k < self.end && k > 0 && toks[k].orig().start == toks[k - 1].orig().end;
        if glued && self.kind(k) == Some(TokenKind::Word) && self.text(k).is_ascii() {
            return None;
        }
        Some(Item { number, session, year, paren_year, end: k })
    }

    /// "(III)", "(ES-V)", "(S-VI)", "(د-18)", "(د – ٢)" at `k`: the session in Roman numerals and
    /// the token after the closing parenthesis.
    fn old_session(&self, k: usize) -> Option<(String, usize)> {
        if !self.is(k, "(") {
            return None;
        }
        let t = self.text(k + 1);
        if let Some(n) = roman(t) {
            if self.is(k + 2, ")") && n <= 40 {
                return Some((t.to_string(), k + 3));
            }
        }
        if matches!(t, "ES" | "S") && self.is(k + 2, "-") && roman(self.text(k + 3)).is_some() && self.is(k + 4, ")") {
            return Some((format!("{t}-{}", self.text(k + 3)), k + 5));
        }
        if t == "د" && matches!(self.text(k + 2), "-" | "–" | "—") && self.is(k + 4, ")") {
            let n = self.number(k + 3).filter(|&n| n <= 40)?;
            return Some((super::years::to_roman(n), k + 5));
        }
        None
    }

    /// What follows the last item: a stated year and a body named after the number ("لعام
    /// 2015", "الصادر عن مجلس الأمن", "of the Security Council"); `None` when a body that is not
    /// the UN's follows.
    fn tail(&self, k: usize) -> Option<Tail> {
        let mut t = Tail { year: None, body: None, council: false, un: false, end: k };
        let mut j = k;
        let mut steps = 0;
        while j < self.end && steps < 8 {
            steps += 1;
            if t.year.is_none() {
                if let Some((y, after)) = self.year_phrase(j) {
                    t.year = Some(y);
                    j = after;
                    continue;
                }
            }
            if t.body.is_none() && !t.council {
                if let Some((organ, toks)) = self.organ(j) {
                    match organ {
                        Organ::Body(b) => t.body = Some(b),
                        Organ::Council => t.council = true,
                        Organ::Un => t.un = true,
                        Organ::NotUn => return None,
                    }
                    j = toks.end;
                    continue;
                }
            }
            match self.words(j) {
                Some((r, toks)) if r.has(Roles::TAIL) || r.has(Roles::DATE) => j = toks.end,
                _ => break,
            }
        }
        t.end = j;
        Some(t)
    }

    /// A year phrase at `j`: "لعام 2015", "لسنة (1948)", "عام 1992", "الصادر في 14 آب 2003",
    /// "of 22 November 1967", "في 14 آب 2003".
    fn year_phrase(&self, j: usize) -> Option<(StatedYear, usize)> {
        let (r, toks) = self.words(j).unwrap_or_default();
        if r.has(Roles::YEAR) || r.has(Roles::YEAR_WEAK) {
            let strong = r.has(Roles::YEAR);
            let at = if self.is(toks.end, "(") { toks.end + 1 } else { toks.end };
            if let Some(year) = self.year(at) {
                let after = if at > toks.end && self.is(at + 1, ")") { at + 2 } else { at + 1 };
                return Some((StatedYear { year, strong }, after));
            }
        }
        let (strong, from) = if r.has(Roles::DATE) {
            (true, toks.end)
        } else if self.is(j, "في") {
            (false, j + 1)
        } else {
            return None;
        };
        // The date: up to seven tokens of day, month, "في", ":", "بتاريخ" before the year.
        for at in from..(from + 8).min(self.end) {
            if let Some(year) = self.year(at) {
                return Some((StatedYear { year, strong }, at + 1));
            }
            let t = self.text(at);
            let ok = match self.kind(at) {
                Some(TokenKind::Number) => t.len() <= 2,
                Some(TokenKind::Word) => !self.roles(at).is_trigger() && self.organ(at).is_none(),
                Some(TokenKind::Punct) => matches!(t, ":" | "/" | "(" | ")" | "-"),
                None => false,
            };
            if !ok {
                break;
            }
        }
        None
    }
}

/// What [`Scanner::tail`] read after a phrase's numbers.
struct Tail {
    year: Option<StatedYear>,
    body: Option<Body>,
    council: bool,
    un: bool,
    /// Token after the tail.
    end: usize,
}

/// One number of a phrase.
#[derive(Debug, Clone)]
struct Item {
    number: u32,
    session: Session,
    year: Option<StatedYear>,
    /// The year was written in parentheses right after the number.
    paren_year: bool,
    /// Token after the item.
    end: usize,
}
