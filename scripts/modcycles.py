#!/usr/bin/env python3
"""Lists the import circles between the modules (files) of each crate.

An edge a -> b is a path that names module b from a file of module a:
`crate::b::…`, `super::…`, `self::…`, or a `use` of a child module. A
parent declaring `mod b;` is not an edge (that is containment, not use);
a path to an item a parent forwards (`pub use b::X`) is an edge to b,
the file that defines it. Tests (`#[cfg(test)] mod tests { … }` at the end of a
file) are left out: they may reach anything. Prints each strongly connected
component of more than one module, its size, and one shortest circle in it.

    scripts/modcycles.py            # every crate of the workspace
    scripts/modcycles.py -v         # also every edge of every circle
    scripts/modcycles.py -d1        # modules folded into their top level
Exit status 1 when any circle is found.
"""

import os
import re
import sys
from collections import defaultdict, deque

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRATES = {
    "cleocps": "src",
    "cleocps-core": "crates/cleocps-core/src",
    "cleocps-ra": "crates/cleocps-ra/src",
}
CRATE_ROOTS = {"lib.rs", "main.rs"}


def module_of(src, path):
    """`a/b.rs` or `a/b/mod.rs` -> ("a", "b"); lib.rs/main.rs -> ()."""
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    if len(rel) == 1 and rel[0] + ".rs" in CRATE_ROOTS:
        return ()
    return tuple(rel)


def strip(text):
    """Code without comments, strings and the trailing test module."""
    text = re.sub(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{.*", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def use_paths(code):
    """Every path a `use` brings in, braces expanded."""
    out = []
    for m in re.finditer(r"\buse\s+([^;]+);", code):
        out.extend(expand(re.sub(r"\s+", "", m.group(1))))
    return out


def expand(tree):
    """`a::{b,c::{d}}` -> ["a::b", "a::c::d"]."""
    i = tree.find("{")
    if i < 0:
        return [tree.split(" as ")[0]]
    prefix, inner = tree[:i], tree[i + 1 : tree.rfind("}")]
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    parts.append(cur)
    return [p for part in parts if part for p in expand(prefix + part)]


def resolve(mods, here, segments):
    """The longest known module a path names, or None (another crate)."""
    head = segments[0]
    if head == "crate":
        base, rest = (), segments[1:]
    elif head == "super" or head == "self":
        base = here
        rest = segments
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                base = base[:-1]
            rest = rest[1:]
    elif here + (head,) in mods:
        base, rest = here, segments
    else:
        return None
    best = base
    for seg in rest:
        if best + (seg,) in mods:
            best = best + (seg,)
        else:
            break
    return best


def graph(src):
    files = {}
    for dirpath, _, names in os.walk(src):
        for n in names:
            if n.endswith(".rs"):
                p = os.path.join(dirpath, n)
                files[module_of(src, p)] = p
    mods = set(files)
    codes = {}
    for mod, path in files.items():
        with open(path, encoding="utf-8") as f:
            codes[mod] = strip(f.read())
    # `pub use child::X` makes X reachable through the parent: a path to it
    # is an edge to the file that defines X, not to the one forwarding it.
    forwards = {}
    for mod, code in codes.items():
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", code):
            for p in expand(re.sub(r"\s+", "", m.group(1))):
                segs = p.split("::")
                target = resolve(mods, mod, segs)
                if target is not None and segs[-1] not in ("*", "self"):
                    forwards[(mod, segs[-1])] = target
    edges = defaultdict(set)
    for mod, code in codes.items():
        uses = re.sub(r"\bpub(?:\([^)]*\))?\s+use\s+[^;]+;", "", code)
        paths = [p.split("::") for p in use_paths(uses)]
        body = re.sub(r"\buse\s+[^;]+;", "", uses)
        paths += [
            m.group(0).split("::")
            for m in re.finditer(r"(?<![\w:])[a-z_]\w*(?:::\w+)+", body)
        ]
        for segs in paths:
            segs = [s for s in segs if s]
            target = resolve(mods, mod, segs)
            if target is None:
                continue
            item = segs[-1]
            seen = set()
            while (target, item) in forwards and (target, item) not in seen:
                seen.add((target, item))
                target = forwards[(target, item)]
            if target != mod and target != ():
                edges[mod].add(target)
    return mods, edges


def sccs(mods, edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        work = [(v, iter(sorted(edges[v])))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                    advanced = True
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                out.append(comp)

    for v in sorted(mods):
        if v not in index:
            visit(v)
    return [c for c in out if len(c) > 1]


def shortest_circle(comp, edges):
    members = set(comp)
    best = None
    for start in sorted(comp):
        prev = {start: None}
        queue = deque([start])
        found = None
        while queue and found is None:
            v = queue.popleft()
            for w in sorted(edges[v]):
                if w not in members:
                    continue
                if w == start:
                    found = v
                    break
                if w not in prev:
                    prev[w] = v
                    queue.append(w)
        if found is None:
            continue
        path = [found]
        while prev[path[-1]] is not None:
            path.append(prev[path[-1]])
        path.reverse()
        if best is None or len(path) < len(best):
            best = path
    return best


def name(mod):
    return "::".join(mod) or "(root)"


def collapse(mods, edges, depth):
    """The same graph with each module folded into its ancestor at `depth`."""
    cut = lambda m: m[:depth]
    folded = defaultdict(set)
    for v, ws in edges.items():
        for w in ws:
            if cut(v) != cut(w):
                folded[cut(v)].add(cut(w))
    return {cut(m) for m in mods}, folded


def main():
    verbose = "-v" in sys.argv
    depth = next((int(a[2:]) for a in sys.argv if a.startswith("-d")), None)
    found = False
    for crate, src in CRATES.items():
        mods, edges = graph(os.path.join(ROOT, src))
        if depth:
            mods, edges = collapse(mods, edges, depth)
        comps = sccs(mods, edges)
        n_edges = sum(len(v) for v in edges.values())
        print(f"{crate}: {len(mods)} modules, {n_edges} edges, {len(comps)} circle(s)")
        for comp in sorted(comps, key=len, reverse=True):
            found = True
            circle = shortest_circle(comp, edges)
            print(f"  {len(comp)} modules, e.g. " + " -> ".join(map(name, circle + circle[:1])))
            if verbose:
                for v in sorted(comp):
                    for w in sorted(edges[v] & set(comp)):
                        print(f"      {name(v)} -> {name(w)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
