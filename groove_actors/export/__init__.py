"""`groove-central export`: credited trajectories as a dataset (docs/EXPORT.md)."""
