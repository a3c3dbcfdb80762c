#!/usr/bin/python3
"""Test SMTP server: aiosmtpd with STARTTLS (and AUTH PLAIN/LOGIN) on one port
and implicit TLS on another, handing each message synchronously to dovecot's
LMTP, so a 250 means the mail is already in the IMAP box.

Usage: smtp_lmtp.py PORT_FILE LMTP_PORT CERT KEY USERS_FILE DOMAIN
USERS_FILE holds "user:password" lines. The chosen ports are written to
PORT_FILE as "smtp=N smtps=N" once both listen.
"""
import asyncio
import os
import smtplib
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult

port_file, lmtp_port, cert, key, users_file, domain = sys.argv[1:7]
lmtp_port = int(lmtp_port)
users = {}
with open(users_file) as f:
    for line in f:
        line = line.rstrip("\n")
        if ":" in line:
            u, p = line.split(":", 1)
            users[u] = p


def authenticator(server, session, envelope, mechanism, auth_data):
    try:
        login = auth_data.login.decode()
        password = auth_data.password.decode()
    except Exception:
        return AuthResult(success=False, handled=False)
    return AuthResult(success=users.get(login) == password, handled=False)


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local, _, dom = address.partition("@")
        if dom.lower() != domain or local not in users:
            return "550 5.1.1 <%s>: recipient unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        try:
            with smtplib.LMTP("127.0.0.1", lmtp_port) as lmtp:
                lmtp.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content)
        except Exception as e:  # the client sees why
            return "451 4.3.0 delivery failed: %s" % e
        return "250 2.0.0 delivered"


async def main():
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    loop = asyncio.get_running_loop()
    handler = Handler()

    def starttls():
        return SMTP(handler, tls_context=ctx, require_starttls=False,
                    authenticator=authenticator, auth_require_tls=True,
                    decode_data=False, hostname="smtp.test.local")

    def implicit():
        return SMTP(handler, authenticator=authenticator, auth_require_tls=False,
                    decode_data=False, hostname="smtp.test.local")

    plain_srv = await loop.create_server(starttls, "127.0.0.1", 0)
    tls_srv = await loop.create_server(implicit, "127.0.0.1", 0, ssl=ctx)
    ports = (plain_srv.sockets[0].getsockname()[1], tls_srv.sockets[0].getsockname()[1])
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("smtp=%d smtps=%d\n" % ports)
    os.rename(tmp, port_file)
    await asyncio.Event().wait()


asyncio.run(main())
