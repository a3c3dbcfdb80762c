#!/usr/bin/python
# -*- coding: utf-8 -*-
# The certificate of a cleocps request imported on this host (trust checked by cleocps).

from __future__ import annotations

DOCUMENTATION = r"""
module: cleocps_certificate
short_description: Import the certificate of a cleocps request
description: >-
  Imports the answer of the IGC-Santé platform (PEM, DER, .p7b/.p7c, a PEM
  bundle) into the request C(folder)/C(name) with C(cleocps response import):
  cleocps checks that it is for the request's key and chains to a trust
  anchor, and the module fails with cleocps's message otherwise. An answer
  carrying the certificate already imported changes nothing.
options:
  folder: {type: str, required: true, description: The folder.}
  name: {type: str, required: true, description: The request's name.}
  src: {type: path, description: The answer's file on the host.}
  content: {type: str, description: The answer's text (PEM or base64).}
  trust_anchors: {type: list, elements: path, default: [], description: Extra trust anchors (PEM files on the host).}
  workspace: {type: path, description: The cleocps workspace.}
  binary: {type: str, default: cleocps, description: The cleocps command.}
  config: {type: path, description: The cleocps configuration file.}
"""

RETURN = r"""
state: {description: The request's state., returned: always, type: str}
serial: {description: The certificate's serial number (hex)., returned: once imported, type: str}
not_after: {description: The certificate's expiry (RFC 3339)., returned: once imported, type: str}
deploy: {description: The saved deploy profile or null., returned: always, type: dict}
"""

import os
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.cleocps.igcsante.plugins.module_utils.cleocps import (
    COMMON_OPTIONS, Cleocps, certificate_der, holds, read_text, request_file)


def summary(shown):
    cert = shown.get("certificate") or {}
    return dict(state=shown["state"], serial=cert.get("serial"), not_after=cert.get("not_after"),
                deploy=shown.get("deploy"))


def text(s):
    return "state: %s\nserial: %s\nnot_after: %s\n" % (s["state"], s["serial"], s["not_after"])


def main():
    module = AnsibleModule(
        argument_spec=dict(
            COMMON_OPTIONS,
            folder=dict(type="str", required=True),
            name=dict(type="str", required=True),
            src=dict(type="path"),
            content=dict(type="str"),
            trust_anchors=dict(type="list", elements="path", default=[]),
        ),
        required_one_of=[("src", "content")],
        mutually_exclusive=[("src", "content")],
        supports_check_mode=True,
    )
    p = module.params
    cli = Cleocps(module)
    path = "%s/%s" % (p["folder"], p["name"])
    shown = cli.show(path)
    before = summary(shown)
    if module.check_mode and p["src"] and not os.path.exists(p["src"]):
        # A check run: the answer is not copied to the host yet.
        module.exit_json(changed=True, request=path, **before)
    answer = read_answer(module, p)
    imported = read_text(request_file(shown, ".crt")) if before["serial"] else None
    if imported and holds(answer, certificate_der(imported)):
        module.exit_json(changed=False, request=path, **before)
    if module.check_mode:
        after = dict(before, state="certificate_imported")
        module.exit_json(changed=True, request=path, diff=dict(before=text(before), after=text(after)), **before)
    run_import(module, cli, path, answer, p["trust_anchors"])
    after = summary(cli.show(path))
    module.exit_json(changed=True, request=path, diff=dict(before=text(before), after=text(after)), **after)


def read_answer(module, p):
    if p["content"] is not None:
        return p["content"].encode()
    try:
        with open(p["src"], "rb") as f:
            return f.read()
    except OSError as e:
        module.fail_json(msg="cannot read %s: %s" % (p["src"], e.strerror))


def run_import(module, cli, path, answer, anchors):
    """`response import` of the answer, from a private copy when given as content."""
    trust = [a for anchor in anchors for a in ("--trust-anchor", anchor)]
    if module.params["src"]:
        cli.run("response", "import", path, module.params["src"], *trust)
        return
    fd, copy = tempfile.mkstemp(dir=module.tmpdir, prefix="answer-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(answer)
        cli.run("response", "import", path, copy, *trust)
    finally:
        os.unlink(copy)


if __name__ == "__main__":
    main()
