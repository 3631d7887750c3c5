"""The Python prototype's side of the import test, with the prototype's own libraries.

  prototype_db.py make PATH   reads [{"email", "full_name", "password", "disabled"}] as JSON on
                              standard input, writes the prototype's `users` table to PATH
                              (passlib bcrypt, cost 12; pyotp base32 secrets) and prints the
                              users with their secrets as JSON.
  prototype_db.py code SECRET prints the current code of SECRET as the prototype's app shows it
                              (pyotp, 120-second period).
"""
import json
import sqlite3
import sys

import pyotp
from passlib.hash import bcrypt

PERIOD = 120


def make(path):
    users = json.load(sys.stdin)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR UNIQUE, full_name VARCHAR, "
        "hashed_password VARCHAR, otp_secret VARCHAR, disabled BOOLEAN)"
    )
    for user in users:
        user["otp_secret"] = pyotp.random_base32()
        user["hashed_password"] = bcrypt.using(rounds=12).hash(user["password"])
        db.execute(
            "INSERT INTO users (email, full_name, hashed_password, otp_secret, disabled) VALUES (?, ?, ?, ?, ?)",
            (user["email"], user["full_name"], user["hashed_password"], user["otp_secret"], user["disabled"]),
        )
    db.commit()
    db.close()
    json.dump(users, sys.stdout)


def code(secret):
    print(pyotp.TOTP(secret, interval=PERIOD).now())


if __name__ == "__main__":
    {"make": make, "code": code}[sys.argv[1]](sys.argv[2])
