"""Pages of the governance app (thin: parse, call a service or selector, render)."""
