"""The ready-stack example's Flask app: answers / and /health once the migration has run."""
import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return f"Hello from web (gunicorn worker {os.getpid()})\n"


@app.route("/health")
def health():
    return "ok\n"
