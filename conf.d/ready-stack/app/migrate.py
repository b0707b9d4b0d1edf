"""A one-shot migration: talks to the database once, records that it ran, exits 0.
Usage: migrate.py HOST PORT MARKER_FILE"""
import socket
import sys
import time

host, port, marker = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with socket.create_connection((host, port), timeout=5) as conn:
    banner = conn.recv(64).decode().strip()
print(f"migrating against {banner}", flush=True)
time.sleep(0.5)
with open(marker, "w", encoding="utf-8") as out:
    out.write(f"{time.time()}\n")
print("migration done", flush=True)
