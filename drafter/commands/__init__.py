"""What each command does, apart from reading its options (drafter.cli).

The exit statuses and the one-line error every command uses live here.
"""

from __future__ import annotations

import sys

# 0: done, nothing at error level; 1: findings; 2: drafter could not do its job.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def error(message: str) -> int:
    """One line on standard error; the exit status of a command that could not do its job."""
    print(f"drafter: {message}", file=sys.stderr)
    return EXIT_FAILURE
