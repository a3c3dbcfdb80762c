#!/usr/bin/env python3
"""Hostile or broken servers on 127.0.0.1, for the tests: an LDAP or IMAP
server that misbehaves in one chosen way. Prints the port it listens
on, then serves every connection in its own thread until killed; each
connection ends by itself after LIMIT_S seconds, so a test that forgets
the server can't leave it streaming forever.

    servers.py MODE     (modes: see MODES below)
"""
import socket
import sys
import threading
import time

LIMIT_S = 60


def ber_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    return bytes([tag]) + ber_len(len(body)) + body


def octets(s):
    return tlv(0x04, s.encode() if isinstance(s, str) else s)


def integer(n):
    return tlv(0x02, n.to_bytes(max(1, (n.bit_length() + 8) // 8), "big"))


def ldap_message(msg_id, op):
    return tlv(0x30, integer(msg_id) + op)


def ldap_entry(msg_id, i):
    attrs = tlv(0x30, tlv(0x30, octets("testServerFqdn") + tlv(0x31, octets(f"srv{i}.clinique.test"))))
    return ldap_message(msg_id, tlv(0x64, octets(f"cn=srv{i},o=annuaire-test,c=fr") + attrs))


def ldap_done(msg_id, code=0, referral=None):
    body = tlv(0x0A, bytes([code])) + octets("") + octets("")
    if referral:
        body += tlv(0xA3, octets(referral))
    return ldap_message(msg_id, tlv(0x65, body))


def read_ldap_request(conn):
    """One LDAPMessage: (message id, operation tag), or None at the end."""
    head = conn.recv(2)
    if len(head) < 2:
        return None
    length = head[1]
    if length & 0x80:
        raw = conn.recv(length & 0x7F)
        length = int.from_bytes(raw, "big")
    body = b""
    while len(body) < length:
        chunk = conn.recv(length - len(body))
        if not chunk:
            return None
        body += chunk
    id_len = body[1]
    msg_id = int.from_bytes(body[2 : 2 + id_len], "big")
    return msg_id, body[2 + id_len]


def ldap(mode, conn, port):
    while True:
        req = read_ldap_request(conn)
        if req is None:
            return
        msg_id, op = req
        if op == 0x60:  # bind
            conn.sendall(ldap_message(msg_id, tlv(0x61, tlv(0x0A, b"\x00") + octets("") + octets(""))))
            continue
        if op == 0x42:  # unbind
            return
        if op != 0x63:  # not a search: ignore (abandon…)
            continue
        if mode == "ldap-huge":
            for i in range(1_000_000):
                conn.sendall(ldap_entry(msg_id, i))
            conn.sendall(ldap_done(msg_id))
        elif mode == "ldap-drip":
            for byte in ldap_entry(msg_id, 1) * 1000:
                conn.sendall(bytes([byte]))
                time.sleep(1)
        elif mode == "ldap-ber":
            # A message announcing 4 GiB, then garbage.
            conn.sendall(b"\x30\x84\xff\xff\xff\xf0\x02\x01" + bytes([msg_id]) + b"\x64" * 4096)
            time.sleep(LIMIT_S)
        elif mode == "ldap-referral":
            conn.sendall(ldap_done(msg_id, 10, f"ldap://127.0.0.1:{port}/o=annuaire-test,c=fr"))


def imap(mode, conn, port):
    f = conn.makefile("rb")
    conn.sendall(b"* OK hostile IMAP ready\r\n")
    while True:
        line = f.readline(65536)
        if not line:
            return
        parts = line.decode("latin-1").strip().split(" ")
        tag, cmd = parts[0], (parts[1].upper() if len(parts) > 1 else "")
        if cmd == "UID" and len(parts) > 2:
            cmd = parts[2].upper()
        if cmd == "CAPABILITY":
            conn.sendall(b"* CAPABILITY IMAP4rev1\r\n" + f"{tag} OK\r\n".encode())
        elif cmd in ("SELECT", "EXAMINE"):
            conn.sendall(b"* 1 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 2] ok\r\n"
                         + f"{tag} OK [READ-ONLY] done\r\n".encode())
        elif cmd == "SEARCH":
            conn.sendall(b"* SEARCH 1\r\n" + f"{tag} OK\r\n".encode())
        elif cmd == "FETCH":
            fetch(mode, conn, tag)
            if mode == "imap-drop":
                return
        elif cmd == "LOGOUT":
            conn.sendall(b"* BYE\r\n" + f"{tag} OK\r\n".encode())
            return
        else:
            conn.sendall(f"{tag} OK\r\n".encode())


def fetch(mode, conn, tag):
    if mode == "imap-drop":
        conn.sendall(b"* 1 FETCH (UID 1 RFC822.SIZE 5000 BODY[] {5000}\r\nFrom: x\r\n")
        conn.shutdown(socket.SHUT_RDWR)
    elif mode == "imap-literal":
        conn.sendall(b"* 1 FETCH (UID 1 RFC822.SIZE 100 BODY[] {2000000000}\r\n")
        chunk = b"A" * 65536
        end = time.time() + LIMIT_S
        while time.time() < end:
            conn.sendall(chunk)
    elif mode == "imap-line":
        conn.sendall(b"* 1 FETCH (UID 1 ")
        chunk = b"X" * 65536
        end = time.time() + LIMIT_S
        while time.time() < end:
            conn.sendall(chunk)
    elif mode == "imap-bodystructure":
        conn.sendall(b"* 1 FETCH (UID 1 RFC822.SIZE 100 BODYSTRUCTURE ((((\"text\" NIL NIL (( ))))) )\r\n"
                     + f"{tag} OK\r\n".encode())


MODES = {
    **{m: ldap for m in ["ldap-huge", "ldap-drip", "ldap-ber", "ldap-referral"]},
    **{m: imap for m in ["imap-drop", "imap-literal", "imap-line", "imap-bodystructure"]},
}


def serve(mode):
    handler = MODES[mode]
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    print(port, flush=True)

    def one(conn):
        conn.settimeout(LIMIT_S)
        try:
            handler(mode, conn, port)
        except OSError:
            pass  # the client gave up: what the tests want
        finally:
            conn.close()

    while True:
        conn, _ = listener.accept()
        threading.Thread(target=one, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    serve(sys.argv[1])
