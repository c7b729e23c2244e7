"""factlint's version, written in this one place: pyproject.toml reads it from here ([tool.hatch.version]),
and every module that reports it (`--version`, SARIF, the reference cache key) imports it from here
rather than from the package, whose __init__ imports the API, which imports everything else."""

__version__ = "0.1.0"
