//! The request's type (DESIGN §2a, **contract**): the platform's offer and
//! usage, as written in `request.json` and given to `--type`.

use crate::pki::Usage;
use serde::{Deserialize, Serialize};

/// Every software certificate of a structure; `"ssl"` and `"smime"` are
/// those files older than the other types already hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestType {
    /// SERV SSL_SERV: a TLS server.
    Ssl,
    /// SERV S/MIME: a server's mailbox.
    Smime,
    /// SERV SIGN: a server that signs.
    ServSign,
    /// SERV CONF: a server that deciphers.
    ServConf,
    /// ORG AUTH_CLI: a service authenticating as a client (INSi, DMP).
    OrgAuthCli,
    /// ORG SIGN: a service that signs documents.
    OrgSign,
    /// ORG CONF: a service that deciphers.
    OrgConf,
}

/// The platform's offer: a server, or a service of the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    Serv,
    Org,
}

/// What the certificate's subjectAltName holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SanKind {
    /// The CN and the extra names, as DNS names.
    Dns,
    /// The CN, a mailbox, as rfc822Name.
    Email,
    /// No SAN: an ORG certificate names a service.
    None,
}

impl RequestType {
    pub const ALL: [RequestType; 7] = [
        RequestType::Ssl,
        RequestType::Smime,
        RequestType::ServSign,
        RequestType::ServConf,
        RequestType::OrgAuthCli,
        RequestType::OrgSign,
        RequestType::OrgConf,
    ];

    /// The type named by `--type` or `request.json` (`"s/mime"` too).
    pub fn parse(s: &str) -> Option<RequestType> {
        let s = s.to_ascii_lowercase();
        if s == "s/mime" {
            return Some(RequestType::Smime);
        }
        RequestType::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The name in `request.json`, `--type` and the outputs (**contract**).
    pub fn as_str(self) -> &'static str {
        match self {
            RequestType::Ssl => "ssl",
            RequestType::Smime => "smime",
            RequestType::ServSign => "serv-sign",
            RequestType::ServConf => "serv-conf",
            RequestType::OrgAuthCli => "org-auth-cli",
            RequestType::OrgSign => "org-sign",
            RequestType::OrgConf => "org-conf",
        }
    }

    pub fn offer(self) -> Offer {
        match self {
            RequestType::Ssl
            | RequestType::Smime
            | RequestType::ServSign
            | RequestType::ServConf => Offer::Serv,
            RequestType::OrgAuthCli | RequestType::OrgSign | RequestType::OrgConf => Offer::Org,
        }
    }

    /// What the certificate must allow.
    pub fn usage(self) -> Usage {
        match self {
            RequestType::Ssl => Usage::ServerAuth,
            RequestType::Smime => Usage::EmailProtection,
            RequestType::OrgAuthCli => Usage::ClientAuth,
            RequestType::ServSign | RequestType::OrgSign => Usage::Signature,
            RequestType::ServConf | RequestType::OrgConf => Usage::Encipherment,
        }
    }

    pub fn san_kind(self) -> SanKind {
        match (self.offer(), self) {
            (_, RequestType::Smime) => SanKind::Email,
            (Offer::Serv, _) => SanKind::Dns,
            (Offer::Org, _) => SanKind::None,
        }
    }

    /// The platform's name: "SERV SSL_SERV", "ORG AUTH_CLI"…
    pub fn platform_name(self) -> &'static str {
        match self {
            RequestType::Ssl => "SERV SSL_SERV",
            RequestType::Smime => "SERV S/MIME",
            RequestType::ServSign => "SERV SIGN",
            RequestType::ServConf => "SERV CONF",
            RequestType::OrgAuthCli => "ORG AUTH_CLI",
            RequestType::OrgSign => "ORG SIGN",
            RequestType::OrgConf => "ORG CONF",
        }
    }

    /// The short name of lists and the tree: the two types of the original
    /// keep theirs ("SSL", "S/MIME"), the others are the platform's.
    pub fn short_name(self) -> &'static str {
        match self {
            RequestType::Ssl => "SSL",
            RequestType::Smime => "S/MIME",
            other => other.platform_name(),
        }
    }

    /// Text id of the form's CN field: the FQDN, the mailbox or the service.
    pub fn cn_field(self) -> &'static str {
        match self.san_kind() {
            SanKind::Dns => "field.cn",
            SanKind::Email => "field.email",
            SanKind::None => "field.service",
        }
    }

    /// The card and a registration server by mail (the original's road)
    /// issue only these; the platform issues every type.
    pub fn card_route(self) -> bool {
        matches!(self, RequestType::Ssl | RequestType::Smime)
    }

    /// The type a certificate is made for (DESIGN §2a): its EKU, then its
    /// KU, then the kind of its SAN (`has_dns`, `has_email`); `None` when
    /// nothing tells.
    pub fn infer(usage: Option<Usage>, has_dns: bool, has_email: bool) -> Option<RequestType> {
        let server = has_dns || has_email;
        match usage {
            Some(Usage::ServerAuth) => Some(RequestType::Ssl),
            Some(Usage::EmailProtection) => Some(RequestType::Smime),
            Some(Usage::ClientAuth) => Some(RequestType::OrgAuthCli),
            Some(Usage::Signature) if server => Some(RequestType::ServSign),
            Some(Usage::Signature) => Some(RequestType::OrgSign),
            Some(Usage::Encipherment) if server => Some(RequestType::ServConf),
            Some(Usage::Encipherment) => Some(RequestType::OrgConf),
            None if has_dns => Some(RequestType::Ssl),
            None if has_email => Some(RequestType::Smime),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_name_and_json() {
        for k in RequestType::ALL {
            assert_eq!(RequestType::parse(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).expect("json"),
                serde_json::Value::String(k.as_str().into())
            );
        }
        assert_eq!(RequestType::parse("S/MIME"), Some(RequestType::Smime));
        assert_eq!(RequestType::parse("org_auth_cli"), None);
        assert_eq!(RequestType::OrgAuthCli.platform_name(), "ORG AUTH_CLI");
        assert_eq!(RequestType::OrgConf.san_kind(), SanKind::None);
        assert_eq!(RequestType::ServSign.san_kind(), SanKind::Dns);
    }

    #[test]
    fn the_type_is_told_by_eku_then_ku_then_san() {
        use RequestType as T;
        let infer = RequestType::infer;
        assert_eq!(
            infer(Some(Usage::ClientAuth), false, false),
            Some(T::OrgAuthCli)
        );
        assert_eq!(infer(Some(Usage::ServerAuth), true, false), Some(T::Ssl));
        assert_eq!(
            infer(Some(Usage::Signature), true, false),
            Some(T::ServSign)
        );
        assert_eq!(
            infer(Some(Usage::Signature), false, false),
            Some(T::OrgSign)
        );
        assert_eq!(
            infer(Some(Usage::Encipherment), false, true),
            Some(T::ServConf)
        );
        assert_eq!(
            infer(Some(Usage::Encipherment), false, false),
            Some(T::OrgConf)
        );
        assert_eq!(infer(None, false, true), Some(T::Smime));
        assert_eq!(infer(None, false, false), None);
    }
}
