"""Dates the demo counts back from the day it is loaded."""

import datetime

from engagement.review import add_months, today


def reviewed_ago(months, days=0):
    return add_months(today(), -months) - datetime.timedelta(days=days)
