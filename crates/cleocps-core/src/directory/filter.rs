//! The search filter: the configured template with `{holder}` replaced by the
//! holder id escaped per RFC 4515, so `*`, `(`, `)`, `\` and NUL can't change it.

use crate::config::DEFAULT_LDAP_FILTER;

pub fn build(template: Option<&str>, holder: &str) -> String {
    template
        .unwrap_or(DEFAULT_LDAP_FILTER)
        .replace("{holder}", &ldap3::ldap_escape(holder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_is_escaped() {
        assert_eq!(
            build(Some("(uid={holder})"), "a*)(uid=*"),
            "(uid=a\\2a\\29\\28uid=\\2a)"
        );
        assert_eq!(
            build(None, "8042410007"),
            "(&(objectClass=testServer)(testAdminCardHolderId=8042410007))"
        );
    }
}
