from django import template

from correspondents.chain.tasks import consent_problems_under_review

register = template.Library()


@register.simple_tag
def consent_problems(page):
    """What is missing from the consent record of the story revision under review."""
    return consent_problems_under_review(page)
