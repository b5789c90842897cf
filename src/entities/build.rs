//! Document-level coreference: mentions grouped into one entity per referent.

use super::{Cand, Ctx, Key};
use crate::model::{Entity, EntityKind, Mention};
use rustc_hash::FxHashMap as HashMap;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index (earlier mention) becomes the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

fn words(c: &Cand) -> Option<&[u32]> {
    match &c.key {
        Key::Name(w) => Some(w),
        _ => None,
    }
}

fn contains_run(long: &[u32], short: &[u32]) -> bool {
    short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

fn is_subsequence(short: &[u32], long: &[u32]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Head words of peacekeeping missions and forces.
const MISSION_HEADS: &[&str] = &["بعثه", "قوه", "قوات", "Mission", "Force"];

/// Joins `a` to the hosts when they all belong to one other entity.
fn join_unique(uf: &mut UnionFind, a: usize, hosts: impl IntoIterator<Item = usize>) {
    let ra = uf.find(a);
    let mut root = None;
    for h in hosts {
        let r = uf.find(h);
        match root {
            _ if r == ra => {}
            None => root = Some(r),
            Some(x) if x == r => {}
            Some(_) => return, // two other entities
        }
    }
    if let Some(r) = root {
        uf.union(a, r);
    }
}

/// The candidates listed under `key` in `index` (sorted by key, then candidate).
fn listed(index: &[(u32, usize)], key: u32) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|&(k, _)| k < key);
    index[from..].iter().take_while(move |&&(k, _)| k == key).map(|&(_, i)| i)
}

/// Groups the candidates of `cx` into entities, ordered by first mention.
pub(super) fn entities(cx: &mut Ctx<'_, '_>) -> Vec<Entity> {
    // the mention texts move into the entities (the candidates are dropped after)
    let mut texts: Vec<String> = cx.cands.iter_mut().map(|c| std::mem::take(&mut c.text)).collect();
    let cx = &*cx;
    let cands = &cx.cands;
    let mut uf = UnionFind((0..cands.len()).collect());
    // maps sized for the candidates up front (none is iterated in an order that shows)
    let n = cands.len();
    let mut first_of: HashMap<&Key, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for (i, c) in cands.iter().enumerate() {
        match first_of.get(&c.key) {
            Some(&j) if cands[j].kind == c.kind || !matches!(c.key, Key::Name(_)) => uf.union(i, j),
            Some(_) => {}
            None => {
                first_of.insert(&c.key, i);
            }
        }
    }
    for &(a, b) in &cx.pairs {
        uf.union(a, b);
    }
    // One representative per distinct word sequence and kind, indexed by word, so that linking
    // looks only at names sharing a word.
    let mut reps: HashMap<(EntityKind, &[u32]), usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for (i, c) in cands.iter().enumerate() {
        if !c.words.is_empty() {
            reps.entry((c.kind, &c.words[..])).or_insert(i);
        }
    }
    let mut reps: Vec<usize> = reps.into_values().collect();
    reps.sort_unstable();
    // (word, candidate) sorted by word: people are linked by any word, organisations by their
    // first (places are not linked)
    let mut by_word: Vec<(u32, usize)> = Vec::new();
    let mut by_first: Vec<(u32, usize)> = Vec::new();
    for &i in &reps {
        let c = &cands[i];
        match c.kind {
            EntityKind::Person => {
                by_word.extend(c.words.iter().map(|&w| (w, i)));
            }
            EntityKind::Organization => by_first.push((c.words[0], i)),
            _ => {}
        }
    }
    by_word.sort_unstable();
    by_word.dedup(); // a word twice in one name
    by_first.sort_unstable();
    for &a in &reps {
        let c = &cands[a];
        if words(c).is_none() {
            continue;
        }
        let short = &c.words[..];
        match c.kind {
            // A partial name joins the one fuller name that contains it ("مارتان" → "جان لوك مارتان").
            EntityKind::Person => {
                let hosts = listed(&by_word, short[0]).filter(|&b| contains_run(&cands[b].words, short));
                join_unique(&mut uf, a, hosts);
            }
            // An organisation's shorter form joins its one longer form: a prefix ("لجنة مكافحة
            // التطرف" → "… التابعة لمجلس الأمن"), or the same head and last word with words left out
            // ("فريق الخبراء المعني بالصومال" in "فريق الخبراء الدوليين المعني بالصومال").
            EntityKind::Organization if short.len() >= 2 => {
                let hosts = listed(&by_first, short[0]).filter(|&b| {
                    let long = &cands[b].words;
                    long.len() > short.len()
                        && (long.starts_with(short) || (long.last() == short.last() && is_subsequence(short, long)))
                });
                join_unique(&mut uf, a, hosts);
            }
            _ => {}
        }
    }
    // Missions and forces: a descriptive form ("بعثة حفظ السلام في مالي") joins the one other
    // mission of the article.
    for &a in &reps {
        let c = &cands[a];
        if c.kind != EntityKind::Organization || words(c).is_none() || !MISSION_HEADS.contains(&cx.word(c.words[0])) {
            continue;
        }
        join_unique(&mut uf, a, listed(&by_first, c.words[0]));
    }
    // the candidates grouped by entity: sorted by root, each group in mention order
    let roots: Vec<usize> = (0..cands.len()).map(|i| uf.find(i)).collect();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| roots[i]);
    let groups = order.chunk_by(|&a, &b| roots[a] == roots[b]);
    let mut out: Vec<(usize, Entity)> = groups
        .map(|members| {
            let kind = members
                .iter()
                .find(|&&i| !matches!(cands[i].key, Key::Name(_)))
                .map_or(cands[members[0]].kind, |&i| cands[i].kind);
            let mut mentions: Vec<Mention> = members
                .iter()
                .map(|&i| Mention { text: std::mem::take(&mut texts[i]), span: cx.doc.span(cands[i].range.clone()) })
                .collect();
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
            mentions.dedup_by_key(|m| m.span.start);
            // the fullest mention; among equals the most frequent, then the first
            let name = if mentions.len() == 1 {
                mentions[0].text.clone()
            } else {
                let mut freqs: HashMap<&str, usize> = HashMap::default();
                for m in &mentions {
                    *freqs.entry(m.text.as_str()).or_default() += 1;
                }
                mentions
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, m)| {
                        let freq = freqs[m.text.as_str()];
                        (m.text.split_whitespace().count(), m.text.chars().count(), freq, usize::MAX - i)
                    })
                    .map(|(_, m)| m.text.clone())
                    .unwrap_or_default()
            };
            let code = members.iter().find_map(|&i| cands[i].code).map(str::to_string);
            let first = mentions.first().map_or(usize::MAX, |m| m.span.start);
            (first, Entity { kind, name, mentions, code, date: None, amount: None })
        })
        .collect();
    out.sort_by_key(|(first, _)| *first);
    let mut out: Vec<Entity> = out.into_iter().map(|(_, e)| e).collect();
    disambiguate_codes(&mut out);
    out
}

/// Place names shared by two countries, with the country read by default and the other one:
/// طرابلس is Tripoli in Libya or in Lebanon, عمان is Oman or Amman in Jordan.
const SHARED_NAMES: &[(&str, &str, &str)] =
    &[("طرابلس", "LY", "LB"), ("Tripoli", "LY", "LB"), ("عمان", "OM", "JO"), ("عمّان", "OM", "JO")];

/// Gives a shared place name the other country's code when the article names that country and
/// not the default one.
fn disambiguate_codes(entities: &mut [Entity]) {
    let shared = |e: &Entity| e.kind == EntityKind::Location && SHARED_NAMES.iter().any(|(n, ..)| e.name == *n);
    if !entities.iter().any(shared) {
        return;
    }
    let codes: Vec<Option<String>> = entities.iter().map(|e| e.code.clone()).collect();
    for (i, e) in entities.iter_mut().enumerate() {
        if e.kind != EntityKind::Location {
            continue;
        }
        let Some(&(_, default, other)) =
            SHARED_NAMES.iter().find(|(n, d, _)| e.name == *n && e.code.as_deref() == Some(*d))
        else {
            continue;
        };
        let elsewhere = |c: &str| codes.iter().enumerate().any(|(j, x)| j != i && x.as_deref() == Some(c));
        if elsewhere(other) && !elsewhere(default) {
            e.code = Some(other.to_string());
        }
    }
}
