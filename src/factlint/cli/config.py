"""`factlint config`: the effective configuration, as TOML that can be pasted back."""

from __future__ import annotations

import click

from ..config import to_toml
from .base import load_config_or_fail, main


@main.command("config")
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True), help="Configuration file.")
def show_config(path: str | None, config_path: str | None) -> None:
    """Print the effective configuration for PATH (default: here) and where each value comes from."""
    loaded = load_config_or_fail(config_path, [path] if path else [])
    click.echo(f"# configuration file: {loaded.path or 'none found'}")
    click.echo(to_toml(loaded), nl=False)


