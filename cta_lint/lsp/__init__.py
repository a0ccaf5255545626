"""``cta-lint server``: a Language Server Protocol server over stdio (the ``lsp`` extra).

Only that command imports this package; ``check`` and the rest never import pygls."""
from __future__ import annotations

import sys

INSTALL_HINT = ("cta-lint: error: 'cta-lint server' needs the language-server extra, which is "
                "not installed.\n"
                "Install it with:  python3 -m pip install \"cta-lint[lsp]\"\n"
                "(it adds pygls and lsprotocol).")


def run() -> int:
    """Serve LSP on stdin/stdout until the client says exit; 2 without the extra."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from .server import serve
    serve()
    return 0
