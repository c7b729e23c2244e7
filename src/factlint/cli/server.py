"""`factlint server`: the language server, over stdio (see server.py)."""

from __future__ import annotations

from .base import main


@main.command()
def server() -> None:
    """Run the language server on standard input and output, for editors (VS Code, Neovim, Helix,
    Zed...): diagnostics for Markdown, text and HTML documents as they are written."""
    from ..server import serve  # pygls loads only for the server: `check` never needs it

    serve()
