//! Every integration test of the workspace, in one test binary: the shared
//! helpers (`tests/support/`) and the library build and link once, and the
//! harness spreads all tests over its threads.
//!
//! One module per topic, named as its file: `cargo test --test suite cli_flow::`
//! runs one file's tests, `cargo test --test suite NAME` those whose path holds
//! NAME. To add a topic, write `tests/suite/<topic>.rs` (start it with
//! `use crate::support;` if it needs the helpers) and add `mod <topic>;` below,
//! in order. Helpers two topics need go in `tests/support/`; every helper there
//! is used (the crate builds with no dead code allowed).
//!
//! The tests share one process, so nothing a test does may reach another
//! through process-wide state: no `std::env::set_var` or current directory
//! change outside [`support::softhsm::InProcess`], the interface language set
//! only through [`support::lang`], tmux servers and services of their own.

#[path = "../support/mod.rs"]
mod support;

mod answers_in_the_wild;
mod card_cms;
mod card_share;
mod card_soft;
mod card_softhsm;
mod cli_adopt;
mod cli_card;
mod cli_config_set;
mod cli_export_name;
mod cli_flow;
mod cli_generate;
mod core_flows;
mod crash_safety;
mod deploy_nginx;
mod directory_ldap;
mod doctor;
mod forged_mail;
mod fuzz_replay;
mod keys_password;
mod mail_failures;
mod mail_flow;
mod mail_scale;
mod mail_services;
mod ops_check;
mod ops_systemd;
mod ra_issue;
mod ra_library;
mod ra_reject;
mod ra_serve;
mod rsa_blinding;
mod trust;
mod tui_config_services;
mod tui_demo;
mod tui_deploy_job;
mod tui_portal_layout;
mod tui_tmux;
mod tui_tmux_answers;
mod tui_tmux_config;
mod tui_tmux_deploy;
mod tui_tmux_portal;
mod tui_tmux_procedure;
mod tui_tmux_shell;
mod tui_update;
mod tui_update_card;
mod tui_update_config;
mod tui_update_export;
mod tui_update_layout;
mod tui_update_mail;
mod tui_update_ops;
mod tui_update_palette;
mod tui_update_paste;
mod tui_update_steps;
mod tui_update_wizard;
mod wizard_e2e;
