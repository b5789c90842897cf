import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

import khabar
from khabar import _ffi
from khabar._ffi import lib

from .helpers import REPO


class DeclarationsTest(unittest.TestCase):
    def test_every_header_function_is_declared(self):
        header = (REPO / "include" / "khabar.h").read_text()
        in_header = set(re.findall(r"^[A-Za-z][\w ]*?[ *](khabar_\w+)\(", header, re.M))
        self.assertEqual(in_header, set(_ffi.SIGNATURES))

    def test_status_numbers_match_the_header(self):
        header = (REPO / "include" / "khabar.h").read_text()
        numbers = dict((k, int(v)) for k, v in re.findall(r"KHABAR_STATUS_(\w+) = (\d+)", header))
        for name, value in numbers.items():
            self.assertEqual(getattr(_ffi, "STATUS_" + name), value, name)
        abi = re.search(r"#define KHABAR_ABI_VERSION (\d+)", header).group(1)
        self.assertEqual(int(abi), _ffi.ABI_VERSION)

    def test_every_symbol_has_types(self):
        for name, (restype, argtypes) in _ffi.SIGNATURES.items():
            fn = getattr(lib, name)
            self.assertEqual(fn.restype, restype, name)
            self.assertEqual(fn.argtypes, argtypes, name)

    def test_abi_version(self):
        self.assertEqual(lib.khabar_abi_version(), _ffi.ABI_VERSION)

    def test_package_and_crate_versions_agree(self):
        cargo = re.search(r'^version = "([^"]+)"', (REPO / "Cargo.toml").read_text(), re.M).group(1)
        pyproject = re.search(r'^version = "([^"]+)"', (REPO / "python" / "pyproject.toml").read_text(), re.M).group(1)
        self.assertEqual((khabar.__version__, pyproject), (cargo, cargo))


def run_import(env_extra):
    env = {k: v for k, v in os.environ.items() if k != "KHABAR_LIBRARY"}
    env.update(PYTHONPATH=str(REPO / "python"), **env_extra)
    return subprocess.run(
        [sys.executable, "-c", "import khabar; print(khabar.library_path())"], env=env, capture_output=True, text=True
    )


class LocationTest(unittest.TestCase):
    def test_khabar_library_wins(self):
        path = khabar.library_path()
        out = run_import({"KHABAR_LIBRARY": path})
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), path)

    def test_a_missing_library_gives_a_clear_message(self):
        out = run_import({"KHABAR_LIBRARY": "/nonexistent/libkhabar.so"})
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("KHABAR_LIBRARY", out.stderr)
        self.assertIn("ImportError", out.stderr)

    def test_no_library_anywhere_lists_the_places_tried(self):
        out = run_import({"CARGO_TARGET_DIR": "/nonexistent-target"})
        if Path(khabar.__file__).with_name("libkhabar.so").exists() or list(Path(khabar.__file__).parent.glob("_native*")):
            self.skipTest("a library is installed next to the package")
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("cannot find the khabar shared library", out.stderr)
        self.assertIn("/nonexistent-target/debug/libkhabar.so", out.stderr)

    def test_a_library_next_to_the_package_is_found(self):
        # The layout `pip install ./python` produces: khabar/_native<EXT_SUFFIX> beside __init__.py.
        import importlib.machinery
        import shutil
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            pkg = Path(tmp) / "khabar"
            shutil.copytree(REPO / "python" / "khabar", pkg, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
            native = pkg / ("_native" + importlib.machinery.EXTENSION_SUFFIXES[0])
            shutil.copyfile(khabar.library_path(), native)
            env = {k: v for k, v in os.environ.items() if k != "KHABAR_LIBRARY"}
            env.update(PYTHONPATH=tmp, CARGO_TARGET_DIR="/nonexistent-target")
            out = subprocess.run(
                [sys.executable, "-c", "import khabar; print(khabar.library_path()); print(khabar.parse('Hello.').text)"],
                env=env,
                capture_output=True,
                text=True,
            )
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertEqual(out.stdout.split("\n")[:2], [str(native), "Hello."])

    def test_a_foreign_library_is_rejected(self):
        libc = next((p for p in ["/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/libc.so.6"] if Path(p).exists()), None)
        if libc is None:
            self.skipTest("no libc found at a known path")
        out = run_import({"KHABAR_LIBRARY": libc})
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("has no function khabar_", out.stderr)


if __name__ == "__main__":
    unittest.main()
