"""Ten essays. Titles follow the design notes; summaries and bodies are written for
this demo. Links to methods and principles use [[kind:slug|text]] in rich text, or
method cards; each essay also lists the methods and principles it discusses."""

from datetime import date

from .blocks import (
    bullets,
    callout,
    heading,
    key_points,
    method_card,
    para,
    quote,
    references,
)

AUTHOR = "Sam Ellery"

ARNSTEIN = (
    "Arnstein, S. R. (1969) 'A Ladder of Citizen Participation', Journal of the American "
    "Institute of Planners, 35(4), 216–224."
)
KRETZMANN_MCKNIGHT = (
    "Kretzmann, J. P. and McKnight, J. L. (1993) Building Communities from the Inside Out. "
    "Chicago: ACTA Publications."
)

ESSAYS = [
    {
        "slug": "on-levelling-up",
        "title": "On levelling up",
        "date": date(2020, 10, 12),
        "image": "levelling-up",
        "topics": ["levelling-up", "community-investment"],
        "summary": (
            "A first response to Danny Kruger's report on a new social covenant: a welcome "
            "for putting communities at the centre of the levelling-up debate, and some "
            "questions about the assumptions underneath."
        ),
        "methods": [
            ("asset-based-community-development", "Closest in spirit to the report's ideas."),
        ],
        "principles": [("people-as-assets", "The report's strongest instinct.")],
        "body": [
            para(
                "Danny Kruger's report for the Prime Minister, <i>Levelling up our "
                "communities</i>, arrived this autumn with an unusual ambition for a "
                "government commission: to argue that the answer to many national problems "
                "lies in neighbourhoods. After a year in which mutual aid groups kept "
                "streets fed and connected while formal systems struggled, that argument "
                "lands on receptive ground.",
                "I want to give the report a fair hearing, because it deserves one, and "
                "then to set out some doubts. They are less about what it says than about "
                "what it leaves unsaid.",
            ),
            heading("What the report gets right"),
            para(
                "The first thing to welcome is the shift in where it looks. For most of my "
                "working life, regeneration has been something done to places: a capital "
                "programme, a new shopping centre, a business park with a ribbon to cut. "
                "The report starts instead with relationships, with the clubs, faith "
                "groups, tenants' associations and informal networks that make a place "
                "liveable. It treats those as infrastructure, and that is right.",
                "It also takes seriously the idea that people are capable. The language of "
                "the report is closer to [[method:asset-based-community-development|"
                "asset-based community development]] than to the deficit language of most "
                "policy documents, which describe poor places only by what they lack. "
                "Its proposals, from a Community Power Act to a new covenant between "
                "citizens, communities and the state, point in a promising direction.",
            ),
            quote(
                "There is a critical difference between going through the empty ritual "
                "of participation and having the real power needed to affect the outcome "
                "of the process.",
                attribution="Sherry Arnstein",
                source="A Ladder of Citizen Participation (1969)",
            ),
            heading("What lies beneath"),
            para(
                "My first reservation is about money. Community power without resources is "
                "a strange kind of power. The places most in need of levelling up have "
                "lost the most public spending over the last decade, and many of the "
                "community organisations the report celebrates are running on reserves and "
                "goodwill. A covenant is an agreement between parties; it is not clear what "
                "the state brings to this one.",
                "My second is about who gets to be 'the community'. Neighbourhood "
                "initiatives tend to be led by people with time, confidence and networks. "
                "That is not a criticism of them; it is a design problem. Unless new powers "
                "come with deliberate work to reach people facing the greatest "
                "disadvantage, they risk strengthening the already strong.",
                "My third is about the role left for public services. There is a version of "
                "this agenda that genuinely shares power, and a version that uses the "
                "language of community to justify retreat. The report clearly intends the "
                "first. Whether it produces the first depends on decisions it cannot make.",
            ),
            heading("Power, not just participation"),
            para(
                "The test I would apply to any proposal that follows is simple: does it "
                "move a real decision, with real money attached, closer to the people it "
                "affects? [[method:participatory-budgeting|Participatory budgeting]] "
                "passes that test when the pot is large enough to matter. Community rights "
                "to buy and run assets pass it when there is support to use them. "
                "Consultations on plans already drawn up do not.",
            ),
            key_points(
                "Treating community relationships as infrastructure is overdue",
                "Community power needs money and support, not only permission",
                "New powers must be designed to reach people who are rarely heard",
                "Judge each proposal by whether a real decision moves closer to people",
                title="In short",
            ),
            method_card(
                "asset-based-community-development",
                "The approach closest to the report's instincts, and its best test.",
            ),
            heading("Where next"),
            para(
                "I will come back to this as the government responds. For now, the report "
                "has done something useful: it has made the case for communities in the "
                "language of the centre. The work now is to make sure the resources and the "
                "power follow the rhetoric.",
            ),
            references(
                "Kruger, D. (2020) Levelling up our communities: proposals for a new social "
                "covenant. A report for government.",
                ARNSTEIN,
            ),
        ],
    },
    {
        "slug": "on-coalitions-and-partnerships",
        "title": "On coalitions and partnerships",
        "date": date(2021, 3, 8),
        "image": "coalitions",
        "topics": ["partnerships"],
        "summary": (
            "When different people and organisations come together around a local "
            "challenge, much of the value they create never appears in a report. How can "
            "we recognise it, during the work and after it ends?"
        ),
        "methods": [
            ("future-search", "A way to start a coalition with common ground."),
            ("appreciative-inquiry", "Useful for noticing value already created."),
        ],
        "principles": [("reciprocity-and-mutuality", "What partners give and get back.")],
        "body": [
            para(
                "Most partnerships are born of a problem. A rise in youth violence, a "
                "hospital under pressure, a town centre emptying out: something pushes a "
                "group of organisations and residents into the same room. They agree a "
                "plan, apply for funding, report against outputs, and eventually the "
                "money runs out and the partnership quietly stops meeting.",
                "When we evaluate this kind of work we usually count what it delivered. "
                "That matters. But it misses most of what was actually created, and it "
                "misses almost all of what outlives the project.",
            ),
            heading("Value that does not fit a spreadsheet"),
            para(
                "Think about what changes when a head teacher, a housing officer, a youth "
                "worker and three parents spend a year working on the same problem. They "
                "learn how each other's organisations work. They find out who to phone. "
                "They build enough trust to share information they would once have held "
                "back. They see the problem from angles they never had access to before.",
                "None of this is a deliverable. All of it is valuable, and much of it is "
                "what makes the next piece of work possible.",
            ),
            quote(
                "The outputs of a partnership are what it did. The value of a partnership "
                "is what it made possible next.",
                attribution=AUTHOR,
            ),
            heading("During: the value of working together"),
            para(
                "While the work is live, the most useful thing a coalition can do is make "
                "its own value visible to itself. That does not need a complicated "
                "framework. A short, regular conversation about what each partner has "
                "gained and given goes a long way, and it surfaces imbalances early. "
                "[[principle:reciprocity-and-mutuality|Reciprocity]] is not a nicety "
                "here: partners who feel they only give will drift away.",
                "Formats that start from strengths help. "
                "[[method:appreciative-inquiry|Appreciative inquiry]] asks people to tell "
                "stories about when the partnership worked at its best, which is a "
                "surprisingly good way to find out what it actually values. For a larger "
                "group, a day of [[method:open-space|Open Space]] can show where the energy "
                "really lies.",
            ),
            heading("After: what remains when the project ends"),
            para(
                "The harder question is what happens after. Relationships persist, but they "
                "decay without occasions to renew them. Shared data agreements lapse. The "
                "people who held the partnership together move jobs.",
                "Some coalitions plan for this from the start. They agree what they want to "
                "keep, whether that is a regular gathering, a shared post or a standing "
                "agreement to consult each other, and they budget for it. Starting with a "
                "process that builds common ground across the whole system, such as a "
                "[[method:future-search|Future Search]], makes that conversation easier.",
            ),
            method_card("future-search", "Gets the whole system in the room at the start."),
            heading("Accounting for it"),
            para(
                "If we want funders and boards to value this, we have to describe it. A few "
                "practical habits help:",
                bullets(
                    "Record new relationships and joint decisions, not just activities",
                    "Ask partners at the end what they will keep doing together",
                    "Revisit a year later and note what the coalition made possible",
                ),
                "None of this is sophisticated. It simply treats the coalition itself as an "
                "outcome worth accounting for.",
            ),
            references(
                "Weisbord, M. and Janoff, S. (2010) Future Search: Getting the Whole System "
                "in the Room for Vision, Commitment, and Action. 3rd edn. San Francisco: "
                "Berrett-Koehler.",
            ),
        ],
    },
    {
        "slug": "on-disinvesting-in-prevention",
        "title": "On (dis)investing in prevention",
        "date": date(2021, 9, 20),
        "image": "prevention",
        "topics": ["early-years", "prevention", "co-production"],
        "summary": (
            "Evidence on Sure Start children's centres shows early-years services working as "
            "a complex system. Reflections from time on a children's centre board on why "
            "prevention is so easy to cut and so hard to rebuild."
        ),
        "methods": [
            ("experience-based-co-design", "A way to redesign services with families."),
        ],
        "principles": [
            ("people-as-assets", "Parents as contributors, not only clients."),
            ("reciprocity-and-mutuality", "Peer support between families."),
            ("facilitate-rather-than-deliver", "Centres as hosts and connectors."),
        ],
        "body": [
            para(
                "Sure Start children's centres were an experiment in putting services for "
                "young children and their families under one roof, in the places that "
                "needed them most: health visiting, parenting support, childcare, advice "
                "and play. The idea was that families who would never walk into a social "
                "services office would come through the door for a baby group, and that "
                "everything else could follow.",
                "I sat on the advisory board of one centre while working in local "
                "government, and I watched it grow, then shrink. The recent evidence on "
                "what those centres achieved has made me think again about what we lost.",
            ),
            heading("A system, not a building"),
            para(
                "The striking thing about the research is how the benefits appear in "
                "places nobody was looking. Studies by the Institute for Fiscal Studies "
                "found that children living near a centre were less likely to be admitted "
                "to hospital as they grew older, with the largest effects in poorer areas. "
                "No single service caused that. It came from the combination: trusted "
                "staff, other parents, earlier advice, and a place to go.",
                "That is what a complex system looks like. The value lies in the "
                "connections between parts, which is exactly what disappears when budgets "
                "are cut service by service.",
            ),
            quote(
                "Not everything that can be counted counts, and not everything that counts "
                "can be counted.",
                attribution="William Bruce Cameron",
                source="Informal Sociology (1963)",
            ),
            heading("Why prevention loses budget rounds"),
            para(
                "Prevention is always vulnerable. Its costs are immediate and certain; its "
                "benefits are delayed, spread across other organisations' budgets, and "
                "impossible to attribute to any one intervention. When a council must find "
                "savings within a year, a children's centre is easier to close than a "
                "statutory service, even if the closure will cost the NHS and the school "
                "system more a decade later.",
                "On our board we could see the pressure coming. What we lacked was a way to "
                "show the value of what the centre did between services, the conversations "
                "in the corridor that turned into early help.",
            ),
            callout(
                "When you cut one part of a preventive system, measure what happens to the "
                "others. The savings and the costs rarely land in the same budget.",
                title="A lesson for commissioners",
                kind="warning",
            ),
            heading("Co-producing the early years"),
            para(
                "The centres that worked best, in my experience, were the ones where "
                "parents were treated as [[principle:people-as-assets|contributors, not "
                "clients]]. Parents ran groups, volunteered, sat on boards and became "
                "staff. Peer support between families carried much of the load, and the "
                "best staff saw their job as [[principle:facilitate-rather-than-deliver|"
                "hosting and connecting]] as much as delivering.",
                "If we rebuild early-years support, as some places are now doing through "
                "family hubs, we should design it with families from the start. "
                "[[method:experience-based-co-design|Experience-based co-design]] offers "
                "a tested way to do that: capture what using the service actually feels "
                "like, then let parents and staff redesign it together.",
            ),
            method_card("experience-based-co-design", "A tested route to co-designed services."),
            key_points(
                "Preventive services work as a system; cuts break the connections",
                "The benefits of prevention land in other budgets, years later",
                "Parents are part of the workforce of early-years support",
                title="Three lessons",
            ),
            references(
                (
                    "Cattan, S., Conti, G., Farquharson, C. and Ginja, R. (2019) The health "
                    "effects of Sure Start. London: Institute for Fiscal Studies.",
                    "https://ifs.org.uk/publications/health-effects-sure-start",
                ),
            ),
        ],
    },
    {
        "slug": "on-moving-fast-and-fixing-things",
        "title": "On moving fast and fixing things",
        "date": date(2022, 2, 14),
        "image": "moving-fast",
        "topics": ["commissioning", "innovation"],
        "summary": (
            "Commissioning and innovation are usually treated as opposites: one manages "
            "risk, the other takes it. Some places are learning to bring them together, "
            "and co-design with the people who use services is central to how."
        ),
        "methods": [
            ("experience-based-co-design", "Co-design inside a commissioning cycle."),
        ],
        "principles": [
            ("facilitate-rather-than-deliver", "Commissioners as convenors."),
        ],
        "body": [
            para(
                "Commissioning and innovation should belong together. Commissioners decide "
                "what public money buys; innovation is how services get better. Yet in "
                "most conversations I have, the two words only meet when someone is "
                "explaining why the first prevents the second.",
                "This essay is about why that happens, and what I have seen in places that "
                "are trying to close the gap.",
            ),
            heading("Two words that rarely meet"),
            para(
                "The standard commissioning cycle is tidy: analyse needs, plan, procure, "
                "monitor. It is designed to be fair, transparent and defensible, which is "
                "what we want from the spending of public money. But it assumes that we "
                "know what we need before we buy it, and that a specification written "
                "today will still be right in three years.",
                "Innovation starts from the opposite assumption. We do not yet know what "
                "works, so we try things, learn and adapt. A contract that pays for fixed "
                "outputs leaves little room for either.",
            ),
            heading("Why they pull apart"),
            para(
                "Three forces keep them apart. Procurement rules reward the lowest risk, "
                "and anything new looks risky. Contract monitoring counts activity, so "
                "providers are punished for changing what they do. And commissioning teams "
                "are rarely close enough to the people who use services to see what needs "
                "to change.",
            ),
            quote(
                "If the contract pays for the plan, nobody is paid to notice that the plan "
                "is wrong.",
                attribution=AUTHOR,
            ),
            heading("What places are learning"),
            para(
                "The places making progress share a few habits. They commission for "
                "outcomes and learning rather than fixed outputs, and they give providers "
                "permission, in writing, to change how they work. They build longer "
                "relationships with a smaller number of partners, sometimes through "
                "alliances rather than competition. And they bring people who use services "
                "into the design work before anything is procured.",
                "That last habit is the one most often skipped. "
                "[[method:experience-based-co-design|Experience-based co-design]] gives a "
                "structured way to do it within a commissioning timetable: staff and "
                "service users identify the moments that matter, then redesign them "
                "together. Shorter formats such as a series of "
                "[[method:deliberative-workshop|deliberative workshops]] can test ideas "
                "with a wider group before a specification is fixed.",
            ),
            callout(
                "Put the co-design phase before the specification is written, and budget "
                "for it. Co-design after procurement can only tweak what was bought.",
                title="Timing is everything",
                kind="tip",
            ),
            heading("Commissioning for learning"),
            para(
                "The deeper shift is in the commissioner's role: from buyer to "
                "[[principle:facilitate-rather-than-deliver|convenor]]. A commissioner who "
                "sees their job as creating the conditions for a local system to learn "
                "will ask different questions. Which partners need to be in the room? "
                "What data would help everyone improve? What are we prepared to stop "
                "doing?",
                "None of this makes risk disappear. It moves risk from the contract to the "
                "relationship, which is where it can actually be managed.",
            ),
            method_card("experience-based-co-design"),
            references(
                "Lowe, T., French, M., Hawkins, M., Hesselgreaves, H. and Wilson, R. (2021) "
                "Human Learning Systems: Public Service for the Real World. ThemPra Social "
                "Pedagogy.",
            ),
        ],
    },
    {
        "slug": "on-partnerships-for-transformation",
        "title": "On partnerships for transformation",
        "date": date(2022, 7, 4),
        "image": "partnerships",
        "topics": ["partnerships", "innovation"],
        "summary": (
            "After a decade of funding cuts, public-sector partnerships have been forced to "
            "innovate. But invention born of necessity is not always the kind of change "
            "communities need. What makes a partnership genuinely transformative?"
        ),
        "methods": [
            ("future-search", "Shared purpose across a whole system."),
            ("open-space", "Surfacing energy and ideas from the whole partnership."),
        ],
        "principles": [("reciprocity-and-mutuality", "Partnerships run on exchange.")],
        "body": [
            para(
                "It may seem an odd moment to write about innovation in public-sector "
                "partnerships. Councils have absorbed years of deep and sustained cuts, "
                "the voluntary sector is stretched thin, and the pandemic has exhausted "
                "almost everyone. Surely this is a time for holding on, not reinventing.",
                "And yet some of the most interesting partnership work I have seen has "
                "happened in exactly these conditions. The question is what kind of "
                "innovation it has been.",
            ),
            heading("Invention under pressure"),
            para(
                "Necessity does produce invention. Shared back offices, joint teams, pooled "
                "budgets and new delivery models have all emerged from the need to do more "
                "with less. Many are genuine improvements. Some have made services easier "
                "to reach and less duplicated.",
                "But pressure shapes the kind of invention we get. When the driving "
                "question is 'how do we save money?', the answers tend to be about "
                "efficiency: the same thing, done more cheaply. That is valuable, and it "
                "is not transformation.",
            ),
            heading("Necessity is a narrow teacher"),
            para(
                "Transformation asks a different question: what would better look like, "
                "from the point of view of the people we serve? Answering it usually means "
                "changing who is involved, not just how the work is organised. Residents, "
                "community groups and frontline staff see things that partnership boards "
                "do not.",
                "There is a second trap. Savings-driven change tends to concentrate "
                "decisions, because a smaller number of people can move faster. Yet the "
                "partnerships that genuinely changed outcomes, in my experience, did the "
                "opposite: they widened the circle. A youth partnership that let young "
                "people sit on its funding panel found that the programmes it backed were "
                "better attended and lasted longer. A health and housing partnership that "
                "asked tenants to map their own routes into services discovered that the "
                "front door everyone assumed was working was the one least used.",
                "Neither of those discoveries was expensive. Both required someone with "
                "authority to accept that the people closest to the problem might know "
                "something the partners did not.",
            ),
            quote(
                "Efficiency asks how to do the same thing for less. Transformation asks "
                "whether it is the right thing at all.",
                attribution=AUTHOR,
            ),
            heading("What transformative partnerships share"),
            para(
                "In the partnerships that have managed more than efficiency, I notice a "
                "few common features:",
                bullets(
                    "A shared purpose defined with, not only for, the community",
                    "Partners who each give something up, and can say what they get back",
                    "Permission for staff to work across organisational lines",
                    "A habit of learning together, including from failure",
                ),
                "The second of these is often the hardest. Partnerships run on "
                "[[principle:reciprocity-and-mutuality|reciprocity]], and when one partner "
                "carries all the risk or takes all the credit, the partnership becomes a "
                "contract in disguise.",
            ),
            heading("Starting well"),
            para(
                "How a partnership begins shapes what it can become. Processes that gather "
                "the whole system and look for common ground, such as "
                "[[method:future-search|Future Search]], give a partnership a shared story "
                "about where it has come from and where it is going. "
                "[[method:open-space|Open Space]] does something different but "
                "complementary: it shows where people's energy really lies, and lets them "
                "organise around it. A lighter-touch [[method:world-cafe|World Café]] can "
                "be a good first step when trust is low.",
            ),
            method_card("future-search"),
            method_card("open-space", "For when energy matters more than control."),
            key_points(
                "Cuts have produced real innovation, mostly of the efficiency kind",
                "Transformation depends on who is involved, not just on structures",
                "Partnerships need exchange: everyone gives and everyone gains",
            ),
        ],
    },
    {
        "slug": "on-why-innovations-dont-scale",
        "title": "On why innovations don't scale",
        "date": date(2023, 1, 16),
        "image": "scale",
        "topics": ["innovation", "public-services"],
        "summary": (
            "Good ideas in public services rarely travel intact, because places differ so "
            "much. How can organisations invest in the practices that drive innovation "
            "while remaining careful custodians of public money?"
        ),
        "methods": [
            ("appreciative-inquiry", "Finding what already works locally."),
        ],
        "principles": [("review-and-evaluate", "Learning is what travels.")],
        "body": [
            para(
                "Every few months I hear of a project that transformed something somewhere "
                "else: a new model of care, a community scheme, a way of working with "
                "families. Someone asks why we cannot simply do that here. Often the "
                "honest answer is that we could copy the model, but we could not copy "
                "the place.",
            ),
            heading("Context is not noise"),
            para(
                "Public service innovations are entangled with the places they come from. "
                "They depend on particular people, relationships, histories, buildings and "
                "budgets. When an evaluation reports that a programme 'worked', it is "
                "reporting on a specific combination of all of those, most of which will "
                "not be present anywhere else.",
                "This is why so many pilots shine and then fade when rolled out. The "
                "original team had a reason to care, freedom to adapt and a community that "
                "trusted them. The rollout has a specification and a deadline.",
            ),
            quote(
                "All models are wrong, but some are useful.",
                attribution="George E. P. Box",
                source="Robustness in the strategy of scientific model building (1979)",
            ),
            heading("Spread, not scale"),
            para(
                "A more useful word than scale is spread. Scaling implies copying a fixed "
                "thing into more places. Spreading implies that an idea is taken up, "
                "reshaped and made to fit. The unit that travels is not the model but the "
                "principle behind it, plus the practices that allowed it to develop.",
                "Methods that help a place notice what already works locally are "
                "underrated here. [[method:appreciative-inquiry|Appreciative inquiry]] "
                "starts from a team's best experiences and asks what made them possible. "
                "[[method:experience-based-co-design|Experience-based co-design]] grew "
                "from one hospital pilot into a widely used approach precisely because it "
                "spread as a method, not as a fixed set of changes.",
            ),
            heading("Custodians of public money"),
            para(
                "There is a real tension here. Public bodies are rightly expected to spend "
                "money carefully and to show what it bought. Supporting local adaptation "
                "looks messier than buying a proven programme off the shelf, and it takes "
                "longer to show results.",
                "But buying a programme that fails to fit is not careful. A better "
                "approach to stewardship funds the capacity to learn: time for staff to "
                "test and adapt, honest "
                "[[principle:review-and-evaluate|evaluation that reports failure]], and "
                "relationships with communities that can say early when something is not "
                "working.",
            ),
            callout(
                "Before adopting an innovation from elsewhere, ask what it depended on "
                "there, and which of those conditions you have, or could build, here.",
                title="A question to ask first",
            ),
            heading("Investing in the practices behind innovation"),
            para(
                "If I had a small budget for innovation, I would spend less of it on "
                "importing models and more on the practices that let good ideas grow "
                "locally: protected time for teams to experiment, routine conversations "
                "with the people who use services, and a way of sharing learning across "
                "places that is honest about context.",
            ),
            method_card("appreciative-inquiry", "Start from what already works here."),
            references(
                "Horton, T., Illingworth, J. and Warburton, W. (2018) The spread challenge. "
                "London: The Health Foundation.",
                "Greenhalgh, T. et al. (2017) 'Beyond adoption: a new framework for "
                "theorizing and evaluating nonadoption, abandonment, and challenges to the "
                "scale-up, spread, and sustainability of health and care technologies', "
                "Journal of Medical Internet Research, 19(11), e367.",
            ),
        ],
    },
    {
        "slug": "on-best-practice-engagement-and-participation",
        "title": "On best practice engagement and participation",
        "date": date(2023, 6, 5),
        "image": "best-practice",
        "topics": ["co-production", "communities", "public-services"],
        "summary": (
            "What a literature review says about effective participation, engagement and "
            "co-production: the principles that recur, the barriers that get in the way, "
            "the enablers that help and the factors that make the most difference."
        ),
        "methods": [],
        "principles": [
            ("make-a-difference", "The principle every framework shares."),
            ("feed-back-what-changed", "The most neglected enabler."),
            ("equality-diversity-and-accessibility", "Designing for everyone."),
            ("consult-at-a-formative-stage", "Timing."),
            ("representative-and-inclusive", "Who is in the room."),
            ("reach-people-facing-inequalities", "Going to people."),
            ("review-and-evaluate", "Learning from each process."),
            ("conscientious-consideration", "Weighing what people said."),
        ],
        "body": [
            para(
                "I recently worked on a review of the literature on what makes citizen "
                "participation, engagement and co-production effective. The sources ranged "
                "from academic studies to practitioner guides and the frameworks published "
                "by bodies such as Involve, SCIE, the OECD and NHS England. This essay "
                "pulls out the main findings.",
                "The headline is reassuring and a little depressing: we know a great deal "
                "about what good engagement looks like, and the same lessons recur across "
                "decades and sectors. The problem is not knowledge. It is practice.",
            ),
            heading("Principles that recur"),
            para(
                "Across the frameworks, a handful of principles appear again and again, "
                "whatever the wording:",
                bullets(
                    "[[principle:make-a-difference|Engagement must be able to make a "
                    "difference]], and be honest about how much",
                    "It should start [[principle:consult-at-a-formative-stage|early]], while "
                    "options are open",
                    "It should involve [[principle:representative-and-inclusive|the right "
                    "people]], not just the usual ones",
                    "It should be [[principle:equality-diversity-and-accessibility|"
                    "accessible]], with barriers to taking part removed",
                    "People should hear [[principle:feed-back-what-changed|what changed]] "
                    "as a result",
                    "Decision-makers should give what they hear "
                    "[[principle:conscientious-consideration|conscientious consideration]]",
                    "It should be [[principle:review-and-evaluate|reviewed]], and the lessons used",
                ),
            ),
            quote(
                "We do not lack principles for good engagement. We lack the habit of "
                "keeping them when the deadline arrives.",
                attribution=AUTHOR,
            ),
            heading("Barriers"),
            para(
                "The barriers are just as consistent. The most frequently cited is the gap "
                "between rhetoric and practice: organisations that describe themselves as "
                "community-led but make decisions the old way. Close behind are "
                "consultation fatigue, especially in areas that have been asked the same "
                "questions many times; short-term funding cycles that end before "
                "relationships form; professional resistance to sharing control; and "
                "perceived risk, the worry that engagement will raise expectations that "
                "cannot be met.",
            ),
            heading("Enablers"),
            para(
                "The enablers mirror the barriers. Leadership commitment, meaning leaders "
                "who say in public that they will act on what they hear, comes first. "
                "Feeding back what changed is the most neglected and among the most "
                "powerful. Resourcing participation properly, including paying people for "
                "their time and meeting access needs, widens who takes part. And involving "
                "people early, before options have hardened, changes the quality of "
                "everything that follows.",
            ),
            key_points(
                "Leadership commitment, stated publicly",
                "Feedback that tells people what changed",
                "Payment, access support and accessible formats",
                "Involvement before options are fixed",
                title="The enablers that matter most",
            ),
            heading("Factors that make a difference"),
            para(
                "Beyond principles, a few factors separate engagement that influences "
                "decisions from engagement that does not. The first is a clear link to a "
                "decision and a named decision-maker. The second is choosing a method that "
                "fits the question: a [[method:citizens-assembly|citizens' assembly]] for "
                "a contested trade-off, a [[method:standing-citizens-panel|standing "
                "panel]] for regular temperature checks, and so on. The third is "
                "[[principle:reach-people-facing-inequalities|going to people]] rather "
                "than waiting for them, usually through organisations they already trust.",
                "The final factor is time. Engagement that is squeezed into a few weeks "
                "at the end of a policy process rarely achieves much, however well it is "
                "run.",
            ),
            callout(
                "Before choosing a method, write down what could change as a result of "
                "the engagement and who will decide. If you cannot, stop and ask whether "
                "to engage yet.",
                title="Start with the decision",
                kind="tip",
            ),
            references(
                "Involve (2005) People and Participation: how to put citizens at the heart "
                "of decision-making. London: Involve.",
                (
                    "NHS England (2022) Working in partnership with people and communities: "
                    "statutory guidance.",
                    "https://www.england.nhs.uk/publication/"
                    "working-in-partnership-with-people-and-communities-statutory-guidance/",
                ),
                "OECD (2020) Innovative Citizen Participation and New Democratic "
                "Institutions: Catching the Deliberative Wave. Paris: OECD Publishing.",
                "Social Care Institute for Excellence (2022) Co-production: what it is and "
                "how to do it.",
            ),
        ],
    },
    {
        "slug": "on-engagement-methods",
        "title": "On engagement methods",
        "date": date(2024, 2, 19),
        "image": "methods",
        "topics": ["communities", "public-services"],
        "summary": (
            "There is no single right model for how communities and institutions work "
            "together, but a family of approaches, best understood as a spectrum. How to "
            "choose between them by context, challenge, issues and assets."
        ),
        "methods": [
            ("citizens-assembly", "Deliberation on contested trade-offs."),
            ("citizens-jury", "A smaller deliberative option."),
            ("deliberative-poll", "Measuring considered opinion."),
            ("standing-citizens-panel", "Regular consultation infrastructure."),
            ("focus-group", "Understanding experience."),
            ("statutory-consultation", "The legal floor."),
            ("world-cafe", "Large-group conversation."),
            ("open-space", "Self-organising events."),
            ("experience-based-co-design", "Co-design with service users."),
            ("planning-for-real", "Place-based ideas."),
            ("participatory-budgeting", "Residents decide on spending."),
            ("asset-based-community-development", "Community-led action."),
        ],
        "principles": [("make-a-difference", "The test for choosing any method.")],
        "body": [
            para(
                "People often ask me for the best model of community engagement. I "
                "understand the wish, but there is no such thing. There is a family of "
                "approaches, from consultation to co-design to community-led action, and "
                "the right one depends on the particular mix of context, challenge, issues "
                "and assets in front of you.",
            ),
            heading("No single model"),
            para(
                "The relationship between a community and an institution is not one thing. "
                "A council may be informing residents about bin collections, consulting "
                "them on a local plan, co-designing a youth service with young people and "
                "funding a resident-led food network, all in the same week. Each of those "
                "calls for a different kind of relationship and a different method.",
                "The mistake I see most often is reaching for a familiar method before "
                "asking what the engagement is for. A survey gets run because surveys are "
                "what the team knows how to do.",
            ),
            heading("A spectrum, not a ladder"),
            para(
                "A useful way to organise the family is by how much influence participants "
                "will have. The widely used public participation spectrum runs from "
                "informing people, through consulting, involving and collaborating with "
                "them, to empowering them to decide. Community-led work sits outside that "
                "line, because the community sets the agenda rather than being invited "
                "into someone else's.",
                "I prefer to think of it as a spectrum rather than a ladder. Arnstein's "
                "famous ladder implied that higher is always better. It is not. Informing "
                "people well is exactly right when a decision is genuinely fixed, and "
                "pretending to consult would be worse.",
            ),
            quote(
                "Choose the question first, the people second and the method last.",
                attribution=AUTHOR,
            ),
            heading("Families of approaches"),
            para(
                "Deliberative mini-publics, such as a "
                "[[method:citizens-assembly|citizens' assembly]], a "
                "[[method:citizens-jury|citizens' jury]], a "
                "[[method:planning-cell|planning cell]] or a "
                "[[method:consensus-conference|consensus conference]], bring a "
                "representative group together to learn and deliberate. A "
                "[[method:deliberative-poll|deliberative poll]] measures how opinion "
                "changes when people are informed.",
                "Consultation and research methods, including "
                "[[method:statutory-consultation|formal consultation]], "
                "[[method:focus-group|focus groups]] and "
                "[[method:standing-citizens-panel|standing panels]], gather views and "
                "experiences. Large-group dialogue formats such as "
                "[[method:world-cafe|World Café]] and [[method:open-space|Open Space]] "
                "generate ideas and relationships.",
                "Co-design approaches like "
                "[[method:experience-based-co-design|experience-based co-design]] "
                "redesign services with the people who use them. "
                "[[method:participatory-budgeting|Participatory budgeting]] hands "
                "decisions about money to residents. And community development approaches "
                "such as [[method:planning-for-real|Planning for Real]] and "
                "[[method:asset-based-community-development|asset-based community "
                "development]] start from what a community already has.",
            ),
            method_card("citizens-assembly", "The flagship deliberative method."),
            method_card("participatory-budgeting", "Where residents make the decision."),
            heading("Choosing by context"),
            para(
                "Four questions narrow the choice quickly. What could change as a result, "
                "and who decides? How much influence are you able to offer? Who needs to "
                "be involved, and how many of them? What time and money do you have? The "
                "answers will usually rule out most of the family and leave two or three "
                "serious candidates.",
                "Often the best answer is a combination: a consultation open to everyone, "
                "with a deliberative process on the hardest trade-off and targeted work "
                "with groups who rarely respond.",
            ),
            key_points(
                "There is no best method, only a best fit for a purpose",
                "Place each method on the spectrum of influence before choosing",
                "Higher on the spectrum is not always better",
                "Combining methods is often the right answer",
            ),
            references(
                ARNSTEIN,
                "Involve (2005) People and Participation: how to put citizens at the heart "
                "of decision-making. London: Involve.",
            ),
        ],
    },
    {
        "slug": "on-embedding-an-engagement-culture",
        "title": "On embedding an engagement culture",
        "date": date(2024, 9, 9),
        "image": "culture",
        "topics": ["public-services", "communities"],
        "summary": (
            "Moving beyond short-term projects focused on local needs to a deeper, more "
            "systemic way of working with communities: the factors worth considering if "
            "engagement is to become how an organisation works, not something it does."
        ),
        "methods": [
            ("standing-citizens-panel", "Infrastructure for regular engagement."),
        ],
        "principles": [
            ("feed-back-what-changed", "The habit that builds trust."),
            ("make-a-difference", "The reason people keep taking part."),
        ],
        "body": [
            para(
                "Most organisations that want to work more closely with communities start "
                "with a project. A consultation on a new strategy, a co-design exercise, a "
                "community fund. The project goes well, people are pleased, and then the "
                "organisation returns to its usual way of working until the next one.",
                "The challenge is to move from engagement as a series of initiatives to "
                "engagement as a culture: the way decisions are made, routinely, "
                "everywhere. From what I have seen and learned, a handful of factors make "
                "the difference.",
            ),
            heading("Beyond the project"),
            para(
                "Projects have a beginning and an end, a budget and a team. Culture has "
                "none of those. It lives in small, repeated habits: who gets invited to the "
                "meeting, whether a report includes what residents said, whether a manager "
                "asks 'who have we talked to?' before signing something off.",
                "That is why culture change is slow, and why it cannot be delegated to an "
                "engagement team. An engagement team can support, advise and build "
                "capacity. It cannot make the rest of the organisation listen.",
            ),
            heading("From needs to relationships"),
            para(
                "Short-term initiatives tend to be organised around needs: this area has "
                "high unemployment, this group has poor health outcomes. That framing is "
                "understandable, but it casts residents as problems to be solved. A deeper "
                "approach builds relationships that continue whether or not there is a "
                "current problem, so that when a decision does come up, trust already "
                "exists.",
            ),
            quote(
                "Trust is built between consultations, not during them.",
                attribution=AUTHOR,
            ),
            heading("Factors worth considering"),
            para(
                "These are the factors I would look at first in any organisation trying "
                "to embed engagement:",
                bullets(
                    "<b>Leadership</b> that models listening and says publicly what it "
                    "will do with what it hears",
                    "<b>Feedback</b> as a routine: every engagement ends with people hearing "
                    "what changed",
                    "<b>Standing infrastructure</b>, such as panels, forums and funded "
                    "community partners, so that engagement does not restart from zero",
                    "<b>Skills</b> spread across the organisation, not concentrated in one team",
                    "<b>Governance</b> that asks for evidence of engagement in decision papers",
                    "<b>Resources</b> for participation, including payment for people's time",
                ),
                "Of these, feedback is the cheapest to fix and the most often neglected. "
                "[[principle:feed-back-what-changed|Telling people what changed]] is what "
                "turns a one-off consultation into a relationship.",
            ),
            heading("Infrastructure that lasts"),
            para(
                "Standing arrangements matter because they outlive projects. A "
                "[[method:standing-citizens-panel|standing citizens' panel]] gives an "
                "organisation a ready, balanced group to ask, and a channel to report "
                "back. Regular [[method:deliberative-workshop|deliberative workshops]] "
                "drawn from such a panel can add depth on particular decisions without "
                "the cost of recruiting from scratch. Long-term funded partnerships with "
                "community organisations do the same for groups that panels struggle to "
                "reach.",
                "Infrastructure alone does not create culture, but it makes the right "
                "behaviour easier and the wrong behaviour more visible.",
            ),
            method_card("standing-citizens-panel", "Engagement infrastructure that lasts."),
            callout(
                "Add one line to every decision template: 'What did the people affected "
                "tell us, and what did we do about it?' It will not change culture on its "
                "own, but it makes the gap visible.",
                title="A small change with large effects",
                kind="tip",
            ),
        ],
    },
    {
        "slug": "on-investing-in-communities",
        "title": "On investing in communities",
        "date": date(2025, 3, 3),
        "image": "investing",
        "topics": ["community-investment", "place"],
        "summary": (
            "Community engagement has a long, chequered history tied to area-based "
            "regeneration funding, where communities had to be involved in deciding how "
            "money was spent. What that history teaches about investing in communities now."
        ),
        "methods": [
            ("participatory-budgeting", "Residents deciding on spending."),
            ("asset-based-community-development", "Starting from what is already there."),
        ],
        "principles": [("people-as-assets", "The shift area-based funding often missed.")],
        "body": [
            para(
                "Community engagement in the UK has a long and uneven history, and much of "
                "it is bound up with money. From the 1990s onwards, successive governments "
                "funded programmes aimed at the most deprived neighbourhoods, and most of "
                "them required local people to be involved in deciding how the money was "
                "spent.",
                "Looking back over that history is useful now, as a new generation of "
                "place-based funds asks communities to take the lead once again.",
            ),
            heading("A long and chequered history"),
            para(
                "The Single Regeneration Budget, the New Deal for Communities, the "
                "Neighbourhood Renewal Fund and many smaller schemes each set out to "
                "tackle the causes of deprivation in particular places. The New Deal for "
                "Communities was the most ambitious: from 1998, thirty-nine areas each "
                "received around £50 million over ten years, with residents sitting on "
                "the boards that decided how to spend it.",
                "The official evaluation found real improvements, particularly in how "
                "people felt about their area, alongside smaller changes in outcomes such "
                "as worklessness that were hard to separate from wider trends. It also "
                "found that involving residents was harder, slower and more contested "
                "than anyone had expected.",
            ),
            quote(
                "Communities were asked to take part in spending the money. They were "
                "rarely asked whether this was the right money, in the right place, for "
                "the right length of time.",
                attribution=AUTHOR,
            ),
            heading("What area-based funding taught us"),
            para(
                "Three lessons stand out. First, timescales matter. Programmes that "
                "expected transformation in three years produced frantic spending and "
                "exhausted volunteers; those with ten-year horizons did better. Second, "
                "involvement on someone else's terms wears people out. Residents on "
                "boards spent much of their time reading papers written for officials. "
                "Third, when the money stopped, much of the capacity it had built stopped "
                "too.",
                "The more recent Big Local programme learned from this. From 2012, Local "
                "Trust gave 150 neighbourhoods at least £1 million each to spend over ten "
                "to fifteen years, with residents in charge and very few strings attached. "
                "It is a different model: patient, resident-led and built on what places "
                "already have.",
            ),
            heading("Who decides"),
            para(
                "The question at the heart of all this is who decides. Many schemes "
                "involved residents in allocation without giving them real control. "
                "[[method:participatory-budgeting|Participatory budgeting]] offers a "
                "clearer deal: a defined sum, transparent rules and a binding vote. "
                "Community-led approaches such as "
                "[[method:asset-based-community-development|asset-based community "
                "development]] go further, starting from the skills, groups and places a "
                "community already has rather than from a list of deficits. Gathering "
                "ideas around a physical model, as in "
                "[[method:planning-for-real|Planning for Real]], can bring in people who "
                "would never join a board.",
            ),
            method_card("participatory-budgeting"),
            method_card("asset-based-community-development"),
            heading("Investing for the long term"),
            para(
                "If I were designing a community investment programme today, I would hold "
                "on to a few principles. Fund for at least a decade. Give residents real "
                "decisions, not seats at someone else's table. Invest in "
                "[[principle:people-as-assets|people and relationships]], not only "
                "projects. And plan from the start for what will remain when the money "
                "ends.",
            ),
            key_points(
                "Short programmes exhaust communities; patient money builds them",
                "Involvement on officials' terms is not the same as control",
                "Start from what a community has, not only from what it lacks",
                "Plan for what remains when the funding ends",
            ),
            references(
                "Batty, E. et al. (2010) The New Deal for Communities Experience: A final "
                "assessment. London: Department for Communities and Local Government.",
                ("Local Trust, Big Local", "https://localtrust.org.uk/big-local/"),
                KRETZMANN_MCKNIGHT,
            ),
        ],
    },
]
