"""Output formats. Each turns a CheckResult into text; none decides anything."""
