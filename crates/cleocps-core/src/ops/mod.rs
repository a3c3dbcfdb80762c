//! Operations (DESIGN §9a): the certificate's three years after its import —
//! what expires when (`status`), and the monitoring `check` with its three
//! output formats (nagios, JSON, Prometheus). The fronts only print.

mod check;
mod prometheus;
mod status;

pub use check::{check, CheckReport, Checked, Level, Thresholds};
pub use prometheus::prometheus;
pub use status::{certificates, replaced_by, status, Certified, Status, Unreadable};
