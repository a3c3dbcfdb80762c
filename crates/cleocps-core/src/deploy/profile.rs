//! The deploy profile's checks: its modes and owner as numbers. The profile
//! itself is the request's data (`request::DeployProfile`, DESIGN §3, §4b).

use super::error::DeployError;
use crate::request::DeployProfile;

/// Mode of certificate files unless `mode` says otherwise (public material).
const CERT_MODE: u32 = 0o644;
/// Mode of the key unless `key_mode` says otherwise.
const KEY_MODE: u32 = 0o600;

/// How long `check` or `reload` may run unless the profile says otherwise.
pub const COMMAND_TIMEOUT: u64 = 120;

impl DeployProfile {
    /// The rules a profile meets before anything is written, without the
    /// disk: a target at least, each file named once, octal modes.
    /// (Owners are looked up, and targets resolved, when it runs.)
    pub fn check(&self) -> Result<(), DeployError> {
        let targets = self.targets();
        if targets.is_empty() {
            return Err(DeployError::NoTargets);
        }
        for (i, (_, path)) in targets.iter().enumerate() {
            if targets[..i].iter().any(|(_, p)| p == path) {
                return Err(DeployError::SameTarget(path.clone()));
            }
        }
        self.mode()?;
        self.key_mode()?;
        Ok(())
    }

    pub fn mode(&self) -> Result<u32, DeployError> {
        parse_mode(self.mode.as_deref(), CERT_MODE)
    }

    /// The key's mode; one giving others any permission is refused.
    pub fn key_mode(&self) -> Result<u32, DeployError> {
        let mode = parse_mode(self.key_mode.as_deref(), KEY_MODE)?;
        if mode & 0o007 != 0 {
            return Err(DeployError::KeyModeForOthers(
                self.key_mode.clone().unwrap_or_default(),
            ));
        }
        Ok(mode)
    }

    pub fn command_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.command_timeout.unwrap_or(COMMAND_TIMEOUT).max(1))
    }

    /// Whether the owner is given by numeric ids (taken as given, even
    /// with no such user or group here).
    pub fn numeric_owner(&self) -> bool {
        self.owner.as_deref().is_some_and(|o| {
            o.split(':')
                .any(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
    }

    /// The uid and gid to give the files (`None`: left as created).
    pub fn owner_ids(&self) -> Result<(Option<u32>, Option<u32>), DeployError> {
        let Some(owner) = self.owner.as_deref() else {
            return Ok((None, None));
        };
        let (user, group) = owner.split_once(':').unwrap_or((owner, ""));
        let id = |db: &str, name: &str| -> Result<Option<u32>, DeployError> {
            if name.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = name.parse() {
                return Ok(Some(n));
            }
            lookup(db, name)
                .map(Some)
                .ok_or_else(|| DeployError::UnknownOwner(owner.to_string()))
        };
        Ok((id("passwd", user)?, id("group", group)?))
    }
}

fn parse_mode(text: Option<&str>, default: u32) -> Result<u32, DeployError> {
    match text {
        None => Ok(default),
        Some(t) => u32::from_str_radix(t.trim_start_matches("0o"), 8)
            .ok()
            .filter(|m| *m <= 0o777)
            .ok_or_else(|| DeployError::BadMode(t.to_string())),
    }
}

/// A user's or group's id by name, through NSS (`getent`), so LDAP or SSSD
/// accounts resolve as they do for the service itself.
fn lookup(db: &str, name: &str) -> Option<u32> {
    let out = std::process::Command::new("getent")
        .args([db, name])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.lines().next()?.split(':').nth(2)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_needs_a_target_named_once_and_octal_modes() {
        let p = |cert: &str, key: &str, mode: &str| DeployProfile {
            cert: (!cert.is_empty()).then(|| cert.into()),
            key: (!key.is_empty()).then(|| key.into()),
            mode: (!mode.is_empty()).then(|| mode.into()),
            ..DeployProfile::default()
        };
        assert_eq!(p("", "", "").check(), Err(DeployError::NoTargets));
        assert_eq!(
            p("/etc/a.pem", "/etc/a.pem", "").check(),
            Err(DeployError::SameTarget("/etc/a.pem".into()))
        );
        assert_eq!(
            p("/etc/a.crt", "", "rw").check(),
            Err(DeployError::BadMode("rw".into()))
        );
        assert_eq!(p("/etc/a.crt", "/etc/a.key", "0640").check(), Ok(()));
    }

    #[test]
    fn modes_are_octal_and_bounded() {
        assert_eq!(parse_mode(Some("0640"), 0), Ok(0o640));
        assert_eq!(parse_mode(Some("600"), 0), Ok(0o600));
        assert_eq!(parse_mode(None, 0o644), Ok(0o644));
        assert!(parse_mode(Some("0999"), 0).is_err());
        assert!(parse_mode(Some("7777"), 0).is_err());
    }

    #[test]
    fn a_key_mode_for_others_is_refused() {
        let p = |m: &str| DeployProfile {
            key_mode: Some(m.into()),
            ..DeployProfile::default()
        };
        assert_eq!(p("0640").key_mode(), Ok(0o640));
        for m in ["0777", "0604", "0601", "0644"] {
            assert_eq!(
                p(m).key_mode(),
                Err(DeployError::KeyModeForOthers(m.into())),
                "{m}"
            );
        }
    }

    #[test]
    fn owners_by_name_or_number() {
        let p = |o: &str| DeployProfile {
            owner: Some(o.into()),
            ..DeployProfile::default()
        };
        assert_eq!(p("root:root").owner_ids(), Ok((Some(0), Some(0))));
        assert_eq!(p("0").owner_ids(), Ok((Some(0), None)));
        assert_eq!(p(":0").owner_ids(), Ok((None, Some(0))));
        assert!(p("no-such-user-cleocps").owner_ids().is_err());
        assert_eq!(p("99999:99999").owner_ids(), Ok((Some(99999), Some(99999))));
        assert!(p("99999:99999").numeric_owner());
        assert!(!p("root:root").numeric_owner());
    }
}
