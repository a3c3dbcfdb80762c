#!/usr/bin/python
# -*- coding: utf-8 -*-
# The certificate of a cleocps request installed where a service reads it.

from __future__ import annotations

DOCUMENTATION = r"""
module: cleocps_deploy
short_description: Deploy the certificate of a cleocps request
description: >-
  Runs C(cleocps deploy) (staged files, key checked against the certificate,
  swap, check command, reload, roll back on failure) with the targets given,
  or with the request's saved profile when none is given. Nothing is done
  when every certificate target already holds the request's certificate and
  every other target exists (and the profile to save is the saved one).
options:
  folder: {type: str, required: true, description: The folder.}
  name: {type: str, required: true, description: The request's name.}
  key_password: {type: str, description: "The stored key's password, to write the key out (vault it)."}
  cert: {type: path, description: Install the certificate (PEM) here.}
  key: {type: path, description: Install the key here.}
  chain: {type: path, description: Install the CA chain here.}
  fullchain: {type: path, description: Install certificate and intermediates here.}
  owner: {type: str, description: "USER:GROUP of the installed files."}
  mode: {type: str, description: Mode of the certificate files.}
  key_mode: {type: str, description: Mode of the key.}
  encrypted_key: {type: bool, default: false, description: Install the key encrypted.}
  check: {type: str, description: "Command run after the swap, e.g. C(nginx -t)."}
  reload: {type: str, description: "Command run after a good check, e.g. C(systemctl reload nginx)."}
  follow_symlinks: {type: bool, default: false, description: Replace the file a target link points to.}
  save: {type: bool, default: false, description: Keep this profile in the request (renewals inherit it).}
  workspace: {type: path, description: The cleocps workspace.}
  binary: {type: str, default: cleocps, description: The cleocps command.}
  config: {type: path, description: The cleocps configuration file.}
"""

RETURN = r"""
serial: {description: The certificate deployed., returned: always, type: str}
targets: {description: The files installed., returned: always, type: list}
"""

import os

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.cleocps.igcsante.plugins.module_utils.cleocps import (
    COMMON_OPTIONS, Cleocps, certificate_der, read_text, request_file)

PATHS = ("cert", "key", "chain", "fullchain")
TEXTS = ("owner", "mode", "key_mode", "check", "reload")
FLAGS = ("encrypted_key", "follow_symlinks")


def given_profile(p):
    """The profile of the options, as cleocps saves it; None when no option names one."""
    profile = {k: os.path.abspath(p[k]) for k in PATHS if p[k]}
    profile.update({k: p[k] for k in TEXTS if p[k] is not None})
    if not profile and not any(p[k] for k in FLAGS):
        return None
    profile.update({k: bool(p[k]) for k in FLAGS})
    return profile


def holds_certificate(path, der):
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return False
    return certificate_der(text) == der


def in_place(profile, der):
    """Every target of `profile` there, the certificate ones holding `der`."""
    for kind in PATHS:
        target = profile.get(kind)
        if not target:
            continue
        if kind in ("cert", "fullchain"):
            if not holds_certificate(target, der):
                return False
        elif not os.path.isfile(target):
            return False
    return any(profile.get(k) for k in PATHS)


def options(p):
    args = []
    for k in PATHS + TEXTS:
        if p[k] is not None:
            args += ["--" + k.replace("_", "-"), p[k]]
    args += ["--" + k.replace("_", "-") for k in FLAGS + ("save",) if p[k]]
    return args


def main():
    spec = dict(COMMON_OPTIONS, folder=dict(type="str", required=True), name=dict(type="str", required=True),
                key_password=dict(type="str", no_log=True),
                encrypted_key=dict(type="bool", default=False), follow_symlinks=dict(type="bool", default=False),
                save=dict(type="bool", default=False))
    spec.update({k: dict(type="path") for k in PATHS})
    spec.update({k: dict(type="str") for k in TEXTS})
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    p = module.params
    cli = Cleocps(module)
    path = "%s/%s" % (p["folder"], p["name"])
    shown = cli.show(path)
    given, saved = given_profile(p), shown.get("deploy")
    profile = given or saved or {}
    leaf = read_text(request_file(shown, ".crt")) if shown.get("certificate") else None
    der = certificate_der(leaf) if leaf else None
    serial = (shown.get("certificate") or {}).get("serial")
    to_save = p["save"] and given is not None and given != saved
    if der and in_place(profile, der) and not to_save:
        module.exit_json(changed=False, request=path, serial=serial, targets=targets(profile))
    diff = dict(before="deployed: none of %s\n" % path, after="deployed: %s (%s)\n" % (serial, ", ".join(targets(profile))))
    if module.check_mode:
        module.exit_json(changed=True, request=path, serial=serial, targets=targets(profile), diff=diff)
    _, done = cli.run("deploy", path, *options(p), secret=p["key_password"])
    report = done["deploy"]
    module.exit_json(changed=True, request=path, serial=report["serial"],
                     targets=[t["path"] for t in report["targets"]], diff=diff)


def targets(profile):
    return [profile[k] for k in PATHS if profile.get(k)]


if __name__ == "__main__":
    main()
