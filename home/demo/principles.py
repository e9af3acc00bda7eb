"""Principles of good engagement, each summarised in our own words from a published
framework (named on the page through its Framework snippet)."""

from .blocks import (
    barriers_enablers,
    heading,
    indicators,
    method_card,
    para,
    practice_example,
    questions,
)

# Barriers and enablers that recur across the frameworks.
RHETORIC_GAP = "A gap between what the organisation says about engagement and what it does"
FATIGUE = "Consultation fatigue: people asked again and again with little to show for it"
SHORT_FUNDING = "Short-term funding cycles that end before relationships have formed"
PROFESSIONAL_RESISTANCE = "Professional resistance to sharing expertise, control or budgets"
PERCEIVED_RISK = "Perceived risk: fear of raising expectations or losing control of the outcome"
LEADERSHIP = "Leaders who commit in public to act on what they hear"
FEEDBACK = "Feeding back what changed, and what did not and why"
RESOURCING = "Paying participants for their time and meeting access and care needs"
EARLY = "Involving people early, while the options are still open"

PRINCIPLES = [
    {
        "slug": "people-as-assets",
        "title": "People as assets",
        "statement": (
            "Treat the people who use services as contributors with skills, knowledge and "
            "time to offer, not as bundles of needs waiting to be met."
        ),
        "framework": "nef-nesta",
        "topics": ["co-production", "prevention"],
        "body": [
            heading("What it means"),
            para(
                "Public services are usually organised around what people lack: a "
                "diagnosis, a benefit entitlement, a risk score. This principle asks "
                "services to start somewhere else, with what people can do and already "
                "do. A parent who has navigated the special educational needs system knows "
                "things no caseworker does; a tenant who organises the stairwell rota is "
                "already running a small service.",
                "Seeing people as assets is not a way of shifting work onto them for free. "
                "It changes who is in the room when problems are defined, and it changes "
                "what counts as a resource when solutions are designed.",
            ),
            indicators(
                "Assessments and plans record what people bring, not only what they need",
                "People who use a service help design, run or review it",
                "Staff can name skills in the community they draw on regularly",
            ),
            barriers_enablers(
                [PROFESSIONAL_RESISTANCE, RHETORIC_GAP, "Eligibility rules that reward need"],
                [LEADERSHIP, RESOURCING, "Strengths-based training for frontline staff"],
            ),
            questions(
                "What do the people we serve already do for each other?",
                "Where do our forms and processes only ask about problems?",
                "Who is paid for their expertise in this work, and who is not?",
            ),
            practice_example(
                "Starting conversations with strengths",
                "Wigan Council trained staff across adult social care to begin with "
                "'what matters to you' conversations and to look for what people and "
                "their networks could do before offering a service. The approach, part of "
                "the wider Wigan Deal, was credited with changing the relationship between "
                "the council and residents during a decade of budget cuts.",
                organisation="Wigan Council",
            ),
            method_card(
                "asset-based-community-development",
                "The method that takes this principle furthest.",
            ),
        ],
    },
    {
        "slug": "reciprocity-and-mutuality",
        "title": "Reciprocity and mutuality",
        "statement": (
            "Everyone who puts something into the work should get something back, and "
            "obligations should run both ways between professionals and residents."
        ),
        "framework": "nef-nesta",
        "topics": ["co-production", "partnerships"],
        "body": [
            heading("What it means"),
            para(
                "Engagement often runs on a one-way deal: the institution asks, residents "
                "give their time and views, and the institution leaves with what it needed. "
                "Reciprocity turns that into an exchange. People might gain payment, "
                "skills, a reference, new relationships, influence over a decision or "
                "simply the satisfaction of seeing their contribution used.",
                "Mutuality goes a step further. It means shared responsibility: the "
                "organisation also makes commitments and can be held to them. Peer "
                "support networks, time banks and mutual aid groups show how much value "
                "flows when people help each other as equals.",
            ),
            indicators(
                "Participants can say what they gained from taking part",
                "Commitments made by the organisation are written down and tracked",
                "People return to take part again, and bring others",
            ),
            barriers_enablers(
                [FATIGUE, SHORT_FUNDING, "Payment rules that make paying residents awkward"],
                [RESOURCING, FEEDBACK, "Peer networks that outlast any single project"],
            ),
            questions(
                "What does each participant get back for what they give?",
                "What are we committing to, and who will check that we deliver it?",
                "Could people support each other here, rather than only be supported?",
            ),
            practice_example(
                "Paying lived-experience advisers properly",
                "NHS England's own policy on involvement payments sets out when people "
                "should be paid for their time and reimbursed for expenses. Local "
                "partnerships can follow its lead by publishing a standard rate that covers "
                "preparation as well as meetings, and by paying care and travel costs up "
                "front so that nobody is out of pocket for taking part.",
                organisation="NHS England and local partners",
            ),
        ],
    },
    {
        "slug": "facilitate-rather-than-deliver",
        "title": "Facilitate rather than deliver",
        "statement": (
            "Professionals move from doing things to or for people towards creating the "
            "conditions in which people can act for themselves and each other."
        ),
        "framework": "nef-nesta",
        "topics": ["co-production", "communities"],
        "body": [
            heading("What it means"),
            para(
                "Most public servants are trained and managed to deliver: a number of "
                "visits, a treatment, a programme. Facilitating asks for a different kind "
                "of skill. It means convening people, connecting them with each other and "
                "with resources, removing obstacles, and then stepping back.",
                "This also blurs the line between provider and recipient. The person who "
                "came to a group for support may later run it; the worker may learn as much "
                "as they teach. That is uncomfortable for organisations that measure "
                "outputs, because the most valuable work is often invisible in the data.",
            ),
            indicators(
                "Groups and activities continue when paid staff are not present",
                "Job descriptions and appraisals value convening and connecting",
                "Residents lead some of the work that staff used to lead",
            ),
            barriers_enablers(
                [PROFESSIONAL_RESISTANCE, PERCEIVED_RISK, "Targets that only count outputs"],
                [LEADERSHIP, "Small, flexible budgets residents can use quickly", EARLY],
            ),
            questions(
                "What would happen if we stopped delivering this and started convening?",
                "Which of our rules get in the way of people helping themselves?",
                "How will we recognise work that shows up as fewer contacts, not more?",
            ),
            practice_example(
                "A health centre that hosts rather than runs",
                "The Bromley by Bow Centre in east London combined a GP practice with "
                "gardens, arts, learning and enterprise spaces, many of them led by local "
                "people. Staff act as hosts and connectors as much as providers, and the "
                "centre became a well-known model for social prescribing.",
                organisation="Bromley by Bow Centre",
            ),
        ],
    },
    {
        "slug": "equality-diversity-and-accessibility",
        "title": "Equality, diversity and accessibility",
        "statement": (
            "Everyone involved has equal standing, the people taking part reflect the "
            "communities affected, and the process is designed so that anyone can join in."
        ),
        "framework": "scie",
        "topics": ["co-production", "health-and-care"],
        "body": [
            heading("What it means"),
            para(
                "Equality here is about standing, not sameness: no group's knowledge counts "
                "for more by default, whether it comes from a professional qualification or "
                "from years of using a service. Diversity means actively seeking out the "
                "people who are usually missing, rather than accepting whoever turns up.",
                "Accessibility is what makes the first two real. Meetings at times carers "
                "can manage, venues people can reach, papers in plain language and other "
                "formats, interpreters, and budgets for support workers are not extras. "
                "Without them, equality is a statement on a slide.",
            ),
            indicators(
                "The make-up of participants is monitored and compared with the population",
                "Access needs are asked about in advance and met without fuss",
                "Residents and professionals speak for similar amounts of time in meetings",
            ),
            barriers_enablers(
                [RHETORIC_GAP, "Daytime meetings in formal venues", "Jargon-heavy papers"],
                [RESOURCING, "Working through trusted community organisations", EARLY],
            ),
            questions(
                "Who is affected by this decision, and who usually speaks for them?",
                "What would stop a disabled person, a carer or a shift worker taking part?",
                "Whose knowledge gets the last word when views conflict?",
            ),
            practice_example(
                "What this can look like: a carers' strategy",
                "An illustration rather than a single case: a council rewriting its "
                "carers' strategy pays unpaid carers for their time, arranges replacement "
                "care during meetings, sends papers a week ahead in easy-read and large "
                "print, and asks a carer to co-chair the group with the commissioning lead.",
                organisation="Illustrative example",
            ),
        ],
    },
    {
        "slug": "make-a-difference",
        "title": "Engagement should make a difference",
        "statement": (
            "Only engage when people's contributions can change something, and be honest "
            "from the start about what is and is not open to influence."
        ),
        "framework": "involve",
        "topics": ["public-services", "communities"],
        "body": [
            heading("What it means"),
            para(
                "The most common complaint about engagement is that it changed nothing. "
                "Sometimes that is because the decision had already been made; sometimes "
                "because nobody with power was listening; sometimes because the question "
                "was too vague to produce anything usable.",
                "This principle asks for a test before any process begins: is there a real "
                "decision, with real room to move, and a decision-maker who has agreed to "
                "respond? If the honest answer is no, the right choice may be to inform "
                "people well, or to wait. 'Not yet' is a valid answer.",
            ),
            indicators(
                "The scope of influence is written down before engagement starts",
                "A named decision-maker responds publicly to what was said",
                "Participants can point to at least one change that came from their input",
            ),
            barriers_enablers(
                [RHETORIC_GAP, PERCEIVED_RISK, "Engagement timed after the budget is set"],
                [LEADERSHIP, FEEDBACK, EARLY],
            ),
            questions(
                "What, specifically, could change as a result of this engagement?",
                "Who will decide, and have they agreed to respond to what they hear?",
                "If nothing can change, should we be informing rather than consulting?",
            ),
            practice_example(
                "What this can look like: agreeing the remit first",
                "An illustration of good practice: before recruiting a citizens' assembly, "
                "the council agrees in writing which decisions the recommendations will feed "
                "into and commits to publish a response to each one. Members hear this on "
                "their first day, and again when the response is published.",
                organisation="Illustrative example",
            ),
        ],
    },
    {
        "slug": "review-and-evaluate",
        "title": "Review and evaluate",
        "statement": (
            "Plan from the start how you will learn from the engagement, judge it against "
            "its purpose, and share what you found, including what went wrong."
        ),
        "framework": "involve",
        "topics": ["public-services", "innovation"],
        "body": [
            heading("What it means"),
            para(
                "Engagement is rarely evaluated, and when it is, the evaluation usually "
                "counts activity: events held, surveys returned. Those numbers say little "
                "about whether the process was fair, whether people felt heard, or whether "
                "anything changed as a result.",
                "Good review asks three questions. Did the process do what it set out to "
                "do? What did participants experience? What difference did it make to the "
                "decision and to the relationships involved? Independent evaluation is "
                "worth paying for on larger processes; on smaller ones a structured "
                "debrief with participants can be enough.",
            ),
            indicators(
                "Every engagement plan names its purpose and how success will be judged",
                "Participants are asked about their experience, and the answers published",
                "Lessons from one process visibly shape the design of the next",
            ),
            barriers_enablers(
                [SHORT_FUNDING, "Evaluation budgets cut first when money is tight"],
                ["Evaluation planned and costed at the start", FEEDBACK],
            ),
            questions(
                "How will we know whether this worked, and who gets to judge?",
                "What would we need to record now to answer that later?",
                "Where will we publish what we learned, including the failures?",
            ),
            practice_example(
                "Independent evaluation of a national assembly",
                "Climate Assembly UK was evaluated by an independent academic team who "
                "observed sessions, surveyed members and interviewed organisers, and "
                "published their findings, including criticism of how parts of the "
                "process were run.",
                organisation="House of Commons select committees",
            ),
        ],
    },
    {
        "slug": "feed-back-what-changed",
        "title": "Feed back what changed",
        "statement": (
            "Tell people how their involvement influenced decisions, including where it "
            "did not and why, quickly and in a form they will actually see."
        ),
        "framework": "nhs-england",
        "topics": ["health-and-care", "public-services"],
        "body": [
            heading("What it means"),
            para(
                "Feedback closes the loop. Without it, even engagement that did shape a "
                "decision looks, from the outside, exactly like engagement that was "
                "ignored. People draw the obvious conclusion and stop taking part.",
                "Good feedback is specific ('you told us the clinic hours did not work for "
                "shift workers, so we added two evening sessions'), honest about what was "
                "not changed, and delivered through the same channels people used to take "
                "part. It also runs for long enough: some changes only happen a year later, "
                "and people deserve to hear when they do.",
            ),
            indicators(
                "A 'you said, we did' summary is published within weeks of each process",
                "Feedback reaches participants directly, not only the organisation's website",
                "Fewer people say 'we told you this last time'",
            ),
            barriers_enablers(
                [FATIGUE, "No one owns feedback once the project team disbands"],
                [FEEDBACK, LEADERSHIP, "A single register of commitments made to the public"],
            ),
            questions(
                "How will each participant hear what happened as a result?",
                "Who is responsible for feedback after the project ends?",
                "What did we decide not to do, and how will we explain it?",
            ),
            practice_example(
                "What this can look like: a public log of commitments",
                "An illustration of good practice: an integrated care board keeps a public "
                "log of every change it has committed to after engagement, each with a "
                "status and a named lead, and reports progress to its board and to the "
                "local Healthwatch twice a year.",
                organisation="Illustrative example",
            ),
            method_card(
                "standing-citizens-panel",
                "A panel gives you a ready way to report back to the same people.",
            ),
        ],
    },
    {
        "slug": "reach-people-facing-inequalities",
        "title": "Reach people facing inequalities",
        "statement": (
            "Go to the people most affected by inequalities, on their terms and through "
            "people they trust, rather than waiting for them to come to you."
        ),
        "framework": "nhs-england",
        "topics": ["health-and-care", "communities"],
        "body": [
            heading("What it means"),
            para(
                "Open invitations are answered mostly by people with time, confidence and "
                "a history of being listened to. The people whose health and life chances "
                "are most affected by a decision are often the least likely to respond to "
                "a survey or attend a public meeting.",
                "Reaching them takes relationships built over time, usually through "
                "voluntary and community organisations that already have trust. It means "
                "going to places people already are, paying those organisations for their "
                "work, and being willing to hear things that are uncomfortable.",
            ),
            indicators(
                "Engagement plans name the groups most affected and how each will be reached",
                "Community partners are paid, not just thanked",
                "Responses from the most affected groups are reported separately",
            ),
            barriers_enablers(
                [SHORT_FUNDING, FATIGUE, "Mistrust from past experiences with services"],
                [RESOURCING, "Long-term partnerships with community organisations", EARLY],
            ),
            questions(
                "Whose lives will this decision affect most, and have we heard from them?",
                "Which trusted organisations could host the conversation instead of us?",
                "What have these communities already told us that we have not acted on?",
            ),
            practice_example(
                "Community champions during the pandemic",
                "Many councils and health partners funded community champions, local "
                "residents and faith and community groups, to share health information and "
                "bring back concerns during the COVID-19 pandemic, reaching people that "
                "official channels were missing.",
                organisation="Local authorities and NHS partners",
            ),
        ],
    },
    {
        "slug": "consult-at-a-formative-stage",
        "title": "Consult at a formative stage",
        "statement": (
            "Ask people while proposals are still genuinely open to change, and give them "
            "enough information and time to respond intelligently."
        ),
        "framework": "gunning",
        "topics": ["public-services", "commissioning"],
        "body": [
            heading("What it means"),
            para(
                "The first three Gunning principles travel together. A consultation must "
                "happen while the proposals are still being shaped, not after a decision "
                "has in practice been taken. It must explain the proposals and the reasons "
                "for them clearly enough for people to respond properly, including the "
                "options that were considered and rejected where that matters. And it must "
                "allow enough time, judged against the subject and the people affected.",
                "Twelve weeks is a common convention, not a legal rule. A shorter period "
                "can be fine for a simple, well-understood change; a longer one may be "
                "needed over holidays or for people who need information in other formats.",
            ),
            indicators(
                "More than one option is genuinely on the table when consultation opens",
                "Consultation documents explain the reasons and the evidence in plain words",
                "The timetable leaves room to change course after the consultation closes",
            ),
            barriers_enablers(
                [PERCEIVED_RISK, "Political announcements made before consultation begins"],
                [EARLY, "Options appraisal shared openly", "Accessible summaries and formats"],
            ),
            questions(
                "Could what we hear still change the decision?",
                "Would an intelligent reader understand why we are proposing this?",
                "Is the time allowed fair for the people most affected?",
            ),
            practice_example(
                "A consultation that left out the alternatives",
                "In 2014 the Supreme Court found that Haringey Council's consultation on "
                "its council tax reduction scheme was unfair because it presented one "
                "option without explaining that other ways of meeting the funding gap "
                "existed. The case is now a standard reference on what 'enough "
                "information' means.",
                organisation="R (Moseley) v Haringey LBC",
            ),
            method_card("statutory-consultation"),
        ],
    },
    {
        "slug": "conscientious-consideration",
        "title": "Give responses conscientious consideration",
        "statement": (
            "Decision-makers must genuinely take account of what people said before they "
            "decide, and be able to show that they did."
        ),
        "framework": "gunning",
        "topics": ["public-services", "commissioning"],
        "body": [
            heading("What it means"),
            para(
                "The fourth Gunning principle is about the decision, not the consultation. "
                "The people who decide must have the responses in front of them, in a form "
                "that fairly represents what was said, and must weigh them with an open "
                "mind. A summary that buries minority views, or a report that arrives "
                "after the decision paper was written, fails the test.",
                "It does not mean doing what the majority asked. Consultation is not a "
                "referendum. It means being able to explain how the responses were "
                "considered and why the final decision was reached.",
            ),
            indicators(
                "Decision papers summarise responses, including minority and dissenting views",
                "The decision record explains how responses affected the outcome",
                "There is time between the consultation report and the decision",
            ),
            barriers_enablers(
                [RHETORIC_GAP, "Analysis squeezed into days before a committee deadline"],
                [FEEDBACK, "Independent analysis of responses on contested decisions"],
            ),
            questions(
                "Will decision-makers read the responses, or only a summary of a summary?",
                "Have we shown the reasoning that links responses to the decision?",
                "Are we prepared to change our minds?",
            ),
            practice_example(
                "What this can look like: publishing the decision trail",
                "An illustration of good practice: alongside each major decision, the "
                "authority publishes a table of the main themes from consultation, how many "
                "responses raised each, and what it did in response, with reasons.",
                organisation="Illustrative example",
            ),
        ],
    },
    {
        "slug": "representative-and-inclusive",
        "title": "Representative and inclusive",
        "statement": (
            "The people taking part should be a broadly representative cross-section of "
            "the public, with the barriers that stop some groups joining removed."
        ),
        "framework": "oecd",
        "topics": ["public-services", "place"],
        "body": [
            heading("What it means"),
            para(
                "Deliberative processes earn their legitimacy from who is in the room. "
                "Random selection, usually a civic lottery with stratification by age, "
                "sex, ethnicity, geography and sometimes attitudes, gives everyone an "
                "equal chance of being invited and produces a group that looks like the "
                "wider population.",
                "Representation on paper is not enough. People must be able to accept the "
                "invitation: payment for their time, travel and care costs, accessible "
                "venues, and support to take part online or in person. Without those, "
                "random selection quietly filters out the same people as an open call.",
            ),
            indicators(
                "The final group matches the population on the agreed criteria",
                "Drop-out is tracked by group and acted on",
                "Members say they felt able to contribute, whatever their background",
            ),
            barriers_enablers(
                [PERCEIVED_RISK, "Recruitment budgets too small for a proper civic lottery"],
                [RESOURCING, "Independent recruitment and published selection criteria"],
            ),
            questions(
                "What does the population we are sampling from look like?",
                "Which criteria matter for this question, beyond demographics?",
                "What would stop someone we invite from saying yes?",
            ),
            practice_example(
                "A civic lottery for a citizens' assembly",
                "For Ireland's Citizens' Assembly, members were recruited at random by a "
                "polling company to reflect the population by age, sex, social class and "
                "region, and sat with an independent chair. Its work on the Eighth "
                "Amendment preceded the 2018 referendum.",
                organisation="Citizens' Assembly, Ireland",
            ),
            method_card("citizens-assembly"),
        ],
    },
]
