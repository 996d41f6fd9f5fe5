"""The package's exports: the dict engines at once, the array engines on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import fullcourt.network as network
from fullcourt.network import arrays, scale_clusters, scale_exposure, scale_ownership


def test_array_engines_are_exported() -> None:
    assert network.build_walk is arrays.build_walk
    assert network.Registry is arrays.Registry
    assert network.hit_probability is scale_exposure.hit_probability
    assert network.build_stakes is scale_ownership.build_stakes
    assert network.label_propagation is scale_clusters.label_propagation
    assert network.scale_ownership is scale_ownership
    # the dict engines keep the plain names; the array ones are reached by module
    assert network.assess is not scale_ownership.assess
    for name in network.__all__:
        assert getattr(network, name) is not None, name


def test_unknown_names_still_fail() -> None:
    # scale_exposure.most_exposed is not re-exported: evidence.most_exposed is another
    with pytest.raises(AttributeError, match="no attribute 'most_exposed'"):
        _ = network.most_exposed


def test_importing_the_package_does_not_load_scipy() -> None:
    # every CLI command imports the package; the array engines' scipy costs ~0.25 s
    code = "import sys, fullcourt.network; print('scipy' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "False"
