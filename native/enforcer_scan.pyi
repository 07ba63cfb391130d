"""For type checkers only, and only for a while: the scanner's old module name.

The native scanner was the module `enforcer_scan`, a package of its own; it is
`enforcer._scan` now, inside the enforcer. enforcer/load/cyclonedx_native.py
still names the old module where it imports the scanner's types for mypy;
once it imports them from `enforcer._scan`, delete this file and `mypy_path`
in pyproject.toml.
"""

from enforcer._scan import Scan as Scan
from enforcer._scan import Scanner as Scanner
from enforcer._scan import __version__ as __version__
