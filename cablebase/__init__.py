"""cablebase: turn raw diplomatic cables into an archive to search, read, cite and discuss."""

__version__ = "0.1.0"
