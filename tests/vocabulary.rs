//! The shared lexicon vocabulary is built with the parser's tables and never grows while parsing:
//! names found in one article (a dateline's reporter or town, repeated in the body) are matched
//! through a per-article table, not added to the process-wide one (which would grow without end in
//! a long-running service, and take its write lock on every article).
//! One test in its own binary: no other test builds lexicons concurrently.

#[test]
fn parsing_does_not_grow_the_shared_vocabulary() {
    let parser = khabar::Parser::new();
    let before = khabar::text::vocabulary_len();
    assert!(before > 1000, "the parser's tables fill the vocabulary ({before} words)");
    // invented towns and reporters, each article with a different one, named again in the body
    for (town, reporter) in
        [("قرية الزيتونة", "سامر القبلاني"), ("وادي الصفصاف", "ليلى الكرمي"), ("تل الورد", "نادر الشماع")]
    {
        let text = format!(
            "{town} - {reporter}: قال مسؤول محلي إن الأهالي في {town} ينتظرون المساعدات. \
             وأضاف {reporter} أن الطرق مغلقة."
        );
        let article = parser.parse(&text).unwrap();
        // the reporter the dateline gave is found again in the body (the per-article table at work)
        let reporter_mentions = article.entities().iter().find(|e| e.name == reporter).map_or(0, |e| e.mentions.len());
        assert_eq!(reporter_mentions, 2, "{reporter}: {:?}", article.entities());
    }
    let text =
        "BLUEFIELD, Nowhere (Khabar) - Jane Oakridge said the road was closed. Oakridge added that help was coming.";
    parser.parse(text).unwrap();
    assert_eq!(khabar::text::vocabulary_len(), before, "parsing added words to the shared vocabulary");
}
