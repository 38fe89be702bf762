"""The Qt-free asyncio core: states, events, sessions, the ICE engine, signaling."""
