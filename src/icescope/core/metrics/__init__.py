"""Prometheus/OpenMetrics export of a probe session (``--metrics``, ``--pushgateway``).

:mod:`.collector` reads the session model at each scrape (the model is updated by events; no
peer is polled); :mod:`.hook` serves ``/metrics`` and pushes the final figures.
``prometheus_client`` is imported only when one of the flags is given.
"""
