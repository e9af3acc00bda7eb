"""The "Should we engage?" page's questions and rules.

Grounded in the Gunning principles for lawful consultation (a formative stage, enough
information and time, conscientious consideration of responses) and the OECD's
guidelines for citizen participation processes (a clear purpose and a commitment to
respond, inclusion of those seldom heard, feeding back). Principles are named by slug
(`Ref`) and levels by their slug; the loader swaps in page ids."""

from .blocks import Ref, html


def _question(key, text, help_text, *options):
    return {
        "type": "question",
        "value": {
            "key": key,
            "text": text,
            "help_text": help_text,
            "options": [
                {"value": value, "label": label, "finder": finder}
                for value, label, finder in options
            ],
        },
    }


def _rule(conditions, verdict, reason, *principles):
    return {
        "type": "rule",
        "value": {
            "conditions": [
                {"question": key, "answers": answers} for key, answers in conditions.items()
            ],
            "verdict": verdict,
            "reason": reason,
            "principles": [Ref("principle", slug) for slug in principles],
        },
    }


FORMATIVE = "consult-at-a-formative-stage"
CONSIDERATION = "conscientious-consideration"
DIFFERENCE = "make-a-difference"
FEEDBACK = "feed-back-what-changed"
REACH = "reach-people-facing-inequalities"
ACCESS = "equality-diversity-and-accessibility"
INCLUSIVE = "representative-and-inclusive"

QUESTIONS = [
    _question(
        "open",
        "What is still open to change?",
        "Be honest: people can tell when a decision has already been made.",
        ("nothing", "Nothing: it has been decided", ""),
        ("details", "Only how it is carried out", ""),
        ("options", "A choice between options we drew up", ""),
        ("problem", "The problem itself, and what to do about it", ""),
    ),
    _question(
        "decides",
        "Who makes the decision, and will they respond in public to what people say?",
        "A named person or body: a cabinet member, a board, a committee.",
        ("unknown", "We don't know yet who decides", ""),
        ("silent", "We know who, but they haven't promised to respond", ""),
        ("respond", "They will publish what they heard and what they did", ""),
        ("share", "They will share the decision with the people taking part", ""),
    ),
    _question(
        "time",
        "How long is there before the decision is made?",
        "Count from today, including time to consider what people say.",
        ("2-weeks", "2 weeks or less", "weeks=2"),
        ("6-weeks", "2 to 6 weeks", "weeks=6"),
        ("3-months", "6 weeks to 3 months", "weeks=12"),
        ("6-months", "3 to 6 months", "weeks=26"),
        ("longer", "Longer", ""),
    ),
    _question(
        "budget",
        "What budget is there for the engagement itself?",
        "Venues, recruitment, facilitation, translation, and paying people for their time.",
        ("under-1000", "Under £1,000", "budget=1000"),
        ("up-to-5000", "Up to £5,000", "budget=5000"),
        ("up-to-20000", "Up to £20,000", "budget=20000"),
        ("up-to-100000", "Up to £100,000", "budget=100000"),
        ("more", "More", ""),
        ("unknown", "Not known yet", ""),
    ),
    _question(
        "people",
        "About how many people do you hope will take part?",
        "Many more may be affected; this is how many you can hear from well.",
        ("up-to-15", "Up to 15", "people=up-to-15"),
        ("16-50", "16 to 50", "people=16-50"),
        ("51-250", "51 to 250", "people=51-250"),
        ("251-1000", "251 to 1,000", "people=251-1000"),
        ("over-1000", "More than 1,000", "people=over-1000"),
    ),
    _question(
        "seldom-heard",
        "Are people who are seldom heard among those affected?",
        "For example disabled people, carers, young people, people on low incomes, or "
        "people who speak little English.",
        ("reached", "Yes, and we know how to reach them", ""),
        ("unreached", "Yes, but we don't yet know how to reach them", ""),
        ("no", "No, we have checked", ""),
        ("unchecked", "We haven't checked", ""),
    ),
    _question(
        "duty",
        "Is there a legal duty to consult?",
        "From an Act, statutory guidance, or a promise already made to consult.",
        ("yes", "Yes", ""),
        ("no", "No", ""),
        ("unsure", "Not sure", ""),
    ),
    _question(
        "asked-before",
        "Were the same people asked about this, or something close, in the last two years?",
        "",
        ("no", "No", ""),
        ("fed-back", "Yes, and we told them what changed", ""),
        ("not-fed-back", "Yes, but we never told them what happened", ""),
        ("unsure", "Not sure", ""),
    ),
]

RULES = [
    # "Not yet": something to put right before asking anyone.
    _rule(
        {"open": "nothing"},
        "not-yet",
        "The decision has been made, so there is nothing left for people to influence, "
        "and asking now would be for show. Tell people what was decided and why, then "
        "engage on what is still open: how it is carried out, or the next decision.",
        FORMATIVE,
        DIFFERENCE,
    ),
    _rule(
        {"decides": "unknown"},
        "not-yet",
        "Find out who makes the decision, and agree with them how they will use what "
        "people say. Without that, nobody can promise that taking part will count.",
        CONSIDERATION,
        DIFFERENCE,
    ),
    _rule(
        {"decides": "silent"},
        "not-yet",
        "Ask the decision-maker to commit, before you start, to publish what they heard "
        "and what they decided because of it. People give their time on that promise.",
        CONSIDERATION,
        FEEDBACK,
    ),
    _rule(
        {"time": "2-weeks"},
        "not-yet",
        "Two weeks is too short for people to hear about it, understand it and respond, "
        "and for you to consider what they say. Ask for more time; if the decision "
        "cannot wait, tell people plainly what is happening and engage on the next one.",
        FORMATIVE,
        CONSIDERATION,
    ),
    _rule(
        {"seldom-heard": "unreached"},
        "not-yet",
        "Work out how to reach the people who are seldom heard first: through groups they "
        "already trust, with support to take part (interpreters, transport, care costs, "
        "payment). Starting without them means hearing the usual voices only.",
        REACH,
        INCLUSIVE,
        ACCESS,
    ),
    _rule(
        {"asked-before": "not-fed-back"},
        "not-yet",
        "Tell people what happened to what they said last time before asking them again. "
        "Otherwise you add to consultation fatigue, and fewer will take part.",
        FEEDBACK,
    ),
    # Ceilings: how much influence can honestly be offered.
    _rule(
        {"open": "details"},
        "consult",
        "Only the details are open, so say so: ask for views on how it is carried out, "
        "rather than promising influence over the decision itself.",
        FORMATIVE,
    ),
    _rule(
        {"open": "options"},
        "involve",
        "People can choose between options you drew up: involve them in weighing those "
        "options, and be clear about which parts are fixed and why.",
        FORMATIVE,
    ),
    _rule(
        {"decides": "respond"},
        "collaborate",
        "The decision stays with the decision-maker, so the most you can promise is to "
        "work alongside people and act on their advice as far as possible. Handing "
        "people the decision needs the decision-maker to share it.",
        CONSIDERATION,
    ),
    _rule(
        {"time": "6-weeks"},
        "consult",
        "Up to six weeks leaves room to ask for views on a clear proposal, not to work "
        "through options with people.",
        FORMATIVE,
    ),
    _rule(
        {"time": "3-months"},
        "involve",
        "Up to three months is enough to involve people in shaping and weighing options, "
        "but not to work alongside them from the start.",
    ),
    _rule(
        {"time": "6-months"},
        "collaborate",
        "Three to six months allows real collaboration; handing people a decision usually "
        "takes longer, to recruit, learn and deliberate.",
    ),
    _rule(
        {"budget": "under-1000"},
        "consult",
        "With almost no budget, keep it simple and do it well: a clear proposal and an "
        "easy way to respond. Spend what there is on access needs first.",
        ACCESS,
    ),
    _rule(
        {"budget": "up-to-5000"},
        "involve",
        "Up to £5,000 pays for a few well-run workshops or discussion groups, not for a "
        "deliberative process with recruited members.",
    ),
    # No limit: worth saying, whatever the level.
    _rule(
        {"duty": "yes"},
        "note",
        "A legal duty brings the Gunning principles with it: consult while proposals are "
        "still at a formative stage, give enough information and time to respond, and "
        "take the responses conscientiously into account before deciding.",
        FORMATIVE,
        CONSIDERATION,
    ),
    _rule(
        {"duty": "yes", "time": "6-weeks"},
        "note",
        "Six weeks is at the short end for a statutory consultation: explain why in the "
        "consultation itself, and make it easy to respond.",
    ),
    _rule(
        {"duty": "unsure"},
        "note",
        "Check with your legal team before you start: a duty to consult can come from an "
        "Act, statutory guidance, or a promise already made.",
    ),
    _rule(
        {"seldom-heard": "unchecked"},
        "note",
        "Check who is affected before you start: an equality impact assessment, or a "
        "conversation with local groups, shows who is easy to miss.",
        REACH,
    ),
    _rule(
        {"seldom-heard": "reached"},
        "note",
        "Budget for what people need in order to take part, and go to them rather than "
        "asking them to come to you.",
        ACCESS,
    ),
    _rule(
        {"asked-before": "fed-back"},
        "note",
        "Start from what people told you last time, and say so; ask only what you still "
        "need to know.",
        FEEDBACK,
    ),
    _rule(
        {"budget": "unknown"},
        "note",
        "Agree a budget before you plan: it decides which methods are open to you. The "
        "finder link below shows methods at every cost meanwhile.",
    ),
]

DECISION_AID = {
    "title": "Should we engage?",
    "slug": "should-we-engage",
    "summary": (
        "Eight quick questions before you choose a method: whether now is the time to ask "
        "people, and how much influence you can honestly offer."
    ),
    "intro": html(
        "Answer eight questions about your decision. You will get a suggestion, with the "
        "reasons and the principles at stake, and a link into the method finder with your "
        "level, budget, time and group size already chosen."
    ),
    "explainer": html(
        "The suggestion comes from a set of rules written from the <b>Gunning "
        "principles</b> for fair consultation (ask at a formative stage, give enough "
        "information and time, consider the responses conscientiously) and the "
        "<b>OECD's guidelines</b> for citizen participation (a clear purpose, a commitment "
        "to respond, including those seldom heard, and telling people what changed).",
        "Any rule that says <i>not yet</i> wins. Otherwise we suggest the most cautious "
        "level that any rule allows: promising less and delivering it builds more trust "
        "than promising more and falling short.",
        "It is a prompt for a conversation with the people who decide, not legal advice. "
        "If there is a legal duty to consult, take advice on what it requires.",
    ),
    "search_description": (
        "Should we engage? Eight questions on whether to engage now and how much influence "
        "to offer, with a suggested level on the participation spectrum."
    ),
    "highest_level": "empower",
    "meanwhile_level": "inform",
    "questions": QUESTIONS,
    "rules": RULES,
}
