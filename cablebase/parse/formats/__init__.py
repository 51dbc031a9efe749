"""One reader per input format: each turns its bytes into a ``ParseState`` for the rules."""
