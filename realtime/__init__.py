"""The real-time edge: a Socket.io server (python-socketio) that sends the stream of
``services.realtime_stream`` to the rooms ``services.realtime_access`` lets clients join."""
