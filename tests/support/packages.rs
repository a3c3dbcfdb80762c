//! The packages of `scripts/package.sh`, made once per test binary from
//! the cleocps binary cargo built for the tests (`--profile dev
//! --no-build`: no release build in the test run).

use super::process::run;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub struct Packages {
    pub deb: PathBuf,
    pub rpm: PathBuf,
}

/// The cargo target directory of the binary under test.
pub fn target_dir() -> PathBuf {
    let bin = super::bin();
    bin.parent()
        .and_then(Path::parent)
        .expect("target/debug/cleocps")
        .to_path_buf()
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Both packages, built on first use.
pub fn built() -> &'static Packages {
    static BUILT: OnceLock<Packages> = OnceLock::new();
    BUILT.get_or_init(|| {
        let target = target_dir();
        run(Command::new(repo().join("scripts/package.sh"))
            .args(["--profile", "dev", "--no-build", "--fast"])
            .env("CARGO_TARGET_DIR", &target));
        let version = env!("CARGO_PKG_VERSION");
        let packages = Packages {
            deb: target.join(format!("debian/cleocps_{version}-1_amd64.deb")),
            rpm: target.join(format!("generate-rpm/cleocps-{version}-1.x86_64.rpm")),
        };
        assert!(packages.deb.is_file(), "{} missing", packages.deb.display());
        assert!(packages.rpm.is_file(), "{} missing", packages.rpm.display());
        packages
    })
}
