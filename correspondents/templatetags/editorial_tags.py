from django import template

from correspondents.chain.tasks import consent_problems_under_review

register = template.Library()


@register.simple_tag
def consent_problems(page):
    """What is missing from the consent record of the story revision under review."""
    return consent_problems_under_review(page)


@register.simple_tag
def plain_language_under_review(page):
    """The plain-language report on the revision under review (advice only), or None for a page type without one."""
    page = page.specific
    report = getattr(page, "submitted_plain_language_report", None)
    return report() if report else None
