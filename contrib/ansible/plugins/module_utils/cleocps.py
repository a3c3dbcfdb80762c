# -*- coding: utf-8 -*-
# What every cleocps module shares: running the `cleocps` command with
# `--json`, secrets through 0600 files, failing with cleocps's own message.
# The rules (states, trust, deploy) stay in cleocps: nothing here decides them.

from __future__ import annotations

import base64
import json
import os
import re
import tempfile

COMMON_OPTIONS = dict(
    workspace=dict(type="path"),
    binary=dict(type="str", default="cleocps"),
    config=dict(type="path"),
)

PEM_BLOCK = re.compile(
    rb"-----BEGIN ([A-Z0-9 ]+)-----\s*(.*?)\s*-----END \1-----", re.DOTALL
)


class Cleocps:
    """The `cleocps` command of this host, for one module run."""

    def __init__(self, module):
        self.module = module
        p = module.params
        self.binary = p["binary"]
        self.globals = ["--json"]
        if p.get("workspace"):
            self.globals += ["--workspace", p["workspace"]]
        if p.get("config"):
            self.globals += ["--config", p["config"]]

    def command(self):
        found = self.module.get_bin_path(self.binary) if "/" not in self.binary else self.binary
        if not found or not os.access(found, os.X_OK):
            self.module.fail_json(msg="cleocps not found: %s (set binary, or install the package)" % self.binary)
        return found

    def run(self, *args, secret=None, secret_option="--key-password-file", allow_fail=False):
        """Runs `cleocps --json ARGS`; a secret goes in a 0600 file named by
        `secret_option`, removed afterwards. Returns (rc, parsed stdout)."""
        argv = [self.command()] + self.globals + list(args)
        path = None
        try:
            if secret is not None:
                path = self.secret_file(secret)
                argv += [secret_option, path]
            rc, out, err = self.module.run_command(argv)
        finally:
            if path:
                os.unlink(path)
        value = parse(out)
        if rc != 0 and not allow_fail:
            self.fail(args, rc, value, err)
        return rc, value

    def secret_file(self, secret):
        """A 0600 file (mkstemp) in the module's private temp directory."""
        fd, path = tempfile.mkstemp(dir=self.module.tmpdir, prefix="cleocps-")
        with os.fdopen(fd, "w") as f:
            f.write(secret + "\n")
        return path

    def fail(self, args, rc, value, err):
        message = None
        if isinstance(value, dict) and isinstance(value.get("error"), dict):
            message = value["error"].get("message")
        if not message:
            message = "\n".join(l[len("cleocps: "):] if l.startswith("cleocps: ") else l
                                for l in err.strip().splitlines()) or "cleocps failed"
        self.module.fail_json(msg=message, rc=rc, command=" ".join(args[:2]))

    def workspace(self):
        """The workspace cleocps uses (DESIGN §3: --workspace, else
        $CLEOCPS_HOME, else $XDG_DATA_HOME/cleocps)."""
        given = self.module.params.get("workspace") or os.environ.get("CLEOCPS_HOME")
        if given:
            return os.path.expanduser(given)
        data = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
        return os.path.join(data, "cleocps")

    def exists(self):
        """Whether the workspace is there: reading a missing one is refused
        by cleocps, and a check run must not make it."""
        return os.path.isdir(self.workspace())

    def requests(self):
        """`request list --json`: {(folder, name): entry}; none without a workspace."""
        if not self.exists():
            return {}
        _, listed = self.run("request", "list")
        return {(r["folder"], r["name"]): r for r in listed or [] if r.get("state") != "damaged"}

    def show(self, path):
        return self.run("request", "show", path)[1]


def parse(out):
    try:
        return json.loads(out) if out.strip() else None
    except ValueError:
        return None


def request_file(shown, suffix):
    """The path of the request's file ending in `suffix` (`request show`)."""
    for f in (shown or {}).get("files", []):
        if f["path"].endswith(suffix) and not f["path"].endswith(".chain.pem"):
            return f["path"]
    return None


def read_text(path):
    if not path:
        return None
    with open(path) as f:
        return f.read()


def certificate_der(pem_text):
    """The DER of the first certificate of a PEM text."""
    for label, body in PEM_BLOCK.findall(pem_text.encode()):
        if label == b"CERTIFICATE":
            return base64.b64decode(body)
    return None


def holds(data, der):
    """Whether `data` (PEM, DER, PKCS#7, or their base64) carries the
    certificate `der` byte for byte: the answer already imported."""
    if not der:
        return False
    if der in data:
        return True
    for _, body in PEM_BLOCK.findall(data):
        if der in base64.b64decode(body):
            return True
    try:
        return der in base64.b64decode(data, validate=False)
    except ValueError:
        return False
