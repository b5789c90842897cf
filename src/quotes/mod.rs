//! Direct quotes and reported speech (issue #5).
//!
//! The finder works over the body's tokens, sentence by sentence:
//! 1. every speech cue (`cues.tsv`, matched with its و/ف clitics by the shared [`Lexicon`]) opens a
//!    candidate: the speaker is read after the verb (VSO), before it (SVO, "X, the Y, said"), or
//!    taken over from the sentence's or the previous statement's speaker (participles such as
//!    مضيفا, continuations such as "وأضاف أن"); the content starts at the complementiser
//!    (أن/إن, "that"), a colon or a quotation mark and runs to the end of the statement;
//! 2. quotations that no cue claimed are attributed from a "X: «…»" frame or as the continuation
//!    of the statement before them; short ones (titles, names) are left alone;
//! 3. speakers are linked to the entities, and a bare title ("الوزير", "المجلس") is resolved to
//!    the named person or body it refers back to.
//!
//! Statements are then put in document order; one whose content overlaps an earlier one's is
//! dropped, statements without a speaker or spoken by a document ("القرار") are dropped, and a
//! title line yields only quotations, not reported speech.
//!
//! The work is linear in the length of the article (tests/pathological.rs counts it): each
//! cue reads a bounded stretch of tokens; what a cue would otherwise read again and again is
//! worked out once per article — word classes (memoised per token in a small table), counts of
//! words, punctuation, sentence starts and cue hits (bitmaps with counts, see `bits`),
//! the top-level quotations in order (found by binary search), the statement-opening cues in
//! order, what a sentence start is followed by, antecedents of bare titles per title over the
//! stretch already read, and an index of entity names by word for linking speakers.
//!
//! Per-token facts are kept in bitmaps (an eighth of a byte a token) rather than tables of
//! 32-bit entries, and what the pass no longer reads is freed before the outputs are built.
//!
//! Layout: `lexicon` loads the cue table (`cues.tsv`) and the closed word classes (`words.tsv`);
//! `marks` pairs quotation marks; `speaker` reads, splits, resolves and links speakers; this
//! module finds cues, complements and contents and assembles the [`Quote`]s.
//!
//! [`Lexicon`]: crate::text::Lexicon

mod bits;
mod lexicon;
mod marks;
mod speaker;

use crate::model::{Cue, Entity, EntityKind, Language, Quote, QuoteKind, Speaker};
use crate::text::{Doc, Token, TokenKind};
use bits::Bits;
use lexicon::{CUES, Class, CueForm, Word};
use marks::Region;
use rustc_hash::FxHashMap;
use speaker::Spk;
use std::cell::{Cell, OnceCell, RefCell};
use std::ops::Range;

/// Loads the speech-verb lexicon and word classes.
pub(crate) fn warm() {
    lexicon::warm();
}

/// Finds the statements of an article in document order; speakers link into `entities`.
pub(crate) fn extract(doc: &Doc<'_>, entities: &[Entity]) -> Vec<Quote> {
    Ctx::new(doc, entities).run()
}

/// A cue found in the text.
#[derive(Debug, Clone)]
struct Hit<'l> {
    toks: Range<usize>,
    form: &'l CueForm,
}

/// A statement before it becomes a [`Quote`].
#[derive(Debug, Clone)]
struct Found {
    kind: QuoteKind,
    speaker: Option<Spk>,
    cue: Option<Range<usize>>,
    /// The cue's lemma (from the static cue table).
    lemma: &'static str,
    content: Range<usize>,
    setting: Option<Range<usize>>,
}

/// Who speaks at a point of the text, for participles and continuations.
#[derive(Debug, Clone)]
struct Frame {
    tok: usize,
    sentence: usize,
    speaker: Spk,
    /// Index of the nearest frame before this one whose speaker is not a document, so that
    /// looking back over speakers skips a run of documents in one step.
    prev_speaking: Option<usize>,
}

/// Pushes a frame, linking it to the speaking frame before it.
fn push_frame(frames: &mut Vec<Frame>, tok: usize, sentence: usize, speaker: Spk) {
    let prev_speaking =
        frames.last().and_then(|f| if f.speaker.document { f.prev_speaking } else { Some(frames.len() - 1) });
    frames.push(Frame { tok, sentence, speaker, prev_speaking });
}

/// The frames before token `before` whose speaker is not a document, the latest first.
fn speaking_frames(frames: &[Frame], before: usize) -> impl Iterator<Item = &Frame> {
    let n = frames.partition_point(|f| f.tok < before);
    let first =
        n.checked_sub(1).and_then(|i| if frames[i].speaker.document { frames[i].prev_speaking } else { Some(i) });
    std::iter::successors(first, |&i| frames[i].prev_speaking).map(|i| {
        crate::text::tick(1);
        &frames[i]
    })
}

/// What reading one cue gives: the speaker it names or continues (kept for the participles and
/// continuations after it) and the statement, if the cue has one; `None` when the cue is not a
/// speech cue here at all.
type Outcome = Option<(Option<Spk>, Option<Found>)>;

/// One article under analysis: its tokens, sentences, quotations and cue hits.
pub(super) struct Ctx<'d, 't> {
    doc: &'d Doc<'t>,
    ents: &'d [Entity],
    norm: &'d str,
    toks: &'d [Token],
    body: Range<usize>,
    /// The first tokens of the sentences that have tokens.
    sent_starts: Bits,
    /// Per sentence in `sent_starts`, its index in `sent_toks`.
    sent_index: Vec<u32>,
    sent_toks: Vec<Range<usize>>,
    regions: Vec<Region>,
    /// The top-level quotations (indices into `regions`): sorted and disjoint, so sorted by
    /// where they open, where they close and where their words are alike.
    top: Vec<u32>,
    /// Per top-level quotation, how many of those before it have a word inside (prefix counts).
    top_worded: Vec<u32>,
    /// Tokens that open a top-level quotation of three words or more, in order.
    big_opens: Vec<usize>,
    /// The word tokens.
    words: Bits,
    /// The tokens other than punctuation.
    nonpunct: Bits,
    /// Start tokens of the cue hits that open a statement of their own, in order.
    stmt_hits: Vec<usize>,
    en: bool,
    /// Mentions of people and organisations: (byte range, entity index, is a person), sorted by
    /// start, for lookups by position.
    mentions: Vec<(Range<usize>, usize, bool)>,
    /// The people and organisations by their folded names, built when a speaker first needs it.
    names: OnceCell<speaker::Names>,
    /// Cue hits in order.
    hit_list: Vec<Hit<'static>>,
    /// The tokens a hit starts at (a hit's index in `hit_list` is its rank here).
    hit_starts: Bits,
    /// Antecedents of bare titles found so far, per title (see `speaker::resolve`).
    antecedents: RefCell<FxHashMap<speaker::Antecedent<'d>, speaker::Scan>>,
    /// Per token, where the run of capitalised words ending there starts (u32::MAX: not yet read).
    cap_runs: RefCell<Vec<u32>>,
    /// What `speaker::first_in_sentence` found, per sentence start and kind.
    firsts: RefCell<FxHashMap<(usize, u8), usize>>,
    /// Word classes of tokens read lately: the entry `k % len` holds token `k` in the high half
    /// and its classes (loose, exact) in the low half (u64::MAX: empty). The finder reads
    /// tokens near cues, a few times each, so a small table keeps nearly all it asks again.
    classes: Vec<Cell<u64>>,
}

impl<'d, 't> Ctx<'d, 't> {
    fn new(doc: &'d Doc<'t>, ents: &'d [Entity]) -> Self {
        let toks = doc.tokens();
        let body = doc.body_tokens.clone();
        let sent_toks: Vec<Range<usize>> = doc.sentences.iter().map(|s| doc.tokens_in(s.clone())).collect();
        // (sentences come in order and do not overlap; of two starting at one token, the later
        // one holds it)
        let mut sent_index: Vec<u32> = Vec::new();
        let mut last_start = usize::MAX;
        for (si, r) in sent_toks.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
            if r.start == last_start {
                sent_index.pop();
            }
            last_start = r.start;
            sent_index.push(si as u32);
        }
        crate::text::tick(sent_toks.len());
        let sent_starts = Bits::new(toks.len(), sent_index.iter().map(|&si| sent_toks[si as usize].start));
        let regions = marks::regions(doc.text(), &doc.paragraphs);
        let top: Vec<u32> = (0..regions.len() as u32).filter(|&i| regions[i as usize].depth == 0).collect();
        let (words, nonpunct) =
            Bits::pair(toks.len(), |k| (toks[k].kind == TokenKind::Word, toks[k].kind != TokenKind::Punct));
        let en = doc.language == Language::English;
        let norm = doc.normalized();
        let mut mentions: Vec<(Range<usize>, usize, bool)> = Vec::new();
        for (i, e) in ents.iter().enumerate() {
            if matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                crate::text::tick(e.mentions.len());
                for m in &e.mentions {
                    mentions.push((m.span.range(), i, e.kind == EntityKind::Person));
                }
            }
        }
        mentions.sort_by_key(|m| m.0.start);
        let mut cx = Ctx {
            doc,
            ents,
            norm,
            toks,
            body,
            sent_starts,
            sent_index,
            sent_toks,
            regions,
            top,
            top_worded: Vec::new(),
            big_opens: Vec::new(),
            words,
            nonpunct,
            stmt_hits: Vec::new(),
            en,
            mentions,
            names: OnceCell::new(),
            hit_list: Vec::new(),
            hit_starts: Bits::default(),
            antecedents: RefCell::default(),
            cap_runs: RefCell::default(),
            firsts: RefCell::default(),
            classes: vec![Cell::new(u64::MAX); toks.len().next_power_of_two().min(4096)],
        };
        cx.hit_list = cx.find_hits();
        cx.hit_starts = Bits::new(toks.len(), cx.hit_list.iter().map(|h| h.toks.start));
        cx.stmt_hits = cx.hit_list.iter().filter(|h| cx.opens_statement(h)).map(|h| h.toks.start).collect();
        let mut top_worded = Vec::with_capacity(cx.top.len() + 1);
        let mut n = 0u32;
        for i in 0..cx.top.len() {
            top_worded.push(n);
            let words = cx.words_in(&cx.top_region(i).inner());
            n += u32::from(words >= 1);
            if words >= 3 {
                let k = cx.doc.token_at_or_after(cx.top_region(i).outer().start);
                if cx.opens(k).is_some() {
                    cx.big_opens.push(k);
                }
            }
        }
        top_worded.push(n);
        cx.top_worded = top_worded;
        cx
    }

    /// Tokens other than punctuation among tokens `a..b`.
    fn nonpunct(&self, a: usize, b: usize) -> usize {
        let b = b.min(self.toks.len());
        if b <= a {
            return 0;
        }
        (self.nonpunct.rank(b) - self.nonpunct.rank(a)) as usize
    }

    /// True when a cue hit starts among tokens `a..b`.
    fn any_hit(&self, a: usize, b: usize) -> bool {
        let i = self.hit_list.partition_point(|h| h.toks.start < a);
        self.hit_list.get(i).is_some_and(|h| h.toks.start < b)
    }

    /// Top-level quotation `i`.
    fn top_region(&self, i: usize) -> &Region {
        &self.regions[self.top[i] as usize]
    }

    /// How many top-level quotations come before the first whose `key` is not below `at`.
    fn top_before(&self, at: usize, key: impl Fn(&Region) -> usize) -> usize {
        self.top.partition_point(|&q| key(&self.regions[q as usize]) < at)
    }

    /// True when a top-level quotation lies inside the byte range `r`, marks included.
    fn quotation_within(&self, r: &Range<usize>) -> bool {
        let i = self.top_before(r.start, |q| q.outer().start);
        i < self.top.len() && self.top_region(i).outer().end <= r.end
    }

    /// The first token in `a..b` that opens a top-level quotation of three words or more.
    fn big_open_in(&self, a: usize, b: usize) -> Option<usize> {
        let i = self.big_opens.partition_point(|&q| q < a);
        self.big_opens.get(i).copied().filter(|&q| q < b)
    }

    // ------------------------------------------------------------------ token helpers

    fn w(&self, k: usize) -> &'d str {
        self.toks.get(k).map_or("", |t| t.text(self.norm))
    }

    fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    fn is_punct(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// The sentence of token `k` (usize::MAX outside every sentence or past the end).
    fn sentence(&self, k: usize) -> usize {
        if k >= self.toks.len() {
            return usize::MAX;
        }
        let Some(i) = self.sent_starts.rank(k + 1).checked_sub(1) else { return usize::MAX };
        let s = self.sent_index[i as usize] as usize;
        if k < self.sent_toks[s].end { s } else { usize::MAX }
    }

    fn sent_end(&self, k: usize) -> usize {
        match self.sentence(k) {
            usize::MAX => (k + 1).min(self.body.end),
            s => self.sent_toks[s].end,
        }
    }

    fn sent_start(&self, k: usize) -> usize {
        match self.sentence(k) {
            usize::MAX => k,
            s => self.sent_toks[s].start,
        }
    }

    /// The top-level quotation whose opening mark is token `k`.
    fn opens(&self, k: usize) -> Option<&Region> {
        let t = self.toks.get(k)?;
        (t.kind == TokenKind::Punct).then_some(())?;
        let i = self.top_before(t.orig().start, |q| q.outer().start);
        (i < self.top.len()).then(|| self.top_region(i)).filter(|q| q.outer().start == t.orig().start)
    }

    /// The top-level quotation whose closing mark is token `k`.
    fn closes(&self, k: usize) -> Option<&Region> {
        let t = self.toks.get(k)?;
        (t.kind == TokenKind::Punct).then_some(())?;
        let i = self.top_before(t.orig().end, |q| q.outer().end);
        (i < self.top.len())
            .then(|| self.top_region(i))
            .filter(|q| q.outer().end == t.orig().end && q.outer().start < t.orig().start)
    }

    /// True when token `k` lies inside a quotation's words.
    fn quoted(&self, k: usize) -> bool {
        let t = &self.toks[k].orig();
        let i = self.top_before(t.end, |q| q.inner().end);
        i < self.top.len() && {
            let r = &self.top_region(i).inner();
            r.start <= t.start && t.end <= r.end
        }
    }

    fn words_in(&self, r: &Range<usize>) -> usize {
        let tr = self.doc.tokens_in(r.clone());
        (self.words.rank(tr.end) - self.words.rank(tr.start)) as usize
    }

    /// True for أن/إن and their forms (بأن, أنه, فإن), and English "that".
    fn complementizer(&self, k: usize) -> bool {
        let w = self.w(k);
        if self.en {
            return w.eq_ignore_ascii_case("that");
        }
        let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ف')).unwrap_or(w);
        matches!(w, "ان" | "انه" | "انها" | "انهم" | "انهما" | "اننا" | "انني" | "اني" | "انكم")
    }

    fn find_hits(&self) -> Vec<Hit<'static>> {
        let lex = if self.en { &CUES.1 } else { &CUES.0 };
        let tails = &CUES.2[usize::from(self.en)];
        let mut hits = Vec::new();
        let mut k = self.body.start;
        while k < self.body.end {
            // (every cue starts with a word: see `lexicon::tests`)
            if self.toks[k].kind == TokenKind::Word
                && tails.may_start(self.w(k))
                && let Some(m) = lex.longest_at(self.doc, k)
                && m.tokens.end <= self.body.end
            {
                let w = self.w(k);
                let prefix_ok = w[..m.prefix].chars().all(|c| c == 'و' || c == 'ف');
                // The verb رأى is written with ى; once folded it reads like the noun رأي.
                let noun = m.value.lemma == "رأى"
                    && w.ends_with("راي")
                    && !self.doc.text()[self.toks[k].orig()].ends_with('ى');
                // "طلب عدم الكشف عن اسمه" asks for anonymity; it reports nothing.
                let anonymity = self.w(m.tokens.end) == "عدم";
                // English verbs are lower case; "Said" is a name ("Edward Said").
                let name = self.en && w.starts_with(char::is_uppercase) && m.value.class != Class::According;
                // "so-called", "well-said": part of a compound word.
                let name = name || (self.en && k > 0 && self.w(k - 1) == "-");
                if prefix_ok && !noun && !anonymity && !name && !self.quoted(k) {
                    let end = m.tokens.end;
                    hits.push(Hit { toks: m.tokens.clone(), form: m.value });
                    k = end;
                    continue;
                }
            }
            k += 1;
        }
        hits
    }

    /// The classes of token `k` as `lexicon::is` and `lexicon::is_exact` read them, worked out
    /// once per token.
    fn classes(&self, k: usize) -> (u16, u16) {
        if k >= self.toks.len() {
            return (0, 0);
        }
        let cell = &self.classes[k & (self.classes.len() - 1)];
        let v = cell.get();
        if (v >> 32) as usize == k {
            return ((v >> 16) as u16, v as u16);
        }
        let (loose, exact) = lexicon::classes(self.w(k));
        cell.set(((k as u64) << 32) | (u64::from(loose) << 16) | u64::from(exact));
        (loose, exact)
    }

    /// `lexicon::is` for token `k`.
    fn is_at(&self, k: usize, class: Word) -> bool {
        lexicon::holds(self.classes(k).0, class)
    }

    /// `lexicon::is_exact` for token `k`.
    fn is_exact_at(&self, k: usize, class: Word) -> bool {
        lexicon::holds(self.classes(k).1, class)
    }

    fn hit(&self, k: usize) -> Option<&Hit<'static>> {
        self.hit_starts.has(k).then(|| &self.hit_list[self.hit_starts.rank(k) as usize])
    }

    // ------------------------------------------------------------------ the pass

    fn run(&self) -> Vec<Quote> {
        let mut found: Vec<Found> = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        for k in self.body.clone() {
            let Some(hit) = self.hit(k) else { continue };
            let f = if self.en { self.english(hit, &frames) } else { self.arabic(hit, &frames) };
            let Some((speaker, statement)) = f else {
                if self.document_subject(hit) {
                    push_frame(&mut frames, k, self.sentence(k), self.blocker(k));
                }
                continue;
            };
            let nested = statement.is_none()
                && found.last().is_some_and(|f| {
                    f.content.start < self.toks[k].orig().start && self.toks[k].orig().start < f.content.end
                });
            let frame = !hit.form.participle && !nested;
            match (statement, speaker) {
                (Some(mut st), Some(sp)) if frame => {
                    st.speaker = Some(sp.clone());
                    push_frame(&mut frames, k, self.sentence(k), sp);
                    found.push(st);
                }
                (Some(mut st), speaker) => {
                    st.speaker = speaker;
                    found.push(st);
                }
                // (no statement: the speaker moves into its frame, uncopied)
                (None, Some(sp)) if frame => push_frame(&mut frames, k, self.sentence(k), sp),
                (None, _) => {}
            }
        }
        // (what came before is no longer read: freed before the outputs are built)
        drop(frames);
        self.unclaimed_quotes(&mut found);
        found.sort_by_key(|f| f.content.start);
        let mut out: Vec<Found> = Vec::new();
        // The furthest content end among `out[..=i]`, per i.
        let mut reach: Vec<usize> = Vec::new();
        let mut max_end = 0;
        for f in found {
            crate::text::tick(1);
            if f.content.is_empty() {
                continue;
            }
            if let Some(cue) = &f.cue
                && self.hit(self.doc.token_at_or_after(cue.start)).is_some_and(|h| self.opens_statement(h))
                && let Some(o) =
                    out.iter_mut().rev().take(8).find(|o| o.content.start < cue.start && cue.start < o.content.end)
            {
                // A cue inside an earlier content ends that content.
                let cut = trim(self.doc.text(), o.content.start..cue.start);
                let cut = trim_conj(self.doc.text(), cut);
                if self.words_in(&cut) >= 2 {
                    o.content = cut;
                }
                // Only the last eight contents may have changed.
                let from = out.len().saturating_sub(8);
                let mut m = from.checked_sub(1).map_or(0, |i| reach[i]);
                for (i, o) in out.iter().enumerate().skip(from) {
                    m = m.max(o.content.end);
                    reach[i] = m;
                }
                max_end = m;
            }
            if max_end > f.content.start {
                continue;
            }
            max_end = max_end.max(f.content.end);
            out.push(f);
            reach.push(max_end);
        }
        let headline = self.headline();
        out.into_iter()
            .filter(|f| f.speaker.as_ref().is_some_and(|s| !s.document))
            .filter(|f| {
                !(f.kind == QuoteKind::Indirect && headline.as_ref().is_some_and(|h| h.contains(&f.content.start)))
            })
            .map(|f| self.to_quote(f))
            .collect()
    }

    /// The title line: a short first paragraph without closing punctuation, followed by more.
    fn headline(&self) -> Option<Range<usize>> {
        let [first, _, ..] = self.doc.paragraphs.as_slice() else { return None };
        let line = self.doc.text()[first.clone()].trim_end();
        let closed = line.ends_with(['.', '!', '?', '؟', '»', '”', '"', ':']);
        (!closed && self.words_in(first) <= 25).then(|| first.clone())
    }

    fn to_quote(&self, f: Found) -> Quote {
        let doc = self.doc;
        let speaker = f.speaker.map(|s| {
            let entity = s.entity.or_else(|| self.link(&s));
            Speaker { text: s.text, span: doc.span(s.span), entity, role: s.role }
        });
        let cue = f.cue.map(|r| {
            let m = doc.mention(r.clone());
            Cue { text: m.text, span: m.span, lemma: f.lemma.to_string() }
        });
        Quote {
            kind: f.kind,
            speaker,
            cue,
            content: doc.mention(f.content),
            setting: f.setting.map(|r| doc.mention(r)),
        }
    }

    /// The speaker a participle or a subjectless verb continues: the speaker of the sentence so
    /// far, else the last speaker whose gender agrees.
    fn continued(&self, k: usize, feminine: bool, frames: &[Frame]) -> Option<Spk> {
        self.continued_from(k, feminine, frames.iter().rev())
    }

    /// [`Self::continued`] over frames given latest first.
    fn continued_from<'f>(
        &self,
        k: usize,
        feminine: bool,
        latest_first: impl Iterator<Item = &'f Frame> + Clone,
    ) -> Option<Spk> {
        let s = self.sentence(k);
        let back = latest_first.inspect(|_| crate::text::tick(1));
        // (frames come in token order, so the scan stops at the first frame of an earlier sentence)
        if let Some(f) = back.clone().take_while(|f| f.sentence >= s).find(|f| f.sentence == s && f.tok < k) {
            return Some(f.speaker.clone());
        }
        let recent: Vec<&Frame> = back.filter(|f| f.tok < k).take(4).collect();
        let f = recent.iter().find(|f| f.speaker.feminine == feminine).or(recent.first())?;
        (!f.speaker.document).then(|| f.speaker.clone())
    }

    /// True when the cue's subject is a document ("وأكد القرار", "the resolution stressed").
    fn document_subject(&self, hit: &Hit<'_>) -> bool {
        let j = hit.toks.end;
        self.is_word(j)
            && (self.is_at(j, Word::Doc)
                || (self.en && self.w(j).eq_ignore_ascii_case("the") && self.is_exact_at(j + 1, Word::Doc)))
    }

    /// A frame that stops continuations from reaching past a document's sentence.
    fn blocker(&self, k: usize) -> Spk {
        Spk {
            text: String::new(),
            span: self.toks[k].orig(),
            role: None,
            entity: None,
            feminine: false,
            named: false,
            document: true,
            toks: k..k + 1,
        }
    }

    /// A participle's speaker: the sentence's, else (when the sentence is not about a
    /// document) the last one of the two sentences before.
    fn participle_speaker(&self, k: usize, feminine: bool, frames: &[Frame]) -> Option<Spk> {
        let s = self.sentence(k);
        if let Some(f) = frames.iter().rev().take_while(|f| f.sentence >= s).find(|f| f.sentence == s && f.tok < k) {
            return Some(f.speaker.clone());
        }
        let sstart = self.sent_start(k);
        if (sstart..(sstart + 3).min(k)).any(|j| self.is_word(j) && self.is_at(j, Word::Doc)) {
            return None;
        }
        // "وبرر المندوب الروسي امتناع بلاده بالقول إن …": the subject of the verb opening the
        // sentence, when it is a name or a title.
        if !self.en && k > sstart + 1 && self.w(sstart).starts_with(['و', 'ف']) {
            let form = CueForm { lemma: String::new(), class: Class::Say, feminine, participle: false };
            if let Some((sp, _)) = self.speaker_after(sstart + 1, &form)
                && !sp.document
                && sp.toks.end <= k
                && (sp.named || self.is_at(sp.toks.start, Word::Title) || self.is_at(sp.toks.start, Word::Noun))
            {
                return Some(self.resolve(sp, k, frames));
            }
        }
        // The frames of this sentence and the two before.
        let window = frames.iter().rev().take_while(|f| f.sentence.saturating_add(2) >= s);
        self.continued_from(k, feminine, window.filter(|f| f.tok < k))
    }

    // ------------------------------------------------------------------ content

    /// Where a statement whose content starts at token `start` ends (exclusive token index):
    /// the end of the sentence, or the next cue that opens a statement of its own.
    fn clause_end(&self, start: usize) -> usize {
        let end = self.sent_end(start);
        let i = self.stmt_hits.partition_point(|&h| h <= start);
        match self.stmt_hits.get(i) {
            Some(&k) if k < end => {
                let mut e = k;
                while e > start
                    && (self.is_punct(e - 1) || matches!(self.w(e - 1), "كما" | "و" | "and" | "but" | "while"))
                {
                    crate::text::tick(1);
                    e -= 1;
                }
                e
            }
            _ => end,
        }
    }

    /// True when a cue splits the content before it off: a participle or a verb after a comma.
    fn opens_statement(&self, h: &Hit<'_>) -> bool {
        if h.form.class == Class::According {
            return false;
        }
        let k = h.toks.start;
        if h.form.participle {
            return true;
        }
        let mut p = k;
        while p > 0 && matches!(self.w(p - 1), "كما" | "and" | "but") {
            p -= 1;
        }
        let conj = !self.en && self.w(k).starts_with(['و', 'ف']) && !self.w(k).starts_with(h.form.lemma.as_str());
        conj || p < k || (p > 0 && matches!(self.w(p - 1), "،" | "," | "؛" | ";"))
    }

    /// The content from token `start` to the clause end, as a byte range, with its kind: a
    /// content that opens with a quotation is that quotation (direct); one that contains a
    /// quotation is mixed.
    fn content(&self, start: usize) -> Option<(Range<usize>, QuoteKind)> {
        let mut start = start;
        while self.is_punct(start) && self.opens(start).is_none() && start < self.body.end {
            start += 1;
        }
        if start >= self.body.end {
            return None;
        }
        if let Some(r) = self.opens(start) {
            let after = self.doc.token_at_or_after(r.outer().end);
            let closes_clause = after >= self.sent_end(start).max(self.doc.token_at_or_after(r.outer().end))
                || self.is_punct(after)
                || self.hit(after).is_some()
                || after >= self.toks.len()
                || self.sentence(after) != self.sentence(start);
            if closes_clause {
                let inner = trim(self.doc.text(), r.inner().clone());
                return (self.words_in(&inner) >= 2).then_some((inner, QuoteKind::Direct));
            }
        }
        let end_tok = self.clause_end(start);
        if end_tok <= start {
            return None;
        }
        let mut end = self.toks[end_tok - 1].orig().end;
        let begin = self.toks[start].orig().start;
        // A quotation opened inside the clause runs to its closing mark. (Top-level quotations
        // are sorted and disjoint: only the last one opened inside can reach past the end.)
        let mut kind = QuoteKind::Indirect;
        let first = self.top_before(begin, |q| q.outer().start);
        let last = self.top_before(end, |q| q.outer().start);
        if last > first {
            if self.top_worded[last] > self.top_worded[first] {
                kind = QuoteKind::Mixed;
            }
            end = end.max(self.top_region(last - 1).outer().end);
        }
        let range = trim(self.doc.text(), begin..end);
        (self.words_in(&range) >= 2).then_some((range, kind))
    }

    fn setting(&self, r: Range<usize>) -> Option<Range<usize>> {
        let (mut a, mut b) = (r.start, r.end);
        while a < b && self.is_punct(a) && self.opens(a).is_none() {
            a += 1;
        }
        while b > a && ((self.is_punct(b - 1) && self.closes(b - 1).is_none()) || self.is_exact_at(b - 1, Word::Func)) {
            b -= 1;
        }
        (b > a && (b - a) <= 40).then(|| self.toks[a].orig().start..self.toks[b - 1].orig().end)
    }

    // ------------------------------------------------------------------ Arabic

    fn arabic(&self, hit: &Hit<'static>, frames: &[Frame]) -> Outcome {
        let form = hit.form;
        let k = hit.toks.start;
        let after = hit.toks.end;
        let send = self.sent_end(k);
        if matches!(form.lemma.as_str(), "عبر" | "أعرب") && !(after..send.min(after + 8)).any(|j| self.w(j) == "عن")
        {
            return None;
        }
        if form.class == Class::According {
            return self.according(hit);
        }
        // Speaker
        let (speaker, mut end) = if form.participle {
            (self.participle_speaker(k, form.feminine, frames), after)
        } else {
            let from = if form.class == Class::Relay {
                let at = (after..send.min(after + 10)).find(|&j| self.w(j) == "عن")?;
                at + 1
            } else {
                after
            };
            match self.speaker_after(from, form) {
                Some((sp, e)) => (Some(sp), e),
                None => match self.speaker_before(k) {
                    Some(sp) => (Some(sp), from),
                    None => (self.continued(k, form.feminine, frames), from),
                },
            }
        };
        if speaker.as_ref().is_some_and(|s| s.document) {
            return None;
        }
        let speaker = speaker.map(|s| self.resolve(s, k, frames));
        // A subject that ended before a word of the sentence: that word opens an object.
        let speaker_cut = !form.participle && end > after && self.is_word(end) && self.hit(end).is_none();
        // Complement
        let max = if form.participle { 8 } else { 45 };
        let mut j = end;
        let mut start = None;
        while j < send && j - end <= max {
            if j > end && self.hit(j).is_some_and(|h| h.form.class != Class::According) {
                break;
            }
            let w = self.w(j);
            if self.complementizer(j) || w == ":" {
                start = Some(j + 1);
                break;
            }
            if let Some(r) = self.opens(j)
                && self.words_in(&r.inner()) >= 2
                && (j == end || self.is_punct(j - 1))
            {
                start = Some(j);
                break;
            }
            // "جدد الوزير التأكيد على …"
            let asserting = form.class == Class::Assert || (form.lemma == "جدد" && j > 0 && self.w(j - 1) == "التاكيد");
            if asserting && matches!(w, "علي" | "عن") && !self.complementizer(j + 1) {
                start = Some(j + 1);
                break;
            }
            if form.class == Class::Assert
                && j == end
                && (form.participle || speaker_cut)
                && self.is_word(j)
                && !self.is_exact_at(j, Word::Func)
                && !self.is_at(j, Word::Time)
            {
                start = Some(j);
                break;
            }
            if form.participle && self.is_punct(j) {
                break;
            }
            j += 1;
        }
        if start.is_none() && form.class == Class::Directive {
            // A directive counts with quoted words inside its clause.
            let clause_end = self.clause_end(after);
            let quote_at = self.big_open_in(end, clause_end);
            if quote_at.is_some() {
                while self.is_punct(end) && end < clause_end {
                    end += 1;
                }
                j = end;
                start = Some(end);
            }
        }
        let cue = self.toks[k].orig().start..self.toks[hit.toks.end - 1].orig().end;
        let Some(start) = start else {
            // «…»، قال الوزير.
            if let Some(r) = self.quote_before(k) {
                let inner = trim(self.doc.text(), r.inner().clone());
                let found = Found {
                    kind: QuoteKind::Direct,
                    speaker: None,
                    cue: Some(cue),
                    lemma: form.lemma.as_str(),
                    content: inner,
                    setting: None,
                };
                return Some((speaker, Some(found)));
            }
            // "…، حسبما أفاد مصدر أمني." / "…، وفق ما نقلت الوكالة عن …"
            let sstart = self.sent_start(k);
            let as_said = k > sstart + 2
                && (self.w(k - 1) == "حسبما"
                    || (self.w(k - 1) == "ما"
                        && matches!(self.w(k - 2), "حسب" | "بحسب" | "وفق" | "وفقا" | "وفقا ل" | "لما")));
            if as_said {
                let mut e = if self.w(k - 1) == "حسبما" { k - 1 } else { k - 2 };
                if e > sstart && matches!(self.w(e - 1), "ل" | "وفقا") {
                    e -= 1;
                }
                while e > sstart && self.is_punct(e - 1) {
                    e -= 1;
                }
                if e > sstart {
                    let r = trim(self.doc.text(), self.toks[sstart].orig().start..self.toks[e - 1].orig().end);
                    if self.words_in(&r) >= 3 {
                        let found = Found {
                            kind: QuoteKind::Indirect,
                            speaker: None,
                            cue: Some(cue),
                            lemma: form.lemma.as_str(),
                            content: r,
                            setting: None,
                        };
                        return Some((speaker, Some(found)));
                    }
                }
            }
            return Some((speaker, None));
        };
        let (content, kind) = self.content(start)?;
        let kind = if form.class == Class::Directive && kind == QuoteKind::Direct && j > end {
            QuoteKind::Mixed
        } else {
            kind
        };
        let setting = if form.participle { None } else { self.setting(end..j) };
        let found = Found { kind, speaker: None, cue: Some(cue), lemma: form.lemma.as_str(), content, setting };
        Some((speaker, Some(found)))
    }

    /// The quotation that closes right before the cue, with only punctuation between ("«…»،
    /// قال").
    fn quote_before(&self, k: usize) -> Option<Region> {
        let mut p = k;
        while p > self.body.start && self.is_punct(p - 1) && self.closes(p - 1).is_none() {
            p -= 1;
        }
        let r = self.closes(p.checked_sub(1)?)?;
        (p > self.body.start && self.words_in(&r.inner()) >= 2).then(|| r.clone())
    }

    /// "بحسب X" / "وفقا لـ X" / "according to X": the statement is the clause on the other side.
    fn according(&self, hit: &Hit<'static>) -> Outcome {
        let k = hit.toks.start;
        let mut from = hit.toks.end;
        if matches!(self.w(from), "ل" | "ـ" | "to") {
            from += 1;
        }
        if self.w(from) == "ما" {
            return None;
        }
        let (sp, end) = if self.en {
            match self.en_speaker_after(from) {
                Some(x) => x,
                None => {
                    // "according to aid agencies, …"
                    let send = self.sent_end(k);
                    let e = (from..send.min(from + 9)).find(|&j| matches!(self.w(j), "," | ";" | ":" | "—"))?;
                    if e == from || (from..e).any(|j| self.is_exact_at(j, Word::EnStop)) {
                        return None;
                    }
                    (self.make_phrase(from..e), e)
                }
            }
        } else {
            self.speaker_after(from, hit.form)?
        };
        if sp.document {
            return None;
        }
        let mut sp = sp;
        if !self.en && hit.form.lemma == "وفقا لـ" {
            // "وفقا لمكتب …": the preposition is not part of the speaker.
            let t = &self.toks[from];
            let w = self.w(from);
            if w.starts_with('ل') && !w.starts_with("لل") && sp.span.start == t.orig().start && w.chars().count() > 3
            {
                let start = self.doc.normalization().to_original(t.norm().start + 'ل'.len_utf8()..t.norm().end).start;
                sp.text = self.doc.text()[start..sp.span.end].to_string();
                sp.span.start = start;
            }
        }
        let sstart = self.sent_start(k);
        let lead = self.nonpunct(sstart, k);
        let (content, kind) = if lead <= 1 {
            let mut s = end;
            while self.is_punct(s) && self.opens(s).is_none() {
                s += 1;
            }
            if self.complementizer(s) {
                s += 1;
            }
            self.content(s)?
        } else {
            let mut e = k;
            while e > sstart && self.is_punct(e - 1) {
                e -= 1;
            }
            let r = trim(self.doc.text(), self.toks[sstart].orig().start..self.toks[e - 1].orig().end);
            (self.words_in(&r) >= 3).then_some(())?;
            let kind = if self.quotation_within(&r) { QuoteKind::Mixed } else { QuoteKind::Indirect };
            (r, kind)
        };
        let sp = self.resolve(sp, k, &[]);
        let cue = self.toks[k].orig().start..self.toks[hit.toks.end - 1].orig().end;
        let found =
            Found { kind, speaker: None, cue: Some(cue), lemma: hit.form.lemma.as_str(), content, setting: None };
        Some((Some(sp), Some(found)))
    }

    // ------------------------------------------------------------------ English

    fn english(&self, hit: &Hit<'static>, frames: &[Frame]) -> Outcome {
        let form = hit.form;
        let k = hit.toks.start;
        let after = hit.toks.end;
        let send = self.sent_end(k);
        if form.class == Class::According {
            return self.according(hit);
        }
        let before = if form.participle { None } else { self.en_speaker_before(k, frames) };
        // Where the speaker phrase starts, when it ends right before the cue.
        let before_start = before.as_ref().filter(|s| s.toks.end + 2 >= k).map(|s| s.toks.start);
        let (speaker, mut end) = if form.participle {
            (self.continued(k, false, frames), after)
        } else if let Some(sp) = before {
            (Some(sp), after)
        } else if let Some((sp, e)) = (k == self.sent_start(k) || self.is_punct(k.wrapping_sub(1)))
            .then(|| self.en_speaker_after(after))
            .flatten()
        {
            (Some(sp), e)
        } else {
            (self.continued(k, false, frames), after)
        };
        if speaker.as_ref().is_some_and(|s| s.document) {
            return None;
        }
        let speaker = speaker.map(|s| self.resolve(s, k, frames));
        let cue = self.toks[k].orig().start..self.toks[hit.toks.end - 1].orig().end;
        let mk = |content, kind, setting| Found {
            kind,
            speaker: None,
            cue: Some(cue.clone()),
            lemma: form.lemma.as_str(),
            content,
            setting,
        };
        // A quotation just before the speaker and cue: `"…," X said.`
        let mut b = self.sent_start(k).max(k.saturating_sub(14));
        let mut before_quote = None;
        for q in (b..k).rev() {
            if let Some(r) = self.closes(q) {
                before_quote = Some(r.clone());
                b = q;
                break;
            }
        }
        if let Some(r) = &before_quote {
            let between_ok = (b + 1..k).all(|j| !self.complementizer(j));
            let rest_words = self.nonpunct(after, send);
            // A clause of this cue's own after it ("… said that …"), not one of a later cue
            // ("…," Lopez said, adding that …).
            let clause_after = (after..send.min(after + 12))
                .take_while(|&j| self.hit(j).is_none())
                .any(|j| self.complementizer(j) || self.w(j) == ":");
            if between_ok && !clause_after && (rest_words <= 12 || self.opens(after).is_none()) {
                let inner = trim(self.doc.text(), r.inner().clone());
                return Some((speaker, Some(mk(inner, QuoteKind::Direct, None))));
            }
        }
        // "said (on Tuesday) that …", "said: …", "said “…”"
        let mut j = end;
        let mut start = None;
        while j < send && j - end <= 14 {
            if j > end && self.hit(j).is_some() {
                break;
            }
            if self.complementizer(j) || self.w(j) == ":" {
                start = Some(j + 1);
                break;
            }
            if self.opens(j).is_some_and(|r| self.words_in(&r.inner()) >= 2) && (j == end || self.is_punct(j - 1)) {
                start = Some(j);
                break;
            }
            j += 1;
        }
        if start.is_none() && form.class == Class::Directive {
            let clause_end = self.clause_end(after);
            if self.big_open_in(end, clause_end).is_some() {
                start = Some(end);
                j = end;
            }
        }
        if start.is_none()
            && matches!(form.lemma.as_str(), "say" | "tell" | "add")
            && self.is_word(end)
            && !self.is_exact_at(end, Word::EnStop)
        {
            let mut e = end;
            if form.lemma == "tell" {
                e += 1; // the person told
            }
            while self.is_word(e) && self.is_exact_at(e, Word::Time) {
                e += 1; // "said Tuesday it would …"
            }
            if self.is_word(e) && !self.is_exact_at(e, Word::EnStop) {
                end = e;
                start = Some(end);
                j = end;
            }
        }
        if start.is_none()
            && matches!(form.class, Class::Say | Class::Assert)
            && let Some(b) = before_start
            && b > 0
            && self.w(b - 1) == ","
        {
            // "Exports fell in the third quarter, Finance Minister Paul Girard said on Friday."
            let sstart = self.sent_start(k);
            let sstart = (sstart..(sstart + 12).min(b))
                .rev()
                .find(|&d| matches!(self.w(d), "—" | "–" | "-"))
                .map_or(sstart, |d| d + 1);
            if b - 1 > sstart {
                let r = trim(self.doc.text(), self.toks[sstart].orig().start..self.toks[b - 2].orig().end);
                if self.words_in(&r) >= 4 && !self.any_hit(sstart, b - 1) {
                    let kind = if self.quotation_within(&r) { QuoteKind::Mixed } else { QuoteKind::Indirect };
                    return Some((speaker, Some(mk(r, kind, None))));
                }
            }
        }
        let Some(start) = start else { return Some((speaker, None)) };
        let (content, kind) = self.content(start)?;
        let kind = if form.class == Class::Directive && kind == QuoteKind::Direct { QuoteKind::Mixed } else { kind };
        let setting = self.setting(end..j);
        Some((speaker, Some(mk(content, kind, setting))))
    }

    // ------------------------------------------------------------------ quotations no cue claimed

    fn unclaimed_quotes(&self, found: &mut Vec<Found>) {
        let text = self.doc.text();
        // The statements found so far by where their contents start, with the furthest end so
        // far, to tell in one search whether a quotation overlaps one of them. (Statements added
        // here lie inside quotations before the one at hand and cannot overlap it.)
        let mut by_start: Vec<(usize, usize)> = found.iter().map(|f| (f.content.start, f.content.end)).collect();
        by_start.sort_unstable();
        let mut reach = Vec::with_capacity(by_start.len());
        let mut m = 0;
        for &(_, e) in &by_start {
            m = m.max(e);
            reach.push(m);
        }
        // Statements with a speaker by where their contents end (then by position in `found`,
        // as the last of equal ends wins), for the statement a quotation continues.
        let mut by_end: Vec<(usize, usize)> =
            (found.iter().enumerate()).filter(|(_, f)| f.speaker.is_some()).map(|(i, f)| (f.content.end, i)).collect();
        by_end.sort_unstable();
        crate::text::tick(by_start.len() + by_end.len());
        // The last statement added here (their ends grow with the quotations they come from).
        let mut added: Option<usize> = None;
        for r in self.regions.iter().filter(|r| r.depth == 0) {
            crate::text::tick(1);
            let n = by_start.partition_point(|&(s, _)| s < r.outer().end);
            if n > 0 && reach[n - 1] > r.outer().start {
                continue;
            }
            if self.words_in(&r.inner()) < 4 {
                continue;
            }
            let open = self.doc.token_at_or_after(r.outer().start);
            if open >= self.body.end || open < self.body.start {
                continue;
            }
            let sstart = self.sent_start(open);
            // "X: «…»"
            if open > sstart && self.w(open - 1) == ":" {
                if let Some(sp) = self.speaker_colon(sstart..open - 1) {
                    let sp = self.resolve(sp, open, &[]);
                    let inner = trim(text, r.inner().clone());
                    added = Some(found.len());
                    found.push(Found {
                        kind: QuoteKind::Direct,
                        speaker: Some(sp),
                        cue: None,
                        lemma: "",
                        content: inner,
                        setting: None,
                    });
                }
                continue;
            }
            // A quotation that opens its sentence continues the statement just before it.
            let lead = self.nonpunct(sstart, open);
            // …and runs to the end of its sentence (a title opening a sentence does not).
            let close = self.doc.token_at_or_after(r.outer().end);
            let tail = self.nonpunct(close, self.sent_end(close.saturating_sub(1)));
            if lead == 0 && tail == 0 && open > self.body.start {
                // The statement with a speaker ending last before the quotation (the last of
                // equals in `found` order; those added here come last).
                let n = by_end.partition_point(|&(e, _)| e <= r.outer().start);
                let before = n.checked_sub(1).map(|i| by_end[i]);
                let prev = match (before, added) {
                    (Some((e, _)), Some(a)) if found[a].content.end >= e => Some(a),
                    (None, Some(a)) => Some(a),
                    (b, _) => b.map(|(_, i)| i),
                };
                if let Some(p) = prev.map(|i| &found[i]) {
                    let gap_paras = self.doc.paragraph_at(r.outer().start).unwrap_or(0)
                        - self.doc.paragraph_at(p.content.start).unwrap_or(0);
                    if gap_paras <= 1 {
                        let inner = trim(text, r.inner().clone());
                        let speaker = p.speaker.clone();
                        added = Some(found.len());
                        found.push(Found {
                            kind: QuoteKind::Direct,
                            speaker,
                            cue: None,
                            lemma: "",
                            content: inner,
                            setting: None,
                        });
                    }
                }
            }
        }
    }
}

/// Trims a trailing conjunction ("و", "كما", "and") from a byte range of `text`.
fn trim_conj(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    for c in [" كما", " و", " and", " while"] {
        if let Some(rest) = s.strip_suffix(c) {
            return trim(text, r.start..r.start + rest.len());
        }
    }
    r
}

/// Trims whitespace and trailing sentence punctuation from a byte range of `text`.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '،' | ',' | '؛' | ';' | ':'));
    (r.start + lead).min(r.start + t.len())..r.start + t.len()
}

#[cfg(test)]
mod tests;
