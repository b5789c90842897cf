//! Named entities: people, organisations and places, each once per article with all its mentions
//! (issue #4). Dates and amounts are found elsewhere.
//!
//! How it works, in passes over the body tokens:
//! 1. **Lexicons** ([`lexicons`]): countries, cities and regions (CLDR plus a hand-written
//!    supplement) and organisations (the UN system, regional bodies, armed groups, agencies), matched
//!    longest-first and clitic-aware.
//! 2. **Organisation patterns** ([`arabic`], [`english`]): a head noun ("وزارة", "لجنة", "بعثة",
//!    "Ministry of", "… Committee") and a name whose extent is decided by rules: a construct chain of
//!    definite words, "التابعة لـ…", purpose phrases ("لتحقيق الاستقرار في مالي"), a closing
//!    nationality adjective (whose country code the organisation takes).
//! 3. **People**: names after titles and roles, after speech verbs, names that open with a known
//!    given name, capitalised sequences in English; reporters from the dateline.
//! 4. **Coreference** ([`build`]): one entity per referent: lexicon identities, a surname or partial
//!    name linked to the full name, an organisation's shorter form to its longer one, a long form and
//!    the acronym the text pairs it with in parentheses.
//!
//! Every mention span is a byte range of the original text with clitics outside it.

mod arabic;
mod build;
mod english;
mod lexicons;

use crate::model::{Dateline, Entity, EntityKind};
use crate::text::{Doc, LexMatch, Token, TokenKind, is_arabic_script};
use lexicons::{Known, TABLES, Tables};
use std::ops::Range;

/// Loads the entity lexicons.
pub(crate) fn warm() {
    let _ = &*TABLES;
}

/// Finds the people, organisations and places of an article, each once with all its mentions,
/// ordered by first mention.
pub(crate) fn extract(doc: &Doc<'_>, dateline: Option<&Dateline>) -> Vec<Entity> {
    let mut cx = Ctx::new(doc, dateline);
    if let Some(d) = dateline {
        cx.add_dateline(d);
    }
    cx.known_and_orgs();
    cx.people();
    cx.surnames();
    build::entities(&cx)
}

/// What identifies a referent before coreference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Place(u32),
    Org(u32),
    /// Normalised words of a name without a lexicon identity.
    Name(Vec<String>),
}

/// One mention found by a rule, before the mentions are grouped into entities.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub kind: EntityKind,
    pub range: Range<usize>,
    pub text: String,
    pub key: Key,
    pub code: Option<&'static str>,
    /// Normalised words of the mention (clitics left out, ة folded).
    pub words: Vec<String>,
}

/// The per-article state of the passes.
pub(super) struct Ctx<'d, 't> {
    pub doc: &'d Doc<'t>,
    pub t: &'static Tables,
    pub norm: &'d str,
    pub toks: &'d [Token],
    pub lo: usize,
    pub hi: usize,
    /// Tokens of the dateline, which the dateline module has read.
    excluded: Range<usize>,
    /// For each token (relative to `lo`), the candidate covering it.
    owner: Vec<Option<usize>>,
    pub cands: Vec<Cand>,
    /// Candidates the text pairs as one referent ("long form (ACRONYM)").
    pub pairs: Vec<(usize, usize)>,
}

impl<'d, 't> Ctx<'d, 't> {
    fn new(doc: &'d Doc<'t>, dateline: Option<&Dateline>) -> Self {
        let lo = doc.body_tokens.start;
        let hi = doc.body_tokens.end;
        let excluded = dateline.map_or(0..0, |d| doc.tokens_in(d.span.range()));
        Ctx {
            doc,
            t: &TABLES,
            norm: doc.normalized(),
            toks: doc.tokens(),
            lo,
            hi,
            excluded,
            owner: vec![None; hi - lo],
            cands: Vec::new(),
            pairs: Vec::new(),
        }
    }

    /// The normalised text of token `i`.
    pub fn w(&self, i: usize) -> &'d str {
        &self.norm[self.toks[i].norm.clone()]
    }

    /// The original text of token `i`.
    pub fn orig(&self, i: usize) -> &'t str {
        &self.doc.text()[self.toks[i].orig.clone()]
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
    }

    pub fn is_ar(&self, i: usize) -> bool {
        self.is_word(i) && self.w(i).starts_with(is_arabic_script)
    }

    /// True when token `i` is free: in the body, outside the dateline, not yet part of a mention.
    pub fn free(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && !self.excluded.contains(&i) && self.owner[i - self.lo].is_none()
    }

    /// The candidate covering token `i`, if any.
    pub fn owner(&self, i: usize) -> Option<usize> {
        if i >= self.lo && i < self.hi { self.owner[i - self.lo] } else { None }
    }

    /// True when tokens `i` and `j` are in the same paragraph (no line break between them).
    pub fn same_para(&self, i: usize, j: usize) -> bool {
        let a = self.toks[i].orig.end;
        let b = self.toks[j].orig.start;
        !self.doc.text()[a.min(b)..b.max(a)].contains('\n')
    }

    /// Original byte range of tokens `toks` with `prefix` normalised clitic bytes of the first left out.
    pub fn range(&self, toks: Range<usize>, prefix: usize) -> Range<usize> {
        let first = &self.toks[toks.start];
        let last = &self.toks[toks.end - 1];
        let start = self.doc.normalization().to_original(first.norm.start + prefix..first.norm.end).start;
        start..last.orig.end
    }

    /// Normalised words of tokens `toks`, the first without its clitics, ة folded.
    pub fn key_words(&self, toks: Range<usize>, prefix: usize, restored: bool) -> Vec<String> {
        toks.clone()
            .filter(|&i| !self.is_punct(i))
            .map(|i| {
                let w = if i == toks.start { &self.w(i)[prefix..] } else { self.w(i) };
                let w = if i == toks.start && restored { format!("ا{w}") } else { w.to_string() };
                lexicons::name_key(&w)
            })
            .collect()
    }

    /// Records a mention over tokens `toks` and marks them taken; returns its index.
    pub fn add(
        &mut self,
        kind: EntityKind,
        toks: Range<usize>,
        prefix: usize,
        restored: bool,
        key: Option<Key>,
        code: Option<&'static str>,
    ) -> usize {
        let range = self.range(toks.clone(), prefix);
        let s = &self.doc.text()[range.clone()];
        let text = if restored { format!("ا{s}") } else { s.to_string() };
        let words = self.key_words(toks.clone(), prefix, restored);
        let key = key.unwrap_or_else(|| Key::Name(words.clone()));
        let idx = self.cands.len();
        self.cands.push(Cand { kind, range, text, key, code, words });
        for i in toks {
            if i >= self.lo && i < self.hi {
                self.owner[i - self.lo] = Some(idx);
            }
        }
        idx
    }

    /// The candidate for a lexicon hit.
    pub fn add_known(&mut self, m: &LexMatch<'_, Known>) -> usize {
        let (kind, key, code) = self.known_info(*m.value);
        self.add(kind, m.tokens.clone(), m.prefix, m.restored_article, Some(key), code)
    }

    pub fn known_info(&self, k: Known) -> (EntityKind, Key, Option<&'static str>) {
        match k {
            Known::Place(p) => (EntityKind::Location, Key::Place(p), self.t.places[p as usize].code),
            Known::Org(o) => (EntityKind::Organization, Key::Org(o), None),
        }
    }

    /// Dateline places, reporters and agencies: mentions as the dateline module found them.
    fn add_dateline(&mut self, d: &Dateline) {
        let fields = [
            (&d.locations, EntityKind::Location),
            (&d.authors, EntityKind::Person),
            (&d.agencies, EntityKind::Organization),
        ];
        for (mentions, kind) in fields {
            for m in mentions {
                let a = crate::text::Analysis::new(&m.text);
                let n = a.tokens().len();
                let hit = self.t.known.longest_at(&a, 0).filter(|h| h.tokens.end == n && h.prefix == 0);
                let words: Vec<String> = a
                    .tokens()
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .map(|t| lexicons::name_key(&a.normalized()[t.norm.clone()]))
                    .collect();
                let (kind, key, code) = match hit {
                    Some(h) => self.known_info(*h.value),
                    None => (kind, Key::Name(words.clone()), None),
                };
                let range = m.span.range();
                self.cands.push(Cand { kind, range, text: m.text.clone(), key, code, words });
            }
        }
    }

    /// Pass 1: lexicon hits and organisation patterns, leftmost-longest.
    fn known_and_orgs(&mut self) {
        let mut i = self.lo;
        while i < self.hi {
            if !self.free(i) || self.is_punct(i) {
                i += 1;
                continue;
            }
            let known = self.t.known.longest_at(self.doc, i).filter(|m| m.tokens.end <= self.hi && self.known_ok(m));
            let pattern = if self.is_ar(i) { arabic::org_at(self, i) } else { english::org_at(self, i) }
                .filter(|p| p.end <= self.hi);
            let known_len = known.as_ref().map_or(0, |m| m.tokens.len());
            // a known organisation of two words or more is not extended by a pattern
            let known_org = known.as_ref().is_some_and(|m| matches!(m.value, Known::Org(_)) && known_len >= 2);
            let use_pattern = !known_org && pattern.as_ref().is_some_and(|p| p.end - i > known_len);
            let next = match (known, pattern) {
                (_, Some(p)) if use_pattern => {
                    let end = p.end;
                    let c = self.add(p.kind, i..end, p.prefix, p.restored, p.key, p.code);
                    self.pair_parenthesis(c, end)
                }
                (Some(m), _) => {
                    let end = m.tokens.end;
                    let c = self.add_known(&m);
                    self.pair_parenthesis(c, end)
                }
                _ => i + 1,
            };
            i = next.max(i + 1);
        }
    }

    /// Context checks for lexicon names that are also common words.
    fn known_ok(&self, m: &LexMatch<'_, Known>) -> bool {
        let i = m.tokens.start;
        let stem = &self.w(i)[m.prefix..];
        // "اتفاقيات مينسك", "Minsk agreements": a place naming an agreement is no place mention
        if matches!(m.value, Known::Place(_))
            && i > self.lo
            && matches!(self.w(i - 1), "اتفاق" | "اتفاقية" | "اتفاقيات" | "معاهدة" | "مسار" | "منصة" | "عملية")
        {
            return false;
        }
        match stem {
            // مالي is Mali and "financial": take it after a preposition, a clitic or a place word.
            "مالي" if m.prefix == 0 => i > self.lo && MALI_BEFORE.contains(&self.w(i - 1)),
            _ => true,
        }
    }

    /// After a mention ending at token `end`: "(ACRONYM)" or a quoted acronym names the same
    /// referent when it is a new name or its letters fit the long form. Returns the token to go on from.
    fn pair_parenthesis(&mut self, c: usize, end: usize) -> usize {
        if end + 2 >= self.hi || !matches!(self.w(end), "(" | "\"") || !self.same_para(end - 1, end + 1) {
            return end;
        }
        let closer = if self.w(end) == "(" { ")" } else { "\"" };
        let Some(close) = (end + 1..(end + 7).min(self.hi)).find(|&j| self.w(j) == closer) else { return end };
        if close == end + 1 || !self.free(end + 1) || self.is_punct(end + 1) {
            return end;
        }
        let inner = end + 1..close;
        let kind = self.cands[c].kind;
        let known = self.t.known.longest_at(self.doc, inner.start).filter(|m| m.tokens.end <= close && m.prefix == 0);
        if let Some(m) = known {
            let e = m.tokens.end;
            let (k, key, _) = self.known_info(*m.value);
            let fits = k == kind && (key == self.cands[c].key || self.acronym_fits(c, m.tokens.clone()));
            let o = self.add_known(&m);
            if fits {
                self.pairs.push((c, o));
            }
            // "(ISIL/Da'esh)": the first name is paired, the rest is read as usual
            return if e == close { close + 1 } else { e };
        }
        if kind != EntityKind::Organization
            || close - inner.start > 2
            || !inner.clone().all(|j| self.free(j) && self.is_word(j))
            || inner.clone().any(|j| self.t.stop_ar.contains(self.w(j)) || self.t.stop_en.contains(self.w(j)))
        {
            return end;
        }
        let o = self.add(kind, inner, 0, false, None, None);
        self.pairs.push((c, o));
        close + 1
    }

    /// True when the letters of the acronym at tokens `acr` follow, in order, the initials of the
    /// words of candidate `c` ("ISIL" for "Islamic State in Iraq and the Levant", "داعش" for
    /// "الدولة الإسلامية في العراق والشام").
    fn acronym_fits(&self, c: usize, acr: Range<usize>) -> bool {
        let letters: Vec<char> = acr.flat_map(|j| self.w(j).chars()).filter(|ch| ch.is_alphabetic()).collect();
        if letters.len() < 2 {
            return false;
        }
        let text = crate::text::normalize(&self.cands[c].text);
        let initials: Vec<char> = text
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter_map(|w| {
                let w = w.strip_prefix('و').filter(|r| r.starts_with("ال")).unwrap_or(w);
                let w = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w);
                w.chars().next()
            })
            .collect();
        let mut it = initials.iter();
        letters.iter().all(|l| it.any(|i| i.to_lowercase().eq(l.to_lowercase())))
    }

    /// Pass 2: people.
    fn people(&mut self) {
        let mut i = self.lo;
        while i < self.hi {
            if !self.free(i) || self.is_punct(i) {
                i += 1;
                continue;
            }
            let found = if self.is_ar(i) { arabic::person_at(self, i) } else { english::person_at(self, i) };
            i = match found {
                Some(r) => {
                    let end = r.end;
                    self.add(EntityKind::Person, r, 0, false, None, None);
                    end
                }
                None => i + 1,
            };
        }
    }

    /// Pass 3: later mentions of a person by surname alone.
    fn surnames(&mut self) {
        let mut surnames: std::collections::HashMap<String, Key> = std::collections::HashMap::new();
        for c in &self.cands {
            if let (EntityKind::Person, Key::Name(words)) = (c.kind, &c.key)
                && words.len() >= 2
            {
                let last = words.last().unwrap().clone();
                if !self.t.stop_ar.contains(&last) && !self.t.stop_en.contains(last.as_str()) {
                    surnames.entry(last).or_insert_with(|| c.key.clone());
                }
            }
        }
        if surnames.is_empty() {
            return;
        }
        for i in self.lo..self.hi {
            if !self.free(i) || !self.is_word(i) {
                continue;
            }
            let word = self.w(i);
            let hit = crate::text::clitic_splits(word)
                .find_map(|s| surnames.get(&lexicons::name_key(&s.stem)).map(|k| (s.prefix, s.restored_article, k)));
            if let Some((prefix, restored, key)) = hit {
                let key = key.clone();
                self.add(EntityKind::Person, i..i + 1, prefix, restored, Some(key), None);
            }
        }
    }
}

/// Words after which مالي is the country, not the adjective "financial".
const MALI_BEFORE: &[&str] = &[
    "في",
    "فى",
    "الى",
    "من",
    "شمال",
    "جنوب",
    "وسط",
    "شرق",
    "غرب",
    "دولة",
    "جمهورية",
    "حكومة",
    "عاصمة",
    "خارجية",
    "داخلية",
    "دفاع",
    "وزير",
    "رئيس",
    "سفير",
    "مندوب",
    "شعب",
    "جيش",
    "،",
    ",",
];

/// A mention an organisation rule proposes at a token.
#[derive(Debug)]
pub(super) struct Proposal {
    pub kind: EntityKind,
    pub end: usize,
    pub prefix: usize,
    pub restored: bool,
    pub key: Option<Key>,
    pub code: Option<&'static str>,
}

/// True when tokens `r` of the document name a known place (country, city, region), read
/// without clitics: the dateline reader asks this of its pieces.
pub(crate) fn is_place(doc: &Doc<'_>, r: std::ops::Range<usize>) -> bool {
    lexicons::TABLES
        .known
        .longest_at(doc, r.start)
        .is_some_and(|m| m.prefix == 0 && m.tokens.end == r.end && matches!(m.value, lexicons::Known::Place(_)))
}
