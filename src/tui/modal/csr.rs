//! The CSR in PEM, to read or copy (OSC 52).

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsrModal {
    /// The request it belongs to ("FOLDER/NAME"), for the title.
    pub path: String,
    pub pem: String,
    /// Lines scrolled off the top.
    pub scroll: u16,
}
