"""The course-notes Flask app: what gunicorn serves behind nginx."""
import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return f"Hello from myapp (gunicorn worker {os.getpid()})\n"


@app.route("/health")
def health():
    return "ok\n"
