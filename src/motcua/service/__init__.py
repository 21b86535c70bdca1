"""The service's business functions: conversations, handovers, accounts, analytics.

Why separate from ``store/``: the store room holds tables only; the rules (redact before
storing, officers see only their commune, every admin action audited) live here, and the web
routes stay thin.
"""
