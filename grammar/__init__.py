"""The grammars of drafter (Lark): resolution.lark for the structure, inline.lark for paragraphs."""
