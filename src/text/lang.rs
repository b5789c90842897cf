//! Language detection from script ratios.

use crate::model::Language;

/// Detects the language of a text from the share of Arabic-script and Latin letters.
///
/// Arabic when Arabic-script letters are at least 40 % of all letters and outnumber Latin ones;
/// English when Latin letters are at least half of all letters; otherwise [`Language::Other`].
///
/// ```
/// use khabar::{Language, text::detect_language};
/// assert_eq!(detect_language("أعلن مجلس الأمن (UN) قراره"), Language::Arabic);
/// assert_eq!(detect_language("The Council (مجلس الأمن) voted today"), Language::English);
/// assert_eq!(detect_language("Совет Безопасности"), Language::Other);
/// assert_eq!(detect_language("2254 (2015)"), Language::Other);
/// ```
pub fn detect_language(text: &str) -> Language {
    super::tick(text.len());
    let (mut arabic, mut latin, mut letters, mut ascii_letters) = (0usize, 0usize, 0usize, 0usize);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII and the Arabic letters U+0621..U+064A straight from their bytes
        let x = bytes[i];
        if x < 0x80 {
            // an ASCII letter: latin, and a letter (counted together below)
            ascii_letters += usize::from((x | 0x20).wrapping_sub(b'a') < 26);
            i += 1;
            continue;
        }
        if (x == 0xD8 && bytes[i + 1] >= 0xA1) || (x == 0xD9 && bytes[i + 1] <= 0x8A) {
            letters += 1;
            arabic += 1;
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if super::is_alphabetic(c) {
            letters += 1;
            if is_arabic_script(c) {
                arabic += 1;
            } else if ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin += 1;
            }
        }
    }
    decide(arabic, latin + ascii_letters, letters + ascii_letters)
}

/// The language of a text with `arabic` Arabic-script and `latin` Latin letters among `letters`.
fn decide(arabic: usize, latin: usize, letters: usize) -> Language {
    if letters == 0 {
        Language::Other
    } else if arabic * 10 >= letters * 4 && arabic >= latin {
        Language::Arabic
    } else if latin * 2 >= letters {
        Language::English
    } else {
        Language::Other
    }
}

/// True for letters of the Arabic script blocks (Arabic, Supplement, Extended-A, presentation forms).
pub(crate) fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char definition the byte loop must agree with.
    fn reference(text: &str) -> Language {
        let (mut arabic, mut latin, mut letters) = (0usize, 0usize, 0usize);
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin += 1;
            } else if is_arabic_script(c) {
                arabic += 1;
            }
        }
        decide(arabic, latin, letters)
    }

    #[test]
    fn byte_loop_agrees_with_the_definition() {
        let pieces = ["قال", "The", " ", "ء", "ـ", "é", "Ω", "ﻻ", "٢", "@", "Z", "ی", "\u{064E}", "日本", "x", "،"];
        for s in crate::text::sample_texts(&pieces, 99, 5000, |x| (x >> 60) as usize) {
            assert_eq!(detect_language(&s), reference(&s), "{s:?}");
        }
    }
}
