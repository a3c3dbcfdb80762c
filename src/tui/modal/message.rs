//! A message dialog: a result, or an error saying what to do.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageModal {
    /// Text id of the title.
    pub title: &'static str,
    pub text: String,
    /// Drawn as an error (what went wrong and what to do).
    pub error: bool,
}

impl MessageModal {
    pub fn error(text: String) -> MessageModal {
        MessageModal {
            title: "tui.title.error",
            text,
            error: true,
        }
    }
}
