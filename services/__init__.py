"""The domain layer: plain functions with explicit arguments. They flush; the edge commits."""
