"""The benchmark: factlint against codespell and typos on the same files, in one run, on this machine.

    pip install '.[bench]' && python bench/run.py            # about 5 minutes on 2 cores
    python bench/run.py --peer OLD/bin/factlint               # also an earlier version, installed apart

Writes bench/results.md (the table the README quotes) and bench/results.png. Every figure is a
whole-process wall time over several runs (median, min, max); machines here are noisy, so compare the
ratios within one run, not absolute times across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable


def timed(cmd: list[str], runs: int, cwd: Path | None = None) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        times.append(time.perf_counter() - start)
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def timed_pair(a: list[str], b: list[str], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Both commands, in turn, `runs` times each: for a ratio that machine noise does not skew."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for cmd, out in ((a, times[0]), (b, times[1])):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out.append(time.perf_counter() - start)
    return tuple({"median": statistics.median(t), "min": min(t), "max": max(t)} for t in times)  # type: ignore[return-value]


def peak_kb(cmd: list[str]) -> int:
    """Peak resident memory of one run of `cmd`, in KB (Linux reports ru_maxrss in KB)."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([PY, "-c", wrapper, *cmd], capture_output=True, text=True).stdout.strip() or 0)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(PY).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install '.[bench]'")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--peer", metavar="FACTLINT", help="another factlint executable (an earlier version, "
                        "installed in its own virtual environment) to time on the same corpus in the same run")
    args = parser.parse_args()
    factlint, codespell, typos = tool("factlint"), tool("codespell"), tool("typos")
    chart: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        work = Path(tmp)
        corpus, double = work / "corpus", work / "double"
        subprocess.run([PY, HERE / "corpus.py", corpus, "--articles", str(args.articles)], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([PY, HERE / "corpus.py", double, "--articles", str(2 * args.articles)], check=True,
                       stdout=subprocess.DEVNULL)
        mb = size_mb(corpus)
        home = work / "cache"  # a cache of our own, warmed by the first run
        env_note = f"XDG_CACHE_HOME={home}"
        os.environ["XDG_CACHE_HOME"] = str(home)
        subprocess.run([factlint, "check", corpus / "article-00000.md"], stdout=subprocess.DEVNULL)

        results = {
            "factlint -j 1": timed([factlint, "check", str(corpus), "-j", "1"], args.runs),
            "factlint -j 2": timed([factlint, "check", str(corpus), "-j", "2"], args.runs),
            "codespell": timed([codespell, str(corpus)], args.runs),
            "typos": timed([typos, str(corpus)], args.runs),
        }
        if args.peer:
            subprocess.run([args.peer, "check", str(corpus / "article-00000.md")], stdout=subprocess.DEVNULL)  # its cache
            # Turn about, run by run, so that the machine's moods fall on both alike.
            ours, theirs = timed_pair([factlint, "check", str(corpus), "-j", "1"],
                                      [args.peer, "check", str(corpus), "-j", "1"], args.runs)
            results["factlint -j 1 (beside peer)"], results["peer factlint -j 1"] = ours, theirs
        for name, t in results.items():
            chart[name] = t["median"]
        one = corpus / "article-00000.md"
        cold = timed([factlint, "check", str(one)], max(5, args.runs))
        twice = timed([factlint, "check", str(double), "-j", "1"], args.runs)

        scaling = {}
        subset = work / "subset"
        subset.mkdir()
        for p in sorted(corpus.iterdir())[:200]:
            shutil.copy(p, subset / p.name)
        for people in (0, 1_000, 10_000, 100_000):
            layer = work / f"ref{people}"
            cmd = [factlint, "check", str(subset), "-j", "1"]
            if people:
                subprocess.run([PY, HERE / "synthetic_reference.py", layer, "--people", str(people)], check=True,
                               stdout=subprocess.DEVNULL)
                cmd += ["--reference", str(layer)]
            subprocess.run(cmd, stdout=subprocess.DEVNULL)  # warm the reference cache
            t = timed(cmd, args.runs)
            load = timed([factlint, "check", str(one), *cmd[5:]], args.runs)
            scaling[people] = (t["median"], load["median"], peak_kb(cmd))

    def fmt(t: dict[str, float]) -> str:
        return f"{t['median']:.2f} s ({t['min']:.2f}–{t['max']:.2f})"

    base = results["factlint -j 1"]["median"]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.platform()}. Corpus: {args.articles} articles, {mb:.1f} MB. {args.runs} runs each; "
        f"median (min–max). Reference cache warm ({env_note}).",
        "",
        "| tool | wall time | MB/s | factlint -j 1 / tool |",
        "|---|---|---|---|",
    ]
    for name, t in results.items():
        lines.append(f"| {name} | {fmt(t)} | {mb / t['median']:.2f} | {base / t['median']:.2f}× |")
    lines += [
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| cold single-article check (imports and reference load included) | {fmt(cold)} | ≤ 0.3 s |",
        f"| -j 2 speed-up over -j 1 | {base / results['factlint -j 2']['median']:.2f}× | ≥ 1.7× |",
        f"| 2× corpus / 1× corpus | {twice['median'] / base:.2f}× | ≤ 2.1× |",
        f"| factlint -j 1 / codespell | {base / results['codespell']['median']:.1f}× | ≤ 1× |",
        *([f"| factlint -j 1 / peer factlint -j 1 ({args.peer}), run in turn | "
           f"{results['factlint -j 1 (beside peer)']['median'] / results['peer factlint -j 1']['median']:.2f}× "
           f"| ≤ 1.1× |"] if args.peer else []),
        "",
        "| extra synthetic people | 200 articles | per article | vs bundled only | reference load (1 article) | peak memory |",
        "|---|---|---|---|---|---|",
    ]
    for people, (t, load, kb) in scaling.items():
        lines.append(f"| {people:,} | {t:.2f} s | {1000 * t / 200:.1f} ms | {t / scaling[0][0]:.2f}× | "
                     f"{load:.2f} s | {kb / 1024:.0f} MB |")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps({"corpus_mb": mb, "results": results, "cold": cold,
                                                      "double": twice, "scaling": scaling}, indent=1))
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        left.barh(list(chart), list(chart.values()),
                  color=["#1d6b2c", "#3c9d50", "#888", "#aaa", "#1d6b2c", "#b5d6bc"][:len(chart)])
        left.set_xlabel(f"seconds for {args.articles} articles ({mb:.1f} MB)")
        left.set_title("Whole corpus, median wall time")
        sizes = list(scaling)
        right.plot([max(s, 1) for s in sizes], [1000 * scaling[s][0] / 200 for s in sizes], marker="o")
        right.set_xscale("log")
        right.set_xlabel("extra reference people (log; 1 = bundled only)")
        right.set_ylabel("ms per article")
        right.set_title("Reference size")
        fig.tight_layout()
        fig.savefig(args.out / "results.png", dpi=110)
    except ImportError:
        print("matplotlib is not installed: no chart", file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
