"""Signaling adapters: how offers, answers and candidates travel between peers."""
