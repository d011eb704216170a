"""Hounslow's multi-agency training, from the yearly report 2023-24 (section 8, "Training").

What the report says: the Training and Development Manager started in August 2023; the Board
agreed the joint training strategy in September 2023 (the meeting is in the governance demo); a
training needs analysis launched in November 2023 had a low response rate but showed demand for
neglect and adolescent safeguarding training; the full multi-agency programme launched in March
2024, on the 2021-24 priorities (child sexual abuse, neglect, adolescents, vulnerable children in
education), mostly delivered by practitioners and managers from the partnership's agencies, with
a brochure refreshed quarterly; face-to-face suicide prevention and online harm training were
still to be developed.

Invented, because the report is silent: the practitioners who booked, the venues, who came, the
charges, the evaluations and the follow-up answers, and the coming term's sessions (live work,
dated around the day the demo was written, see masa/demo/load_day.py). Nothing between April
2024 and the coming term is shown.
"""

from datetime import date
from typing import Any

# The partnership's policy: charges for places not used, and when impact follow-ups go.
POLICY: dict[str, Any] = {
    "cancellation_cutoff_days": 5,
    "no_show_charge": "50.00",
    "late_cancellation_charge": "25.00",
    "follow_up_weeks": 6,
    "invoice_contact": "HSCP Business Team, hscp@hounslow.example.org",
}

# Work email domains whose holders may register to book (agency key from structure_data).
REGISTRATION_DOMAINS = [
    ("hounslow.example.org", "lb_hounslow"),
    ("hrch.example.org", "hrch"),
    ("westlondon.example.org", "west_london_nhs_trust"),
    ("chelwest.example.org", "chelwest"),
    ("met.example.org", "met_police_west"),
    ("hounslowschools.example.org", "hounslow_education"),
    ("hounslowvcs.example.org", "hounslow_vcs"),
]

NEEDS_ANALYSIS: dict[str, Any] = {
    "title": "Multi-agency training needs analysis 2023",
    "opens_on": date(2023, 11, 1),
    "closes_on": date(2023, 12, 15),
    "introduction": (
        "Tell us what safeguarding training your staff need, at every level, so the partnership's "
        "programme meets the needs of all professionals working with children in Hounslow."
    ),
    # Topic, and the 2021-24 priority it serves (None: a need beyond the priorities).
    "topics": [
        ("Neglect", "Neglect"),
        ("Adolescent safeguarding and exploitation", "Safeguarding Adolescents"),
        ("Child sexual abuse", "Child Sexual Abuse (CSA)"),
        ("Vulnerable children in education", "Vulnerable children in education"),
        ("Online harm", None),
        ("Mental health, self-harm and suicide prevention", None),
    ],
    # Few agencies answered (the report: "a low response rate"). Staff needing training per
    # topic (in the order above) at foundation, intermediate and advanced levels.
    "responses": [
        (
            "lb_hounslow",
            [(10, 25, 8), (12, 30, 10), (5, 12, 6), (4, 8, 2), (6, 10, 3), (5, 9, 4)],
            "Social workers new to Hounslow ask for the neglect toolkit in practice.",
        ),
        (
            "hrch",
            [(20, 18, 4), (8, 10, 2), (6, 8, 2), (2, 4, 0), (4, 3, 0), (6, 5, 1)],
            "Health visitors and school nurses want neglect and adolescent sessions they can reach.",
        ),
        ("west_london_nhs_trust", [(4, 6, 2), (10, 14, 6), (2, 4, 2), (1, 2, 0), (5, 6, 2), (8, 10, 6)], ""),
        (
            "hounslow_education",
            [(15, 10, 2), (12, 16, 4), (6, 6, 2), (10, 12, 5), (8, 6, 2), (6, 8, 2)],
            "Designated safeguarding leads ask for training on adolescents and attendance.",
        ),
        (
            "hounslow_vcs",
            [(8, 4, 0), (6, 4, 0), (4, 2, 0), (2, 1, 0), (4, 2, 0), (3, 2, 0)],
            "Community groups would like short sessions in the evening.",
        ),
    ],
}

# Courses of the programme launched in March 2024. Priority titles as in the 2021-24 plan.
COURSES: list[dict[str, Any]] = [
    {
        "slug": "neglect-quality-of-care",
        "title": "Neglect: recognising it early and using the Quality of Care tool",
        "summary": (
            "How neglect shows itself at every age, what it does to children over time, and how "
            "to use the Quality of Care tool with families and with each other."
        ),
        "level": "intermediate",
        "audience": "Practitioners and first-line managers in every agency working with children",
        "outcomes": [
            "Recognise the signs and cumulative impact of neglect",
            "Use the Quality of Care tool to assess and to show change",
            "Know when and how to escalate when neglect persists",
        ],
        "priorities": ["Neglect"],
        "topics": ["Neglect"],
        "cpd_hours": "3.0",
        "trainer": "Multi-agency trainer pool (Children's Social Care and health visiting)",
    },
    {
        "slug": "safeguarding-adolescents",
        "title": "Safeguarding adolescents: exploitation and harm outside the home",
        "summary": (
            "Contextual safeguarding, criminal and sexual exploitation, going missing, and how the "
            "MACE arrangements work in Hounslow."
        ),
        "level": "intermediate",
        "audience": "Practitioners working with young people aged 10 to 18",
        "outcomes": [
            "Recognise the signs of exploitation and harm outside the home",
            "Make a good referral to MACE and know what happens next",
            "Work with young people's own view of risk",
        ],
        "priorities": ["Safeguarding Adolescents"],
        "topics": ["Adolescent safeguarding and exploitation"],
        "cpd_hours": "3.0",
        "trainer": "Adolescent Safeguarding Service",
    },
    {
        "slug": "child-sexual-abuse",
        "title": "Child sexual abuse: identifying and responding to concerns",
        "summary": (
            "The bespoke multi-agency course from Hounslow's CSA strategy: noticing signs, talking "
            "with children, and acting on concerns, including abuse within the family."
        ),
        "level": "intermediate",
        "audience": "Practitioners in schools, health, early years and the voluntary sector",
        "outcomes": [
            "Identify the signs and indicators of child sexual abuse",
            "Have a helpful conversation with a child who may be being abused",
            "Know the local pathway, including the NWL CSA hub",
        ],
        "priorities": ["Child Sexual Abuse (CSA)"],
        "topics": ["Child sexual abuse"],
        "cpd_hours": "3.5",
        "trainer": "Children's Social Care CSA leads",
    },
    {
        "slug": "vulnerable-children-in-education",
        "title": "Vulnerable children in education: attendance, exclusion and children missing education",
        "summary": (
            "Why absence and exclusion are safeguarding matters, and how schools and partners act "
            "together for children missing education."
        ),
        "level": "foundation",
        "audience": "School staff, designated safeguarding leads and partners working with schools",
        "outcomes": [
            "See attendance and exclusion as safeguarding concerns",
            "Know the steps for a child missing education",
            "Share information with partners at the right time",
        ],
        "priorities": ["Vulnerable children in education"],
        "topics": ["Vulnerable children in education"],
        "cpd_hours": "2.0",
        "trainer": "Education Safeguarding Advisor and the Attendance Service",
    },
]

# Still being developed (the report: online harm and suicide prevention training to come).
DRAFT_COURSE: dict[str, Any] = {
    "slug": "online-harm-and-mental-health",
    "title": "Online harm and its links with mental health",
    "summary": "In preparation with the Practice Development Group.",
    "level": "intermediate",
    "audience": "Practitioners working with children and young people",
    "outcomes": ["Understand online harm and its links with mental health"],
    "priorities": [],
    "topics": ["Online harm"],
    "cpd_hours": "2.5",
    "trainer": "Practice Development Group",
}

VENUE = "Hounslow House, 7 Bath Road, Hounslow TW3 3EB, training room 2"

# The launch sessions of March 2024: course slug, day, start and end (24-hour), capacity.
LAUNCH_SESSIONS = [
    ("neglect-quality-of-care", date(2024, 3, 5), "09:30", "12:30", 20),
    ("safeguarding-adolescents", date(2024, 3, 12), "13:30", "16:30", 20),
    ("child-sexual-abuse", date(2024, 3, 19), "09:30", "13:00", 18),
    ("vulnerable-children-in-education", date(2024, 3, 26), "15:30", "17:30", 25),
]

# The coming term (live work around the day the demo was written), online and in person.
COMING_SESSIONS = [
    ("neglect-quality-of-care", date(2026, 12, 8), "09:30", "12:30", 20, ""),
    (
        "safeguarding-adolescents",
        date(2027, 1, 14),
        "13:30",
        "16:30",
        20,
        "https://meet.example.org/hscp-adolescents",
    ),
    ("child-sexual-abuse", date(2027, 2, 4), "09:30", "13:00", 18, ""),
    (
        "vulnerable-children-in-education",
        date(2026, 12, 10),
        "15:30",
        "17:30",
        6,
        "https://meet.example.org/hscp-education",
    ),
    ("neglect-quality-of-care", date(2027, 3, 9), "09:30", "12:30", 20, ""),
]

# Practitioners who booked (invented): name, agency key, email domain.
PRACTITIONERS = [
    ("Amara Okonjo", "lb_hounslow"),
    ("Ben Fairclough", "lb_hounslow"),
    ("Carys Whitlow", "lb_hounslow"),
    ("Dev Raghunathan", "lb_hounslow"),
    ("Elif Sarraf", "lb_hounslow"),
    ("Femi Adebanjo", "lb_hounslow"),
    ("Gemma Holtby", "hrch"),
    ("Hana Kowalczyk", "hrch"),
    ("Isla McCorquodale", "hrch"),
    ("Jai Bhattacharya", "hrch"),
    ("Kezia Lamptey", "hrch"),
    ("Liam O'Rourke", "west_london_nhs_trust"),
    ("Maya Sorensen", "west_london_nhs_trust"),
    ("Nikhil Varma", "chelwest"),
    ("Orla Brennan", "chelwest"),
    ("Priya Chandrasekar", "met_police_west"),
    ("Quentin Abara", "met_police_west"),
    ("Rhian Tudor-Jones", "hounslow_education"),
    ("Sanjay Mistry", "hounslow_education"),
    ("Tomasz Wiśniewski", "hounslow_education"),
    ("Uma Patel-Greaves", "hounslow_education"),
    ("Victoria Osei", "hounslow_education"),
    ("Wendell Carrington", "hounslow_vcs"),
    ("Yasmin El-Amin", "hounslow_vcs"),
]

EMAIL_DOMAINS = {agency: domain for domain, agency in REGISTRATION_DOMAINS}

# Who came to each launch session: practitioner numbers (index into PRACTITIONERS) with what
# happened: "a" attended, "l" attended late, "n" did not attend, "c" cancelled inside the
# cut-off, "x" cancelled in good time.
LAUNCH_BOOKINGS = {
    "neglect-quality-of-care": "a" * 6 + "al" + "aaaa" + "n" + "aaa" + "c",
    "safeguarding-adolescents": "aaaaaa" + "x" + "aaaaa" + "aaaa" + "n" + "a",
    "child-sexual-abuse": "aaaaa" + "l" + "aaaa" + "aaa" + "x",
    "vulnerable-children-in-education": "aa" + "aaaaa" + "n" + "aaaaaa" + "a",
}

# The no-show at the education session was off sick: the coordinator waived the charge.
WAIVED = ("vulnerable-children-in-education", "Off sick on the day; manager told the team the day before.")

# Evaluations: (confidence before, after, usefulness) by the attendee's position in the list,
# repeating; a few attendees did not send one (every seventh).
EVALUATION_PATTERN = [(2, 4, 5), (3, 4, 4), (2, 5, 5), (3, 5, 4), (1, 4, 5), (3, 4, 5), (2, 4, 4)]

BEST_THINGS = [
    "Practising the Quality of Care tool on a real (anonymised) case.",
    "Hearing how police and social care see the same young person differently.",
    "Practising what to say when a child starts to tell you something.",
    "Understanding the steps for a child missing education.",
]

# Impact follow-ups six weeks on: the attendee's answer (quotable) per course.
IMPACT_ANSWERS = {
    "neglect-quality-of-care": (
        "I used the Quality of Care tool with a family at a core group and, for the first time, "
        "all of us could see what had changed and what had not.",
        "The family's plan now names the home conditions we will check, so the child's needs are "
        "not lost between visits.",
    ),
    "safeguarding-adolescents": (
        "I referred a young person to MACE with the information the panel needs, instead of "
        "waiting for a second missing episode.",
        "A safety plan was in place within a week.",
    ),
    "child-sexual-abuse": (
        "I noticed and recorded a child's comments and talked with our designated lead the same day.",
        "The concern went to the MASH with clear information and a strategy discussion followed.",
    ),
    "vulnerable-children-in-education": (
        "We now check the safeguarding file for every child on a reduced timetable.",
        "Two children on part-time timetables are back in full-time education.",
    ),
}
