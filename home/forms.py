from wagtail.admin.forms.auth import LoginForm


class DutchLoginForm(LoginForm):
    """Wagtail's login form leaves the password field without a label, so Django shows "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Wachtwoord"
