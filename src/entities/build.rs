//! Document-level coreference: mentions grouped into one entity per referent.

use super::{Cand, Ctx, Key};
use crate::model::{Entity, EntityKind, Mention};
use std::collections::HashMap;

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

fn words(c: &Cand) -> Option<&[String]> {
    match &c.key {
        Key::Name(w) => Some(w),
        _ => None,
    }
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

/// Head words of peacekeeping missions and forces.
const MISSION_HEADS: &[&str] = &["بعثه", "قوه", "قوات", "Mission", "Force"];

/// Joins `a` to the hosts when they all belong to one other entity.
fn join_unique(uf: &mut UnionFind, a: usize, hosts: &[usize]) {
    let ra = uf.find(a);
    let mut roots: Vec<usize> = hosts.iter().map(|&h| uf.find(h)).filter(|&r| r != ra).collect();
    roots.sort_unstable();
    roots.dedup();
    if roots.len() == 1 {
        uf.union(a, roots[0]);
    }
}

/// Groups the candidates of `cx` into entities, ordered by first mention.
pub(super) fn entities(cx: &Ctx<'_, '_>) -> Vec<Entity> {
    let cands = &cx.cands;
    let mut uf = UnionFind((0..cands.len()).collect());
    let mut first_of: HashMap<&Key, usize> = HashMap::new();
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
    // A partial name joins the one fuller name that contains it ("لابورد" → "جان بول لابورد").
    let people: Vec<usize> =
        (0..cands.len()).filter(|&i| cands[i].kind == EntityKind::Person && words(&cands[i]).is_some()).collect();
    for &a in &people {
        let hosts: Vec<usize> =
            people.iter().copied().filter(|&b| contains_run(&cands[b].words, &cands[a].words)).collect();
        join_unique(&mut uf, a, &hosts);
    }
    // An organisation's shorter form joins its one longer form ("لجنة مكافحة التطرف" → "… التابعة
    // لمجلس الأمن", "بعثة الأمم المتحدة" → "بعثة الأمم المتحدة لمساعدة العراق").
    let orgs: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].kind == EntityKind::Organization).collect();
    for &a in &orgs {
        let short = &cands[a].words;
        if words(&cands[a]).is_none() || short.len() < 2 {
            continue;
        }
        let hosts: Vec<usize> = orgs
            .iter()
            .copied()
            .filter(|&b| cands[b].words.len() > short.len() && cands[b].words.starts_with(short))
            .collect();
        join_unique(&mut uf, a, &hosts);
    }
    // Missions and forces: a descriptive form ("بعثة حفظ السلام في مالي") joins the one other
    // mission of the article.
    for &a in &orgs {
        let Some(head) = cands[a].words.first().filter(|h| MISSION_HEADS.contains(&h.as_str())) else { continue };
        if words(&cands[a]).is_none() {
            continue;
        }
        let hosts: Vec<usize> = orgs
            .iter()
            .copied()
            .filter(|&b| {
                cands[b].words.first() == Some(head)
                    || matches!(cands[b].words.first(), Some(w) if w.strip_prefix('ل') == Some(head))
            })
            .collect();
        join_unique(&mut uf, a, &hosts);
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..cands.len() {
        let r = uf.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<(usize, Entity)> = groups
        .into_values()
        .map(|members| {
            let kind = members
                .iter()
                .find(|&&i| !matches!(cands[i].key, Key::Name(_)))
                .map_or(cands[members[0]].kind, |&i| cands[i].kind);
            let mut mentions: Vec<Mention> = members
                .iter()
                .map(|&i| Mention { text: cands[i].text.clone(), span: cx.doc.span(cands[i].range.clone()) })
                .collect();
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
            mentions.dedup_by_key(|m| m.span.start);
            let name = mentions
                .iter()
                .max_by_key(|m| (m.text.split_whitespace().count(), m.text.chars().count()))
                .map(|m| m.text.clone())
                .unwrap_or_default();
            let code = members.iter().find_map(|&i| cands[i].code).map(str::to_string);
            let first = mentions.first().map_or(usize::MAX, |m| m.span.start);
            (first, Entity { kind, name, mentions, code, date: None, amount: None })
        })
        .collect();
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, e)| e).collect()
}
