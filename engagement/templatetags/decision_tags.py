"""The call to action for "Should we engage?", shown on the home page, the library hub
and the method finder:

    {% decision_aid as aid %}
    {% include "engagement/components/decision_cta.html" with decision_aid=aid %}
"""

from django import template

from site_project.core.visibility import visible

register = template.Library()


@register.simple_tag(takes_context=True)
def decision_aid(context):
    """The live, public decision aid (one query), or None when there is none."""
    from engagement.decision import DecisionAidPage

    request = context.get("request")
    return visible(DecisionAidPage.objects.all(), request).defer_streamfields().first()
