//! `doctor`'s checks of the local ways (no server to reach): the sendmail
//! program, the outbox, the Maildir and the directory file.

use super::check;
use crate::card::Check;
use crate::i18n::{t, tf, Lang};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// An I/O error in the user's language for the usual cases.
fn io_detail(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    let id = match e.kind() {
        std::io::ErrorKind::NotFound => "doctor.not_found",
        std::io::ErrorKind::PermissionDenied => "doctor.denied",
        _ => return format!("{}: {e}", path.display()),
    };
    tf(lang, id, &[&path.display()])
}

/// The program is there and executable.
pub(super) fn sendmail(path: &Path, lang: Lang) -> Check {
    let fix = Some(t(lang, "doctor.fix.sendmail").to_string());
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.permissions().mode() & 0o111 != 0 => {
            check("sendmail", true, path.display().to_string(), None)
        }
        Ok(_) => {
            let detail = tf(lang, "doctor.not_executable", &[&path.display()]);
            check("sendmail", false, detail, fix)
        }
        Err(e) => check("sendmail", false, io_detail(lang, path, &e), fix),
    }
}

/// A directory, or one that the first sending can make (its parent is there).
pub(super) fn outbox(dir: &Path, lang: Lang) -> Check {
    let fix = Some(t(lang, "doctor.fix.outbox").to_string());
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => check("outbox", true, dir.display().to_string(), None),
        Ok(_) => {
            let detail = tf(lang, "doctor.not_a_dir", &[&dir.display()]);
            check("outbox", false, detail, fix)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            match dir.parent().map(|p| p.is_dir()) {
                Some(true) => {
                    let detail = tf(lang, "doctor.made_at_send", &[&dir.display()]);
                    check("outbox", true, detail, None)
                }
                _ => check("outbox", false, io_detail(lang, dir, &e), fix),
            }
        }
        Err(e) => check("outbox", false, io_detail(lang, dir, &e), fix),
    }
}

/// A Maildir that can be read; says how many mails it holds.
pub(super) fn maildir(dir: &Path, lang: Lang) -> Check {
    match crate::mail::maildir::names(dir) {
        Ok(names) => {
            let detail = tf(lang, "doctor.maildir", &[&dir.display(), &names.len()]);
            check("maildir", true, detail, None)
        }
        Err(e) => {
            let detail = match std::fs::metadata(dir) {
                Err(io) => io_detail(lang, dir, &io),
                Ok(_) => e.localize(lang),
            };
            let fix = Some(t(lang, "doctor.fix.maildir").to_string());
            check("maildir", false, detail, fix)
        }
    }
}

/// A directory file that reads as one.
pub(super) fn directory_file(path: &Path, lang: Lang) -> Check {
    let fix = Some(t(lang, "doctor.fix.directory_file").to_string());
    if let Err(e) = std::fs::metadata(path) {
        return check("directory_file", false, io_detail(lang, path, &e), fix);
    }
    match crate::directory::file::lookup(path, "") {
        Ok(_) => check("directory_file", true, path.display().to_string(), None),
        Err(e) => check("directory_file", false, e.localize(lang), fix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_local_way_is_checked() {
        let d = tempfile::tempdir().expect("tmp");
        let missing = d.path().join("none");
        assert!(!sendmail(&missing, Lang::En).ok);
        assert!(sendmail(Path::new("/bin/sh"), Lang::En).ok);
        assert!(outbox(&missing, Lang::En).ok, "made at the first sending");
        assert!(!outbox(&missing.join("deeper"), Lang::En).ok);
        assert!(!maildir(&missing, Lang::En).ok);
        std::fs::create_dir_all(d.path().join("md/new")).expect("new");
        std::fs::create_dir_all(d.path().join("md/cur")).expect("cur");
        assert!(maildir(&d.path().join("md"), Lang::En).ok);
        let file = d.path().join("dir.json");
        std::fs::write(&file, r#"{"servers":[]}"#).expect("file");
        assert!(directory_file(&file, Lang::En).ok);
        std::fs::write(&file, "nope").expect("file");
        assert!(!directory_file(&file, Lang::En).ok);
        assert!(!directory_file(&missing, Lang::En).ok);
    }
}
