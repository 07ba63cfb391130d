"""The public API is what `enforcer.__all__` says, and every name resolves."""

from __future__ import annotations

import subprocess
import sys

import enforcer


def test_all_names_resolve():
    for name in enforcer.__all__:
        assert getattr(enforcer, name) is not None, name


def test_all_is_exactly_the_exports():
    public = {name for name in dir(enforcer) if not name.startswith("_")}
    assert public == set(enforcer.__all__) - {"__version__"}


def test_import_is_lazy():
    code = "import sys, enforcer; print('enforcer._models' in sys.modules, 'regopy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_unknown_name_is_an_attribute_error():
    try:
        enforcer.nope  # noqa: B018
    except AttributeError as error:
        assert "nope" in str(error)
    else:
        raise AssertionError("enforcer.nope resolved")
