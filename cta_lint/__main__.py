import os
import sys

# ``python -m cta_lint`` puts the current directory first on sys.path (and an empty entry in
# PYTHONPATH does too): run inside an untrusted repository, a click.py or lxml/ there would be
# imported instead of the real package. Drop such entries unless cta_lint itself comes from
# there (a source checkout).
_here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_cwd = os.getcwd()
sys.path[:] = [p for p in sys.path
               if os.path.abspath(p or ".") != _cwd or os.path.abspath(p or ".") == _here]

from .cli import main  # noqa: E402

main(prog_name="cta-lint")
