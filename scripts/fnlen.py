#!/usr/bin/env python3
"""Lists the functions longer than N lines (default 80) in src/ and crates/,
longest first: `scripts/fnlen.py 100` is the house limit, 80 the aim.
Counts from the `fn` line to its closing brace, comments included."""
import os, re, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 80
root = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fn_re = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')
out = []
for top in ("src", "crates"):
    for dp, _, fs in os.walk(os.path.join(root, top)):
        for f in fs:
            if not f.endswith(".rs"): continue
            p = os.path.join(dp, f)
            lines = open(p, encoding="utf-8").read().split("\n")
            i = 0
            while i < len(lines):
                m = fn_re.match(lines[i])
                if m:
                    # find opening brace then match
                    depth = 0; started = False; j = i
                    while j < len(lines):
                        code = re.sub(r'//.*', '', lines[j])
                        code = re.sub(r'"(\\.|[^"\\])*"', '""', code)
                        code = re.sub(r"'(\\.|[^'\\])'", "''", code)
                        for ch in code:
                            if ch == '{': depth += 1; started = True
                            elif ch == '}': depth -= 1
                        if started and depth <= 0: break
                        if not started and code.rstrip().endswith(';'): break
                        j += 1
                    n = j - i + 1
                    if started and n > N:
                        out.append((n, p, i + 1, m.group(6)))
                i += 1
for n, p, l, name in sorted(out, reverse=True):
    print(f"{n:4} {p}:{l} {name}")
