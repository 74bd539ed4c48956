"""`drafter new`: next session's resolution from the previous one.

previous text → model (drafter.parser) → updates for the next session (updates.py: text
changes, placeholders, a summary) → template context (context.py) → Jinja2 template of
templates/ (render.py) → the new draft.
"""
