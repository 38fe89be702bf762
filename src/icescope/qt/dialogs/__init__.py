"""Dialogs and panels for choosing and reaching the remote peer (New session, signaling)."""
