//! `cleocps wizard --route platform`: the core's run on the platform's
//! road, walked from the command line. Without `--cert` it prints the
//! request with the platform's steps and stops (exit 3, resumable);
//! `--resume --cert FILE` (or a first run given `--cert`) finishes it.

use super::super::{hint, Ctx, Output};
use super::{ask_line, report_files, say, RouteArg, WizardArgs};
use crate::i18n::{t, tf};
use cleocps_core::error::{Error, Result};
use cleocps_core::procedure;
use cleocps_core::request::RequestType;
use cleocps_core::wizard::{self, Answer, Found, Given, Next, Route, Run, Step};
use cleocps_core::workspace::Workspace;

/// Whether this run takes the platform's road: asked for, a resumed run
/// that is on it, a type the card does not issue, or no registration
/// server to mail the card's request to.
pub(super) fn taken(ws: &Workspace, args: &WizardArgs, ctx: &Ctx) -> Result<bool> {
    if args.resume {
        return Ok(wizard::to_resume(ws)?.is_some_and(|p| p.route == Route::Platform));
    }
    let kind = args.kind.map(RequestType::from);
    Ok(match args.route {
        Some(RouteArg::Platform) => true,
        Some(RouteArg::Card) => false,
        None => {
            let registration =
                args.ra_cert.is_some() || ctx.config.registration.certificate.is_some();
            !kind.is_some_and(RequestType::card_route) || !registration
        }
    })
}

pub(super) fn run(
    ws: &Workspace,
    args: &WizardArgs,
    ctx: &Ctx,
    out: &Output,
    interactive: bool,
) -> Result<i32> {
    let lang = out.lang;
    let mut run = Run::on(Route::Platform);
    let mut next = if args.resume {
        let paused = wizard::to_resume(ws)?;
        if let Some(p) = &paused {
            say(tf(
                lang,
                "wizard.resuming",
                &[&p.path, &t(lang, p.state.label_id())],
            ));
        }
        run.found(Found::Resumable(paused));
        answered(&mut run, Answer::Resume(true), out)?
    } else {
        let kind = args.kind.map(RequestType::from).unwrap_or(RequestType::Ssl);
        run.given = args.cn.clone().or(args.fqdn.clone()).or(args.email.clone());
        run.found(Found::Resumable(None));
        answered(&mut run, Answer::Type(kind), out)?
    };
    loop {
        next = match next {
            Some(Next::Csr(start)) => {
                let (path, csr) = wizard::make_csr(ws, &ctx.config, &start)?;
                run.found(Found::Prepared { path, csr })
            }
            Some(Next::Import { path, given }) => {
                let (req, files) = wizard::import(ws, &path, &given)?;
                return done(out, &req, &files);
            }
            // A resumed run whose certificate is in: the files only.
            Some(Next::Finish(path)) => {
                let (req, files) = wizard::import(ws, &path, &Given::Text(Vec::new()))?;
                return done(out, &req, &files);
            }
            Some(_) => return Err(Error::Wizard(format!("{:?}", run.step))),
            None => {
                let answer = ask(ws, &run, args, ctx, out, interactive)?;
                answered(&mut run, answer, out)?
            }
        };
    }
}

fn answered(run: &mut Run, answer: Answer, out: &Output) -> Result<Option<Next>> {
    run.answer(answer)
        .map_err(|p| Error::Wizard(t(out.lang, p.text_id()).to_string()))
}

/// The run's question at its step, answered from the flags or typed.
fn ask(
    ws: &Workspace,
    run: &Run,
    args: &WizardArgs,
    ctx: &Ctx,
    out: &Output,
    interactive: bool,
) -> Result<Answer> {
    let lang = out.lang;
    let need_cn = || Error::Wizard(t(lang, "wizard.pf.need_cn").to_string());
    Ok(match &run.step {
        Step::Service { names } => {
            if !interactive {
                return Err(need_cn());
            }
            for (i, n) in names.iter().enumerate() {
                eprintln!("  {}. {n}", i + 1);
            }
            eprintln!("  {}. {}", names.len() + 1, t(lang, "wizard.pf.other_name"));
            let pick: usize = ask_line(lang, "wizard.pick")?.parse().unwrap_or(0);
            Answer::Server(pick.checked_sub(1).filter(|i| *i < names.len()))
        }
        Step::Typed { .. } if interactive => Answer::Name(ask_line(lang, "wizard.pf.ask_cn")?),
        Step::Typed { .. } => return Err(need_cn()),
        Step::KeyPassword => Answer::KeyPassword(!args.no_key_password),
        Step::Csr { path, csr } => {
            show_request(&ws.find(path)?, csr, out);
            if args.cert.is_none() {
                return Err(Error::NothingYet(tf(lang, "wizard.pf.waiting", &[path])));
            }
            Answer::Continue
        }
        Step::Certificate { .. } => match &args.cert {
            // Standard input (`-`) is read here; a file by the core.
            Some(file) if file.as_os_str() == "-" => Answer::Certificate(Given::Text(
                super::super::response::read_answer(file, ctx.config.max_message_bytes())?,
            )),
            Some(file) => Answer::Certificate(Given::File(file.clone())),
            None => return Err(need_cn()),
        },
        other => return Err(Error::Wizard(format!("{other:?}"))),
    })
}

/// The CSR on standard output (to copy), the platform's steps and any
/// warning about the subject on standard error.
fn show_request(req: &cleocps_core::request::Request, csr: &str, out: &Output) {
    let lang = out.lang;
    for notice in procedure::subject_notices(req) {
        say(notice.localize(lang));
    }
    say(t(lang, "tui.wpf.csr_title").to_string());
    for (i, step) in wizard::platform_steps(req.kind, lang).iter().enumerate() {
        eprintln!("  {}. {step}", i + 1);
    }
    if !out.json {
        print!("{csr}");
    }
}

fn done(
    out: &Output,
    req: &cleocps_core::request::Request,
    files: &wizard::FinalFiles,
) -> Result<i32> {
    report_files(out, req, files);
    let command = format!(
        "cleocps deploy {} --cert FILE --key FILE --save",
        hint::shell_word(&req.path())
    );
    say(tf(out.lang, "wizard.pf.deploy_hint", &[&command]));
    Ok(0)
}
