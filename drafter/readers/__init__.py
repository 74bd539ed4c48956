"""Readers of the formats drafter reads besides its text form: each turns a document into that
text form (the text reader is drafter.reader, which hands other formats here)."""
