"""Pieces of the corpus generator: real-collection shape, text synthesis, cable layout, writers."""
