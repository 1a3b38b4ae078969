"""The people side of the policy (sections 7 and 8) as a Django site over the engine.

Nothing outside ``smpolicy.web`` imports Django: the engine stays usable without it.
"""
