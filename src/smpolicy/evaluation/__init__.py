"""Measuring the screening engine on fixed test suites (HateCheck) and on our own dev split."""
