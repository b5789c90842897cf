//! Character classes with fast paths for news text, and byte offset → code point offset for the
//! `char_*` fields of [`crate::Span`].

/// Exactly `c.is_alphabetic()`, without the Unicode table lookup for ASCII, the Latin-1 letters
/// and the Arabic letters (U+0620–U+064A), nearly all of the letters in news text.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0620}'..='\u{064A}' => true,
        '\u{00C0}'..='\u{00FF}' => c != '\u{00D7}' && c != '\u{00F7}',
        '\0'..='\u{7F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Exactly `c.is_alphanumeric()`, with the fast paths of [`is_alphabetic`] and for the ASCII
/// and Arabic-Indic digits.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        '\0'..='\u{7F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Counts of code points before every block of [`BLOCK`] bytes; a lookup counts at most one
/// block's char starts. Memory is one `u32` per 64 input bytes.
#[derive(Debug, Clone)]
pub(crate) struct CharIndex<'t> {
    text: &'t str,
    ascii: bool,
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40 // not a continuation byte 0b10xx_xxxx
}

impl<'t> CharIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut blocks = Vec::new();
        if !ascii {
            let mut count = 0u32;
            for chunk in text.as_bytes().chunks(BLOCK) {
                blocks.push(count);
                count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
            }
            blocks.push(count);
        }
        CharIndex { text, ascii, blocks }
    }

    /// The number of code points in `text[..byte]`; `byte` must be a char boundary.
    pub(crate) fn char_offset(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks[block] as usize;
        base + self.text.as_bytes()[block * BLOCK..byte].iter().filter(|&&b| is_char_start(b)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn matches_a_direct_count() {
        let text = "abc مجلس الأمن ✓ ".repeat(40);
        let idx = CharIndex::new(&text);
        for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(idx.char_offset(i), text[..i].chars().count());
        }
        assert_eq!(CharIndex::new("abc").char_offset(2), 2);
        assert_eq!(CharIndex::new("").char_offset(0), 0);
    }
}
