"""Reads of multi-agency training, one module per part of the service (see services/)."""
