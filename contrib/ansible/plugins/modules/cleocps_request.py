#!/usr/bin/python
# -*- coding: utf-8 -*-
# A request of cleocps present with its keys and CSR (or absent), on this host.

from __future__ import annotations

DOCUMENTATION = r"""
module: cleocps_request
short_description: A cleocps request with its keys and CSR
description: >-
  Makes sure the request C(folder)/C(name) exists in the cleocps workspace
  of the host, its form holds the values given, its RSA keys are generated
  and its PKCS#10 CSR is written (for the IGC-Santé platform). Runs the
  C(cleocps) command; cleocps decides what is allowed (a request already
  generated can't change its form; the module then fails with cleocps's message).
options:
  folder: {type: str, required: true, description: The folder.}
  name: {type: str, required: true, description: The request's name.}
  type: {type: str, description: "ssl, smime, serv-sign, serv-conf, org-auth-cli, org-sign, org-conf; passed to C(request create --type) when given."}
  cn: {type: str, description: The server's FQDN or the service's name.}
  email: {type: str, description: The server's mailbox (smime).}
  san: {type: list, elements: str, description: Extra DNS names.}
  o: {type: str, description: Raison sociale.}
  ou: {type: str, description: Identifiant national de structure.}
  st: {type: str, description: "Département, e.g. C(Sarthe (72))."}
  l: {type: str, description: City.}
  key_bits: {type: int, description: Key size when the keys are generated.}
  key_password: {type: str, description: "The key's password (vault it); without it the key is written clear."}
  state: {type: str, choices: [present, absent], default: present, description: Present with keys and CSR, or deleted.}
  workspace: {type: path, description: The cleocps workspace (default that of the remote user).}
  binary: {type: str, default: cleocps, description: The cleocps command.}
  config: {type: path, description: The cleocps configuration file.}
"""

RETURN = r"""
state:
  description: "The request's state: new, keys_generated, request_generated, sent, certificate_imported, rejected."
  returned: always
  type: str
csr_pem:
  description: The CSR (PEM) once generated.
  returned: when present
  type: str
csr_path:
  description: Where the CSR is on the host.
  returned: when present
  type: str
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.cleocps.igcsante.plugins.module_utils.cleocps import (
    COMMON_OPTIONS, Cleocps, read_text, request_file)

FORM = ("cn", "email", "san", "o", "ou", "st", "l")
BEFORE_KEYS = ("new",)
BEFORE_CSR = ("new", "keys_generated")


def form_of(shown):
    """The form as cleocps holds it, in this module's terms."""
    s = shown["subject"]
    kind = shown.get("type")
    form = {k: s.get(k) for k in ("o", "ou", "st", "l")}
    form["san"] = list(shown.get("san") or [])
    form["email" if kind == "smime" else "cn"] = s.get("cn")
    return form


def norm(key, value):
    if key == "san":
        return [v.strip().lower() for v in value or []]
    if value is None:
        return None
    value = value.strip()
    return value.lower() if key in ("cn", "email") else value


def edits(params, current):
    """The options given whose value differs from the request's."""
    return {k: params[k] for k in FORM
            if params[k] is not None and norm(k, params[k]) != norm(k, current.get(k))}


def edit_args(path, changes):
    args = ["request", "edit", path]
    for k, v in changes.items():
        if k == "san":
            args += ["--clear-san"] if not v else [a for name in v for a in ("--san", name)]
        else:
            args += ["--" + k, v]
    return args


def text(state, form):
    lines = ["state: %s" % state]
    for k in FORM:
        v = form.get(k)
        if v not in (None, []):
            lines.append("%s: %s" % (k, ", ".join(v) if k == "san" else v))
    return "\n".join(lines) + "\n"


def main():
    module = AnsibleModule(
        argument_spec=dict(
            COMMON_OPTIONS,
            folder=dict(type="str", required=True),
            name=dict(type="str", required=True),
            type=dict(type="str"),
            cn=dict(type="str"), email=dict(type="str"), san=dict(type="list", elements="str"),
            o=dict(type="str"), ou=dict(type="str"), st=dict(type="str"), l=dict(type="str"),
            key_bits=dict(type="int"),
            key_password=dict(type="str", no_log=True),
            state=dict(type="str", choices=["present", "absent"], default="present"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    cli = Cleocps(module)
    path = "%s/%s" % (p["folder"], p["name"])
    existing = cli.requests().get((p["folder"], p["name"]))
    if p["state"] == "absent":
        absent(module, cli, path, existing)
    shown = cli.show(path) if existing else None
    if shown and p["type"] and shown.get("type") != p["type"]:
        module.fail_json(msg="%s is a %s request, not %s: its type can't change (create another request)"
                         % (path, shown.get("type"), p["type"]))
    state = shown["state"] if shown else None
    current = form_of(shown) if shown else {}
    changes = edits(p, current)
    wanted = dict(current, **changes)
    steps = plan(state, changes)
    result = dict(changed=bool(steps), request=path,
                  diff=dict(before=text(state or "absent", current), after=text(after_state(state, steps), wanted)))
    if steps and not module.check_mode:
        apply(cli, p, path, steps, changes)
        shown = cli.show(path)
    if shown:
        csr = request_file(shown, ".csr")
        result.update(state=shown["state"], id=shown["id"], csr_path=csr, csr_pem=read_text(csr))
    else:
        result.update(state=None, csr_path=None, csr_pem=None)
    module.exit_json(**result)


def plan(state, changes):
    steps = []
    if state is None:
        steps.append("create")
    if changes:
        steps.append("edit")
    if state in (None,) + BEFORE_KEYS:
        steps.append("keys")
    if state in (None,) + BEFORE_CSR:
        steps.append("csr")
    return steps


def after_state(state, steps):
    return "request_generated" if "csr" in steps else (state or "absent")


def apply(cli, p, path, steps, changes):
    if "create" in steps:
        folders = {f["name"] for f in cli.run("folder", "list")[1] or []} if cli.exists() else set()
        if p["folder"] not in folders:
            cli.run("folder", "create", p["folder"])
        create = ["request", "create", path]
        if p["type"]:
            create += ["--type", p["type"]]
        cli.run(*create)
    if "edit" in steps:
        cli.run(*edit_args(path, changes))
    password = p["key_password"]
    if "keys" in steps:
        args = ["keys", "generate", path]
        if p["key_bits"]:
            args += ["--bits", str(p["key_bits"])]
        if password is None:
            cli.run(*args + ["--no-key-password"])
        else:
            cli.run(*args, secret=password)
    if "csr" in steps:
        cli.run("request", "generate", path, "--csr-only", secret=password)


def absent(module, cli, path, existing):
    if existing and not module.check_mode:
        cli.run("request", "delete", path)
    module.exit_json(changed=bool(existing), request=path, state=None,
                     diff=dict(before="state: %s\n" % (existing or {}).get("state", "absent"), after="state: absent\n"))


if __name__ == "__main__":
    main()
