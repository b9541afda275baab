"""Steps in the Wagtail admin that several browser tests take."""

import re

from playwright.sync_api import expect

from demo.demo_content import PASSWORD


def log_in(page, site_url, username):
    """Log a demo user in through the admin's login form; ends on the dashboard."""
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
