"""Baselines for the benchmarks: the least a Flask endpoint can cost on the same gunicorn
settings. ``/json`` answers a small JSON document; ``/db-row`` reads one row from the same
database the app uses (``DATABASE_URL``)."""

import os

import sqlalchemy as sa
from flask import Flask, jsonify

app = Flask(__name__)
engine = sa.create_engine(os.environ.get("DATABASE_URL", "sqlite://"), pool_size=5)


@app.get("/json")
def bare_json():
    return jsonify({"id": 1, "name": "baseline", "price": 1999, "currency": "usd"})


@app.get("/db-row")
def one_row():
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT id, name FROM products LIMIT 1")).one()
    return jsonify({"id": row.id, "name": row.name})
