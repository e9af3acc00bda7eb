"""Seventeen method guides. Facts (levels, numbers, time, published costs) follow the
design notes; where the notes only say "low" or "medium", costs are our indicative
estimates and say so. All prose is our own.

Review dates count back from the day the demo is loaded, so the "Review due" report
always has something to show: two guides overdue (World café, Open Space), one never
reviewed (Asset-based community development), one due soon (Statutory consultation)."""

from .blocks import (
    callout,
    case_study,
    cost_breakdown,
    para,
    per_person,
    references,
    steps,
    strengths_limitations,
    when_to_use,
)
from .dates import reviewed_ago

INVOLVE = "Involve"
INVOLVE_YEAR = 2023
ESTIMATE = "Indicative estimate"
ESTIMATE_YEAR = 2025

METHODS = [
    # Deliberative mini-publics -------------------------------------------------------
    {
        "slug": "citizens-assembly",
        "title": "Citizens' assembly",
        "summary": (
            "A large, randomly selected group of residents who learn about an issue from "
            "evidence, deliberate over several weekends and make recommendations that "
            "decision-makers have agreed to answer."
        ),
        "also_known_as": "Citizens' convention, mini-public",
        "family": "deliberative-mini-publics",
        "levels": ("involve", "collaborate"),
        "purposes": ["deliberate-on-trade-offs", "generate-ideas", "gather-views"],
        "topics": ["public-services", "place"],
        "participants": (50, 250, "Stratified random selection (a civic lottery)"),
        "time": (
            "4–6 months to design, agree the remit and recruit",
            "Several weekends, spread over weeks or months",
            "Report within weeks; a formal response within 3–6 months",
            20,
        ),
        "cost": (
            150_000,
            750_000,
            "Recruitment, participant payments, venues, facilitation, evidence and follow-up",
            INVOLVE,
            INVOLVE_YEAR,
        ),
        "facilitation": "specialist",
        "ratings": ("high", "high", "low"),
        "last_reviewed": reviewed_ago(months=2),
        "related": [
            ("standing-citizens-panel", "A panel can supply a ready pool for recruitment."),
            ("statutory-consultation", "Open consultation lets everyone comment on the report."),
            ("citizens-jury", "A smaller, cheaper option for a narrower question."),
        ],
        "principles": [
            ("representative-and-inclusive", "supports", "Random selection with payment."),
            ("make-a-difference", "supports", "Works best with a committed decision-maker."),
            (
                "feed-back-what-changed",
                "risks",
                "Long gaps between report and response can leave members in the dark.",
            ),
        ],
        "body": [
            para(
                "A citizens' assembly brings together a group of residents chosen by lottery "
                "so that, together, they resemble the wider population. Over several days "
                "they hear from experts and people with direct experience, question them, "
                "discuss the options in small facilitated groups, and agree recommendations. "
                "The sponsoring body commits in advance to consider the recommendations and "
                "respond publicly.",
                "Assemblies are the largest and most expensive of the deliberative "
                "mini-publics. Their strength is legitimacy: a decision-maker can say that "
                "an informed cross-section of the public weighed the trade-offs and reached "
                "a view. For a smaller question, a [[method:citizens-jury|citizens' jury]] "
                "may do the same job for a fraction of the cost.",
            ),
            when_to_use(
                [
                    "A contested issue with real trade-offs and no obvious technical answer",
                    "Decision-makers are ready to commit to respond to the recommendations",
                    "You need a result that carries public legitimacy beyond the usual voices",
                ],
                [
                    "The decision has already been made, or the room to move is tiny",
                    "You need answers in weeks rather than months",
                    "There is no budget to pay and support members properly",
                ],
            ),
            steps(
                (
                    "Agree the remit",
                    "Frame a clear, open question and agree in writing what will happen to "
                    "the recommendations. Set up an independent advisory group to check "
                    "the evidence is balanced.",
                    "Commissioner with an oversight group",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Recruit by civic lottery",
                    "Send invitations to thousands of randomly chosen households, then "
                    "select members from those who reply to match the population on agreed "
                    "criteria.",
                    "Independent recruitment organisation",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Learn",
                    "Members hear from a balanced range of experts, advocates and people "
                    "with lived experience, and question them.",
                    "Facilitators and witnesses",
                    "1–2 weekends",
                    (1, 3),
                ),
                (
                    "Deliberate and decide",
                    "In small groups and plenaries, members weigh options against values "
                    "they have agreed, then draft and vote on recommendations.",
                    "Members, supported by facilitators",
                    "2–3 weekends",
                    (3, 6),
                ),
                (
                    "Respond and report back",
                    "The sponsor publishes a response to each recommendation and tells "
                    "members what happened.",
                    "Commissioner",
                    "3–6 months",
                    (13, 26),
                ),
            ),
            strengths_limitations(
                [
                    "Informed, considered recommendations from a representative group",
                    "High legitimacy and often strong media interest",
                    "Members frequently report greater trust and confidence afterwards",
                ],
                [
                    "Expensive and slow to organise",
                    "Only a small number of people take part directly",
                    "Disappointment and cynicism if the response is weak",
                ],
            ),
            case_study(
                "Ireland's Citizens' Assembly",
                "Ireland",
                2016,
                "<p>Ninety-nine randomly selected members and an independent chair met "
                "over many weekends and considered several constitutional questions, "
                "starting with the Eighth Amendment on abortion. Their recommendations were "
                "taken up by a parliamentary committee, and the amendment was repealed by "
                "referendum in 2018.</p>",
                commissioner="Houses of the Oireachtas",
                question="Should the constitution's Eighth Amendment be changed, and how?",
                people_involved="99 members and a chair",
                level_achieved="collaborate",
                source="The Citizens' Assembly, Ireland",
            ),
            case_study(
                "Camden Citizens' Assembly on the Climate Crisis",
                "Camden, London",
                2019,
                "<p>Around fifty residents met over three sessions and agreed a set of "
                "actions for the council, residents and businesses. Their recommendations "
                "shaped the borough's climate action plan.</p>",
                commissioner="London Borough of Camden",
                question="How can the council and residents tackle the climate crisis together?",
                people_involved="About 50 residents",
                level_achieved="involve",
                source="Camden Council",
            ),
            cost_breakdown(
                ("Recruitment by civic lottery", 15_000, 40_000),
                per_person(
                    "Participant payments",
                    300,
                    500,
                    "About £100 a day, with travel, care and access costs",
                ),
                ("Design and facilitation", 55_000, 260_000),
                ("Venues, catering, travel and access support", 35_000, 200_000),
                ("Evidence, witnesses and materials", 10_000, 60_000),
                ("Evaluation and communications", 15_000, 100_000),
                note="An indicative split of Involve's published range (2023).",
            ),
            references(
                (
                    "Involve, How much does a citizens' assembly cost?",
                    "https://involve.org.uk/resources/knowledge-base/"
                    "how-much-do-participatory-processes-cost/how-much-does-citizens-assembly",
                ),
                "OECD (2020) Innovative Citizen Participation and New Democratic "
                "Institutions: Catching the Deliberative Wave.",
            ),
        ],
    },
    {
        "slug": "citizens-jury",
        "title": "Citizens' jury",
        "summary": (
            "A small group of randomly recruited residents hears evidence from witnesses, "
            "cross-examines them over several days and reaches a verdict or "
            "recommendations on a focused question."
        ),
        "also_known_as": "Citizens' panel (in some places), policy jury",
        "family": "deliberative-mini-publics",
        "levels": ("involve", "collaborate"),
        "purposes": ["deliberate-on-trade-offs", "gather-views"],
        "topics": ["public-services", "health-and-care"],
        "participants": (12, 30, "Random or stratified selection"),
        "time": (
            "2–3 months to frame, recruit and brief witnesses",
            "2–7 days, often spread over a few weeks",
            "Jury report at the end; response within 2–3 months",
            10,
        ),
        "cost": (
            60_000,
            200_000,
            "Recruitment, jury payments, facilitation, witnesses, venues and reporting",
            INVOLVE,
            INVOLVE_YEAR,
        ),
        "facilitation": "specialist",
        "ratings": ("high", "medium", "low"),
        "last_reviewed": reviewed_ago(months=3),
        "related": [
            ("citizens-assembly", "Scale up when the question is broad or high-profile."),
            ("focus-group", "Focus groups can test the question before the jury sits."),
        ],
        "principles": [
            ("representative-and-inclusive", "supports", "Random recruitment with payment."),
            ("make-a-difference", "supports", "A focused question makes a clear answer likely."),
        ],
        "body": [
            para(
                "A citizens' jury borrows the idea of a legal jury: ordinary people, chosen "
                "at random, hear evidence, question witnesses and deliberate before giving "
                "their view. The format was developed in the United States in the 1970s "
                "and has been widely used in the UK, particularly in health.",
                "Juries suit a well-defined question where the options can be set out and "
                "argued for by witnesses. Because the group is small, the process is "
                "intimate and the quality of deliberation can be very high, but the result "
                "carries less weight as a picture of public opinion than a larger assembly.",
            ),
            when_to_use(
                [
                    "A focused question with a small number of clear options",
                    "You want informed public judgement on a technical or ethical issue",
                    "The budget will not stretch to a full assembly",
                ],
                [
                    "You need to know what a large population thinks",
                    "The question is open-ended and needs wide idea generation",
                ],
            ),
            steps(
                (
                    "Frame the charge",
                    "Write the question the jury will answer and agree a balanced list of "
                    "witnesses with an oversight panel.",
                    "Commissioner and oversight panel",
                    "4–6 weeks",
                    (4, 6),
                ),
                (
                    "Recruit the jury",
                    "Recruit 12–30 people at random, stratified to reflect the population.",
                    "Independent recruiter",
                    "4–6 weeks",
                    (4, 6),
                ),
                (
                    "Hear evidence",
                    "Witnesses present and are cross-examined by jurors.",
                    "Jurors, witnesses, facilitators",
                    "2–4 days",
                    (0.3, 0.6),
                ),
                (
                    "Deliberate and report",
                    "Jurors discuss, agree recommendations and present them, often in "
                    "person, to the commissioner.",
                    "Jurors",
                    "1–3 days",
                    (0.1, 0.4),
                ),
            ),
            strengths_limitations(
                [
                    "Deep, informed deliberation on a specific question",
                    "Cheaper and quicker than an assembly",
                    "Clear, reportable recommendations",
                ],
                [
                    "Small numbers limit claims to represent the public",
                    "Results depend heavily on how the question and witnesses are chosen",
                ],
            ),
            case_study(
                "Leeds Climate Change Citizens' Jury",
                "Leeds",
                2019,
                "<p>Around twenty residents met over several weeks to hear evidence on "
                "the climate emergency and agreed a set of recommendations for the city, "
                "which were presented to the council and partners.</p>",
                commissioner="Leeds Climate Commission",
                question="What should Leeds do about the climate emergency?",
                people_involved="About 20 residents",
                level_achieved="involve",
            ),
            cost_breakdown(
                ("Recruitment", 3_000, 8_000),
                per_person("Juror payments and expenses", 300, 600),
                ("Design and facilitation", 30_000, 100_000),
                ("Venues and catering", 7_000, 30_000),
                ("Witness expenses and materials", 5_000, 20_000),
                ("Oversight and evaluation", 10_000, 25_000),
                note="An indicative split of Involve's published range (2023).",
            ),
        ],
    },
    {
        "slug": "planning-cell",
        "title": "Planning cell",
        "summary": (
            "Groups of about 25 randomly selected people each spend around four paid days "
            "working through the same programme; several cells run in parallel and their "
            "findings are combined in a citizens' report."
        ),
        "also_known_as": "Planungszelle, citizens' report (Bürgergutachten)",
        "family": "deliberative-mini-publics",
        "levels": ("collaborate", None),
        "purposes": ["deliberate-on-trade-offs", "generate-ideas"],
        "topics": ["place"],
        "participants": (
            25,
            None,
            "About 25 per cell, randomly selected; several cells run in parallel",
        ),
        "time": (
            "3–4 months to design the programme and recruit",
            "Usually 4 consecutive days per cell",
            "A combined citizens' report within 1–2 months",
            16,
        ),
        "cost": None,
        "facilitation": "specialist",
        "ratings": ("high", "high", "medium"),
        "last_reviewed": reviewed_ago(months=6),
        "related": [
            ("citizens-jury", "A single-group version of the same idea."),
            ("citizens-assembly", "A larger single body, rather than parallel cells."),
        ],
        "principles": [
            ("representative-and-inclusive", "supports", "Parallel cells widen who takes part."),
        ],
        "body": [
            para(
                "Planning cells were developed in Germany in the early 1970s by Peter "
                "Dienel at the University of Wuppertal. Participants are released from "
                "work and paid for their time, much like jury service, and spend about "
                "four days in a tightly structured programme of information, small-group "
                "work and voting.",
                "Running several identical cells in parallel, often in different places, "
                "means hundreds of people can take part and the organisers can check "
                "whether different groups reach similar conclusions.",
            ),
            when_to_use(
                [
                    "A planning or infrastructure question with several workable options",
                    "You want wider participation than a single mini-public allows",
                ],
                [
                    "People cannot realistically be released for four consecutive days",
                    "The budget or timetable will not support several parallel groups",
                ],
            ),
            steps(
                (
                    "Design a common programme",
                    "Break the question into work units, each with short inputs from "
                    "experts and interest groups followed by small-group work.",
                    "Independent organising team",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Recruit the cells",
                    "Invite people at random from the population register and confirm "
                    "paid leave or compensation.",
                    "Organising team",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Run the cells",
                    "Each cell works through the programme in small, rotating groups and "
                    "votes on options at the end of each unit.",
                    "Participants, with two moderators per cell",
                    "4 days per cell",
                    (0.6, 2),
                ),
                (
                    "Write the citizens' report",
                    "Combine the results of all cells, check the draft with participant "
                    "representatives and hand it to the commissioner.",
                    "Organising team and participant representatives",
                    "4–8 weeks",
                    (4, 8),
                ),
            ),
            strengths_limitations(
                [
                    "Many people deliberate in depth, not just a few",
                    "Parallel cells test how robust the conclusions are",
                ],
                [
                    "Four days is a lot to ask of participants and employers",
                    "Little used in the UK, so few experienced organisers",
                ],
            ),
        ],
    },
    {
        "slug": "consensus-conference",
        "title": "Consensus conference",
        "summary": (
            "A lay panel of 10–15 people prepares over two weekends, then questions "
            "experts in a public conference and writes its own report, usually on a "
            "science or technology issue."
        ),
        "also_known_as": "Citizens' conference",
        "family": "deliberative-mini-publics",
        "levels": ("involve", "collaborate"),
        "purposes": ["deliberate-on-trade-offs", "gather-views"],
        "topics": ["innovation", "health-and-care"],
        "participants": (10, 15, "Lay panel, with invited experts"),
        "time": (
            "3–6 months to recruit and prepare the panel",
            "Two preparatory weekends, then a 3-day public conference",
            "Panel report presented on the final day; response follows",
            16,
        ),
        "cost": None,
        "facilitation": "specialist",
        "ratings": ("high", "medium", "low"),
        "last_reviewed": reviewed_ago(months=7),
        "related": [
            ("deliberative-workshop", "Workshops can reach more people on the same topic."),
            ("citizens-jury", "Similar scale, but witnesses are chosen for the panel."),
        ],
        "principles": [
            (
                "representative-and-inclusive",
                "risks",
                "A panel of 10–15 cannot claim to represent a population.",
            ),
            ("make-a-difference", "supports", "The public report puts pressure on policy."),
        ],
        "body": [
            para(
                "Consensus conferences were pioneered by the Danish Board of Technology "
                "from the late 1980s to bring lay judgement into debates about new "
                "technology. Unlike a jury, the lay panel helps choose the questions and "
                "the experts it wants to hear, and writes its report itself.",
                "The public conference, with an audience and often press, is part of the "
                "point: it makes a technical debate visible and shows what informed "
                "non-specialists make of it.",
            ),
            when_to_use(
                [
                    "An emerging science or technology issue with social and ethical stakes",
                    "You want the public to set the questions, not only answer them",
                ],
                [
                    "You need a statistically representative view",
                    "The issue is local and practical rather than technical",
                ],
            ),
            steps(
                (
                    "Recruit the panel",
                    "Advertise or invite at random, then choose a varied panel with no "
                    "special stake in the issue.",
                    "Steering committee",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Preparatory weekends",
                    "The panel learns the basics, agrees its key questions and chooses the "
                    "experts it wants to question.",
                    "Panel and facilitator",
                    "2 weekends",
                    (2, 4),
                ),
                (
                    "Public conference",
                    "Experts answer the panel's questions in public; the panel then "
                    "retires to write its report.",
                    "Panel, experts, audience",
                    "3 days",
                    (0.4, 0.4),
                ),
            ),
            strengths_limitations(
                [
                    "Lay people shape the agenda as well as the answers",
                    "Makes technical debates public and understandable",
                ],
                [
                    "Very small panel",
                    "Requires a strong, independent organiser to be credible",
                ],
            ),
            case_study(
                "UK National Consensus Conference on Plant Biotechnology",
                "London",
                1994,
                "<p>A lay panel questioned scientists, industry and campaigners about "
                "genetically modified crops and published a report calling for clearer "
                "regulation and labelling. It was one of the first uses of the method in "
                "the UK.</p>",
                commissioner="Science Museum, with research council funding",
                question="What are the benefits and risks of plant biotechnology?",
                people_involved="A lay panel of 16",
                level_achieved="consult",
            ),
        ],
    },
    {
        "slug": "deliberative-poll",
        "title": "Deliberative poll",
        "summary": (
            "A random sample of several hundred people is surveyed, spends a weekend "
            "learning and discussing an issue, then is surveyed again to show what the "
            "public would think if it had the chance to deliberate."
        ),
        "also_known_as": "Deliberative polling",
        "family": "deliberative-mini-publics",
        "levels": ("involve", None),
        "purposes": ["gather-views", "deliberate-on-trade-offs"],
        "topics": ["public-services"],
        "participants": (150, 500, "A random sample, usually several hundred people"),
        "time": (
            "3–4 months, including the baseline survey",
            "A weekend of deliberation, with surveys before and after",
            "Results published within a few weeks",
            12,
        ),
        "cost": None,
        "facilitation": "specialist",
        "ratings": ("medium", "high", "medium"),
        "last_reviewed": reviewed_ago(months=8),
        "related": [
            ("citizens-assembly", "Assemblies produce recommendations, not just opinions."),
        ],
        "principles": [
            ("representative-and-inclusive", "supports", "A scientific random sample."),
            (
                "make-a-difference",
                "risks",
                "It measures opinion change; it is not tied to a decision by design.",
            ),
        ],
        "body": [
            para(
                "Devised by the political scientist James Fishkin, a deliberative poll "
                "compares what a random sample thinks before and after it has been given "
                "balanced information and time to discuss. The change between the two "
                "surveys is the finding.",
                "Because the sample is large and scientifically drawn, the results can be "
                "read as a picture of considered public opinion. The format produces "
                "numbers rather than negotiated recommendations.",
            ),
            when_to_use(
                [
                    "You want to know how opinion shifts when people are well informed",
                    "A large, representative sample matters more than detailed proposals",
                ],
                ["You need co-written recommendations", "The budget is small"],
            ),
            steps(
                (
                    "Baseline survey",
                    "Survey a large random sample on the issue.",
                    "Polling organisation",
                    "3–4 weeks",
                    (3, 4),
                ),
                (
                    "Invite a sub-sample",
                    "Invite a random subset of respondents to a deliberation weekend and "
                    "send balanced briefing materials.",
                    "Organising team",
                    "4–6 weeks",
                    (4, 6),
                ),
                (
                    "Deliberation weekend",
                    "Small moderated groups discuss, agree questions and put them to "
                    "panels of experts and politicians.",
                    "Participants, moderators, experts",
                    "2 days",
                    (0.3, 0.3),
                ),
                (
                    "Final survey",
                    "Participants complete the survey again and the results are compared.",
                    "Polling organisation",
                    "At the close of the weekend",
                    (0, 0),
                ),
            ),
            strengths_limitations(
                [
                    "Statistically robust evidence of considered opinion",
                    "Large, diverse numbers deliberate",
                ],
                ["Costly and logistically demanding", "No collective recommendations"],
            ),
            case_study(
                "The first deliberative poll",
                "Manchester",
                1994,
                "<p>Around three hundred people from across Britain spent a weekend "
                "discussing crime and punishment, with the proceedings televised. Views "
                "shifted measurably after deliberation, for example towards less reliance "
                "on prison as the main response to crime.</p>",
                commissioner="Channel 4 and The Independent",
                question="What should be done about crime?",
                people_involved="About 300 people",
                level_achieved="consult",
            ),
        ],
    },
    # Consultation and research ----------------------------------------------------
    {
        "slug": "standing-citizens-panel",
        "title": "Standing citizens' panel",
        "summary": (
            "A large, demographically balanced pool of residents who agree to be asked for "
            "their views several times a year, and from whom smaller groups can be drawn "
            "for deeper work."
        ),
        "also_known_as": "Residents' panel, people's panel, standing panel",
        "family": "consultation-and-research",
        "levels": ("consult", None),
        "purposes": ["gather-views", "understand-needs"],
        "topics": ["public-services", "commissioning"],
        "participants": (1000, None, "1,000 or more members; membership rotates"),
        "time": (
            "3–6 months to recruit and set up",
            "Ongoing: typically 2–4 surveys or activities a year",
            "A summary to members after each wave",
            12,
        ),
        "cost": (
            175_000,
            350_000,
            "First year: recruitment, incentives and running costs; then £80k–£125k a year",
            INVOLVE,
            INVOLVE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("low", "high", "high"),
        "last_reviewed": reviewed_ago(months=1),
        "related": [
            ("citizens-assembly", "Draw assembly members from the panel to save time."),
            ("focus-group", "Panel members can be invited to focus groups on a theme."),
        ],
        "principles": [
            ("feed-back-what-changed", "supports", "A ready channel to report back."),
            (
                "reach-people-facing-inequalities",
                "risks",
                "Panels drift towards the already engaged as members drop out.",
            ),
        ],
        "body": [
            para(
                "A standing panel is infrastructure rather than a one-off method. Once "
                "recruited, members can be surveyed quickly, and the panel can supply "
                "people for focus groups, workshops or a deliberative process without "
                "starting recruitment from scratch each time.",
                "The risk is that the panel becomes a small club. Members who stay longest "
                "tend to be the most engaged, so membership needs to rotate and be "
                "topped up to stay balanced, and members need to hear what their answers "
                "led to, or they drift away.",
            ),
            when_to_use(
                [
                    "You engage the public regularly across many services",
                    "You want to track views over time",
                    "Speed matters when a decision comes up",
                ],
                [
                    "You only need views on a single issue",
                    "You cannot commit to running and refreshing the panel for years",
                ],
            ),
            steps(
                (
                    "Design and recruit",
                    "Agree the target make-up, then recruit by post, door to door or "
                    "through community partners to fill the gaps.",
                    "Research team or contractor",
                    "3–6 months",
                    (13, 26),
                ),
                (
                    "Run waves",
                    "Send surveys or invitations to activities several times a year.",
                    "Research team",
                    "2–4 times a year",
                    (26, 52),
                ),
                (
                    "Report back",
                    "Tell members what was found and what changed after each wave.",
                    "Research and communications team",
                    "Within a month of each wave",
                    (2, 4),
                ),
                (
                    "Refresh",
                    "Retire long-standing members and recruit new ones to keep balance.",
                    "Research team",
                    "Annually",
                    (4, 8),
                ),
            ),
            strengths_limitations(
                [
                    "Fast access to a large, balanced group",
                    "Tracks change over time",
                    "Cuts recruitment costs for other methods",
                ],
                [
                    "Mostly consultation: little depth on its own",
                    "Members become unrepresentative without refreshing",
                ],
            ),
            case_study(
                "The People's Panel",
                "United Kingdom",
                1998,
                "<p>The UK government set up a national panel of about 5,000 people to "
                "track views of public services. It was one of the first national standing "
                "panels anywhere and ran for several years.</p>",
                commissioner="Cabinet Office",
                people_involved="About 5,000 members",
                level_achieved="consult",
            ),
            cost_breakdown(
                ("Recruitment and balancing", 60_000, 120_000),
                ("Platform, database and administration", 40_000, 80_000),
                per_person("Member incentives", 25, 60, "A year's thank-you vouchers"),
                ("Analysis and reporting", 50_000, 90_000),
                note="First-year split of Involve's published range (2023); later years "
                "cost £80k–£125k.",
            ),
        ],
    },
    {
        "slug": "deliberative-workshop",
        "title": "Deliberative workshop",
        "summary": (
            "Facilitated groups of 8–16 people spend a few hours to a couple of days "
            "exploring an issue with information and experts, showing how and why views "
            "form and change."
        ),
        "also_known_as": "Public dialogue workshop, deliberative focus group",
        "family": "consultation-and-research",
        "levels": ("involve", None),
        "purposes": ["deliberate-on-trade-offs", "gather-views", "understand-needs"],
        "topics": ["health-and-care", "innovation"],
        "participants": (8, 16, "Per group; several groups often run in different places"),
        "time": (
            "4–8 weeks to design materials and recruit",
            "A few hours to 2 days per group",
            "Report within 2–4 weeks",
            6,
        ),
        "cost": (
            1_000,
            10_000,
            "Per open workshop: venue, facilitation, incentives and materials",
            "Sciencewise",
            2012,
        ),
        "facilitation": "experienced",
        "ratings": ("high", "medium", "low"),
        "last_reviewed": reviewed_ago(months=4),
        "related": [
            ("focus-group", "Shorter, cheaper, less deliberative."),
            ("consensus-conference", "For a higher-profile, lay-led process."),
        ],
        "principles": [
            ("equality-diversity-and-accessibility", "supports", "Small groups suit support."),
        ],
        "body": [
            para(
                "Deliberative workshops sit between research and participation. Like a "
                "focus group they are small and facilitated; unlike a focus group they give "
                "participants information, time and often access to experts, so the "
                "organisers learn what people think once they understand the issue.",
                "In the UK they are the backbone of public dialogue on science and "
                "technology policy, where a series of workshops in different places is "
                "often combined with a survey.",
            ),
            when_to_use(
                [
                    "An unfamiliar or technical topic where first reactions are not enough",
                    "You want to understand reasoning and values, not just preferences",
                ],
                ["You need numbers that represent a population", "Decisions are already fixed"],
            ),
            steps(
                (
                    "Design stimulus",
                    "Prepare balanced, accessible information and activities.",
                    "Facilitation team with subject experts",
                    "3–4 weeks",
                    (3, 4),
                ),
                (
                    "Recruit",
                    "Recruit participants to a quota for each group.",
                    "Recruitment agency or community partners",
                    "2–4 weeks",
                    (2, 4),
                ),
                (
                    "Run the workshops",
                    "Move from first reactions, through information and discussion, to "
                    "considered views.",
                    "Facilitators and experts",
                    "3 hours to 2 days",
                    (0, 0.3),
                ),
                (
                    "Analyse and report",
                    "Identify themes and shifts in views across groups.",
                    "Facilitation team",
                    "2–4 weeks",
                    (2, 4),
                ),
            ),
            strengths_limitations(
                ["Shows how views change with information", "Flexible and affordable"],
                ["Small numbers", "Quality depends heavily on the stimulus materials"],
            ),
            case_study(
                "Public dialogue on mitochondria replacement",
                "Several English cities",
                2012,
                "<p>Workshops with members of the public, alongside a survey and an open "
                "consultation, explored views on new IVF techniques to prevent inherited "
                "mitochondrial disease. The dialogue found broad support with safeguards "
                "and informed later regulations approved by Parliament.</p>",
                commissioner="Human Fertilisation and Embryology Authority, with Sciencewise",
                question="Should mitochondria replacement techniques be permitted?",
                level_achieved="consult",
            ),
            cost_breakdown(
                ("Venue and catering", 200, 2_000),
                ("Facilitation", 500, 5_000),
                per_person("Participant incentives", 25, 125),
                ("Materials and write-up", 100, 1_000),
                note="Per open workshop; an indicative split of the Sciencewise range.",
            ),
        ],
    },
    {
        "slug": "focus-group",
        "title": "Focus group",
        "summary": (
            "A facilitated discussion with 6–12 people, lasting one to two hours, to "
            "explore experiences, reactions and ideas in more depth than a survey allows."
        ),
        "also_known_as": "Group discussion",
        "family": "consultation-and-research",
        "levels": ("consult", None),
        "purposes": ["understand-needs", "gather-views"],
        "topics": ["public-services", "commissioning"],
        "participants": (6, 12, "Recruited to a quota or through community groups"),
        "time": (
            "2–4 weeks to recruit",
            "45–120 minutes per group",
            "Analysis within 1–3 weeks",
            3,
        ),
        "cost": (
            500,
            4_000,
            "Per group: recruitment, incentives, moderator, venue and analysis",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("medium", "low", "low"),
        "last_reviewed": reviewed_ago(months=5),
        "related": [
            ("standing-citizens-panel", "Recruit from a panel for speed."),
            ("deliberative-workshop", "When people need information before they respond."),
        ],
        "principles": [
            (
                "reach-people-facing-inequalities",
                "supports",
                "Groups can be run with and by specific communities.",
            ),
            ("make-a-difference", "risks", "Easy to run without a decision attached."),
        ],
        "body": [
            para(
                "Focus groups are a research method first. They are good at surfacing "
                "experiences, language and reactions, and at explaining the numbers in a "
                "survey. Run with trusted community organisations, they can reach people "
                "who would never fill in a consultation form.",
                "They are not a way of sharing power. Participants usually have no say in "
                "what happens to their contributions, so be clear about that and tell them "
                "what you learned.",
            ),
            when_to_use(
                [
                    "Early, to understand needs and experiences",
                    "To test materials, messages or service ideas",
                    "To explore survey findings in depth",
                ],
                [
                    "You need a decision or a mandate",
                    "The topic is too sensitive to discuss in a group",
                ],
            ),
            steps(
                (
                    "Plan",
                    "Write a topic guide and decide who needs to be in which group.",
                    "Researcher",
                    "1 week",
                    (1, 1),
                ),
                (
                    "Recruit",
                    "Recruit to a quota, or host the group with a community partner.",
                    "Recruiter or partner organisation",
                    "2–3 weeks",
                    (2, 3),
                ),
                (
                    "Run",
                    "Facilitate the discussion, recording with consent.",
                    "Moderator and note-taker",
                    "1–2 hours",
                    (0, 0),
                ),
                (
                    "Analyse",
                    "Identify themes across groups and write up.",
                    "Researcher",
                    "1–3 weeks",
                    (1, 3),
                ),
            ),
            strengths_limitations(
                ["Quick and cheap", "Rich, qualitative insight", "Works with specific groups"],
                ["Not representative", "Group dynamics can silence some views"],
            ),
            cost_breakdown(
                ("Recruitment", 50, 300),
                per_person("Incentives", 25, 75),
                ("Moderator", 200, 1_500),
                ("Venue and refreshments", 50, 500),
                ("Transcription and analysis", 50, 800),
                note="Our indicative estimate for one group (2025); in-house groups cost less.",
            ),
        ],
    },
    {
        "slug": "statutory-consultation",
        "title": "Statutory consultation",
        "summary": (
            "A formal, open consultation on proposals, often required by law, that must "
            "meet the Gunning principles: formative stage, enough information, adequate "
            "time and conscientious consideration."
        ),
        "also_known_as": "Formal consultation, public consultation",
        "family": "consultation-and-research",
        "levels": ("consult", None),
        "purposes": ["gather-views", "inform-people"],
        "topics": ["public-services", "commissioning"],
        "participants": (None, None, "Open to anyone affected; no set numbers"),
        "time": (
            "4–8 weeks to prepare documents and plan outreach",
            "A consultation period: 12 weeks is customary but not mandated",
            "Analysis and a published response",
            12,
        ),
        "cost": None,
        "facilitation": "basic",
        "ratings": ("low", "medium", "high"),
        "last_reviewed": reviewed_ago(months=11, days=10),
        "related": [
            ("citizens-jury", "Add depth on the most contested part of the proposals."),
            ("focus-group", "Reach groups who rarely respond to formal consultations."),
        ],
        "principles": [
            ("consult-at-a-formative-stage", "supports", "A legal duty when consulting."),
            ("conscientious-consideration", "supports", "Decision-makers must weigh responses."),
            (
                "reach-people-facing-inequalities",
                "risks",
                "Open calls favour those with time and confidence.",
            ),
        ],
        "body": [
            para(
                "Many public decisions, from closing a service to changing a planning "
                "policy, require a formal consultation. Even where there is no statutory "
                "duty, once a public body chooses to consult it must do so fairly, and the "
                "courts judge fairness against the four Gunning principles.",
                "A statutory consultation is the floor, not the ceiling. It records views "
                "from anyone who chooses to respond, which is rarely the same as hearing "
                "from everyone affected. Pair it with targeted outreach.",
            ),
            callout(
                "Twelve weeks is a convention, not a legal requirement. What the law asks "
                "is that the time is adequate for the subject and the people affected.",
                title="How long?",
                kind="tip",
            ),
            when_to_use(
                [
                    "The law requires it, or a decision significantly changes a service",
                    "You need a transparent, open record of views",
                ],
                [
                    "The decision has already been taken",
                    "You need deliberation on trade-offs rather than reactions to a proposal",
                ],
            ),
            steps(
                (
                    "Check the duty",
                    "Establish whether consultation is required and what the law says.",
                    "Legal and policy teams",
                    "1–2 weeks",
                    (1, 2),
                ),
                (
                    "Prepare documents",
                    "Explain the proposals, the reasons and any alternatives in plain "
                    "words, with accessible formats.",
                    "Policy and communications teams",
                    "3–6 weeks",
                    (3, 6),
                ),
                (
                    "Consult",
                    "Open the consultation and reach affected groups directly.",
                    "Engagement team and partners",
                    "Usually 8–12 weeks",
                    (8, 12),
                ),
                (
                    "Analyse and decide",
                    "Analyse responses fairly and put them in front of decision-makers "
                    "before they decide.",
                    "Analysts and decision-makers",
                    "4–8 weeks",
                    (4, 8),
                ),
                (
                    "Publish the response",
                    "Explain what was heard and what changed.",
                    "Policy team",
                    "With the decision",
                    (0, 0),
                ),
            ),
            strengths_limitations(
                ["Open to all", "Transparent and legally recognised"],
                [
                    "Responses skew to the organised and confident",
                    "Often late in the process, so little can change",
                ],
            ),
            case_study(
                "Council tax reduction consultation",
                "Haringey, London",
                2012,
                "<p>The Supreme Court later ruled the consultation unfair because it did "
                "not explain that there were alternatives to the proposed scheme. The "
                "judgment endorsed the Gunning principles as the test of a lawful "
                "consultation.</p>",
                commissioner="London Borough of Haringey",
                question="A proposed council tax reduction scheme",
                level_achieved="consult",
                source="R (Moseley) v Haringey LBC [2014] UKSC 56",
            ),
        ],
    },
    # Participatory budgeting ----------------------------------------------------------
    {
        "slug": "participatory-budgeting",
        "title": "Participatory budgeting",
        "summary": (
            "Residents propose, discuss and vote on how a share of a public budget is "
            "spent, in an annual cycle, so that the decision itself passes to the community."
        ),
        "also_known_as": "PB, community grant-making, community choices",
        "family": "participatory-budgeting-and-grant-making",
        "levels": ("collaborate", "empower"),
        "purposes": ["decide-or-allocate-resources", "generate-ideas", "build-community-capacity"],
        "topics": ["community-investment", "place"],
        "participants": (
            100,
            None,
            "Open to all residents; Porto Alegre peaked at around 17,000 participants",
        ),
        "time": (
            "3–6 months to agree rules, budget and outreach",
            "An annual cycle with 2–3 months of active proposals and voting",
            "Results at once; projects delivered and reported over the year",
            12,
        ),
        "cost": (
            15_000,
            None,
            "The pot to allocate: at least about £15,000 to be worthwhile; running costs extra",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("medium", "high", "high"),
        "last_reviewed": reviewed_ago(months=2, days=10),
        "related": [
            ("asset-based-community-development", "Asset mapping surfaces good proposals."),
            ("world-cafe", "A café format helps people develop ideas before voting."),
        ],
        "principles": [
            ("people-as-assets", "supports", "Residents propose and decide."),
            ("make-a-difference", "supports", "The vote is binding on the money."),
            (
                "equality-diversity-and-accessibility",
                "risks",
                "Well-organised groups can dominate the vote without outreach.",
            ),
        ],
        "body": [
            para(
                "Participatory budgeting began in Porto Alegre, Brazil, in 1989, where "
                "neighbourhood assemblies came to decide a significant share of the "
                "city's investment budget. The idea has since spread to thousands of "
                "places. In the UK it ranges from small grants decided at a community "
                "event to mainstream budgets allocated through online voting.",
                "The defining feature is that residents make the decision, not just "
                "advise on it. That makes PB one of the few methods that reliably reaches "
                "the empower end of the spectrum, provided the organisation honours the "
                "result.",
            ),
            when_to_use(
                [
                    "There is a real budget that can be devolved, and leaders will honour the vote",
                    "You want to build local capacity and trust as well as fund projects",
                ],
                [
                    "The pot is too small to fund anything meaningful",
                    "Spending rules would overturn residents' choices",
                ],
            ),
            steps(
                (
                    "Set the rules",
                    "Agree the budget, eligibility, themes and how voting will work, ideally "
                    "with a steering group that includes residents.",
                    "Council or funder with residents",
                    "6–12 weeks",
                    (6, 12),
                ),
                (
                    "Gather proposals",
                    "Invite residents and groups to put forward ideas, with support to "
                    "develop them.",
                    "Community organisers",
                    "4–6 weeks",
                    (4, 6),
                ),
                (
                    "Deliberate and vote",
                    "Hold events and online voting where residents consider proposals and choose.",
                    "Residents",
                    "2–4 weeks",
                    (2, 4),
                ),
                (
                    "Deliver and report",
                    "Fund the winning projects and report progress back to voters.",
                    "Council or funder",
                    "Over the following year",
                    (26, 52),
                ),
            ),
            strengths_limitations(
                [
                    "Real transfer of decision-making power",
                    "Reaches large numbers, including people new to participation",
                    "Builds skills and networks in community groups",
                ],
                [
                    "Small pots can feel tokenistic",
                    "Competitive voting can pit groups against each other",
                ],
            ),
            case_study(
                "Participatory budgeting in Porto Alegre",
                "Porto Alegre, Brazil",
                1989,
                "<p>Neighbourhood and thematic assemblies set priorities for the city's "
                "capital investment each year. Over the following decade participation "
                "grew to many thousands, and investment shifted towards poorer "
                "neighbourhoods, for example in sanitation.</p>",
                commissioner="Porto Alegre city government",
                people_involved="Peaking at around 17,000 people a year",
                level_achieved="empower",
            ),
            case_study(
                "Community Choices and the 1% framework",
                "Scotland",
                2017,
                "<p>The Scottish Government and local councils agreed that at least 1% of "
                "council budgets should be allocated through participatory budgeting, "
                "moving PB from small grants towards mainstream spending.</p>",
                commissioner="Scottish Government and COSLA",
                level_achieved="collaborate",
            ),
            callout(
                "Residents can tell when a pot is too small to matter. Below about £15,000 "
                "consider a simpler grants panel instead.",
                title="Make the pot worth the effort",
                kind="warning",
            ),
        ],
    },
    # Dialogue and large-group -----------------------------------------------------
    {
        "slug": "world-cafe",
        "title": "World Café",
        "summary": (
            "People sit in small groups at café-style tables and move between them over "
            "two or three rounds, building on each other's ideas about questions that matter."
        ),
        "also_known_as": "Knowledge café, conversation café",
        "family": "dialogue-and-large-group",
        "levels": ("involve", None),
        "purposes": ["generate-ideas", "understand-needs"],
        "topics": ["partnerships", "communities"],
        "participants": (15, 200, "Tables of about four; anyone with a stake"),
        "time": (
            "2–4 weeks to plan questions and invite",
            "2–3 rounds of 20–30 minutes, plus a shared harvest: 2–3 hours",
            "A harvest write-up within a week or two",
            2,
        ),
        "cost": (500, 3_000, "Venue, refreshments, materials and a host", ESTIMATE, ESTIMATE_YEAR),
        "facilitation": "basic",
        "ratings": ("medium", "medium", "medium"),
        "last_reviewed": reviewed_ago(months=14),
        "related": [
            ("open-space", "For a longer, self-organising event."),
            ("appreciative-inquiry", "Café rounds work well in the discovery phase."),
        ],
        "principles": [
            ("people-as-assets", "supports", "Everyone's knowledge is drawn on equally."),
            ("make-a-difference", "risks", "Rich conversation can lead nowhere without a plan."),
        ],
        "body": [
            para(
                "World Café was developed in the mid-1990s by Juanita Brown and David "
                "Isaacs. The format is simple: small tables, paper tablecloths to write on, "
                "a host at each table, and a sequence of good questions. After each round "
                "people move to new tables, carrying ideas with them, so thinking "
                "cross-pollinates across the room.",
                "It is one of the easiest large-group formats to run well, and suits the "
                "early, exploratory stage of a partnership or project.",
            ),
            when_to_use(
                [
                    "Exploring a shared challenge with a mixed group",
                    "Building relationships across organisations and residents",
                ],
                [
                    "You need a decision or a detailed plan",
                    "The issue is highly conflictual and needs careful mediation",
                ],
            ),
            steps(
                (
                    "Frame questions",
                    "Choose two or three open questions that matter to the people invited.",
                    "Host team",
                    "1–2 weeks",
                    (1, 2),
                ),
                (
                    "Set the room",
                    "Arrange tables of four with paper and pens, and brief table hosts.",
                    "Host team",
                    "On the day",
                    (0, 0),
                ),
                (
                    "Run the rounds",
                    "Hold rounds of 20–30 minutes; hosts stay, others move.",
                    "Participants and table hosts",
                    "1–1.5 hours",
                    (0, 0),
                ),
                (
                    "Harvest",
                    "Gather insights from the whole room and record themes.",
                    "Lead facilitator",
                    "30–45 minutes",
                    (0, 0),
                ),
            ),
            strengths_limitations(
                ["Cheap and easy to run", "Everyone talks", "Builds connections"],
                ["Outputs can be vague", "Dominant voices can still shape tables"],
            ),
            cost_breakdown(
                ("Venue", 200, 1_200),
                ("Facilitator (if not in-house)", 0, 1_000),
                per_person("Refreshments", 3, 8),
                ("Materials", 50, 100),
                ("Write-up", 100, 300),
                note="Our indicative estimate (2025).",
            ),
        ],
    },
    {
        "slug": "open-space",
        "title": "Open Space",
        "summary": (
            "Participants create their own agenda around a broad theme, run the sessions "
            "they care about and record the results, from half a day to three days."
        ),
        "also_known_as": "Open Space Technology, unconference",
        "family": "dialogue-and-large-group",
        "levels": ("involve", None),
        "purposes": ["generate-ideas", "build-community-capacity"],
        "topics": ["partnerships"],
        "participants": (5, None, "From 5 to more than 2,000; self-selecting"),
        "time": (
            "4–8 weeks to agree the theme and invite",
            "Half a day to 3 days",
            "A book of proceedings, produced during or just after",
            4,
        ),
        "cost": (
            1_000,
            15_000,
            "Venue, catering, facilitator and proceedings",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("medium", "medium", "high"),
        "last_reviewed": reviewed_ago(months=19),
        "related": [
            ("world-cafe", "A shorter, more structured conversation format."),
            ("future-search", "When a whole system needs to agree common ground."),
        ],
        "principles": [
            ("facilitate-rather-than-deliver", "supports", "Participants run the agenda."),
            ("people-as-assets", "supports", "Energy and expertise come from the room."),
        ],
        "body": [
            para(
                "Open Space was developed by Harrison Owen in the 1980s after he noticed "
                "that the most useful part of conferences was the coffee breaks. There is "
                "no agenda in advance: participants sit in a circle, anyone who cares about "
                "an issue announces a session, and a marketplace of sessions forms.",
                "A few simple principles hold it together, including the 'law of two "
                "feet': if you are neither learning nor contributing, move somewhere you "
                "can. It works at almost any scale.",
            ),
            when_to_use(
                [
                    "A complex issue where many people hold part of the answer",
                    "You want to release energy and ownership, not control the outcome",
                ],
                [
                    "Leaders already know the answer they want",
                    "You need a representative view",
                ],
            ),
            steps(
                (
                    "Agree the theme",
                    "Choose a compelling, open theme and invite everyone with a stake.",
                    "Sponsor and facilitator",
                    "4–8 weeks",
                    (4, 8),
                ),
                (
                    "Open the space",
                    "In a circle, participants propose sessions and post them on a wall.",
                    "Facilitator and participants",
                    "1 hour",
                    (0, 0),
                ),
                (
                    "Run sessions",
                    "Conveners host sessions and record the main points.",
                    "Participants",
                    "Half a day to 3 days",
                    (0, 0.4),
                ),
                (
                    "Converge",
                    "On longer events, prioritise issues and form action groups.",
                    "Participants",
                    "Final half day",
                    (0, 0),
                ),
            ),
            strengths_limitations(
                ["Scales from small to very large groups", "High ownership and energy"],
                ["Unpredictable outcomes", "Favours confident conveners"],
            ),
            cost_breakdown(
                ("Venue and catering", 500, 8_000),
                ("Facilitator", 500, 5_000),
                ("Proceedings and materials", 0, 2_000),
                note="Our indicative estimate (2025); depends mostly on length and numbers.",
            ),
        ],
    },
    {
        "slug": "future-search",
        "title": "Future Search",
        "summary": (
            "Thirty to eighty people representing a whole system spend about sixteen hours "
            "over three days reviewing the past and present, agreeing common ground and "
            "planning action together."
        ),
        "also_known_as": "Future search conference",
        "family": "partnership-and-governance",
        "levels": ("collaborate", None),
        "purposes": ["generate-ideas", "co-design-services", "build-community-capacity"],
        "topics": ["partnerships", "place"],
        "participants": (30, 80, "Stakeholder groups chosen to represent the whole system"),
        "time": (
            "3–6 months with a planning group",
            "About 16 hours over 3 days",
            "Action groups meet over the following months",
            12,
        ),
        "cost": (
            15_000,
            40_000,
            "Venue and catering for three days, two facilitators and planning",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "specialist",
        "ratings": ("high", "high", "low"),
        "last_reviewed": reviewed_ago(months=5, days=10),
        "related": [
            ("open-space", "Open Space can follow to develop action plans."),
            ("appreciative-inquiry", "Shares a focus on common ground and strengths."),
        ],
        "principles": [
            ("reciprocity-and-mutuality", "supports", "Every group commits to actions."),
            ("people-as-assets", "supports", "The whole system's knowledge in one room."),
        ],
        "body": [
            para(
                "Future Search, developed by Marvin Weisbord and Sandra Janoff, gets the "
                "'whole system in the room': people from every part of an issue, from "
                "residents to chief executives. Over three days they build a shared picture "
                "of the past, the trends shaping the present and the future they want, then "
                "commit to action on the common ground.",
                "Conflicts are acknowledged rather than worked through; the focus is on "
                "what everyone can agree on. That makes it well suited to launching "
                "partnerships.",
            ),
            when_to_use(
                [
                    "Launching or renewing a partnership around a shared local challenge",
                    "Many organisations each hold part of the picture",
                ],
                [
                    "Key stakeholders will not commit to three days",
                    "A single organisation already owns the decision",
                ],
            ),
            steps(
                (
                    "Form a planning group",
                    "Bring together people from across the system to agree the task and "
                    "who must attend.",
                    "Sponsor and planning group",
                    "3–6 months",
                    (13, 26),
                ),
                (
                    "Review past and present",
                    "Mixed groups build timelines and a mind map of trends.",
                    "All participants",
                    "Day 1",
                    (0.1, 0.1),
                ),
                (
                    "Imagine the future",
                    "Groups create scenarios of the future they want.",
                    "All participants",
                    "Day 2",
                    (0.1, 0.1),
                ),
                (
                    "Agree common ground and act",
                    "Confirm what everyone agrees and form self-selected action groups.",
                    "All participants",
                    "Day 3",
                    (0.1, 0.1),
                ),
            ),
            strengths_limitations(
                ["Builds shared understanding across a system", "Commitment to action"],
                ["Demanding three-day commitment", "Sets aside rather than resolves conflict"],
            ),
            cost_breakdown(
                ("Venue, 3 days", 3_000, 8_000),
                per_person("Catering, 3 days", 120, 160),
                ("Two facilitators", 5_000, 15_000),
                ("Planning group and administration", 2_000, 5_000),
                note="Our indicative estimate (2025).",
            ),
        ],
    },
    {
        "slug": "appreciative-inquiry",
        "title": "Appreciative inquiry",
        "summary": (
            "A group looks at what already works and why, imagines what could be, then "
            "designs and delivers change through four phases building on its strengths."
        ),
        "also_known_as": "AI, 4-D cycle",
        "family": "dialogue-and-large-group",
        "levels": ("involve", "collaborate"),
        "purposes": ["generate-ideas", "co-design-services", "build-community-capacity"],
        "topics": ["partnerships", "co-production"],
        "participants": (8, 100, "Existing groups, teams or partnerships"),
        "time": (
            "2–4 weeks to agree the focus",
            "Four phases, each at least 2 hours",
            "Actions reviewed over the following months",
            4,
        ),
        "cost": (500, 5_000, "Facilitation, venue and materials", ESTIMATE, ESTIMATE_YEAR),
        "facilitation": "experienced",
        "ratings": ("medium", "low", "low"),
        "last_reviewed": reviewed_ago(months=6, days=10),
        "related": [
            ("asset-based-community-development", "Both start from strengths."),
            ("world-cafe", "A café format suits the discovery phase."),
        ],
        "principles": [
            ("people-as-assets", "supports", "Starts from what works."),
        ],
        "body": [
            para(
                "Appreciative inquiry was developed by David Cooperrider and colleagues in "
                "the 1980s as an alternative to problem-solving. Rather than diagnosing "
                "what is broken, a group explores its best experiences, and uses them as "
                "the foundation for change.",
                "The usual cycle has four phases: discover what works, dream what could be, "
                "design how to get there, and deliver. It suits teams and partnerships "
                "that are stuck or demoralised.",
            ),
            when_to_use(
                [
                    "A team or partnership needs renewed energy and direction",
                    "You want to build on strengths rather than catalogue problems",
                ],
                [
                    "Serious failings need to be faced directly",
                    "Participants have no shared work or history",
                ],
            ),
            steps(
                (
                    "Discover",
                    "People interview each other about times when things worked well.",
                    "Participants in pairs",
                    "2+ hours",
                    (0, 1),
                ),
                (
                    "Dream",
                    "The group imagines the future if those moments were the norm.",
                    "Whole group",
                    "2+ hours",
                    (0, 1),
                ),
                (
                    "Design",
                    "Agree the changes to structures and practice that would get there.",
                    "Whole group or working groups",
                    "2+ hours",
                    (0, 1),
                ),
                (
                    "Deliver",
                    "Put plans into action and review progress.",
                    "Working groups",
                    "Ongoing",
                    (4, 12),
                ),
            ),
            strengths_limitations(
                ["Energising and positive", "Cheap", "Builds on existing capability"],
                ["Can skate over real problems", "Depends on an existing group"],
            ),
            cost_breakdown(
                ("Facilitation", 0, 3_000),
                ("Venue and refreshments", 300, 1_500),
                ("Materials", 200, 500),
                note="Our indicative estimate (2025).",
            ),
        ],
    },
    # Co-design ---------------------------------------------------------------------
    {
        "slug": "experience-based-co-design",
        "title": "Experience-based co-design",
        "summary": (
            "Patients or service users and staff share their experiences, often through a "
            "short film, then work together in co-design groups over several months to "
            "improve a service."
        ),
        "also_known_as": "EBCD, accelerated experience-based co-design",
        "family": "co-design-and-service-design",
        "levels": ("collaborate", None),
        "purposes": ["co-design-services", "understand-needs"],
        "topics": ["co-production", "health-and-care"],
        "participants": (10, 40, "Patients or service users with the staff who serve them"),
        "time": (
            "2–3 months to interview and film",
            "A trigger film, then co-design groups over 4–6 months",
            "A celebration and review event",
            26,
        ),
        "cost": (
            20_000,
            60_000,
            "Filming, facilitation, staff backfill and participant expenses",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("high", "medium", "low"),
        "last_reviewed": reviewed_ago(months=3, days=10),
        "related": [
            ("focus-group", "Short groups can gather experiences when filming is not possible."),
            ("appreciative-inquiry", "Helps staff teams build on what already works."),
        ],
        "principles": [
            ("equality-diversity-and-accessibility", "supports", "Patients and staff as equals."),
            ("reciprocity-and-mutuality", "supports", "Both sides learn from each other."),
            ("people-as-assets", "supports", "Experience is treated as expertise."),
        ],
        "body": [
            para(
                "Experience-based co-design was developed in the NHS in the mid-2000s by "
                "Paul Bate and Glenn Robert. It starts by capturing the emotional high and "
                "low points of using and delivering a service, usually through filmed "
                "interviews with patients edited into a short 'trigger film'.",
                "Showing the film to staff and patients together shifts the conversation. "
                "Small co-design groups then work on the priorities both sides agree. An "
                "accelerated version uses existing national films to cut time and cost.",
            ),
            when_to_use(
                [
                    "Improving a specific service pathway with its users",
                    "Staff and users have different views of what matters",
                ],
                [
                    "There is no capacity to act on the priorities identified",
                    "The service is about to be decommissioned",
                ],
            ),
            steps(
                (
                    "Gather staff experiences",
                    "Observe the service and interview staff.",
                    "Project lead",
                    "4–6 weeks",
                    (4, 6),
                ),
                (
                    "Film user experiences",
                    "Interview patients or users and edit a 20–30 minute trigger film.",
                    "Project lead and film-maker",
                    "6–8 weeks",
                    (6, 8),
                ),
                (
                    "Bring people together",
                    "Show the film at a joint event and agree shared priorities.",
                    "Staff and users",
                    "Half a day",
                    (0, 0),
                ),
                (
                    "Co-design",
                    "Small groups work on each priority and test changes.",
                    "Co-design groups",
                    "3–5 months",
                    (13, 22),
                ),
                (
                    "Celebrate and review",
                    "Share what changed and plan next steps.",
                    "Everyone involved",
                    "Half a day",
                    (0, 0),
                ),
            ),
            strengths_limitations(
                [
                    "Puts emotional experience at the centre of improvement",
                    "Changes relationships between staff and users",
                ],
                ["Takes months", "Needs protected staff time"],
            ),
            case_study(
                "Head and neck cancer services",
                "Luton and Dunstable Hospital",
                2005,
                "<p>The first pilot brought patients and staff together to improve head "
                "and neck cancer care, leading to many practical changes, from clinic "
                "organisation to information for patients, and to the method being "
                "adopted across the NHS.</p>",
                commissioner="NHS Institute for Innovation and Improvement",
                level_achieved="collaborate",
            ),
            cost_breakdown(
                ("Filming and editing", 5_000, 15_000),
                ("Facilitation and project lead", 10_000, 30_000),
                per_person("Staff backfill and participant expenses", 250, 300),
                ("Events", 2_000, 5_000),
                note="Our indicative estimate (2025); the accelerated approach costs less.",
            ),
            references(
                (
                    "The Point of Care Foundation, EBCD toolkit",
                    "https://www.pointofcarefoundation.org.uk/resource/experience-based-co-design-ebcd-toolkit/",
                ),
            ),
        ],
    },
    # Community development ----------------------------------------------------------
    {
        "slug": "planning-for-real",
        "title": "Planning for Real",
        "summary": (
            "Residents build or gather around a large 3D model of their area and place "
            "suggestion cards on it, then prioritise the ideas and turn them into an "
            "action plan."
        ),
        "also_known_as": "Model-based planning",
        "family": "community-development-and-asset-based",
        "levels": ("consult", "involve"),
        "purposes": ["generate-ideas", "understand-needs", "build-community-capacity"],
        "topics": ["place", "communities"],
        "participants": (25, 100, "Open to residents; 25 to well over 100 people"),
        "time": (
            "4–8 weeks to build the model with local groups",
            "Model sessions over several weeks",
            "Priorities and an action plan",
            6,
        ),
        "cost": (
            2_000,
            15_000,
            "Model materials, facilitation, events and publicity",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("medium", "medium", "medium"),
        "last_reviewed": reviewed_ago(months=7, days=10),
        "related": [
            ("asset-based-community-development", "Mapping assets makes a strong start."),
            ("participatory-budgeting", "Fund some priorities through a local vote."),
        ],
        "principles": [
            ("people-as-assets", "supports", "Local knowledge shapes the plan."),
            ("consult-at-a-formative-stage", "supports", "Ideas come before plans exist."),
        ],
        "body": [
            para(
                "Planning for Real was developed by Tony Gibson in the 1970s and is "
                "promoted by the Neighbourhood Initiatives Foundation. A model of the area, "
                "often built by local schoolchildren or groups, goes on tour to places "
                "people already gather, and anyone can place cards with ideas or problems "
                "on it.",
                "Because people talk to the model rather than to officials, the method is "
                "good at drawing in people who would never speak at a meeting.",
            ),
            when_to_use(
                [
                    "Neighbourhood plans, regeneration and public space",
                    "You want to hear from people who avoid formal meetings",
                ],
                [
                    "The question is not about a physical place",
                    "Plans are already fixed",
                ],
            ),
            steps(
                (
                    "Build the model",
                    "Build a large model of the area with local groups or schools.",
                    "Residents, schools, organiser",
                    "2–4 weeks",
                    (2, 4),
                ),
                (
                    "Tour the model",
                    "Take it to community venues; people place suggestion cards.",
                    "Residents",
                    "3–6 weeks",
                    (3, 6),
                ),
                (
                    "Prioritise",
                    "Group the suggestions and hold sessions to rank them by urgency.",
                    "Residents and partners",
                    "1–2 weeks",
                    (1, 2),
                ),
                (
                    "Plan action",
                    "Agree who will do what, when, in an action plan.",
                    "Residents and partners",
                    "2–4 weeks",
                    (2, 4),
                ),
            ),
            strengths_limitations(
                ["Hands-on and inclusive", "Anonymous suggestions reduce intimidation"],
                ["Only suits place-based questions", "Model building takes effort"],
            ),
            cost_breakdown(
                ("Model materials", 500, 3_000),
                ("Facilitation and training", 1_000, 8_000),
                ("Events and publicity", 500, 4_000),
                note="Our indicative estimate (2025).",
            ),
        ],
    },
    {
        "slug": "asset-based-community-development",
        "title": "Asset-based community development",
        "summary": (
            "Residents map and connect the skills, associations, places and resources "
            "their neighbourhood already has, and act on what they care about, with "
            "institutions in support."
        ),
        "also_known_as": "ABCD, asset mapping, community building",
        "family": "community-development-and-asset-based",
        "levels": ("community-led", None),
        "purposes": ["build-community-capacity", "understand-needs"],
        "topics": ["community-investment", "communities", "prevention"],
        "participants": (None, None, "A whole neighbourhood; no set numbers"),
        "time": (
            "Weeks to months of listening and mapping",
            "Ongoing",
            "Ongoing: stories and learning shared as work grows",
            52,
        ),
        "cost": (
            2_000,
            30_000,
            "Cash per year for small grants, events and training; the main cost is time",
            ESTIMATE,
            ESTIMATE_YEAR,
        ),
        "facilitation": "experienced",
        "ratings": ("high", "medium", "medium"),
        "last_reviewed": None,
        "related": [
            ("participatory-budgeting", "Gives residents control of money for their ideas."),
            ("planning-for-real", "A structured way to gather local ideas about place."),
        ],
        "principles": [
            ("people-as-assets", "supports", "The method's starting point."),
            ("facilitate-rather-than-deliver", "supports", "Institutions step back."),
            (
                "review-and-evaluate",
                "risks",
                "Outcomes are slow and hard to capture with standard measures.",
            ),
        ],
        "body": [
            para(
                "Asset-based community development was set out by John McKnight and John "
                "Kretzmann in the early 1990s, in reaction to needs-based approaches that "
                "described poor neighbourhoods only by their problems. It starts instead "
                "with what is there: people's gifts and skills, clubs and associations, "
                "local institutions, physical spaces and the local economy.",
                "It is not a consultation method. Residents, often supported by a "
                "community builder, find each other, connect their assets and act on what "
                "they care about. The institution's role is to support and then get out of "
                "the way.",
            ),
            when_to_use(
                [
                    "You want to strengthen community capacity for the long term",
                    "Services are stuck in a cycle of rising need and falling budgets",
                ],
                [
                    "You need a quick answer to a specific question",
                    "You cannot commit to years rather than months",
                ],
            ),
            steps(
                (
                    "Listen",
                    "Hold many informal conversations to find what people care about and "
                    "what they can offer.",
                    "Community builders",
                    "Weeks to months",
                    (4, 13),
                ),
                (
                    "Map assets",
                    "Map individual gifts, associations, institutions, places and economy.",
                    "Residents with community builders",
                    "1–3 months",
                    (4, 13),
                ),
                (
                    "Connect",
                    "Introduce people and groups to each other around shared interests.",
                    "Community builders and connectors",
                    "Ongoing",
                    (13, 26),
                ),
                (
                    "Act and invest",
                    "Residents lead action; institutions provide small funds and remove obstacles.",
                    "Residents and institutions",
                    "Ongoing",
                    (13, 52),
                ),
            ),
            strengths_limitations(
                [
                    "Builds lasting capacity and connection",
                    "Challenges deficit thinking",
                    "Low cash cost",
                ],
                [
                    "Slow, and hard to evaluate with standard measures",
                    "Can be used to justify cutting services",
                ],
            ),
            case_study(
                "The Wigan Deal",
                "Wigan",
                2011,
                "<p>Facing deep budget cuts, the council made an informal deal with "
                "residents, retrained staff in strengths-based conversations and invested "
                "in community groups through a community investment fund. Outside "
                "researchers have drawn lessons from it, while noting how hard its "
                "effects are to separate from other changes.</p>",
                commissioner="Wigan Council",
                level_achieved="community-led",
                source="The King's Fund, A citizen-led approach to health and care: "
                "lessons from the Wigan Deal (2019)",
            ),
            cost_breakdown(
                ("Small grants to resident groups", 1_000, 15_000),
                ("Events and materials", 500, 5_000),
                ("Training", 500, 10_000),
                note="Our indicative annual estimate (2025), excluding staff time.",
            ),
        ],
    },
]
