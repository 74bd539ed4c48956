"""`drafter diff`: what changed between two versions of a resolution, paragraph by paragraph.

units (what is compared) → align (pair paragraphs by content) → words (what changed inside a
pair) → technical (updates of course, or substance) → compare (the entries) → formats, html,
or a Word redline (drafter.writers.word)."""
