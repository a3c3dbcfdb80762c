//! "Coller la réponse": the certificate or PKCS#7 pasted into the terminal
//! (bracketed paste) for Étape 3, so no file has to be copied to the server.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PasteModal {
    /// The request awaiting its answer ("FOLDER/NAME").
    pub path: String,
    /// What was pasted, as is; a second paste adds to it.
    pub text: String,
    /// Why Enter was refused (nothing pasted yet).
    pub error: Option<String>,
}
