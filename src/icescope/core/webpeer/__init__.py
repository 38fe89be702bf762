"""The browser peer: an embedded aiohttp server and a plain HTML/JS page (no build, no CDN)."""
