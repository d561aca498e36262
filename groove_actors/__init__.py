"""Central Command: verifies, stores, stitches, scores and credits agent trajectories."""

__version__ = "0.1.0"
