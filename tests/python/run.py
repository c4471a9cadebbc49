"""Runs the Python tier's tests and ends with "N passed, N failed"."""

import sys
import unittest

suite = unittest.defaultTestLoader.loadTestsFromNames(["test_hearsay", "test_spark"])
result = unittest.TextTestRunner(verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
print(f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed")
sys.exit(0 if result.wasSuccessful() else 1)
