"""Stands in for a database: waits DELAY seconds (warming up), then accepts TCP connections on
HOST:PORT and answers each with one line. Usage: fake_db.py HOST PORT DELAY"""
import socket
import sys
import time

host, port, delay = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
print(f"fake db warming up for {delay} s", flush=True)
time.sleep(delay)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((host, port))
server.listen(64)
print(f"fake db ready on {host}:{port}", flush=True)
while True:
    conn, _ = server.accept()
    try:
        conn.sendall(b"fake-db 1.0\n")
    except OSError:
        pass
    conn.close()
