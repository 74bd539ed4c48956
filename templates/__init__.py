"""Jinja2 templates that `drafter new` renders, one per language."""
