"""The language server's latency and memory, measured through the protocol (issue 17).

Starts `factlint server` with pygls' client, opens a 2,000-word article built from the benchmark
corpus (bench/corpus.py, our own text) in an empty workspace folder, then changes one word at a time
and times each change to the diagnostics it brings: the debounce (server.DEBOUNCE_SECONDS) plus the
check. Reports the median and the range, the check alone (time minus the debounce), and the server's
resident memory with the bundled reference loaded (VmRSS of its process, Linux).

    python bench/server.py [--changes 30] [--words 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

import factlint
from factlint.server import DEBOUNCE_SECONDS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402 - the benchmark corpus generator beside this script


def article(words: int) -> str:
    """About `words` words of briefing prose (bench/corpus.py's), a front matter date first."""
    reference = factlint.load_reference()
    people = [("President" if any("President of" in o.title for o in p.offices) else "", p.name)
              for p in sorted(reference.people.values(), key=lambda p: p.id)]
    orgs = sorted(o.name for o in reference.organizations.values())
    rng = random.Random(7)
    body: list[str] = []
    while sum(len(b.split()) for b in body) < words:
        body.append(corpus.article(rng, people, orgs))
    return "---\ndate: 2024-06-01\n---\n" + "\n".join(body)


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def measure(changes: int, words: int) -> dict[str, float]:
    text = article(words)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        client = LanguageClient("bench", "1")
        arrived = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri:
                arrived.set()

        await client.start_io(sys.executable, "-m", "factlint", "server")
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                             root_uri=Path(folder).as_uri()))
        client.initialized(types.InitializedParams())
        started = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=text)))
        await asyncio.wait_for(arrived.wait(), 120)
        first = time.perf_counter() - started
        times = []
        words_in = text.split(" ")
        for n in range(changes):
            arrived.clear()
            i = 40 + (n * 37) % (len(words_in) - 80)
            changed = " ".join(words_in[:i] + [words_in[i] + "s"] + words_in[i + 1:])
            started = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)]))
            await asyncio.wait_for(arrived.wait(), 60)
            times.append(time.perf_counter() - started)
        memory = rss_mb(client._server.pid) if client._server else None
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {"words": len(text.split()), "open": first, "median": statistics.median(times), "min": min(times),
            "max": max(times), "memory": memory or float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args()
    r = asyncio.run(measure(args.changes, args.words))
    print(f"{r['words']} words; first diagnostics after opening (reference load included): {r['open'] * 1000:.0f} ms")
    print(f"after a one-word change, {args.changes} changes: median {r['median'] * 1000:.0f} ms "
          f"({r['min'] * 1000:.0f}–{r['max'] * 1000:.0f}), of which the debounce is {DEBOUNCE_SECONDS * 1000:.0f} ms: "
          f"the check itself {(r['median'] - DEBOUNCE_SECONDS) * 1000:.0f} ms")
    print(f"server memory with the bundled reference: {r['memory']:.0f} MB resident")


if __name__ == "__main__":
    main()
