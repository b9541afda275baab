"""The ground floor: what every page and every app shares, importing no app of the project.

- pages.py: BasePage (the fields every public page has), SectionIndexPage (the overviews under the home
  page), the page permission tester, the rich-text features of an intro.
- listing.py: pagination and listing helpers.
- blocks.py: the StreamField blocks (migrations still import them as stories.blocks).
- mail.py: the one way the site sends mail. antispam.py: the public forms' spam checks. http.py: the client address.

docs/architecture.md is the map of the whole house.
"""
