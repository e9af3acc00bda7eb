"""The controlled vocabulary, the frameworks principles come from, the writer and the
site-wide settings."""

# (slug, name, description, parent slug or None). Parents come before their children.
TOPICS = [
    (
        "health-and-care",
        "Health and care",
        "How people and communities shape the health and care services they use.",
        None,
    ),
    (
        "prevention",
        "Prevention",
        "Acting early, before problems become crises, and funding it for long enough to work.",
        "health-and-care",
    ),
    (
        "place",
        "Place",
        "Neighbourhoods, towns and regions, and the decisions that shape them.",
        None,
    ),
    (
        "levelling-up",
        "Levelling up",
        "Policies that aim to close the gaps between places, and how communities fit in.",
        "place",
    ),
    (
        "public-services",
        "Public services",
        "How services are designed, bought and run, and who has a say.",
        None,
    ),
    (
        "commissioning",
        "Commissioning",
        "Deciding what to buy or fund, from whom, and how to judge whether it worked.",
        "public-services",
    ),
    (
        "innovation",
        "Innovation",
        "Trying new things in public services, learning from them and spreading what works.",
        "public-services",
    ),
    (
        "communities",
        "Communities",
        "People acting together where they live, and how institutions work alongside them.",
        None,
    ),
    (
        "co-production",
        "Co-production",
        "Professionals and the people who use services designing and delivering together.",
        "communities",
    ),
    (
        "community-investment",
        "Community investment",
        "Money, time and assets put into communities, and who decides how they are used.",
        "communities",
    ),
    (
        "partnerships",
        "Partnerships",
        "Organisations and residents working together on a shared local challenge.",
        "communities",
    ),
    (
        "early-years",
        "Early years",
        "Services for young children and their families, from pregnancy to starting school.",
        None,
    ),
]

# (slug, name, rank, on_spectrum, expectation in our own words)
LEVELS = [
    (
        "inform",
        "Inform",
        1,
        True,
        "You will be told clearly what is happening and why, in good time; "
        "the decision is not open to your influence.",
    ),
    (
        "consult",
        "Consult",
        2,
        True,
        "Your views will be asked for on options, listened to and weighed, and you will "
        "hear back how they affected the decision.",
    ),
    (
        "involve",
        "Involve",
        3,
        True,
        "You will work with decision-makers throughout, and your concerns and ideas "
        "will visibly shape the choices on the table.",
    ),
    (
        "collaborate",
        "Collaborate",
        4,
        True,
        "You will share in framing the problem, developing the options and choosing "
        "between them, and your advice will be built into the decision.",
    ),
    (
        "empower",
        "Empower",
        5,
        True,
        "You decide: the organisation commits in advance to carry out what participants choose.",
    ),
    (
        "community-led",
        "Community-led",
        6,
        False,
        "Residents set the agenda and lead the work themselves; institutions support, "
        "fund or step aside rather than invite.",
    ),
]

# (slug, name, description). The list order is the sort order.
PURPOSES = [
    (
        "understand-needs",
        "Understand needs",
        "Find out what people's lives, needs and strengths are really like.",
    ),
    (
        "inform-people",
        "Inform people",
        "Explain a plan, a decision or a choice clearly to those affected.",
    ),
    (
        "gather-views",
        "Gather views",
        "Hear what people think about a proposal or a set of options.",
    ),
    (
        "generate-ideas",
        "Generate ideas",
        "Draw out new ideas and possibilities from people with different experience.",
    ),
    (
        "deliberate-on-trade-offs",
        "Deliberate on trade-offs",
        "Give people the time and evidence to weigh up hard choices together.",
    ),
    (
        "decide-or-allocate-resources",
        "Decide or allocate resources",
        "Let participants make a decision or decide how money is spent.",
    ),
    (
        "co-design-services",
        "Co-design services",
        "Design or redesign a service with the people who use and deliver it.",
    ),
    (
        "build-community-capacity",
        "Build community capacity",
        "Strengthen the skills, connections and confidence of a community to act.",
    ),
]

# (slug, name, description)
METHOD_FAMILIES = [
    (
        "deliberative-mini-publics",
        "Deliberative mini-publics",
        "Small, randomly selected groups who learn, deliberate and recommend.",
    ),
    (
        "consultation-and-research",
        "Consultation and research",
        "Structured ways of asking people for their views and experiences.",
    ),
    (
        "dialogue-and-large-group",
        "Dialogue and large-group",
        "Formats that let many people talk productively in one room.",
    ),
    (
        "co-design-and-service-design",
        "Co-design and service design",
        "Designing services with the people who use and deliver them.",
    ),
    (
        "community-development-and-asset-based",
        "Community development and asset-based",
        "Starting from what a community already has and supporting it to act.",
    ),
    (
        "participatory-budgeting-and-grant-making",
        "Participatory budgeting and grant-making",
        "Residents deciding directly how public or charitable money is spent.",
    ),
    (
        "partnership-and-governance",
        "Partnership and governance",
        "Standing arrangements that bring organisations and residents together.",
    ),
]

# (key, fields). The key is how principles name their framework; `name` is unique.
FRAMEWORKS = [
    (
        "nef-nesta",
        {
            "name": "Six principles of co-production",
            "publisher": "New Economics Foundation and Nesta",
            "year": 2012,
            "url": "https://www.nesta.org.uk/report/co-production-catalogue/",
            "description": "Six features that distinguish co-production from consultation, "
            "summarised from NEF and Nesta's work on people-powered public services.",
            "sort_order": 1,
        },
    ),
    (
        "scie",
        {
            "name": "SCIE principles of co-production",
            "publisher": "Social Care Institute for Excellence",
            "year": 2013,
            "url": "https://www.scie.org.uk/co-production/what-how/",
            "description": "Equality, diversity, accessibility and reciprocity: SCIE's "
            "principles for co-producing social care with the people who use it.",
            "sort_order": 2,
        },
    ),
    (
        "involve",
        {
            "name": "Principles of deliberative public engagement",
            "publisher": "Involve",
            "year": 2008,
            "url": "https://involve.org.uk/",
            "description": "Nine principles for deliberation that makes a difference, from "
            "the UK's public participation charity.",
            "sort_order": 3,
        },
    ),
    (
        "nhs-england",
        {
            "name": "Ten principles for working with people and communities",
            "publisher": "NHS England",
            "year": 2022,
            "url": "https://www.england.nhs.uk/publication/"
            "working-in-partnership-with-people-and-communities-statutory-guidance/",
            "description": "Principles in NHS England's 2022 statutory guidance on working in "
            "partnership with people and communities.",
            "sort_order": 4,
        },
    ),
    (
        "gunning",
        {
            "name": "The Gunning principles",
            "publisher": "English courts (R v Brent LBC, ex parte Gunning)",
            "year": 1985,
            "url": "",
            "description": "Four tests of a lawful public consultation, set out in 1985 and "
            "endorsed by the Supreme Court in 2014.",
            "sort_order": 5,
        },
    ),
    (
        "oecd",
        {
            "name": "Good practice principles for deliberative processes",
            "publisher": "OECD",
            "year": 2020,
            "url": "https://www.oecd.org/en/publications/2020/06/"
            "innovative-citizen-participation-and-new-democratic-institutions_11aa2baf.html",
            "description": "The OECD's principles for representative deliberative processes "
            "used in public decision-making.",
            "sort_order": 6,
        },
    ),
]

PERSON = {
    "name": "Sam Ellery",
    "role": "Writer and community engagement practitioner",
    "bio": (
        "Sam has spent twenty years working between local government, the NHS and the "
        "voluntary sector on how public services listen to and work with communities. "
        "These essays are a practitioner's notes, written to be argued with."
    ),
}

SITE_SETTINGS = {
    "site_name": "Engaging Communities",
    "tagline": "Essays and a practical library on community engagement in UK public services",
    "footer_text": (
        "Written and maintained by Sam Ellery. Method guides are reviewed regularly and dated."
    ),
}
