//! Card commands: `card list|status|soft-init`, `doctor`, and the card path
//! of `request generate`. The PIN is asked only after the card's flags were
//! read and its warning shown; a wrong PIN is never retried.

use super::args::{CardArgs, CardCmd, GenerateArgs, PinArgs};
use super::{secrets, Ctx, Output};
use crate::i18n::{t, tf, Lang};
use cleocps_core::card::{self, CardOptions, PinState};
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure::{self, CardReady, CardSetup, CardWait, PinStep};
use cleocps_core::secret::Secret;
use cleocps_core::workspace::Workspace;
use serde_json::json;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// `card list`, `card status`, `card share`, `card soft-init`.
pub fn run(cmd: &CardCmd, ctx: &Ctx, out: &Output) -> Result<i32> {
    match cmd {
        CardCmd::List { card } => list(card, ctx, out),
        CardCmd::Status { card } => status(card, ctx, out),
        CardCmd::Share {
            card,
            ssh,
            ssh_options,
            remote_socket,
            command,
        } => share(
            card,
            ssh.as_deref(),
            ssh_options,
            remote_socket.as_deref(),
            command,
            ctx,
            out,
        ),
        CardCmd::SoftInit {
            file,
            holder_cert,
            holder_key,
            pin_file,
            force,
        } => soft_init(
            file,
            holder_cert,
            holder_key,
            pin_file.as_ref(),
            *force,
            out,
        ),
    }
}

/// The card options from the flags and the configuration.
pub fn options(args: &CardArgs, ctx: &Ctx) -> CardOptions {
    let c = &ctx.config.card;
    CardOptions {
        pkcs11_module: args.pkcs11_module.clone(),
        config_module: c.pkcs11_module.clone(),
        token_label: args.token_label.clone().or_else(|| c.token_label.clone()),
        soft_token: args.soft_token.clone().or_else(|| c.soft_token.clone()),
    }
}

fn flags_text(lang: Lang, pin: &PinState) -> String {
    let mut flags = Vec::new();
    if pin.locked {
        flags.push(t(lang, "card.flag_locked"));
    } else if pin.final_try {
        flags.push(t(lang, "card.flag_final_try"));
    } else if pin.count_low {
        flags.push(t(lang, "card.flag_count_low"));
    }
    if flags.is_empty() {
        "PIN OK".to_string()
    } else {
        flags.join(", ")
    }
}

pub fn list(args: &CardArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let listing = card::list(&options(args, ctx))?;
    let lang = out.lang;
    let mut lines = Vec::new();
    for m in &listing.modules {
        lines.push(format!(
            "{} {} ({:?})",
            if m.exists { "+" } else { "-" },
            m.path.display(),
            m.origin
        ));
    }
    if let Some(m) = &listing.module {
        lines.push(tf(lang, "card.module_used", &[&m.display()]));
    }
    for s in &listing.slots {
        let token = match &s.token {
            Some(tk) => format!("{} [{}]", tk.label, flags_text(lang, &tk.pin)),
            None => t(lang, "card.no_token_in_slot").to_string(),
        };
        lines.push(format!(
            "slot {}: {} — {token}",
            s.slot,
            s.description.trim()
        ));
    }
    if let Some(soft) = &listing.soft {
        lines.push(format!(
            "soft: {} [{}]",
            soft.label,
            flags_text(lang, &soft.pin)
        ));
    }
    out.done(&lines.join("\n"), json!(listing));
    Ok(0)
}

pub fn status(args: &CardArgs, ctx: &Ctx, out: &Output) -> Result<i32> {
    let st = card::status(&options(args, ctx))?;
    let lang = out.lang;
    let name = [
        st.holder.given_name.as_deref(),
        st.holder.surname.as_deref(),
    ]
    .iter()
    .flatten()
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    let mut text = vec![
        tf(
            lang,
            "card.status_token",
            &[&st.token.label, &flags_text(lang, &st.token.pin)],
        ),
        tf(lang, "card.status_holder", &[&st.holder.id, &name]),
        tf(
            lang,
            if st.expired {
                "card.status_cert_expired"
            } else {
                "card.status_cert"
            },
            &[&st.not_after],
        ),
    ];
    if let Some(fwd) = &st.forwarded {
        text.push(tf(lang, "card.doctor.forwarded", &[&fwd.socket.display()]));
    }
    let text = text.join("\n");
    if let Some(w) = warning_for(&st.token.pin) {
        super::say(&w.localize(lang));
    }
    out.done(&text, json!(st));
    Ok(0)
}

fn warning_for(pin: &PinState) -> Option<card::PinWarning> {
    if pin.final_try {
        Some(card::PinWarning::FinalTry)
    } else if pin.count_low {
        Some(card::PinWarning::CountLow)
    } else {
        None
    }
}

pub fn soft_init(
    file: &Path,
    cert: &Path,
    key: &Path,
    pin_file: Option<&PathBuf>,
    force: bool,
    out: &Output,
) -> Result<i32> {
    if file.exists() && !force {
        return Err(Error::FileExists(file.to_path_buf()));
    }
    let read = |p: &Path| -> Result<String> {
        let bytes = cleocps_core::fsutil::read_input(p).map_err(|e| Error::read(p, e))?;
        String::from_utf8(bytes)
            .map_err(|e| Error::io(p, std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
    };
    let pin = secrets::obtain(out.lang, pin_file.map(|p| p.as_path()), "field.pin", true)?;
    card::soft_init(file, &read(cert)?, &read(key)?, &pin)?;
    out.done(
        &tf(out.lang, "card.soft_created", &[&file.display()]),
        json!({"soft_token": file}),
    );
    Ok(0)
}

pub fn doctor(
    ws: &cleocps_core::workspace::Workspace,
    args: &CardArgs,
    ra_cert: Option<&Path>,
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    let card = options(args, ctx);
    let checks = cleocps_core::doctor::doctor(&cleocps_core::doctor::DoctorScope {
        config: &ctx.config,
        card: &card,
        ra_certificate: ra_cert.or(ctx.config.registration.certificate.as_deref()),
        workspace: ws,
    });
    let lang = out.lang;
    let text = checks
        .iter()
        .map(|c| {
            let mut line = format!(
                "{:<6} {} — {}",
                if c.ok { "OK" } else { t(lang, "card.fail") },
                c.name,
                c.detail
            );
            if let Some(fix) = &c.fix {
                line.push_str(&format!("\n       → {fix}"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n");
    out.done(&text, json!(checks));
    Ok(if checks.iter().all(|c| c.ok) { 0 } else { 1 })
}

/// Runs `step` — the card steps before a signature, alone
/// ([`procedure::prepare_card`]) or within the wizard's probe — the CLI's
/// way: when the card is absent and someone is at the terminal
/// (`interactive`), asks for it and polls ("the card is asked for if
/// absent"). Ctrl-C keeps its default action: nothing has been written yet.
pub(super) fn with_card<T>(
    lang: Lang,
    card: &CardOptions,
    ra_certificate: Option<&Path>,
    interactive: bool,
    pin: &PinArgs,
    step: impl FnOnce(CardSetup) -> Result<T>,
) -> Result<T> {
    let never = AtomicBool::new(false);
    let mut asked = false;
    let mut tick = |_: std::time::Duration| {
        if !asked {
            super::say(t(lang, "card.insert"));
            asked = true;
        }
    };
    step(CardSetup {
        card,
        ra_certificate,
        wait: interactive.then_some(CardWait {
            stop: &never,
            tick: &mut tick,
        }),
        pin_from_script: pin.pin_file.is_some() || !interactive,
        allow_last_try: pin.allow_last_pin_try,
    })
}

/// Says which card came, when it was waited for.
pub(super) fn say_inserted(lang: Lang, ready: &CardReady) {
    if ready.waited {
        super::say(&tf(lang, "card.inserted", &[&ready.info.label]));
    }
}

/// The PIN, after the card's warning: from `--pin-file` or a masked prompt,
/// checked against the card's bounds before the card sees it.
pub(super) fn obtain_pin(lang: Lang, ready: &CardReady, pin: &PinArgs) -> Result<Secret> {
    match &ready.pin {
        PinStep::Refused(e) => return Err(e.clone().into()),
        PinStep::Ask {
            warning: Some(w), ..
        } => super::say(&w.localize(lang)),
        PinStep::Ask { .. } => {}
    }
    let secret = secrets::obtain(lang, pin.pin_file.as_deref(), "field.pin", false)?;
    ready.pin.accept(&secret)?;
    Ok(secret)
}

/// `request generate --card`: card flags first, then the PIN, then one try.
pub fn generate(
    ws: &Workspace,
    args: &GenerateArgs,
    key_password: Option<&Secret>,
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    let lang = out.lang;
    let ra_path = args
        .ra_cert
        .as_deref()
        .or(ctx.config.registration.certificate.as_deref());
    let opts = options(&args.card_args, ctx);
    let interactive = std::io::stdin().is_terminal();
    let (mut token, ready) = with_card(
        lang,
        &opts,
        ra_path,
        interactive,
        &args.pin,
        procedure::prepare_card,
    )?;
    say_inserted(lang, &ready);
    let holder = &ready.holder.id;
    if let Some(name) = cleocps_core::wizard::unlisted(ws, &args.path, &ctx.config, holder) {
        super::say(&tf(lang, "wizard.unlisted_form", &[&name]));
    }
    let pin = obtain_pin(lang, &ready, &args.pin)?;
    let (req, report) = procedure::generate_card_request(
        ws,
        &args.path,
        key_password,
        token.as_mut(),
        &pin,
        &ready.ra_certificate,
    )?;
    out.done(
        &tf(
            lang,
            "card.request_done",
            &[
                &report.p7m.display(),
                &report.holder.id,
                &report.token_label,
            ],
        ),
        json!({"request": req, "card": report}),
    );
    Ok(0)
}

/// `card share`: export the chosen token; with `--ssh`, run the session
/// with the card forwarded and stop the export when it ends.
pub fn share(
    args: &CardArgs,
    ssh: Option<&str>,
    ssh_options: &[String],
    remote_socket: Option<&Path>,
    command: &[String],
    ctx: &Ctx,
    out: &Output,
) -> Result<i32> {
    use cleocps_core::card::share::{self as sh, Export};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let lang = out.lang;
    sh::platform_supported()?;
    let opts = options(args, ctx);
    if opts.soft_token.is_some() {
        return Err(card::CardError::Share {
            detail: t(lang, "card.share_soft").to_string(),
        }
        .into());
    }
    let module = card::find_module(&opts)?;
    let label = card::open(&opts)?.info()?.label;
    let mut export = Export::start(&module, &label)?;
    let target = ssh.unwrap_or("USER@SERVER");
    let remote = remote_socket
        .map(Path::to_path_buf)
        .unwrap_or_else(|| sh::default_remote_socket(target));
    let ssh_cmd = sh::ssh_args(target, &export.socket, &remote, ssh_options, command);
    let printable = format!("ssh {}", ssh_cmd.join(" "));
    // Signals stop the export cleanly (and, with --ssh, Ctrl-C belongs to the session).
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(|e| Error::io("signal", e))?;
    }
    let Some(target) = ssh else {
        out.done(
            &tf(lang, "card.share_ready", &[&label, &export.socket.display(), &printable]),
            json!({"token": label, "socket": export.socket, "remote_socket": remote, "ssh_command": printable}),
        );
        while !stop.load(Ordering::Relaxed) && export.running() {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        return Ok(0);
    };
    super::say(&tf(lang, "card.share_ssh", &[&label, &target]));
    sh::prepare_remote(target, &remote, ssh_options)?;
    let status = std::process::Command::new("ssh")
        .args(&ssh_cmd)
        .status()
        .map_err(|e| Error::io("ssh", e))?;
    drop(export);
    super::say(t(lang, "card.share_ended"));
    Ok(if status.success() { 0 } else { 1 })
}
