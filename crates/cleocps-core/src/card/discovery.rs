//! Which PKCS#11 module to load (DESIGN §8).
//!
//! A card forwarded over SSH (`$P11_KIT_SERVER_ADDRESS`, set by the user or
//! by `card share`) goes through p11-kit's client module.
//! An explicit choice (option, environment, forwarded card, config) is used as is: when it
//! is missing we say so rather than silently take another library. Without
//! one, the first existing CPS default, then p11-kit registered modules.

use super::{CardError, CardOptions, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const ENV_MODULE: &str = "CLEOCPS_PKCS11_MODULE";
pub const ENV_P11KIT_SERVER: &str = "P11_KIT_SERVER_ADDRESS";
pub const P11KIT_CLIENT: &str = "/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so";
/// Where p11-kit's client module lives on Debian/Ubuntu, RHEL/Fedora and others.
const P11KIT_CLIENT_PATHS: &[&str] = &[
    P11KIT_CLIENT,
    "/usr/lib/aarch64-linux-gnu/pkcs11/p11-kit-client.so",
    "/usr/lib64/pkcs11/p11-kit-client.so",
    "/usr/lib/pkcs11/p11-kit-client.so",
    "/usr/local/lib/pkcs11/p11-kit-client.so",
];
/// Where `card share` forwards the card on the server, under `$HOME`.
pub const FORWARDED_SOCKET: &str = ".cleocps/card.sock";
pub const CPS_DEFAULTS: &[&str] = &[
    "/usr/lib64/libcps3_pkcs11_lux.so",
    "/opt/santesocial/CPS/lib/libcps3_pkcs11_lux.so",
];
const P11KIT_MODULES: &str = "/usr/share/p11-kit/modules";
const P11KIT_LIBDIR: &str = "/usr/lib/x86_64-linux-gnu/pkcs11";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleOrigin {
    Option,
    Environment,
    Forwarded,
    Config,
    CpsDefault,
    P11Kit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleCandidate {
    pub path: PathBuf,
    pub origin: ModuleOrigin,
    pub exists: bool,
}

/// Every candidate in order of preference.
pub fn module_candidates(opts: &CardOptions) -> Vec<ModuleCandidate> {
    let env = std::env::var_os(ENV_MODULE)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let forwarded = forwarding().is_some();
    candidates_from(
        opts,
        env,
        forwarded,
        Path::new(P11KIT_MODULES),
        Path::new(P11KIT_LIBDIR),
    )
}

fn candidates_from(
    opts: &CardOptions,
    env: Option<PathBuf>,
    forwarded: bool,
    p11kit_dir: &Path,
    p11kit_libdir: &Path,
) -> Vec<ModuleCandidate> {
    let mut out: Vec<(PathBuf, ModuleOrigin)> = Vec::new();
    if let Some(p) = &opts.pkcs11_module {
        out.push((p.clone(), ModuleOrigin::Option));
    }
    if let Some(p) = env {
        out.push((p, ModuleOrigin::Environment));
    }
    if forwarded {
        out.push((p11kit_client(), ModuleOrigin::Forwarded));
    }
    if let Some(p) = &opts.config_module {
        out.push((p.clone(), ModuleOrigin::Config));
    }
    for p in CPS_DEFAULTS {
        out.push((PathBuf::from(p), ModuleOrigin::CpsDefault));
    }
    for p in p11kit_registered(p11kit_dir, p11kit_libdir) {
        out.push((p, ModuleOrigin::P11Kit));
    }
    out.into_iter()
        .map(|(path, origin)| ModuleCandidate {
            exists: path.is_file(),
            path,
            origin,
        })
        .collect()
}

/// `module:` lines of p11-kit's `*.module` files, trust-policy modules
/// left out (they hold CA certificates, never a signing key).
fn p11kit_registered(dir: &Path, libdir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "module"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let field = |name: &str| {
            text.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                (k.trim() == name).then(|| v.trim().to_string())
            })
        };
        if field("trust-policy").as_deref() == Some("yes") {
            continue;
        }
        if let Some(m) = field("module").filter(|m| !m.is_empty()) {
            let p = PathBuf::from(&m);
            out.push(if p.is_absolute() { p } else { libdir.join(p) });
        }
    }
    out
}

/// A card forwarded from the workstation (`card share` + `ssh -R`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forwarding {
    /// `unix:path=<socket>`, as p11-kit's client wants it.
    pub address: String,
    /// The socket on this machine.
    pub socket: PathBuf,
    /// Found through `$P11_KIT_SERVER_ADDRESS` (else the default socket path).
    pub from_env: bool,
}

/// The forwarded card: `$P11_KIT_SERVER_ADDRESS`, else a socket at `~/.cleocps/card.sock`.
pub fn forwarding() -> Option<Forwarding> {
    if let Some(addr) = std::env::var(ENV_P11KIT_SERVER)
        .ok()
        .filter(|v| !v.is_empty())
    {
        let socket = addr
            .split(';')
            .find_map(|part| part.strip_prefix("unix:path="))
            .map(PathBuf::from)
            .unwrap_or_default();
        return Some(Forwarding {
            address: addr,
            socket,
            from_env: true,
        });
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    let socket = PathBuf::from(home).join(FORWARDED_SOCKET);
    use std::os::unix::fs::FileTypeExt;
    let is_socket = std::fs::symlink_metadata(&socket)
        .map(|m| m.file_type().is_socket())
        .unwrap_or(false);
    is_socket.then(|| Forwarding {
        address: format!("unix:path={}", socket.display()),
        socket,
        from_env: false,
    })
}

/// p11-kit's client module, wherever the distribution put it.
pub fn p11kit_client() -> PathBuf {
    P11KIT_CLIENT_PATHS
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(P11KIT_CLIENT))
}

/// Checks that somebody answers on the forwarded socket, and points
/// p11-kit's client at it (it reads the variable when the module starts).
pub fn prepare_forwarding(fwd: &Forwarding) -> Result<()> {
    if std::os::unix::net::UnixStream::connect(&fwd.socket).is_err() {
        return Err(CardError::ForwardingDead {
            socket: fwd.socket.clone(),
        });
    }
    if !fwd.from_env {
        std::env::set_var(ENV_P11KIT_SERVER, &fwd.address);
    }
    Ok(())
}

/// The module to load. A forwarded card must answer on its socket.
pub fn find_module(opts: &CardOptions) -> Result<PathBuf> {
    let candidates = module_candidates(opts);
    if candidates
        .first()
        .is_some_and(|c| c.origin == ModuleOrigin::Forwarded)
    {
        if let Some(fwd) = forwarding() {
            prepare_forwarding(&fwd)?;
        }
    }
    pick(candidates)
}

fn pick(candidates: Vec<ModuleCandidate>) -> Result<PathBuf> {
    let explicit = |o: ModuleOrigin| {
        matches!(
            o,
            ModuleOrigin::Option
                | ModuleOrigin::Environment
                | ModuleOrigin::Forwarded
                | ModuleOrigin::Config
        )
    };
    if let Some(first) = candidates.first().filter(|c| explicit(c.origin)) {
        return if first.exists {
            Ok(first.path.clone())
        } else {
            Err(CardError::NoModule {
                tried: vec![first.path.clone()],
            })
        };
    }
    match candidates.iter().find(|c| c.exists) {
        Some(c) => Ok(c.path.clone()),
        None => Err(CardError::NoModule {
            tried: candidates.into_iter().map(|c| c.path).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_p11kit_parsing() {
        let dir = tempfile::tempdir().expect("tmp");
        let mods = dir.path().join("modules");
        let lib = dir.path().join("lib");
        std::fs::create_dir_all(&mods).expect("mk");
        std::fs::create_dir_all(&lib).expect("mk");
        std::fs::write(mods.join("a.module"), "module: liba.so\n").expect("w");
        std::fs::write(
            mods.join("trust.module"),
            "module: p11-kit-trust.so\ntrust-policy: yes\n",
        )
        .expect("w");
        std::fs::write(lib.join("liba.so"), b"").expect("w");
        let opts = CardOptions {
            config_module: Some("/nonexistent/conf.so".into()),
            ..Default::default()
        };
        let c = candidates_from(
            &opts,
            Some("/nonexistent/env.so".into()),
            false,
            &mods,
            &lib,
        );
        let paths: Vec<_> = c.iter().map(|c| c.path.clone()).collect();
        assert_eq!(paths[0], PathBuf::from("/nonexistent/env.so"));
        assert_eq!(paths[1], PathBuf::from("/nonexistent/conf.so"));
        assert_eq!(paths[2], PathBuf::from(CPS_DEFAULTS[0]));
        assert_eq!(paths.last(), Some(&lib.join("liba.so")));
        assert_eq!(paths.len(), 5);
        // A forwarded card comes right after the environment variable.
        let fwd = candidates_from(&CardOptions::default(), None, true, &mods, &lib);
        assert_eq!(fwd[0].path, PathBuf::from(P11KIT_CLIENT));
        assert_eq!(fwd[0].origin, ModuleOrigin::Forwarded);
        // An explicit choice that is missing is an error naming it.
        assert_eq!(
            pick(c),
            Err(CardError::NoModule {
                tried: vec!["/nonexistent/env.so".into()]
            })
        );
        // Without explicit choice: first existing, here the p11-kit one.
        let c = candidates_from(&CardOptions::default(), None, false, &mods, &lib);
        if !Path::new(CPS_DEFAULTS[0]).exists() && !Path::new(CPS_DEFAULTS[1]).exists() {
            assert_eq!(pick(c), Ok(lib.join("liba.so")));
        }
        let empty = dir.path().join("none");
        let c = candidates_from(&CardOptions::default(), None, false, &empty, &lib);
        if !Path::new(CPS_DEFAULTS[0]).exists() && !Path::new(CPS_DEFAULTS[1]).exists() {
            assert!(matches!(pick(c), Err(CardError::NoModule { tried }) if tried.len() == 2));
        }
    }
}
