"""`factlint rules` and `factlint explain`: every rule, and one rule's documentation."""

from __future__ import annotations

import click

from ..rules import ALL_RULES, RULES_BY_CODE
from .base import FactlintError, main


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown: the README's rule table, generated from the rules themselves.")
def rules(fmt: str) -> None:
    """List every rule with its code, default state, severity, fix safety and summary."""
    if fmt == "markdown":
        click.echo(rules_table(), nl=False)
        return
    for rule in ALL_RULES:
        state = "on " if rule.enabled_by_default else "off"
        click.echo(f"{rule.code}  {state}  {rule.severity.value:<7}  {rule.fix:<6}  {rule.name:<24}  {rule.summary}")


def rules_table() -> str:
    """The README's rule table: every cell read from the rule (its attributes and the "What it
    catches" section of its docstring), with an anchor per code that SARIF's helpUri points at."""
    fix = {"safe": "safe (`--fix`)", "unsafe": "suggestion only", "none": "none"}
    rows = ["| code | default | severity | fix | catches |", "|---|---|---|---|---|"]
    rows += [f"| <a id=\"{r.code.lower()}\"></a>{r.code} | {'on' if r.enabled_by_default else 'off'} | "
             f"{r.severity.value} | {fix[r.fix]} | {r.section('What it catches').replace('|', '&#124;')} |"
             for r in ALL_RULES]
    return "\n".join(rows) + "\n"


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation."""
    rule = RULES_BY_CODE.get(code.strip().upper())
    if rule is None:
        raise FactlintError(f"unknown rule code: {code} (see `factlint rules`)")
    default = "on" if rule.enabled_by_default else "off (enable with --extend-select)"
    click.echo(f"{rule.code} ({rule.name}): {rule.summary}\nSeverity: {rule.severity.value}; default: {default}\n")
    click.echo(rule.documentation())


