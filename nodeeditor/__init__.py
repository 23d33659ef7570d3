"""Backprop Studio: computational graphs with live forward values and gradients."""

__version__ = "0.1.0"
