//! External text (mail, LDAP values, certificate names, file names) is data:
//! before it reaches a terminal, every character that could drive the
//! terminal instead of being shown is removed — C0 and C1 controls (ESC
//! starts the escape sequences), DEL, and the bidirectional overrides that
//! reorder what is seen ("Trojan Source"). Both fronts go through here.

use std::borrow::Cow;

/// A character a terminal would act on rather than show.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line: unsafe characters dropped, line breaks and tabs made spaces.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Several lines: unsafe characters dropped, `\n` and `\t` kept (a tab only
/// moves the cursor; our own tables use it).
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let keep = |c: char| (keep_newlines && matches!(c, '\n' | '\t')) || !is_unsafe(c);
    if s.chars().all(keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' if keep_newlines => out.push(c),
            '\n' | '\t' | '\r' if !keep_newlines => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_never_pass() {
        let hostile = "ADMIN_INCONNU\u{1b}]0;pwned\u{7}\u{1b}[2J refus\u{9b}31m\u{202E}cba";
        let shown = line(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
        assert_eq!(shown, "ADMIN_INCONNU]0;pwned[2J refus31mcba");
        assert_eq!(line("a\r\nb\tc"), "a  b c");
        assert_eq!(text("a\r\nb\tc"), "a\nb\tc");
        // Clean text is not copied.
        assert!(matches!(
            line("Clinique du Test — Le Mans"),
            Cow::Borrowed(_)
        ));
    }
}
