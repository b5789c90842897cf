//! Errors returned by the parser.

/// Why an input could not be parsed. Nothing is lost: the error says where and why.
///
/// ```
/// let err = khabar::Parser::new().parse_bytes(b"ok \xff").unwrap_err();
/// assert_eq!(err.kind(), khabar::ErrorKind::InvalidUtf8);
/// assert_eq!(err, khabar::Error::InvalidUtf8 { offset: 3 });
/// assert_eq!(err.to_string(), "invalid UTF-8 at byte offset 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8; `offset` is the byte offset of the first invalid byte.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is larger than the parser's limit ([`crate::ParserBuilder::max_input_bytes`]).
    #[error("input of {len} bytes exceeds the limit of {max} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The limit in force.
        max: usize,
    },
}

/// The kind of an [`Error`], for matching without the details.
///
/// ```
/// let parser = khabar::Parser::builder().max_input_bytes(4).build();
/// assert_eq!(parser.parse("too long").unwrap_err().kind(), khabar::ErrorKind::InputTooLarge);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::InvalidUtf8`].
    InvalidUtf8,
    /// See [`Error::InputTooLarge`].
    InputTooLarge,
}

impl Error {
    /// The kind of this error.
    ///
    /// ```
    /// let e = khabar::Error::InputTooLarge { len: 10, max: 5 };
    /// assert_eq!(e.kind(), khabar::ErrorKind::InputTooLarge);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::InputTooLarge { .. } => ErrorKind::InputTooLarge,
        }
    }
}
