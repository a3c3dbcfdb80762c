//! The log file: `$XDG_STATE_HOME/cleocps/cleocps.log` (or `$CLEOCPS_LOG_FILE`),
//! level from `$CLEOCPS_LOG` (error, warn, info — the default —, debug, off).
//! Only actions and outcomes are logged: never a PIN, a password or a key.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

struct FileLogger {
    file: Mutex<std::fs::File>,
    level: log::LevelFilter,
}

impl log::Log for FileLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= self.level && metadata.target().starts_with("cleocps")
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if let Ok(mut f) = self.file.lock() {
            let _ = writeln!(
                f,
                "{} {} [{}] {}",
                crate::procedure::now(),
                record.level(),
                std::process::id(),
                record.args()
            );
        }
    }

    fn flush(&self) {
        if let Ok(mut f) = self.file.lock() {
            let _ = f.flush();
        }
    }
}

/// Where the log goes.
pub fn log_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLEOCPS_LOG_FILE").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|b| b.home_dir().join(".local/state")))?;
    Some(state.join("cleocps").join("cleocps.log"))
}

/// Starts logging; a log that can't be opened is not an error (the tool works without).
pub fn init() {
    let level = match std::env::var("CLEOCPS_LOG").as_deref() {
        Ok("off") => return,
        Ok("error") => log::LevelFilter::Error,
        Ok("warn") => log::LevelFilter::Warn,
        Ok("debug") => log::LevelFilter::Debug,
        Ok("trace") => log::LevelFilter::Trace,
        _ => log::LevelFilter::Info,
    };
    let Some(path) = log_path() else { return };
    if crate::fsutil::create_private_dir(crate::fsutil::parent_of(&path)).is_err() {
        return;
    }
    use std::os::unix::fs::OpenOptionsExt;
    // Never through a final link: as root, a planted one would be appended to.
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(crate::fsutil::PRIVATE_FILE)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(&path)
    else {
        return;
    };
    let logger = FileLogger {
        file: Mutex::new(file),
        level,
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(level);
    }
}
