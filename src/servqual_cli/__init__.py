"""servqual: measure and analyse public service quality.

The package has three layers that never mix:

- :mod:`servqual_cli.io` reads and validates files into tidy frames;
- :mod:`servqual_cli.core` computes statistics on frames and arrays (pure: no printing, no files);
- :mod:`servqual_cli.cli` and :mod:`servqual_cli.report` parse options, render and write files.
"""

__version__ = "0.1.0"
