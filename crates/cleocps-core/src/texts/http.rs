use crate::lang::Text;
use crate::text;

pub static TEXTS: &[Text] = &[
    text!(
        "http.not_http",
        "{} : seules les adresses http:// sont lues",
        "{}: only http:// is fetched"
    ),
    text!("http.bad_url", "{} : adresse invalide", "{}: invalid URL"),
    text!(
        "http.timeout",
        "pas de réponse complète en {} s",
        "no complete answer within {} s"
    ),
    text!(
        "http.too_big",
        "réponse de plus de {} octets",
        "answer over {} bytes"
    ),
    text!(
        "http.redirects",
        "plus de {} redirections",
        "more than {} redirects"
    ),
    text!(
        "http.status",
        "le serveur répond « {} »",
        "the server answers \"{}\""
    ),
    text!(
        "http.no_header",
        "réponse sans en-tête HTTP",
        "answer without an HTTP header"
    ),
];
