"""Dossier status lookup ("tra cứu hồ sơ"): a code in a citizen's message, its second factor,
its state from a ``DossierSource`` (the imported export or the one-stop system's API).

``codes`` recognises codes, ``status`` the portal's ten states, ``record`` the protocol and the
hashed factor, ``store``/``importer`` the imported source, ``http`` the API connector,
``audit`` the lock and audit, ``flow`` the step inside ``CitizenService``; ``testing`` is the
contract suite every source's tests subclass.
"""
