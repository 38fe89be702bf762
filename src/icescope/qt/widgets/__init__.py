"""Widgets: render plain values and typed events, emit typed command signals."""
