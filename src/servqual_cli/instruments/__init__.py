"""Instruments: built-in SERVQUAL versions and custom TOML."""
