"""The home page, the section index pages and the About page."""

from .blocks import Ref, call_to_action, faq, heading, para, quote

HOME = {
    "heading": "Community engagement that changes something",
    "intro": (
        "<p>Essays on how public services, charities and communities work together, and a "
        "practical library of <b>engagement methods</b> and <b>principles</b> you can compare "
        "by influence, numbers, time and cost.</p>"
    ),
    "search_description": (
        "Essays and a practical, comparable library of community engagement methods and "
        "principles for UK public services."
    ),
    "featured_essays": [
        "on-engagement-methods",
        "on-best-practice-engagement-and-participation",
        "on-investing-in-communities",
    ],
}

ESSAYS_INDEX = {
    "title": "Essays",
    "slug": "essays",
    "show_in_menus": True,
    "intro": (
        "<p>Longer pieces on engagement, partnership and public service reform: "
        "opinionated, practical and linked to the methods and principles they discuss.</p>"
    ),
    "search_description": "Essays on community engagement, partnerships and public services.",
}

ENGAGEMENT_INDEX = {
    "title": "Engagement",
    "slug": "engagement",
    "show_in_menus": False,
    "intro": (
        "<p>A library for the moment you need it: method guides you can compare side by "
        "side, and principles that say what good looks like. Every method is placed on the "
        "participation spectrum, from <i>inform</i> to <i>empower</i>.</p>"
    ),
    "search_description": "Method guides and principles for community engagement.",
}

METHODS_INDEX = {
    "title": "Methods",
    "slug": "methods",
    "show_in_menus": True,
    "intro": (
        "<p>Find a method that fits your question, your people and your budget. Filter by "
        "how much influence participants will have, how many people take part, how long "
        "it takes and what it costs.</p>"
    ),
    "search_description": "Compare community engagement methods by level, numbers, time and cost.",
}

PRINCIPLES_INDEX = {
    "title": "Principles",
    "slug": "principles",
    "show_in_menus": True,
    "intro": (
        "<p>What good engagement looks like, drawn from published frameworks and put in "
        "plain words, with signs that a principle is being lived and questions to ask.</p>"
    ),
    "search_description": "Principles of good engagement and co-production, with indicators.",
}

ABOUT = {
    "title": "About",
    "slug": "about",
    "show_in_menus": True,
    "summary": (
        "Who writes this site, why the engagement library exists and how the method "
        "guides are kept up to date."
    ),
    "search_description": "About Engaging Communities: who writes it and how guides are kept.",
    "body": [
        heading("Why this site exists"),
        para(
            "Most people who plan community engagement do it a few times a year, usually "
            "against a deadline, and often after the important decisions have been taken. "
            "There is no shortage of toolkits. What is missing is something you can use at "
            "the moment of need: a way to compare methods honestly, with real numbers for "
            "time and cost, and plain words about when each one is the wrong choice.",
            "This site has two halves. The essays are opinion: notes from practice on "
            "partnership, prevention, commissioning and the long history of asking "
            "communities what they think. The library is reference: structured guides to "
            "methods and principles that you can filter, compare and print.",
        ),
        heading("How the library works"),
        para(
            "Every method guide places the method on the participation spectrum as a "
            "<i>range</i>, because the same method can be run to consult people or to hand "
            "them real power. Numbers of participants, time and cost are stored as figures, "
            "with the source and year of any published cost. Each guide shows when it was "
            "last reviewed, so you can judge how far to trust it.",
            "The levels of the spectrum are described in our own words. They draw on the "
            "widely used public participation spectrum published by IAP2, which is worth "
            "reading in the original.",
        ),
        quote(
            "Choose the question first, the people second and the method last.",
            attribution="A rule of thumb from practice",
        ),
        call_to_action(
            "Find a method",
            "Filter methods by influence, numbers, time and budget.",
            Ref("page", "methods"),
            button_text="Open the method finder",
        ),
        heading("Questions"),
        faq(
            "Can I reuse the material?",
            "Yes. The text is shared under a Creative Commons Attribution licence unless a "
            "page says otherwise. Please credit the site and link back.",
        ),
        faq(
            "Something in a guide is out of date. What should I do?",
            "Please get in touch. Guides are reviewed regularly and each shows the date of "
            "its last review.",
        ),
    ],
}
