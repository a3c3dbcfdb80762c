//! Every integration test of the workspace, in one test binary: the
//! library and the shared helpers (`tests/support/`) build and link once, and
//! the harness spreads all the tests over its threads.
//!
//! One module per topic, named as its file: `cargo test --test suite
//! cli_flow::` runs one topic, `cargo test --test suite NAME` every test whose
//! path holds NAME. To add a topic, write `tests/suite/<topic>.rs` (starting
//! with `use crate::support;` when it needs the helpers) and add
//! `mod <topic>;` below, in order. A helper two topics need goes in
//! `tests/support/`; every helper there is used, as no dead code is allowed.
//!
//! All tests share one process, so none may change what the others see:
//! no `std::env::set_var` or current directory change (the variables a
//! PKCS#11 module loaded in this process reads are set through
//! [`support::softhsm::InProcess`], held by one test at a time), no
//! `i18n::set_current` (pass the language); services, tmux servers and temp
//! dirs of the test's own.

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
mod cli_french;
mod cli_generate;
mod core_flows;
mod crash_safety;
mod deploy_hostile;
mod deploy_nginx;
mod directory_ldap;
mod doctor;
mod fleet_ansible;
mod forged_mail;
mod fuzz_replay;
mod hostile_http;
mod hostile_inputs;
mod hostile_servers;
mod key_races;
mod keys_password;
mod mail_failures;
mod mail_flow;
mod mail_scale;
mod mail_services;
mod ops_check;
mod ops_systemd;
mod packages;
mod platform_adopt;
mod platform_p12_import;
mod platform_types;
mod ra_issue;
mod ra_library;
mod ra_platform;
mod ra_reject;
mod ra_revocation;
mod ra_serve;
mod revocation;
mod revocation_ldap;
mod rsa_blinding;
mod tls_own_servers;
mod trust;
mod trust_export;
mod tui_card_key_password;
mod tui_config_services;
mod tui_demo;
mod tui_deploy_job;
mod tui_platform;
mod tui_portal_layout;
mod tui_revocation;
mod tui_tmux;
mod tui_tmux_answers;
mod tui_tmux_config;
mod tui_tmux_deploy;
mod tui_tmux_deploy_form;
mod tui_tmux_platform;
mod tui_tmux_portal;
mod tui_tmux_procedure;
mod tui_tmux_shell;
mod tui_tmux_wizard_platform;
mod tui_tree_after;
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
mod tui_update_wizard_platform;
mod wizard_e2e;
mod wizard_platform;
mod wizard_supersede;
