#!/usr/bin/env python3
"""Score an overshare binary against the hand-labelled real-world manifest.

Lays out each repository's pinned commit into bench/realworld/.cache/<owner>+<name>/ (from a
bare git directory in the mirrors folder, by default ../.mirror/<owner>+<name>/ beside the checkout), runs `overshare check … --format
json` on it, keeps the findings in the reviewed files, matches them to the labelled flows and
reports recall and precision per half, per idiom and per SDK, with every missed flow and every
false positive.

Python 3.11+ standard library only. Not part of CI.

    python3 bench/realworld/score.py [--bin target/release/overshare] [--mirrors DIR]
                                     [--only owner/name ...] [--half A|B] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import io
from collections import defaultdict
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
IDIOMS = ["basic", "opaque-helper", "this", "sdk-instance", "jquery-legacy", "param-type", "vendor-slot", "format"]

# The file format a flow or finding is in, by the file name's ending (longest first).
FORMATS = [
    (".blade.php", "Blade"), (".html.erb", "ERB"), (".js.erb", "ERB"), (".erb", "ERB"), (".haml", "HAML"),
    (".slim", "Slim"), (".tpl", "Smarty"), (".pug", "Pug"), (".jade", "Pug"), (".json", "GTM export"),
    (".php", "PHP"), (".phtml", "PHP"), (".liquid", "Liquid"), (".twig", "Twig"), (".hbs", "Handlebars"),
    (".ejs", "EJS"), (".html", "HTML"), (".htm", "HTML"), (".vue", "Vue"), (".svelte", "Svelte"),
    (".coffee", "CoffeeScript"), (".tsx", "TSX/JSX"), (".jsx", "TSX/JSX"), (".ts", "TypeScript"),
    (".js", "JavaScript"), (".mjs", "JavaScript"), (".cjs", "JavaScript"),
]


def file_format(path: str) -> str:
    lower = (path or "").lower()
    for ending, name in FORMATS:
        if lower.endswith(ending):
            return name
    return "other"


# A flow's optional `resolution` says it crosses a module boundary through an alias or a
# workspace package: "required: …" when the sink file alone does not show it, "incidental: …"
# when it does.
RESOLUTIONS = ["required", "incidental"]


def resolution_of(flow: dict) -> str | None:
    r = flow.get("resolution")
    return r.split(":", 1)[0].strip() if isinstance(r, str) else None
LINE_TOLERANCE = 2


# ---------------------------------------------------------------------------------------------
# manifest


def load_manifest(path: Path) -> list[dict]:
    if path.suffix == ".json":
        data = json.loads(path.read_text())
    else:
        if tomllib is None:
            sys.exit("score.py: reading manifest.toml needs Python 3.11+ (tomllib)")
        data = tomllib.loads(path.read_text())
    repos = data["repo"]
    problems = []
    seen = set()
    for r in repos:
        for key in ("repo", "commit", "half", "framework", "paths", "flows", "quiet"):
            if key not in r:
                problems.append(f"{r.get('repo', '?')}: missing `{key}`")
        if r["repo"] in seen:
            problems.append(f"{r['repo']}: listed twice")
        seen.add(r["repo"])
        if r.get("half") not in ("A", "B"):
            problems.append(f"{r['repo']}: half must be A or B")
        if len(r.get("commit", "")) != 40:
            problems.append(f"{r['repo']}: commit must be a full 40-hex sha")
        paths = set(r.get("paths", []))
        for f in r.get("flows", []):
            if f.get("idiom") not in IDIOMS:
                problems.append(f"{r['repo']}: flow {f.get('file')}:{f.get('line')} has unknown idiom {f.get('idiom')!r}")
            if f.get("file") not in paths:
                problems.append(f"{r['repo']}: flow file {f.get('file')} is not in paths")
            if "resolution" in f and resolution_of(f) not in RESOLUTIONS:
                problems.append(f"{r['repo']}: flow {f.get('file')}:{f.get('line')} resolution must start with required: or incidental:")
            for key in ("file", "line", "category", "sdk", "idiom"):
                if key not in f:
                    problems.append(f"{r['repo']}: flow missing `{key}`")
        for q in r.get("quiet", []):
            if q.get("file") not in paths:
                problems.append(f"{r['repo']}: quiet file {q.get('file')} is not in paths")
    if problems:
        sys.exit("manifest problems:\n  " + "\n  ".join(problems))
    return repos


# ---------------------------------------------------------------------------------------------
# laying out the pinned trees


def find_git_dir(mirrors: Path, repo: str) -> Path | None:
    base = mirrors / repo.replace("/", "+")
    for cand in (base / "repo" / ".git", base / "repo", base / ".git", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def git(git_dir: Path, *args: str, check: bool = True, capture: bool = True, input: bytes | None = None):
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args],
        check=check,
        stdout=subprocess.PIPE if capture else None,
        stderr=subprocess.PIPE,
        input=input,
    )


def has_commit(git_dir: Path, commit: str) -> bool:
    r = git(git_dir, "cat-file", "-e", f"{commit}^{{commit}}", check=False)
    return r.returncode == 0


def skip_unsafe_links(member: tarfile.TarInfo, path: str):
    """The "data" filter, but a link it rejects (absolute, or out of the tree: a committed
    virtualenv) is left out instead of failing the whole extraction."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def layout(git_dir: Path, commit: str, dest: Path) -> list[str]:
    """Extract `commit` into `dest`. Returns the paths whose blobs were missing (snapshots lack
    files of 4 MiB and more)."""
    stamp = dest / ".overshare-eval-commit"
    if stamp.is_file() and stamp.read_text().strip() == commit:
        missing_file = dest / ".overshare-eval-missing"
        return missing_file.read_text().split("\n") if missing_file.is_file() and missing_file.read_text() else []
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    missing: list[str] = []
    r = git(git_dir, "archive", "--format=tar", commit, check=False)
    if r.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(r.stdout)) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(dest, filter=skip_unsafe_links)
            else:
                tar.extractall(dest)
    else:
        # Some blobs are absent from the snapshot: write every blob that exists, one by one.
        ls = git(git_dir, "ls-tree", "-r", "-z", commit).stdout.split(b"\0")
        for entry in ls:
            if not entry:
                continue
            meta, name = entry.split(b"\t", 1)
            mode, kind, sha = meta.split()
            if kind != b"blob" or mode == b"120000":
                continue
            rel = name.decode("utf-8", "surrogateescape")
            blob = git(git_dir, "cat-file", "blob", sha.decode(), check=False)
            if blob.returncode != 0:
                missing.append(rel)
                continue
            out = dest / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(blob.stdout)
    (dest / ".overshare-eval-missing").write_text("\n".join(missing))
    stamp.write_text(commit + "\n")
    return missing


# ---------------------------------------------------------------------------------------------
# running and matching


def run_overshare(binary: Path, tree: Path, timeout: int) -> tuple[list[dict], list]:
    # Run from inside the tree so reported paths are repo-relative.
    r = subprocess.run(
        [str(binary), "check", ".", "--format", "json", "--color", "never"],
        cwd=tree,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )
    if r.returncode not in (0, 1):
        raise RuntimeError(f"overshare exited {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}")
    data = json.loads(r.stdout or b"{}")
    findings = [f for f in data.get("findings", []) if f.get("rule", "data-to-tracker") == "data-to-tracker"]
    for f in findings:
        p = f.get("file", "")
        if p.startswith("./"):
            f["file"] = p[2:]
    return findings, data.get("errors", [])


def match(flows: list[dict], findings: list[dict]):
    """Greedy: exact line first, then the nearest line within LINE_TOLERANCE. A finding matches a
    flow with the same file, category and sdk. Returns (matched flow indexes, matched finding
    indexes)."""
    flow_hit: dict[int, int] = {}
    finding_hit: set[int] = set()
    for tol in range(0, LINE_TOLERANCE + 1):
        for fi, flow in enumerate(flows):
            if fi in flow_hit:
                continue
            for ni, fnd in enumerate(findings):
                if ni in finding_hit:
                    continue
                if (
                    fnd.get("file") == flow["file"]
                    and fnd.get("category") == flow["category"]
                    and fnd.get("sdk") == flow["sdk"]
                    and abs(int(fnd.get("line", 0)) - int(flow["line"])) == tol
                ):
                    flow_hit[fi] = ni
                    finding_hit.add(ni)
                    break
    # A second finding for an already-matched flow (e.g. two sources of the same category into
    # the same sink call) is not a false positive: it is a duplicate of a labelled flow.
    dup: set[int] = set()
    for ni, fnd in enumerate(findings):
        if ni in finding_hit:
            continue
        for fi, flow in enumerate(flows):
            if (
                fi in flow_hit
                and fnd.get("file") == flow["file"]
                and fnd.get("category") == flow["category"]
                and fnd.get("sdk") == flow["sdk"]
                and abs(int(fnd.get("line", 0)) - int(flow["line"])) <= LINE_TOLERANCE
            ):
                dup.add(ni)
                break
    return flow_hit, finding_hit, dup


def ratio(n: int, d: int) -> float | None:
    return None if d == 0 else n / d


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


class Tally:
    def __init__(self):
        self.flows = 0
        self.matched = 0
        self.findings = 0
        self.true_findings = 0

    def as_dict(self):
        return {
            "flows": self.flows,
            "matched_flows": self.matched,
            "recall": ratio(self.matched, self.flows),
            "findings": self.findings,
            "true_findings": self.true_findings,
            "precision": ratio(self.true_findings, self.findings),
        }


# ---------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", default=str(HERE / "manifest.toml"))
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "overshare"))
    ap.add_argument("--mirrors", default=os.environ.get("OVERSHARE_MIRRORS", str(Path(__file__).resolve().parents[3] / ".mirror")))
    ap.add_argument("--cache", default=str(HERE / ".cache"))
    ap.add_argument("--only", action="append", default=[], help="score only this owner/name (repeatable)")
    ap.add_argument("--half", choices=["A", "B"], help="score only one half")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per repository")
    ap.add_argument("--quiet", action="store_true", help="do not list misses and false positives")
    args = ap.parse_args()

    repos = load_manifest(Path(args.manifest))
    if args.only:
        repos = [r for r in repos if r["repo"] in args.only]
    if args.half:
        repos = [r for r in repos if r["half"] == args.half]

    binary = Path(args.bin).resolve()
    if not binary.is_file():
        sys.exit(f"score.py: no overshare binary at {binary} (build it with `cargo build --release` or pass --bin)")
    mirrors = Path(args.mirrors)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)

    missing_repos: list[tuple[str, str]] = []
    per_half = {"A": Tally(), "B": Tally()}
    per_idiom: dict[tuple[str, str], Tally] = defaultdict(Tally)
    per_format: dict[tuple[str, str], Tally] = defaultdict(Tally)
    per_resolution: dict[tuple[str, str], Tally] = defaultdict(Tally)
    per_sdk: dict[tuple[str, str], Tally] = defaultdict(Tally)
    misses: list[dict] = []
    false_pos: list[dict] = []
    quiet_noisy: list[dict] = []
    errors: list[dict] = []
    scored = 0

    for r in repos:
        name = r["repo"]
        git_dir = find_git_dir(mirrors, name)
        if git_dir is None:
            missing_repos.append((name, "no git directory under " + str(mirrors / name.replace("/", "+"))))
            continue
        if not has_commit(git_dir, r["commit"]):
            missing_repos.append((name, f"commit {r['commit']} is not in {git_dir}"))
            continue
        tree = cache / name.replace("/", "+")
        absent = layout(git_dir, r["commit"], tree)
        absent_reviewed = [p for p in absent if p in r["paths"]]
        if absent_reviewed:
            missing_repos.append((name, "reviewed files absent from the snapshot: " + ", ".join(absent_reviewed)))
        try:
            findings, run_errors = run_overshare(binary, tree, args.timeout)
        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
            missing_repos.append((name, f"overshare failed: {e}"))
            continue
        scored += 1
        reviewed = set(r["paths"])
        for e in run_errors:
            if isinstance(e, dict) and e.get("file", "").lstrip("./") in reviewed:
                errors.append({"repo": name, **e})
        findings = [f for f in findings if f.get("file") in reviewed]
        flows = r["flows"]
        flow_hit, finding_hit, dup = match(flows, findings)

        half = r["half"]
        t = per_half[half]
        t.flows += len(flows)
        t.matched += len(flow_hit)
        counted = [ni for ni in range(len(findings)) if ni not in dup]
        t.findings += len(counted)
        t.true_findings += len(finding_hit)

        for fi, flow in enumerate(flows):
            hit = fi in flow_hit
            tallies = [per_idiom[(half, flow["idiom"])], per_sdk[(half, flow["sdk"])], per_format[(half, file_format(flow["file"]))]]
            if resolution_of(flow):
                tallies.append(per_resolution[(half, resolution_of(flow))])
            for tally in tallies:
                tally.flows += 1
                tally.matched += int(hit)
            if not hit:
                misses.append({"repo": name, "half": half, **flow})
        for ni in counted:
            fnd = findings[ni]
            tally = per_sdk[(half, fnd.get("sdk", "?"))]
            tally.findings += 1
            ftally = per_format[(half, file_format(fnd.get("file")))]
            ftally.findings += 1
            if ni in finding_hit:
                tally.true_findings += 1
                ftally.true_findings += 1
                flow = flows[next(fi for fi, n in flow_hit.items() if n == ni)]
                it = per_idiom[(half, flow["idiom"])]
                it.findings += 1
                it.true_findings += 1
                if resolution_of(flow):
                    rt = per_resolution[(half, resolution_of(flow))]
                    rt.findings += 1
                    rt.true_findings += 1
            else:
                fp = {
                    "repo": name,
                    "half": half,
                    "file": fnd.get("file"),
                    "line": fnd.get("line"),
                    "category": fnd.get("category"),
                    "sdk": fnd.get("sdk"),
                    "message": fnd.get("message"),
                }
                quiet_lines = {(q["file"], q["line"]) for q in r["quiet"]}
                fp["quiet_label"] = any(
                    (fnd.get("file"), int(fnd.get("line", 0)) + d) in quiet_lines for d in range(-LINE_TOLERANCE, LINE_TOLERANCE + 1)
                )
                false_pos.append(fp)
                if fp["quiet_label"]:
                    quiet_noisy.append(fp)

    # ---------------------------------------------------------------------------------- report
    out = sys.stdout
    total_repos = len(repos)
    partial = bool(missing_repos)
    print(f"overshare real-world evaluation: {scored}/{total_repos} repositories scored with {binary}", file=out)
    if missing_repos:
        print("\nMISSING (the score below is PARTIAL):", file=out)
        for name, why in missing_repos:
            print(f"  {name}: {why}", file=out)
        print(
            "  Fetch each missing repository as a bare git directory into the mirrors folder\n"
            "  (default .mirror/<owner>+<name>/ beside the checkout), e.g.\n"
            "    git clone --bare https://github.com/<owner>/<name> <mirrors>/<owner>+<name>/repo\n"
            "  and make sure the pinned commit is present; or point --mirrors at another folder.",
            file=out,
        )

    def table(title: str, rows: list[tuple[str, Tally, Tally]]):
        print(f"\n{title}", file=out)
        print(f"  {'':24} {'A recall':>14} {'A prec':>14} {'B recall':>14} {'B prec':>14}", file=out)
        for label, a, b in rows:
            def cell(t: Tally, which: str) -> str:
                if which == "r":
                    return f"{fmt(ratio(t.matched, t.flows))} ({t.matched:>3}/{t.flows:<3})"
                return f"{fmt(ratio(t.true_findings, t.findings))} ({t.true_findings:>3}/{t.findings:<3})"
            print(f"  {label:24} {cell(a, 'r'):>14} {cell(a, 'p'):>14} {cell(b, 'r'):>14} {cell(b, 'p'):>14}", file=out)

    table("Per half", [("all", per_half["A"], per_half["B"])])
    table("Per idiom (precision: findings matched to flows of that idiom)", [(i, per_idiom[("A", i)], per_idiom[("B", i)]) for i in IDIOMS])
    formats = sorted({f for (_, f) in per_format})
    table("Per file format (precision: every finding in a file of that format)", [(f, per_format[("A", f)], per_format[("B", f)]) for f in formats])
    table("Flows crossing modules through an alias or workspace package", [(r, per_resolution[("A", r)], per_resolution[("B", r)]) for r in RESOLUTIONS])
    sdks = sorted({s for (_, s) in per_sdk})
    table("Per SDK (precision: every finding reported for that SDK)", [(s, per_sdk[("A", s)], per_sdk[("B", s)]) for s in sdks])

    if not args.quiet:
        print(f"\nMISSED FLOWS ({len(misses)})", file=out)
        for m in sorted(misses, key=lambda m: (m["half"], m["repo"], m["file"], m["line"])):
            print(f"  [{m['half']}] {m['repo']}  {m['file']}:{m['line']}  {m['category']}  {m['sdk']}  ({m['idiom']})  {m.get('note', '')}", file=out)
        print(f"\nFALSE POSITIVES ({len(false_pos)})", file=out)
        for fp in sorted(false_pos, key=lambda m: (m["half"], m["repo"], m["file"] or "", m["line"] or 0)):
            tag = " [labelled quiet]" if fp["quiet_label"] else ""
            print(f"  [{fp['half']}] {fp['repo']}  {fp['file']}:{fp['line']}  {fp['category']}  {fp['sdk']}{tag}  {fp['message']}", file=out)
        if errors:
            print(f"\nERRORS IN REVIEWED FILES ({len(errors)})", file=out)
            for e in errors:
                print(f"  {e}", file=out)
    if partial:
        print("\nThe score is PARTIAL: see MISSING above.", file=out)

    if args.json:
        doc = {
            "binary": str(binary),
            "repositories": total_repos,
            "scored": scored,
            "partial": partial,
            "missing": [{"repo": n, "why": w} for n, w in missing_repos],
            "halves": {h: per_half[h].as_dict() for h in "AB"},
            "idioms": {h: {i: per_idiom[(h, i)].as_dict() for i in IDIOMS} for h in "AB"},
            "sdks": {h: {s: per_sdk[(h, s)].as_dict() for s in sdks if (h, s) in per_sdk} for h in "AB"},
            "formats": {h: {f: per_format[(h, f)].as_dict() for f in formats if (h, f) in per_format} for h in "AB"},
            "resolutions": {h: {r: per_resolution[(h, r)].as_dict() for r in RESOLUTIONS} for h in "AB"},
            "misses": misses,
            "false_positives": false_pos,
            "errors": errors,
        }
        Path(args.json).write_text(json.dumps(doc, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
