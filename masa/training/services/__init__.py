"""Writes of multi-agency training, one module per part of the service: courses and sessions,
booking and the waiting list, the register and charges, what follows a session (certificates,
evaluations, impact follow-ups) and the needs analysis."""
