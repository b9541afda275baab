"""The community floor: what readers and buurtmakers do on the site besides reading.

- events.py: gatherings (Bijeenkomsten), registration with a waiting list; event_admin.py, ical.py.
- reactions.py: Het gesprek, the public reaction form and moderation; reaction_admin.py. (The Reaction model lives
  with the pages it belongs to, in stories/models/reactions.py.)
- submissions.py: Deel je verhaal, the intake that becomes a draft story with an editor as coach;
  submission_admin.py.
- partners.py: the partners page.

The models declare app_label "stories" (community/models.py says why).
"""
