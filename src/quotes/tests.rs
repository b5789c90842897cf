//! Speaker linking with hand-built entities (the entities extractor is separate).

use super::*;
use crate::model::{EntityKind, Mention};

fn entity(doc: &Doc<'_>, kind: EntityKind, name: &str, surfaces: &[&str]) -> Entity {
    let text = doc.text();
    let mentions = surfaces
        .iter()
        .map(|s| {
            let at = text.find(s).expect("mention in text");
            doc.mention(at..at + s.len())
        })
        .collect::<Vec<Mention>>();
    Entity { kind, name: name.to_string(), mentions, code: None, date: None, amount: None }
}

#[test]
fn speaker_links_to_the_entity_it_overlaps_or_names() {
    let t = "أكد المدير التنفيذي للوكالة جان بيير مارتان أن البرنامج سيتوسع. وأضاف مارتان أن التمويل مضمون. \
             وقالت الوزارة إن الطلبات تضاعفت.";
    let d = Doc::new(t, None);
    let ents = vec![
        entity(&d, EntityKind::Location, "الوكالة", &[]),
        entity(&d, EntityKind::Person, "جان بيير مارتان", &["جان بيير مارتان"]),
        entity(&d, EntityKind::Organization, "الوزارة", &["الوزارة"]),
    ];
    let quotes = extract(&d, &ents);
    let links: Vec<(&str, Option<usize>)> =
        quotes.iter().map(|q| q.speaker.as_ref().map(|s| (s.text.as_str(), s.entity)).unwrap()).collect();
    // the first by its span, the surname by the whole word of the name, the ministry by its mention
    assert_eq!(links, [("جان بيير مارتان", Some(1)), ("مارتان", Some(1)), ("الوزارة", Some(2))]);
}

#[test]
fn a_surname_is_not_linked_to_a_name_that_only_contains_its_letters() {
    let t = "وقال حسن إن الاجتماع انتهى.";
    let d = Doc::new(t, None);
    let mut e = entity(&d, EntityKind::Person, "محسن الجابري", &[]);
    e.mentions.clear();
    let quotes = extract(&d, &[e]);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker.as_ref().unwrap().entity, None);
}

#[test]
fn continuation_keeps_the_linked_entity() {
    let t = "قال الرئيس سليم حداد إن الانتخابات ستجري في موعدها. وتابع أن المراقبين مرحب بهم.";
    let d = Doc::new(t, None);
    let ents = vec![entity(&d, EntityKind::Person, "سليم حداد", &["سليم حداد"])];
    let quotes = extract(&d, &ents);
    assert_eq!(quotes.len(), 2);
    for q in &quotes {
        let s = q.speaker.as_ref().unwrap();
        assert_eq!((s.text.as_str(), s.entity), ("سليم حداد", Some(0)));
    }
    // the continuation's speaker span is the earlier speaker's
    assert_eq!(quotes[1].speaker.as_ref().unwrap().span, quotes[0].speaker.as_ref().unwrap().span);
}

#[test]
fn a_role_naming_a_body_is_not_that_body() {
    let t = "وقالت المندوبة الفرنسية بمجلس الأمن إن الاقتراح غير مقبول. وأكد مجلس الأمن أن الجلسة ستستأنف.";
    let d = Doc::new(t, None);
    let council = entity(&d, EntityKind::Organization, "مجلس الأمن", &[]);
    let at: Vec<usize> = t.match_indices("مجلس الأمن").map(|(i, _)| i).collect();
    let council =
        Entity { mentions: at.iter().map(|&i| d.mention(i..i + "مجلس الأمن".len())).collect(), ..council };
    let quotes = extract(&d, &[council]);
    let links: Vec<_> =
        quotes.iter().map(|q| q.speaker.as_ref().map(|s| (s.text.as_str(), s.entity)).unwrap()).collect();
    assert_eq!(links, [("المندوبة الفرنسية بمجلس الأمن", None), ("مجلس الأمن", Some(0))]);
}

#[test]
fn names_by_shape_without_entities() {
    // honorifics are part of the role; عبد/أبو/بن keep the article word of a compound name
    for (t, name, role) in [
        ("وأكد معالي الدكتور عبد الله بن محمد الكعبي أن المشروع سينجز.", "عبد الله بن محمد الكعبي", "معالي الدكتور"),
        ("وقال الأمين العام للجامعة أحمد أبو الغيط إن القمة ناجحة.", "أحمد أبو الغيط", "الأمين العام للجامعة"),
        ("وقال مندوب الكويت خالد العتيبي إن الحكومة مستعدة.", "خالد العتيبي", "مندوب الكويت"),
    ] {
        let d = Doc::new(t, None);
        let quotes = extract(&d, &[]);
        let s = quotes[0].speaker.as_ref().unwrap();
        assert_eq!((s.text.as_str(), s.role.as_deref()), (name, Some(role)), "{t}");
    }
}

#[test]
fn fold_agrees_with_the_unicode_tables() {
    // The fast paths of `fold` give what lower-casing every alphanumeric char and splitting on the
    // rest gives.
    let slow = |s: &str| -> String {
        let n: String = crate::text::normalize(s)
            .chars()
            .map(|c| if c == 'ة' { 'ه' } else { c })
            .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
            .collect();
        n.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let all: String = (0u32..0x2000).filter_map(char::from_u32).flat_map(|c| [c, ' ', c, '-']).collect();
    assert_eq!(speaker::fold(&all), slow(&all));
    let marked: String =
        (0x600u32..0x700).filter_map(char::from_u32).flat_map(|c| ['ب', c, 'ت', ' ', c, '-']).collect();
    assert_eq!(speaker::fold(&marked), slow(&marked));
    for s in [
        "  Pierre LAMBERT ",
        "بيير لامبيرت",
        "منظمة الصحة العالمية",
        "U.N. Security-Council",
        "-- x --",
        "İstanbul",
        "أحمد إبراهيم آل مصطفى",
        "مُحَمَّد ـ عليّ",
        "ﻣﺠﻠﺲ ٢٢٥٤",
    ] {
        assert_eq!(speaker::fold(s), slow(s), "{s}");
    }
}
