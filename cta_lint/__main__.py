import os
import sys

# ``python -m cta_lint`` puts the current folder on sys.path (so does an empty PYTHONPATH
# entry). That folder is usually the repository being linted: never import its modules or
# load entry points (plugins) from it. cta_lint itself is already imported by now.
_here = os.getcwd()
sys.path[:] = [p for p in sys.path if p not in ("", ".", _here)]

from .cli import main  # noqa: E402

main(prog_name="cta-lint")
