"""`drafter serve`: drafter as a local web page, for drafters who do not use a terminal.

A Starlette application served by uvicorn on 127.0.0.1 (imported only by `drafter serve`):
pages rendered with the project's Jinja2 templates (templates/serve/), plain HTML forms that
work with scripts off, nothing fetched from another site. Every check goes through the
functions the command line uses (drafter.lint); the upload lives in a temporary file for the
time of the request. Requests from another origin, or for another host name, are refused.
"""
