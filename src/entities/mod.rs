//! Named entities: people, organisations and places, each once per article with all its mentions
//! (issue #4). Dates and amounts are found elsewhere.
//!
//! How it works, in passes over the body tokens (the dateline's tokens are left to the dateline,
//! whose places, reporters and agencies become mentions as they are):
//! 0. **Geographic features** named with their noun ("نهر الليطاني", "معبر رفح", "مخيم زمزم"),
//!    before the lexicons would take the place inside them.
//! 1. **Lexicons** ([`lexicons`]): countries, cities and regions (CLDR plus a hand-written
//!    supplement) and organisations (the UN system, regional bodies, armed groups, agencies), matched
//!    longest-first and clitic-aware, with context checks for names that are also common words.
//! 2. **Organisation patterns** ([`arabic`], [`english`]): a head noun ("وزارة", "لجنة", "بعثة",
//!    "Ministry of", "… Committee") and a name whose extent is decided by rules: a construct chain of
//!    definite words, "التابعة لـ…", purpose phrases ("لتحقيق الاستقرار في مالي"), a closing
//!    nationality adjective (whose country code the organisation takes); papers by their last word
//!    ("… برس"). A long form followed by an acronym in parentheses is paired with it.
//! 3. **Places no lexicon holds**, after a place noun ("بلدة بيت حانون") or before one ("Kandahar
//!    province").
//! 4. **People**: full names of a gazetteer (well-known public figures; names opening with a given
//!    name that is also a common word), names after titles and roles (the nationality in the title gives the person's
//!    code), after speech verbs, names that open with a known given name, capitalised sequences
//!    in English; then dateline names and surnames repeated in the body.
//! 5. **Coreference** ([`build`]): one entity per referent: lexicon identities, a surname or partial
//!    name linked to the one full name containing it, an organisation's shorter form to its one
//!    longer form, a descriptive mission to the article's one mission, paired acronyms.
//!
//! Every mention span is a byte range of the original text with clitics outside it. The tables are
//! built once ([`warm`]); the work per article is linear in its tokens (every rule looks at a
//! bounded window). Each token is looked up once, with its clitic readings, in one word table
//! ([`Feat`]): the word sets it is in and the phrase tables that have a phrase starting with it, so
//! that rules read flags and skip the lexicon lookups that cannot match.

mod arabic;
mod build;
mod english;
mod lexicons;

use crate::model::{Dateline, Entity, EntityKind};
use crate::text::{Doc, LexMatch, Lexicon, Token, TokenKind, is_arabic_script};
use lexicons::{Known, TABLES, Tables, lex};
use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

/// Loads the entity lexicons.
pub(crate) fn warm() {
    let _ = &*TABLES;
}

/// Finds the people, organisations and places of an article, each once with all its mentions,
/// ordered by first mention.
#[inline(never)] // kept out of the pipeline so that profiles show its cost
pub(crate) fn extract(doc: &Doc<'_>, dateline: Option<&Dateline>) -> Vec<Entity> {
    let mut cx = Ctx::new(doc, dateline);
    if let Some(d) = dateline {
        cx.add_dateline(d);
    }
    cx.features();
    cx.known_and_orgs();
    cx.places();
    cx.people();
    cx.surnames();
    build::entities(&mut cx)
}

/// What identifies a referent before coreference.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Place(u32),
    Org(u32),
    /// Normalised words of a name without a lexicon identity (numbers of [`Ctx::word`]).
    Name(Rc<[u32]>),
}

/// One mention found by a rule, before the mentions are grouped into entities.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub kind: EntityKind,
    pub range: Range<usize>,
    pub text: String,
    pub key: Key,
    pub code: Option<&'static str>,
    /// Normalised words of the mention (clitics left out, ة folded), numbered per article
    /// ([`Ctx::word`]); shared with the key when the key is the words. Empty for a place whose
    /// key was given (places are linked by their key only).
    pub words: Rc<[u32]>,
}

/// Slots of the table of recently seen words whose features are reused (a power of two).
const RECENT: usize = 256;

/// No candidate covers the token (in [`Ctx`]'s owner table).
const FREE: u32 = u32::MAX;

/// A candidate index in the owner table (candidates are fewer than tokens, which fit a `u32`).
fn owner_id(idx: usize) -> u32 {
    u32::try_from(idx).ok().filter(|&o| o != FREE).expect("fewer candidates than tokens")
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
    /// ([`FREE`] for none: four bytes a token).
    owner: Vec<u32>,
    pub cands: Vec<Cand>,
    /// Candidates the text pairs as one referent ("long form (ACRONYM)").
    pub pairs: Vec<(usize, usize)>,
    /// Number of candidates that come from the dateline (the first ones).
    dateline_cands: usize,
    /// For each token of the article, what the tables say about it, looked up once.
    feats: Vec<Feat>,
    /// Mention words numbered per article (normalised, ة folded): number → word, and back.
    word_ids: rustc_hash::FxHashMap<Cow<'d, str>, u32>,
    word_texts: Vec<Cow<'d, str>>,
    /// Working space for the word numbers of one mention.
    scratch: Vec<u32>,
    /// No words, shared.
    no_words: Rc<[u32]>,
}

/// What the tables say about one token, looked up once per article: its word sets and the phrase
/// tables that may have a phrase starting at it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Feat {
    /// [`lexicons::wf`] bits of the whole word.
    pub flags: u16,
    /// [`lex`] bits of every clitic reading: the tables [`Lexicon::longest_at`] can match in.
    lex: u8,
    /// The word with a leading و/ف set aside is a speech verb ("وقال").
    pub conj_speech: bool,
    /// A word in Arabic script.
    ar: bool,
    /// In a paragraph written in title case.
    title: bool,
    /// Opens with a capital letter.
    cap: bool,
    /// [`last_letter_bit`] of the token, as a shift.
    last: u8,
}

impl Feat {
    fn of(t: &Tables, tok: &Token, word: &str) -> Feat {
        crate::text::tick(1);
        let first = word.as_bytes().first().copied().unwrap_or(0);
        if first.is_ascii() {
            // not Arabic script, and no clitic readings (clitics are Arabic letters)
            let (cap, last) = (first.is_ascii_uppercase(), last_letter(word));
            if tok.kind != TokenKind::Word && !t.nonword_keys {
                return Feat { cap, last, ..Feat::default() };
            }
            let info = t.info(word);
            return Feat { flags: info.flags, lex: info.lex, cap, last, ..Feat::default() };
        }
        let ar = tok.kind == TokenKind::Word && word.starts_with(is_arabic_script);
        let cap = match word.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            // U+0600–U+06FF (Arabic) has no capitals
            Some(0xD8..=0xDB) => false,
            _ => word.starts_with(char::is_uppercase),
        };
        // no word set holds, and no phrase opens with, punctuation or a number (checked when the
        // tables are built)
        if tok.kind != TokenKind::Word && !t.nonword_keys {
            return Feat { ar, cap, last: last_letter(word), ..Feat::default() };
        }
        let info = t.info(word);
        let mut f = Feat {
            ar,
            flags: info.flags,
            lex: info.lex,
            conj_speech: false,
            title: false,
            cap,
            last: last_letter(word),
        };
        // only words opening with a clitic letter have other readings
        if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
            return f;
        }
        let conj = word.starts_with(['و', 'ف']);
        for split in crate::text::clitic_splits(word).skip(1) {
            if let Some(info) = t.words.get(split.stem.as_ref()) {
                f.lex |= info.lex;
                if conj && split.prefix == 2 && split.restored.is_empty() {
                    f.conj_speech = info.flags & lexicons::wf::SPEECH_AR != 0;
                }
            }
        }
        f
    }
}

impl<'d, 't> Ctx<'d, 't> {
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn new(doc: &'d Doc<'t>, dateline: Option<&Dateline>) -> Self {
        let lo = doc.body_tokens.start;
        let hi = doc.body_tokens.end;
        let excluded = dateline.map_or(0..0, |d| doc.tokens_in(d.span.range()));
        let title_case: Vec<bool> = doc.paragraphs.iter().map(|p| is_title_case(&doc.text()[p.clone()])).collect();
        let t: &'static Tables = &TABLES;
        let norm = doc.normalized();
        // An article repeats its common words ("the", "في"): the features of the last word seen
        // at each slot (picked by length and three bytes) are reused for the same word.
        let mut recent: Vec<(&str, TokenKind, Feat)> = vec![("", TokenKind::Punct, Feat::default()); RECENT];
        let mut feats: Vec<Feat> = Vec::with_capacity(doc.tokens().len());
        for tok in doc.tokens() {
            let word = &norm[tok.norm()];
            let b = word.as_bytes();
            let Some(&first) = b.first() else {
                feats.push(Feat::of(t, tok, word));
                continue;
            };
            let n = b.len();
            let k = (n.wrapping_mul(31)
                ^ usize::from(first).wrapping_mul(7)
                ^ usize::from(b[n - 1]).wrapping_mul(131)
                ^ usize::from(b[n / 2]).wrapping_mul(17))
                & (RECENT - 1);
            let slot = &mut recent[k];
            if slot.0 == word && slot.1 == tok.kind {
                crate::text::tick(1);
                feats.push(slot.2);
                continue;
            }
            let f = Feat::of(t, tok, word);
            *slot = (word, tok.kind, f);
            feats.push(f);
        }
        // the paragraph of each token, by one walk over both (as `Doc::paragraph_at` finds it)
        if title_case.iter().any(|&b| b) {
            let mut p = 0;
            for (f, tok) in feats.iter_mut().zip(doc.tokens()) {
                let at = tok.orig().start;
                while p < doc.paragraphs.len() && doc.paragraphs[p].end <= at {
                    p += 1;
                }
                f.title = p < doc.paragraphs.len() && doc.paragraphs[p].start <= at && title_case[p];
            }
        }
        Ctx {
            doc,
            t,
            norm,
            feats,
            toks: doc.tokens(),
            lo,
            hi,
            excluded,
            owner: vec![FREE; hi - lo],
            cands: Vec::new(),
            pairs: Vec::new(),
            dateline_cands: 0,
            // about one new word per 8 body tokens: sized so that the map is seldom rehashed
            word_ids: rustc_hash::FxHashMap::with_capacity_and_hasher((hi - lo) / 8, Default::default()),
            word_texts: Vec::with_capacity((hi - lo) / 8),
            scratch: Vec::new(),
            no_words: Rc::from([]),
        }
    }

    /// The word numbered `id` (see [`Self::intern`]).
    pub fn word(&self, id: u32) -> &str {
        &self.word_texts[id as usize]
    }

    /// The number of a mention word (normalised, ة already folded), given one if new.
    fn intern(&mut self, w: Cow<'d, str>) -> u32 {
        if let Some(&id) = self.word_ids.get(w.as_ref()) {
            return id;
        }
        let id = self.word_texts.len() as u32;
        self.word_texts.push(w.clone());
        self.word_ids.insert(w, id);
        id
    }

    /// The number of a normalised word with ة folded ([`lexicons::name_key`]), allocating only for
    /// a word not seen before.
    fn intern_folded(&mut self, w: Cow<'d, str>) -> u32 {
        if !lexicons::has_ta_marbuta(&w) {
            return self.intern(w);
        }
        if let Some(id) = lexicons::with_name_key(&w, |k| self.word_ids.get(k).copied()) {
            return id;
        }
        self.intern(Cow::Owned(lexicons::name_key(&w).into_owned()))
    }

    /// The normalised text of token `i`.
    #[inline]
    pub fn w(&self, i: usize) -> &'d str {
        &self.norm[self.toks[i].norm()]
    }

    /// True when token `i` is in a paragraph written in title case (an English headline), where
    /// capitals say nothing about names.
    pub fn in_title_case(&self, i: usize) -> bool {
        self.feats[i].title
    }

    /// The original text of token `i`.
    pub fn orig(&self, i: usize) -> &'t str {
        &self.doc.text()[self.toks[i].orig()]
    }

    #[inline]
    pub fn is_punct(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Punct
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
    }

    #[inline]
    pub fn is_ar(&self, i: usize) -> bool {
        self.feats[i].ar
    }

    /// True when token `i` opens with a capital letter.
    #[inline]
    pub fn cap(&self, i: usize) -> bool {
        self.feats[i].cap
    }

    /// What the tables say about token `i`.
    #[inline]
    pub fn feat(&self, i: usize) -> &Feat {
        &self.feats[i]
    }

    /// [`lexicons::wf`] bits of token `i`'s whole word.
    #[inline]
    pub fn flags(&self, i: usize) -> u16 {
        self.feats[i].flags
    }

    /// The longest phrase of `table` (whose [`lex`] bit is `bit`) at token `i`, skipping the
    /// lookup when no phrase of the table starts with any reading of the token.
    pub fn lex_at<V>(&self, bit: u8, table: &'static Lexicon<V>, i: usize) -> Option<LexMatch<'static, V>> {
        if i < self.toks.len() && self.feats[i].lex & bit == 0 {
            return None;
        }
        table.longest_at(self.doc, i)
    }

    /// The longest known place or organisation at token `i`.
    pub fn known_at(&self, i: usize) -> Option<LexMatch<'static, Known>> {
        self.lex_at(lex::KNOWN, &self.t.known, i)
    }

    /// True when token `i` is free: in the body, outside the dateline, not yet part of a mention.
    #[inline]
    pub fn free(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && !self.excluded.contains(&i) && self.owner[i - self.lo] == FREE
    }

    /// The candidate covering token `i`, if any.
    #[inline]
    pub fn owner(&self, i: usize) -> Option<usize> {
        match self.owner.get(i.wrapping_sub(self.lo)) {
            Some(&o) if i >= self.lo && o != FREE => Some(o as usize),
            _ => None,
        }
    }

    /// True when tokens `i` and `j` are in the same paragraph (no line break between them).
    #[inline]
    pub fn same_para(&self, i: usize, j: usize) -> bool {
        let a = self.toks[i].orig().end;
        let b = self.toks[j].orig().start;
        // a byte scan: the gap between two tokens is short, and '\n' is never part of another char
        !self.doc.text().as_bytes()[a.min(b)..b.max(a)].contains(&b'\n')
    }

    /// Original byte range of tokens `toks` with `prefix` normalised clitic bytes of the first left out.
    pub fn range(&self, toks: Range<usize>, prefix: usize) -> Range<usize> {
        let first = &self.toks[toks.start];
        let last = &self.toks[toks.end - 1];
        let start = self.doc.normalization().to_original(first.norm().start + prefix..first.norm().end).start;
        start..last.orig().end
    }

    /// Normalised words of tokens `toks`, the first without its clitics, ة folded, numbered.
    pub fn key_words(&mut self, toks: Range<usize>, prefix: usize, restored: &str) -> Rc<[u32]> {
        let mut ids = std::mem::take(&mut self.scratch);
        ids.clear();
        let norm = self.norm;
        for i in toks.clone() {
            if self.is_punct(i) {
                continue;
            }
            let w = &norm[self.toks[i].norm()];
            let w: Cow<'d, str> = if i != toks.start {
                Cow::Borrowed(w)
            } else if restored.is_empty() {
                Cow::Borrowed(&w[prefix..])
            } else {
                Cow::Owned(format!("{restored}{}", &w[prefix..]))
            };
            ids.push(self.intern_folded(w));
        }
        let out = Rc::from(&ids[..]);
        self.scratch = ids;
        out
    }

    /// Records a mention over tokens `toks` and marks them taken; returns its index.
    pub fn add(
        &mut self,
        kind: EntityKind,
        toks: Range<usize>,
        prefix: usize,
        restored: &'static str,
        key: Option<Key>,
        code: Option<&'static str>,
    ) -> usize {
        let range = self.range(toks.clone(), prefix);
        let s = &self.doc.text()[range.clone()];
        let mut text = String::with_capacity(restored.len() + s.len());
        text.push_str(restored);
        text.push_str(s);
        // a place's words are read only as its key: a place with a key given needs none
        let words = if kind == EntityKind::Location && key.is_some() {
            Rc::clone(&self.no_words)
        } else {
            self.key_words(toks.clone(), prefix, restored)
        };
        let key = key.unwrap_or_else(|| Key::Name(Rc::clone(&words)));
        let idx = self.cands.len();
        self.cands.push(Cand { kind, range, text, key, code, words });
        for i in toks {
            if i >= self.lo && i < self.hi {
                self.owner[i - self.lo] = owner_id(idx);
            }
        }
        idx
    }

    /// The candidate for a lexicon hit.
    pub fn add_known(&mut self, m: &LexMatch<'_, Known>) -> usize {
        let (kind, key, code) = self.known_info(*m.value);
        self.add(kind, m.tokens.clone(), m.prefix, m.restored, Some(key), code)
    }

    pub fn known_info(&self, k: Known) -> (EntityKind, Key, Option<&'static str>) {
        match k {
            Known::Place(p) => (EntityKind::Location, Key::Place(p), self.t.places[p as usize].code),
            Known::Org(o) => (EntityKind::Organization, Key::Org(o), None),
        }
    }

    /// Dateline places, reporters and agencies: mentions as the dateline module found them.
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
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
                let words: Rc<[u32]> = a
                    .tokens()
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .map(|t| self.intern_folded(Cow::Owned(a.normalized()[t.norm()].to_string())))
                    .collect();
                let (kind, key, code) = match hit.map(|h| self.known_info(*h.value)) {
                    // a paper named after a place ("«الشرق الأوسط»") is the agency the dateline says
                    Some((EntityKind::Location, ..)) if kind == EntityKind::Organization => {
                        (kind, Key::Name(Rc::clone(&words)), None)
                    }
                    Some(info) => info,
                    None => (kind, Key::Name(Rc::clone(&words)), None),
                };
                let range = m.span.range();
                let idx = self.cands.len();
                for k in self.doc.tokens_in(range.clone()) {
                    if k >= self.lo && k < self.hi {
                        self.owner[k - self.lo] = owner_id(idx);
                    }
                }
                self.cands.push(Cand { kind, range, text: m.text.clone(), key, code, words });
            }
        }
        self.dateline_cands = self.cands.len();
    }

    /// Pass 1: lexicon hits and organisation patterns, leftmost-longest.
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn known_and_orgs(&mut self) {
        let mut i = self.lo;
        while i < self.hi {
            // no lexicon name starts here and no pattern opens here (an Arabic word or a capital)
            let f = self.feats[i];
            if f.lex & lex::KNOWN == 0 && !f.ar && !f.cap {
                i += 1;
                continue;
            }
            // inside the dateline only lexicon names the dateline did not list ("Associated Press"
            // on a byline line) are read
            if self.owner(i).is_some() || self.is_punct(i) {
                i += 1;
                continue;
            }
            let known = self.known_at(i).filter(|m| {
                m.tokens.end <= self.hi && m.tokens.clone().all(|k| self.owner(k).is_none()) && self.known_ok(m)
            });
            let pattern = if !self.free(i) {
                None
            } else if self.is_ar(i) {
                arabic::org_at(self, i)
            } else if self.cap(i) {
                english::org_at(self, i)
            } else {
                None // an English organisation opens with a capital
            }
            .filter(|p| p.end <= self.hi);
            let known_len = known.as_ref().map_or(0, |m| m.tokens.len());
            // an Arabic known organisation of two words or more is not extended by a pattern ("United
            // Nations Mission in South Sudan" is, by its head word)
            let known_org =
                self.is_ar(i) && known.as_ref().is_some_and(|m| matches!(m.value, Known::Org(_)) && known_len >= 2);
            let use_pattern = !known_org && pattern.as_ref().is_some_and(|p| p.end - i > known_len);
            let next = match (known, pattern) {
                (_, Some(p)) if use_pattern => {
                    let end = p.end;
                    let c = self.add(p.kind, i..end, p.prefix, p.restored, p.key, p.code);
                    self.pair_parenthesis(c, end)
                }
                (Some(m), _) => {
                    let end = m.tokens.end;
                    // a paper the dateline named after a place ("«الشرق الأوسط»") is that paper
                    // wherever the body repeats it
                    // (quoted, or after a press noun: "في الشرق الأوسط" stays the region)
                    let quoted = i > self.lo
                        && (self.w(i - 1) == "\""
                            || matches!(self.w(i - 1), "صحيفة" | "جريدة" | "لصحيفة" | "لجريدة" | "موقع" | "مجلة"));
                    let agency = if self.dateline_cands == 0 || !quoted || !matches!(m.value, Known::Place(_)) {
                        None
                    } else {
                        let words = self.key_words(m.tokens.clone(), m.prefix, m.restored);
                        self.cands[..self.dateline_cands]
                            .iter()
                            .find(|c| c.kind == EntityKind::Organization && c.words == words)
                            .map(|c| c.key.clone())
                    };
                    let c = match agency {
                        Some(key) => {
                            self.add(EntityKind::Organization, m.tokens.clone(), m.prefix, m.restored, Some(key), None)
                        }
                        _ => self.add_known(&m),
                    };
                    self.pair_parenthesis(c, end)
                }
                _ => i + 1,
            };
            i = next.max(i + 1);
        }
    }

    /// Geographic features and sites named with their noun ("نهر الليطاني", "معبر رفح"), before the
    /// lexicons would take the place inside them.
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn features(&mut self) {
        let mut i = self.lo;
        while i < self.hi {
            if !self.feats[i].ar {
                i += 1;
                continue;
            }
            let is_known_place =
                || self.known_at(i).is_some_and(|m| matches!(m.value, Known::Place(_)) && m.tokens.len() >= 2);
            let found =
                if self.free(i) && self.is_ar(i) && !is_known_place() { arabic::feature_at(self, i) } else { None };
            i = match found {
                Some((r, prefix)) => {
                    let end = r.end;
                    self.add(EntityKind::Location, r, prefix, "", None, None);
                    end
                }
                None => i + 1,
            };
        }
    }

    /// Places no lexicon holds, named by the noun before them ("بلدة بيت حانون", "مخيم الهول") or,
    /// in English, after them ("Kandahar province").
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn places(&mut self) {
        for i in self.lo..self.hi {
            if !(self.feats[i].ar || self.feats[i].cap) || !self.free(i) {
                continue;
            }
            let found = if self.is_ar(i) {
                arabic::place_at(self, i)
            } else if self.cap(i) {
                english::place_at(self, i)
            } else {
                None // an English place name opens with a capital
            };
            if let Some(r) = found {
                self.add(EntityKind::Location, r, 0, "", None, None);
            }
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
        let known = self.known_at(inner.start).filter(|m| m.tokens.end <= close && m.prefix == 0);
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
            || inner.clone().any(|j| self.flags(j) & (lexicons::wf::STOP_AR | lexicons::wf::STOP_EN) != 0)
        {
            return end;
        }
        let o = self.add(kind, inner, 0, "", None, None);
        self.pairs.push((c, o));
        close + 1
    }

    /// True when the letters of the acronym at tokens `acr` follow, in order, the initials of the
    /// words of candidate `c` ("ISIL" for "Islamic State in Iraq and the Levant", "داعش" for
    /// "الدولة الإسلامية في العراق والشام").
    fn acronym_fits(&self, c: usize, acr: Range<usize>) -> bool {
        let letters: Vec<char> =
            acr.flat_map(|j| self.w(j).chars()).filter(|&ch| crate::text::is_alphabetic(ch)).collect();
        if letters.len() < 2 {
            return false;
        }
        let text = crate::text::normalize(&self.cands[c].text);
        let initials: Vec<char> = text
            .split(|ch: char| !crate::text::is_alphabetic(ch))
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
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn people(&mut self) {
        let mut i = self.lo;
        while i < self.hi {
            // no gazetteer name starts here and no rule opens here (an Arabic word, a capital or
            // an English title)
            let f = self.feats[i];
            if f.lex & (lex::PEOPLE | lex::TITLES_EN) == 0 && !f.ar && !f.cap {
                i += 1;
                continue;
            }
            if !self.free(i) || self.is_punct(i) {
                i += 1;
                continue;
            }
            // a full name from the people gazetteer, with or without clitics ("ودونالد ترامب")
            if let Some(m) = self
                .lex_at(lex::PEOPLE, &self.t.people, i)
                .filter(|m| m.tokens.end <= self.hi && m.tokens.clone().all(|k| self.free(k)))
            {
                let end = m.tokens.end;
                self.add(EntityKind::Person, m.tokens.clone(), m.prefix, m.restored, None, None);
                i = end;
                continue;
            }
            let found = if self.is_ar(i) {
                arabic::person_at(self, i)
            } else if self.cap(i) || self.feats[i].lex & lex::TITLES_EN != 0 {
                english::person_at(self, i)
            } else {
                None // an English name opens with a capital or follows a lower-case title
            };
            i = match found {
                Some((r, code)) => {
                    let end = r.end;
                    self.add(EntityKind::Person, r, 0, "", None, code);
                    end
                }
                None => i + 1,
            };
        }
    }

    /// Pass 3: names the dateline gave ("السنبلة", a reporter) wherever the body repeats them, and
    /// later mentions of a person by surname alone.
    #[inline(never)] // one call per article; kept apart so that profiles show each pass
    fn surnames(&mut self) {
        let mut from_dateline: crate::text::Lexicon<usize> = crate::text::Lexicon::local(false);
        for (i, c) in self.cands.iter().enumerate() {
            if matches!(c.key, Key::Name(_)) && i < self.dateline_cands {
                from_dateline.insert(&c.text, i);
            }
        }
        if !from_dateline.is_empty() {
            // as `Lexicon::find_all`, looking only where a reading of the token can be the first word
            // of a name: every reading ends with the word's last letter
            let mut firsts = 0u64;
            for c in &self.cands[..self.dateline_cands] {
                if matches!(c.key, Key::Name(_)) {
                    firsts |= lexicons::first_word(&c.text).map_or(u64::MAX, |w| last_letter_bit(&w));
                }
            }
            let mut found = Vec::new();
            let mut i = self.lo;
            while i < self.hi {
                crate::text::tick(1);
                if firsts & (1 << self.feats[i].last) != 0
                    && let Some(m) = from_dateline.longest_at(self.doc, i).filter(|m| m.tokens.end <= self.hi)
                {
                    i = m.tokens.end;
                    found.push(m);
                    continue;
                }
                i += 1;
            }
            for m in found {
                // a one-word name may be a common word ("الحياة"): take it after a press noun only
                let start = m.tokens.start;
                let press = start > self.lo
                    && crate::text::clitic_splits(self.w(start - 1))
                        .any(|s| matches!(&*s.stem, "صحيفة" | "موقع" | "وكالة" | "قناة" | "جريدة" | "مجلة" | "شبكة"));
                if (m.len >= 2 || press) && m.tokens.clone().all(|k| self.free(k)) {
                    let c = &self.cands[*m.value];
                    let (kind, key) = (c.kind, c.key.clone());
                    self.add(kind, m.tokens.clone(), m.prefix, m.restored, Some(key), None);
                }
            }
        }
        let mut surnames: rustc_hash::FxHashMap<String, Key> = rustc_hash::FxHashMap::default();
        for c in &self.cands {
            if let (EntityKind::Person, Key::Name(words)) = (c.kind, &c.key)
                && words.len() >= 2
            {
                let last = self.word(*words.last().unwrap()).to_string();
                if !self.t.stop_ar.contains(&last) && !self.t.stop_en.contains(last.as_str()) {
                    surnames.entry(last).or_insert_with(|| c.key.clone());
                }
            }
        }
        if surnames.is_empty() {
            return;
        }
        // Every reading of a word ends with the word's last letter, and of a word of four letters
        // or more with its last two (clitics are at most two letters, in front): a word whose last
        // letters (ة folded) end no surname is skipped.
        let fold = |c: char| if c == 'ة' { 'ه' } else { c };
        let last_bit = |w: &str| {
            let mut it = w.chars().rev().map(fold);
            let (a, b) = (it.next().map_or(0, |c| c as u32), it.next().map_or(0, |c| c as u32));
            (1u64 << (a % 64), (a.wrapping_mul(31).wrapping_add(b) % 256) as usize)
        };
        let mut tails = 0u64;
        let mut tails2 = [0u64; 4];
        // A word opening with an ASCII byte has one reading, itself (clitics are Arabic letters),
        // and folding ة leaves ASCII alone: it can only be a surname opening with the same byte.
        let mut ascii_firsts = 0u128;
        for k in surnames.keys() {
            if let Some(&b) = k.as_bytes().first().filter(|b| b.is_ascii()) {
                ascii_firsts |= 1 << b;
            }
            let (_, two) = last_bit(k);
            // a word ending in ة has the key ending in ه
            tails |= last_letter_bit(k) | if k.ends_with('ه') { last_letter_bit("ة") } else { 0 };
            if k.chars().nth(1).is_some() {
                tails2[two / 64] |= 1 << (two % 64);
            }
        }
        for i in self.lo..self.hi {
            if tails & (1 << self.feats[i].last) == 0 || !self.free(i) || !self.is_word(i) {
                continue;
            }
            let word = self.w(i);
            if let Some(&b) = word.as_bytes().first().filter(|b| b.is_ascii())
                && ascii_firsts & (1 << b) == 0
            {
                continue;
            }
            let (_, two) = last_bit(word);
            if tails2[two / 64] & (1 << (two % 64)) == 0 && word.chars().nth(3).is_some() {
                continue;
            }
            let hit = crate::text::clitic_splits(word)
                .find_map(|s| lexicons::with_name_key(&s.stem, |k| surnames.get(k)).map(|k| (s.prefix, s.restored, k)));
            if let Some((prefix, restored, key)) = hit {
                let key = key.clone();
                self.add(EntityKind::Person, i..i + 1, prefix, restored, Some(key), None);
            }
        }
    }
}

/// True when a paragraph is a headline in title case: five words or more (those opening with a
/// letter), all ASCII, every one capitalised but the small ones; a byline ("By JOHN Q. WRITER") is
/// no headline. Stops at the first word that decides (an Arabic paragraph at its first word).
fn is_title_case(para: &str) -> bool {
    const SMALL: &[&str] =
        &["a", "an", "the", "of", "in", "on", "at", "for", "to", "and", "or", "by", "with", "from", "as"];
    let mut words = 0;
    for w in para.split_whitespace() {
        let Some(c) = w.chars().next() else { continue };
        if !crate::text::is_alphabetic(c) {
            continue;
        }
        if !w.is_ascii() || (words == 0 && matches!(w, "By" | "BY")) {
            return false;
        }
        if !w.starts_with(char::is_uppercase) && !SMALL.contains(&w) {
            return false;
        }
        words += 1;
    }
    words >= 5
}

/// A bit for the last letter of a word (one of 64 classes), for prefilters: a clitic reading of a
/// word ends with the same letter as the word.
fn last_letter_bit(w: &str) -> u64 {
    1u64 << last_letter(w)
}

/// The class (0–63) of the last letter of a word, for [`last_letter_bit`].
fn last_letter(w: &str) -> u8 {
    match w.as_bytes().last() {
        Some(&b) if b.is_ascii() => b % 64,
        _ => w.chars().next_back().map_or(0, |c| (c as u32 % 64) as u8),
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
    /// What the mention's text puts back in front of the written letters (see `CliticSplit::restored`).
    pub restored: &'static str,
    pub key: Option<Key>,
    pub code: Option<&'static str>,
}

/// True when a normalised word is a known given name (Arabic script or Latin).
pub(crate) fn is_given_name(word: &str) -> bool {
    let t = &*lexicons::TABLES;
    let key = lexicons::name_key(word);
    t.given_ar.contains(key.as_ref()) || t.weak_given_ar.contains(key.as_ref()) || t.given_en.contains(word)
}

/// True when tokens `r` of the document name a known place (country, city, region), read
/// without clitics: the dateline reader asks this of its pieces.
pub(crate) fn is_place(doc: &Doc<'_>, r: std::ops::Range<usize>) -> bool {
    lexicons::TABLES
        .known
        .longest_at(doc, r.start)
        .is_some_and(|m| m.prefix == 0 && m.tokens.end == r.end && matches!(m.value, lexicons::Known::Place(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn mention(doc: &Doc<'_>, text: &str, s: &str) -> Mention {
        let at = text.find(s).unwrap();
        Mention { text: s.to_string(), span: doc.span(at..at + s.len()) }
    }

    /// A dateline over `text[..end]` naming the given places, reporters and agencies.
    fn dateline_of(doc: &Doc<'_>, end: usize, places: &[&str], authors: &[&str], agencies: &[&str]) -> Dateline {
        let text = doc.text();
        let mentions = |names: &[&str]| names.iter().map(|n| mention(doc, text, n)).collect();
        Dateline {
            span: doc.span(0..end),
            locations: mentions(places),
            authors: mentions(authors),
            agencies: mentions(agencies),
            date: None,
        }
    }

    #[test]
    fn dateline_mentions_become_entities_and_are_not_read_twice() {
        let text = "الرباط - ليلى المنصوري\nأكدت ليلى المنصوري أن المغرب مستعد. وقالت رويترز إن الوفد وصل إلى الرباط.";
        let doc = Doc::new(text, None);
        let end = text.find('\n').unwrap();
        let dateline = dateline_of(&doc, end, &["الرباط"], &["ليلى المنصوري"], &[]);
        let es = extract(&doc, Some(&dateline));
        let rabat = es.iter().find(|e| e.name == "الرباط").unwrap();
        assert_eq!(rabat.kind, EntityKind::Location);
        assert_eq!(rabat.mentions.len(), 2);
        assert_eq!(rabat.code.as_deref(), Some("MA"));
        let reporter = es.iter().find(|e| e.name == "ليلى المنصوري").unwrap();
        assert_eq!(reporter.kind, EntityKind::Person);
        assert_eq!(reporter.mentions.len(), 2);
        assert_eq!(reporter.mentions[0].span.start, dateline.authors[0].span.start);
        assert!(es.iter().any(|e| e.name == "رويترز" && e.kind == EntityKind::Organization));
    }

    #[test]
    fn lexicon_names_in_the_dateline_span_that_it_did_not_list_are_read() {
        let text = "By JANE ROE\nAssociated Press\nUNITED NATIONS (AP) - The vote passed.";
        let doc = Doc::new(text, None);
        let end = text.find(" - ").unwrap() + 2;
        let dateline = dateline_of(&doc, end, &["UNITED NATIONS"], &["JANE ROE"], &["AP"]);
        let es = extract(&doc, Some(&dateline));
        let ap = es.iter().find(|e| e.name == "Associated Press").unwrap();
        assert_eq!(ap.mentions.len(), 2, "{es:#?}");
        assert_eq!(es.len(), 3, "{es:#?}");
    }

    #[test]
    fn a_dateline_agency_is_found_again_in_the_body() {
        let text = "السنبلة - قال مسؤول إن الطريق مفتوح.
للمزيد تابعوا موقع السنبلة.";
        let doc = Doc::new(text, None);
        let end = text.find('-').unwrap() + 1;
        let dateline = dateline_of(&doc, end, &[], &[], &["السنبلة"]);
        let es = extract(&doc, Some(&dateline));
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].kind, EntityKind::Organization);
        assert_eq!(es[0].mentions.len(), 2);
        // a one-word agency that is also a common word is not linked to that word
        let text = "الحياة - قال مسؤول إن الحياة عادت إلى طبيعتها.";
        let doc = Doc::new(text, None);
        let end = text.find('-').unwrap() + 1;
        let dateline = dateline_of(&doc, end, &[], &[], &["الحياة"]);
        let es = extract(&doc, Some(&dateline));
        assert_eq!(es[0].mentions.len(), 1, "{es:#?}");
    }

    #[test]
    fn token_features_stay_small() {
        // one per token of the article: kept to a few bytes, as the tokens themselves
        assert!(std::mem::size_of::<Feat>() <= 8);
    }

    #[test]
    fn surnames_are_found_with_clitics_and_either_final_letter() {
        let text =
            "وقال الوزير خالد عطية إن الاتفاق جاهز. وأضاف عطية أن الوفد وصل، وشكر الرئيس لعطية جهوده وقال عطيه إن.";
        let doc = Doc::new(text, None);
        let es = extract(&doc, None);
        let p = es.iter().find(|e| e.name == "خالد عطية").expect("the person");
        let texts: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["خالد عطية", "عطية", "عطية", "عطيه"], "{es:#?}");
    }

    #[test]
    fn english_surnames_are_found_and_lower_case_words_are_not() {
        let text = "Minister Clara Whitfield said the plan was ready. Whitfield added that whitfield \
                    fields were dry, and the minister thanked Whitfield.";
        let doc = Doc::new(text, None);
        let es = extract(&doc, None);
        let p = es.iter().find(|e| e.name == "Clara Whitfield").expect("the person");
        let texts: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["Clara Whitfield", "Whitfield", "Whitfield"], "{es:#?}");
    }

    #[test]
    fn a_paper_named_after_a_place_stays_the_paper_in_the_body() {
        let text = "القاهرة - «الشرق الأوسط» -\nوقال مصدر لـ«الشرق الأوسط» إن الوفد وصل إلى الشرق الأوسط.";
        let doc = Doc::new(text, None);
        let end = text.find('\n').unwrap();
        let dateline = dateline_of(&doc, end, &["القاهرة"], &[], &["الشرق الأوسط"]);
        let es = extract(&doc, Some(&dateline));
        let paper = es.iter().find(|e| e.kind == EntityKind::Organization).unwrap();
        assert_eq!(paper.name, "الشرق الأوسط");
        // the quoted repetition is the paper; the unquoted one is the region
        assert_eq!(paper.mentions.len(), 2, "{es:#?}");
        assert!(es.iter().any(|e| e.kind == EntityKind::Location && e.name == "الشرق الأوسط"), "{es:#?}");
    }

    #[test]
    fn dateline_agency_acronym_takes_its_lexicon_identity() {
        let text = "UNITED NATIONS (AP) - The Associated Press reported that the U.N. vote passed.";
        let doc = Doc::new(text, None);
        let end = text.find('-').unwrap() + 1;
        let dateline = dateline_of(&doc, end, &["UNITED NATIONS"], &[], &["AP"]);
        let es = extract(&doc, Some(&dateline));
        let ap = es.iter().find(|e| e.name == "Associated Press").unwrap();
        assert_eq!(ap.mentions.len(), 2);
        let un = es.iter().find(|e| e.mentions.iter().any(|m| m.text == "U.N.")).unwrap();
        assert_eq!(un.kind, EntityKind::Organization);
        assert!(un.mentions.iter().any(|m| m.text == "UNITED NATIONS"));
    }
}
