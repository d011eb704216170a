"""The demo's voice of children and families: Hounslow's Youth Council and Corporate Parenting
Board in 2023-24, and what the partnership did (docs/domain.md, "Voice of children and families").

The yearly report says the partnership seeks young people's views through the Youth Council, the
Corporate Parenting Board and other groups, that staff attend at their invitation, and what the
partnership learned that year: online harm and its links with adolescent mental health (adopted
as a 2024-27 priority; "professionals have knowledge of the language and culture of children and
young people"), and, from the learning review of a care leaver, the questions "Does our focus
shift when a young person turns 18?" and "How do we promote contact with family beyond 18
years?". The report records no session of either forum, so the dates and the numbers who took
part are invented; what was said and done follows the report. Ealing and Hillingdon: none.
"""

from datetime import date

VOICE: dict[str, list[dict]] = {
    "hounslow": [
        {
            "title": "Youth Council session on staying safe online",
            "held_on": date(2024, 1, 23),
            "kind": "youth_council",
            "forum": "Hounslow Youth Council",
            "counts": {
                "aged_11_to_15": 8,
                "aged_16_to_17": 6,
                "aged_18_to_25": 2,
                "care_experienced": 2,
                "young_carers": 1,
            },
            "what_they_said": (
                "Young people said online harm is part of everyday life: scams, exploitation and "
                "websites that encourage self-harm. They said adults often do not understand the apps "
                "or the language young people use, so they do not tell them when something goes wrong, "
                "and that what they see online affects their mental health."
            ),
            "entries": [
                {
                    "you_said": "Adults do not understand the apps and the language we use online.",
                    "we_did": (
                        "The safeguarding partners made online harm a priority of the partnership for "
                        "2024 to 2027, so that professionals learn the language and culture of "
                        "children and young people online."
                    ),
                    "status": "done",
                    "published": True,
                    "actions": ["Propose online harm as a 2024-27 priority to the Board"],
                },
                {
                    "you_said": (
                        "Some websites encourage young people to harm themselves, and what we see "
                        "online affects our mental health."
                    ),
                    "we_did": (
                        "We are planning a focused online harm course for practitioners, including the "
                        "links between online harm and mental health, through the Practice "
                        "Development Sub-Group."
                    ),
                    "status": "planned",
                    "published": True,
                    "actions": [],
                },
            ],
        },
        {
            "title": "Corporate Parenting Board: care leavers on turning 18",
            "held_on": date(2024, 3, 19),
            "kind": "board",
            "forum": "Corporate Parenting Board",
            "counts": {"aged_16_to_17": 3, "aged_18_to_25": 5, "care_experienced": 8},
            "what_they_said": (
                "Care-experienced young people said support changes suddenly at 18, that planning for "
                "adulthood starts too late, and that they want help to keep in touch with their "
                "families after 18."
            ),
            "entries": [
                {
                    "you_said": "Support changes suddenly when you turn 18, and planning starts too late.",
                    "we_did": (
                        "The safeguarding partners are answering the question “Does our focus shift "
                        "when a young person turns 18?”, and are looking at earlier pathway planning "
                        "and safety planning for the move to adulthood."
                    ),
                    "status": "planned",
                    "published": True,
                    "actions": [],
                },
                {
                    "you_said": "We want help to keep in touch with our families after 18.",
                    "we_did": (
                        "How the partnership promotes contact with family beyond 18 years is one of the "
                        "six questions the safeguarding partners are considering."
                    ),
                    "status": "planned",
                    "published": False,
                    "actions": [],
                },
            ],
        },
    ],
}
