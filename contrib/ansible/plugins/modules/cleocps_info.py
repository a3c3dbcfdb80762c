#!/usr/bin/python
# -*- coding: utf-8 -*-
# What cleocps knows on this host: certificates, requests, the monitoring verdict.

from __future__ import annotations

DOCUMENTATION = r"""
module: cleocps_info
short_description: The certificates and requests of cleocps on a host
description: >-
  Returns C(certificates), the list of C(cleocps status --json) (soonest
  expiry first), C(requests) (C(cleocps request list --json)) and C(check)
  (C(cleocps check --format json), the monitoring verdict). Changes nothing.
options:
  warn_days: {type: int, description: "check --warn-days (default: cleocps's)."}
  critical_days: {type: int, description: "check --critical-days (default: cleocps's)."}
  workspace: {type: path, description: The cleocps workspace.}
  binary: {type: str, default: cleocps, description: The cleocps command.}
  config: {type: path, description: The cleocps configuration file.}
"""

RETURN = r"""
certificates: {description: Every request holding a certificate (status --json)., returned: always, type: list}
requests: {description: Every request with its state., returned: always, type: list}
check: {description: "The check verdict: status, exit_code, summary, certificates.", returned: always, type: dict}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.cleocps.igcsante.plugins.module_utils.cleocps import COMMON_OPTIONS, Cleocps


def main():
    module = AnsibleModule(
        argument_spec=dict(COMMON_OPTIONS, warn_days=dict(type="int"), critical_days=dict(type="int")),
        supports_check_mode=True,
    )
    cli = Cleocps(module)
    status, requests = {"certificates": []}, []
    if cli.exists():
        _, status = cli.run("status")
        _, requests = cli.run("request", "list")
    args = ["check", "--format", "json"]
    for option in ("warn_days", "critical_days"):
        if module.params[option] is not None:
            args += ["--" + option.replace("_", "-"), str(module.params[option])]
    # check's exit code is its verdict (0-3), not a failure of the module.
    _, check = cli.run(*args, allow_fail=True)
    if not isinstance(check, dict) or "status" not in check:
        module.fail_json(msg="cleocps check gave no verdict")
    module.exit_json(changed=False, certificates=status["certificates"], problems=status.get("problems", []),
                     requests=requests, check=check)


if __name__ == "__main__":
    main()
