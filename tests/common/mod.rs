//! Helpers shared by the integration tests.

/// The bench corpus's articles of one language (`ar`, `en`), in file order.
#[allow(dead_code)] // each test binary uses what it needs
pub fn corpus_articles(lang: &str) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(lang))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// The bench corpus's articles of one language joined as paragraphs into one text of about `bytes`.
#[allow(dead_code)]
pub fn long_article(lang: &str, bytes: usize) -> String {
    let texts = corpus_articles(lang);
    let mut out = String::with_capacity(bytes + 16 * 1024);
    for t in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}
