//! The holder's servers listed by the directory, for the form of a
//! request: pick one to fill the form.

use cleocps_core::directory::ServerEntry;

#[derive(Debug, Clone)]
pub struct ServersModal {
    /// The request whose form is filled.
    pub path: String,
    pub entries: Vec<ServerEntry>,
    pub sel: usize,
}
