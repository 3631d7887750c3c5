#!/usr/bin/env python3
"""Drives every workflow of mfa-server end to end in headless Chromium, through the pages only.

    scripts/browser_suite.py --url http://127.0.0.1:8000 --data-dir ./mfa-data [--screenshots Docs/screenshots]

The links come from the file outbox ({data dir}/outbox/*.eml), the TOTP codes from
`oathtool`, the authenticator secret from the page's QR code (a screenshot decoded
with `zbarimg`), the passkey from Chrome's virtual authenticator (internal transport,
resident keys, user verification): the server's public URL must be on a name such as
localhost, never an IP address, for passkeys to work. Every page is checked with axe-core; a violation of serious or
critical impact fails the run (PyPI selenium-axe-python, which bundles
axe-core 4.9). With --screenshots, the main pages are also saved
light and dark, at phone and desktop widths. See Docs/Browser-check.md.
"""
import argparse
import email
import email.policy
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.virtual_authenticator import Protocol, Transport, VirtualAuthenticatorOptions
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "another good passphrase"
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


class Failure(Exception):
    pass


def replaced(element):
    """A wait condition: `element` is gone from the page. Like selenium's `staleness_of`, but
    also accepting Chromium's "Node with given id does not belong to the document", which it
    answers instead of a stale reference while a passkey form's script swaps the page."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


class Suite:
    def __init__(self, url, data_dir, screenshots):
        self.url = url.rstrip("/")
        self.outbox = pathlib.Path(data_dir) / "outbox"
        self.screenshots = pathlib.Path(screenshots) if screenshots else None
        self.email = f"browser-{int(time.time())}@example.com"
        self.secret = None
        self.last_step = -1
        self.recovery_codes = []
        self.followed = set()
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_window_size(*SIZES["desktop"])
        self.driver.implicitly_wait(2)
        # A platform authenticator that keeps discoverable passkeys and verifies its user (a PIN, a fingerprint).
        self.driver.add_virtual_authenticator(VirtualAuthenticatorOptions(
            protocol=Protocol.CTAP2, transport=Transport.INTERNAL, has_resident_key=True, has_user_verification=True,
            is_user_consenting=True, is_user_verified=True,
        ))

    # --- helpers ------------------------------------------------------------------

    def step(self, name):
        print(f"  {name}", flush=True)

    def check_page(self, name, shoot=False):
        """axe-core on the current page; fails on serious or critical violations."""
        axe = Axe(self.driver)
        axe.inject()
        violations = [v for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
        if violations:
            details = "; ".join(
                f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}" for v in violations
            )
            raise Failure(f"axe on {name} ({self.driver.current_url}): {details}")
        if shoot and self.screenshots:
            self.shoot(name)

    def shoot(self, name):
        """The current document light and dark, phone and desktop, without reloading it."""
        self.screenshots.mkdir(parents=True, exist_ok=True)
        for scheme in ("light", "dark"):
            self.driver.execute_cdp_cmd(
                "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
            )
            for size, (width, height) in SIZES.items():
                self.driver.set_window_size(width, height)
                self.driver.save_screenshot(str(self.screenshots / f"{name}-{scheme}-{size}.png"))
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        self.driver.set_window_size(*SIZES["desktop"])

    def open(self, path):
        self.driver.get(self.url + path)

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def expect_heading(self, text):
        if self.heading() != text:
            notices = " ".join(n.text for n in self.driver.find_elements(By.CSS_SELECTOR, ".notice"))
            raise Failure(f"expected the page {text!r}, got {self.heading()!r} at {self.driver.current_url}: {notices}")

    def fill(self, form_id, values):
        form = self.driver.find_element(By.ID, form_id)
        for name, value in values.items():
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # The click returns before the answer arrives: wait until the page is replaced.
        WebDriverWait(self.driver, 30).until(replaced(form))

    def follow_link(self, path):
        """Opens the newest emailed link to `path` for the suite's address."""
        for _ in range(100):
            found = []
            files = sorted(self.outbox.glob("*.eml"), key=lambda f: f.stat().st_mtime) if self.outbox.is_dir() else []
            for file in files:
                message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
                if self.email not in str(message.get("To", "")).lower():
                    continue
                body = message.get_body(preferencelist=("plain",))
                found += re.findall(re.escape(path) + r"\?one_time_url=[A-Za-z0-9_-]+", body.get_content() if body else "")
            # Each link is used once: wait for the email of this request, not an older one.
            if found and found[-1] not in self.followed:
                self.followed.add(found[-1])
                self.open(found[-1])
                return
            time.sleep(0.1)
        raise Failure(f"no new email to {self.email} with a link to {path}")

    def totp(self):
        """A code of a time step not used before (the server accepts each step once), by oathtool."""
        while True:
            now = int(time.time()) // 30
            steps = [s for s in (now, now + 1) if s > self.last_step]
            if steps:
                self.last_step = steps[0]
                break
            time.sleep(1)
        moment = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(self.last_step * 30 + 1))
        return subprocess.run(
            ["oathtool", "--totp", "--base32", "-N", moment, self.secret], check=True, capture_output=True, text=True
        ).stdout.strip()

    def scan_enrolment(self):
        """Decodes the page's QR code from a screenshot with zbarimg; keeps its secret and the recovery codes."""
        with tempfile.TemporaryDirectory() as work:
            image = pathlib.Path(work) / "qr.png"
            self.driver.find_element(By.CSS_SELECTOR, ".qr").screenshot(str(image))
            uri = subprocess.run(["zbarimg", "--raw", "-q", str(image)], check=True, capture_output=True, text=True).stdout.strip()
        if not uri.startswith("otpauth://totp/"):
            raise Failure(f"the QR code holds {uri!r}")
        if not any(link.get_attribute("href") == uri for link in self.driver.find_elements(By.TAG_NAME, "a")):
            raise Failure("the QR code differs from the page's otpauth link")
        self.secret = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)["secret"][0]
        self.last_step = -1
        self.recovery_codes = [item.text for item in self.driver.find_elements(By.CSS_SELECTOR, "ol.codes li")]
        if len(self.recovery_codes) != 10:
            raise Failure(f"expected ten recovery codes, got {self.recovery_codes}")

    def request_link(self, start_path, values, expect_sent=True):
        self.open(start_path)
        self.check_page(f"start {start_path}")
        self.fill("start", values)
        if expect_sent:
            self.expect_heading("Check your email")
            self.check_page("link sent")

    def expect_account_page(self, what, path="/account"):
        """The account page, answering `path`: a sign-in's redirect, or a form of the page itself."""
        if not self.driver.current_url.endswith(path):
            notices = " ".join(n.text for n in self.driver.find_elements(By.CSS_SELECTOR, ".notice, [data-passkey-status]"))
            raise Failure(f"{what} led to {self.driver.current_url}: {notices}")
        self.expect_heading("Your account")

    def sign_out(self):
        self.fill("sign-out", {})
        self.expect_heading("Signed out")

    def sign_in(self, password):
        self.request_link("/users/login/", {"email": self.email})
        self.follow_link("/users/login/mfa/")
        self.check_page("sign-in", shoot=True)
        self.fill("login", {"password": password, "totp_code": self.totp()})
        self.expect_account_page("signing in")

    # --- the workflows --------------------------------------------------------------

    def run(self):
        self.step("start page")
        self.open("/")
        self.expect_heading("Sign-in service")
        self.check_page("home", shoot=True)
        self.driver.find_element(By.LINK_TEXT, "Create an account").click()

        self.step("sign up")
        self.expect_heading("Create an account")
        self.check_page("sign-up", shoot=True)
        self.fill("start", {"email": self.email, "password": PASSWORD, "full_name": "Ada Lovelace"})
        self.expect_heading("Check your email")
        self.check_page("link-sent", shoot=True)
        self.follow_link("/users/create/mfa/")
        self.check_page("confirm account")
        self.fill("create", {"password_again": PASSWORD})
        self.expect_heading("Account created")
        self.check_page("account-created", shoot=True)
        self.scan_enrolment()

        self.step("sign in, account page")
        self.sign_in(PASSWORD)
        page = self.driver.find_element(By.TAG_NAME, "main").text
        for expected in (self.email, "Ada Lovelace", "Recovery codes left\n10"):
            if expected not in page:
                raise Failure(f"the account page lacks {expected!r}")
        self.check_page("account", shoot=True)

        self.step("add a passkey on the account page")
        self.fill("add-passkey", {"name": "Chromium"})
        self.expect_account_page("adding a passkey", "/account/passkeys")
        if 'Passkey "Chromium" added.' not in self.driver.find_element(By.TAG_NAME, "main").text:
            raise Failure("the account page does not say the passkey was added")
        if not self.driver.find_elements(By.XPATH, "//ul[@class='passkeys']//strong[text()='Chromium']"):
            raise Failure("the account page does not list the passkey")
        self.check_page("account with a passkey", shoot=True)

        self.step("change password")
        self.fill("change-password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "totp_code": "000000"})
        if "Authentication failed" not in self.driver.page_source:
            raise Failure("a wrong code on the account page was not refused")
        self.check_page("account after a wrong code")
        self.fill("change-password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "totp_code": self.totp()})
        if "Password changed." not in self.driver.page_source:
            raise Failure("the password change did not say it succeeded")

        self.step("sign out")
        self.sign_out()
        self.check_page("signed out")
        self.open("/account")
        if not self.driver.current_url.endswith("/users/login/"):
            raise Failure(f"/account after signing out led to {self.driver.current_url}")

        self.step("sign in with the passkey alone")
        self.check_page("sign-in page with a passkey")
        self.fill("start-passkey", {})
        self.expect_account_page("signing in with a passkey alone")
        self.sign_out()

        self.step("the passkey as the second factor at a sign-in link")
        self.request_link("/users/login/", {"email": self.email})
        self.follow_link("/users/login/mfa/")
        self.check_page("sign-in link with a passkey")
        self.fill("login-passkey", {"password": NEW_PASSWORD})
        self.expect_account_page("signing in with the password and a passkey")
        self.sign_out()

        self.step("forgot password")
        self.request_link("/users/password/reset/", {"email": self.email})
        self.follow_link("/users/password/reset/confirm/")
        self.check_page("reset")
        self.fill("reset", {"new_password": PASSWORD, "totp_code": self.totp()})
        self.expect_heading("Password changed")
        self.check_page("password changed")

        self.step("replace the authenticator with a recovery code, from the account page")
        self.sign_in(PASSWORD)
        self.fill("new-authenticator", {"password": PASSWORD})
        self.expect_heading("Check your email")
        self.follow_link("/users/mfa/new_totp_code/confirm/")
        self.check_page("new authenticator")
        self.driver.find_element(By.CSS_SELECTOR, "details summary").click()
        recovery_form = self.driver.find_element(By.CSS_SELECTOR, "details form").get_attribute("id")
        self.fill(recovery_form, {"recovery_code": self.recovery_codes[0]})
        self.expect_heading("New authenticator secret issued")
        self.check_page("authenticator replaced")
        self.scan_enrolment()

        self.step("delete the account")
        self.request_link("/users/delete/", {"email": self.email, "password": PASSWORD})
        self.follow_link("/users/delete/mfa/")
        self.check_page("delete")
        self.fill("delete", {"totp_code": self.totp()})
        self.expect_heading("Account deleted")
        self.check_page("account deleted")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--data-dir", required=True, help="the server's MFA_DATA_DIR (file outbox)")
    parser.add_argument("--screenshots", help="where to write the screenshots of the main pages")
    arguments = parser.parse_args()
    suite = Suite(arguments.url, arguments.data_dir, arguments.screenshots)
    started = time.monotonic()
    try:
        suite.run()
    except Failure as failure:
        print(f"browser suite: {failure}", file=sys.stderr)
        return 1
    finally:
        suite.driver.quit()
    print(f"browser suite: every workflow passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
