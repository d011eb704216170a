"""Demo data: the structure of three London safeguarding children partnerships.

Pure data, no Django imports. Hounslow follows the HSCP Multi-Agency Safeguarding Arrangements
(agreed December 2024) and the HSCP Yearly Report 2023-24: vision, values, principles, relevant
agencies, role titles, groups and strategic priorities are taken from those documents. Ealing and
Hillingdon are plausible, smaller neighbours on the same police Basic Command Unit (West Area) and
the same integrated care board (North West London), so the police and ICB agencies and their
LSPs and DSPs are shared across all three partnerships.

Every person's name is invented: the documents give role titles only.

Shape of each partnership dict:
    slug, name, short_name, local_authority, la_code, vision,
    values: [{title, description}], principles: [{title, description}],
    agencies: [{key, name, type, status, description}],
    people: [{key, name, job_title, agency, email, role}],
    groups: [{key, name, short_name, kind, purpose, people, process, chair, quorum,
              min_meetings_per_year, reports_to, members: [[person_key, "voting"|"advisory"]]}],
    plans: [{title, start_year, end_year, priorities: [{title, description, objectives}]}]
"""

# ---------------------------------------------------------------------------------------------
# Shared across partnerships: one organisation, one name (Agency.name is unique).
# ---------------------------------------------------------------------------------------------

_MET_POLICE_WEST: dict = {
    "key": "met_police_west",
    "name": "Metropolitan Police Service West Area Basic Command Unit",
    "type": "police",
    "status": "statutory_partner",
    "description": (
        "Police statutory safeguarding partner. The West Area Basic Command Unit covers the "
        "London Boroughs of Ealing, Hillingdon and Hounslow."
    ),
}

_NHS_NWL_ICB: dict = {
    "key": "nhs_nwl_icb",
    "name": "NHS North West London Integrated Care Board",
    "type": "icb",
    "status": "statutory_partner",
    "description": (
        "Health statutory safeguarding partner for the eight North West London boroughs, "
        "including Ealing, Hillingdon and Hounslow; employs the designated safeguarding "
        "professionals."
    ),
}

_PROBATION: dict = {
    "key": "probation",
    "name": "National Probation Service",
    "type": "probation",
    "status": "relevant_agency",
    "description": (
        "Probation (now the Probation Service, part of HM Prison and Probation Service), "
        "London region: supervision of adults on licence or community orders, including "
        "parents and carers."
    ),
}

_LONDON_FIRE_BRIGADE: dict = {
    "key": "london_fire_brigade",
    "name": "London Fire Brigade",
    "type": "fire",
    "status": "relevant_agency",
    "description": (
        "Fire and rescue service; home fire safety visits identify children at risk and "
        "the brigade contributes to partnership funding."
    ),
}

_CAFCASS: dict = {
    "key": "cafcass",
    "name": "Cafcass",
    "type": "other",
    "status": "relevant_agency",
    "description": (
        "Children and Family Court Advisory and Support Service: represents children in "
        "family court proceedings."
    ),
}

_WEST_LONDON_NHS_TRUST: dict = {
    "key": "west_london_nhs_trust",
    "name": "West London NHS Trust",
    "type": "health",
    "status": "relevant_agency",
    "description": (
        "Mental health services, including Child and Adolescent Mental Health Services "
        "(CAMHS), for Ealing, Hammersmith and Fulham and Hounslow."
    ),
}

# One police DSP and one ICB DSP (and their LSPs) cover all three boroughs: same person, same
# name, same email in each partnership.

_MET_LSP: dict = {
    "key": "met_lsp",
    "name": "Helena Marchetti-Byrne",
    "job_title": "Assistant Commissioner, Metropolitan Police",
    "agency": "met_police_west",
    "email": "helena.marchetti-byrne@met.example.org",
    "role": "lsp",
}

_MET_DSP: dict = {
    "key": "met_dsp",
    "name": "Daniel Achterberg",
    "job_title": "Chief Superintendent, West Area Basic Command Unit, Metropolitan Police",
    "agency": "met_police_west",
    "email": "daniel.achterberg@met.example.org",
    "role": "dsp",
}

_ICB_LSP: dict = {
    "key": "icb_lsp",
    "name": "Marguerite Oduya",
    "job_title": "Chief Accountable Officer, North West London Integrated Care Board",
    "agency": "nhs_nwl_icb",
    "email": "marguerite.oduya@nwlicb.example.org",
    "role": "lsp",
}

_ICB_DSP: dict = {
    "key": "icb_dsp",
    "name": "Fionnuala Adeyemi",
    "job_title": "Chief Nurse, North West London Integrated Care Board",
    "agency": "nhs_nwl_icb",
    "email": "fionnuala.adeyemi@nwlicb.example.org",
    "role": "dsp",
}

# The six principles (adopted from Adult Safeguarding Boards), in the MASA's order.
_SIX_PRINCIPLES: list[dict] = [
    {
        "title": "Empowerment",
        "description": (
            "People being supported and encouraged to make their own decisions and with informed consent."
        ),
    },
    {"title": "Prevention", "description": "It is better to act before harm occurs."},
    {
        "title": "Proportionality",
        "description": "The least intrusive response appropriate to the risk presented.",
    },
    {
        "title": "Protection",
        "description": "Support and representation for those in greatest need.",
    },
    {
        "title": "Partnership",
        "description": ("Local solutions through services, organisations and communities working together."),
    },
    {
        "title": "Accountability",
        "description": "Accountability and transparency in safeguarding practice.",
    },
]

# ---------------------------------------------------------------------------------------------
# Hounslow Safeguarding Children Partnership (HSCP)
# ---------------------------------------------------------------------------------------------

_HOUNSLOW_AGENCIES: list[dict] = [
    {
        "key": "lb_hounslow",
        "name": "London Borough of Hounslow",
        "type": "local_authority",
        "status": "statutory_partner",
        "description": (
            "Local authority statutory safeguarding partner, including Children's Social Care; "
            "hosts the HSCP Business Team and holds the partnership budget."
        ),
    },
    _NHS_NWL_ICB,
    _MET_POLICE_WEST,
    {
        "key": "hounslow_education",
        "name": (
            "Hounslow education settings (early years, primary, secondary, post-16 and special provision)"
        ),
        "type": "education",
        "status": "relevant_agency",
        "description": (
            "Educational leaders representing Early Years, Primary School, Secondary Schools, "
            "Post 16 Education and Special Provision."
        ),
    },
    {
        **_WEST_LONDON_NHS_TRUST,
        "description": "Mental Health Services, including Hounslow CAMHS.",
    },
    {
        "key": "hrch",
        "name": "Hounslow and Richmond Community Healthcare NHS Trust",
        "type": "health",
        "status": "relevant_agency",
        "description": "Community Health Services, including health visiting and school nursing.",
    },
    {
        "key": "hounslow_primary_care",
        "name": "Hounslow Primary Care (GP practices)",
        "type": "health",
        "status": "relevant_agency",
        "description": "Primary Care: Hounslow GP practices and primary care networks.",
    },
    {
        "key": "chelwest",
        "name": (
            "Chelsea and Westminster Hospital NHS Foundation Trust (West Middlesex University Hospital)"
        ),
        "type": "health",
        "status": "relevant_agency",
        "description": "Acute Health Trust: West Middlesex University Hospital, Isleworth.",
    },
    {
        "key": "hounslow_drug_alcohol",
        "name": "Hounslow Drug and Alcohol Services",
        "type": "health",
        "status": "relevant_agency",
        "description": "Drug and alcohol services for young people and adults, including parents.",
    },
    {
        "key": "lbh_housing",
        "name": "Housing, London Borough of Hounslow",
        "type": "housing",
        "status": "relevant_agency",
        "description": (
            "Council housing and homelessness services; a joint Housing Protocol with "
            "Children's Social Care is in place."
        ),
    },
    {
        "key": "hounslow_housing_associations",
        "name": "Hounslow Housing Associations",
        "type": "housing",
        "status": "relevant_agency",
        "description": "Registered social landlords with homes in the borough.",
    },
    {
        "key": "clear_springs",
        "name": "Clear Springs Ready Homes",
        "type": "housing",
        "status": "relevant_agency",
        "description": "Home Office contracted provider of accommodation for asylum seekers.",
    },
    {
        **_PROBATION,
        "description": "Probation services for Hounslow (Hounslow Probation Delivery Unit).",
    },
    {
        "key": "hmyoi_feltham",
        "name": "HMYOI Feltham",
        "type": "secure_estate",
        "status": "relevant_agency",
        "description": (
            "Feltham Young Offender Institution: the secure estate in the borough. Its "
            "safeguarding arrangements are overseen by the FYOI Group."
        ),
    },
    {
        "key": "lbh_community_safety",
        "name": "Community Safety, London Borough of Hounslow",
        "type": "local_authority",
        "status": "relevant_agency",
        "description": (
            "Community safety services; supports the Community Safety Partnership, which leads "
            "on domestic abuse in Hounslow."
        ),
    },
    {
        **_CAFCASS,
        "description": "Represents children in family court proceedings in Hounslow.",
    },
    {
        "key": "hounslow_vcs",
        "name": "Hounslow Charity and Voluntary Services",
        "type": "voluntary",
        "status": "relevant_agency",
        "description": (
            "Charity and Voluntary Services: community and voluntary sector organisations "
            "working with children and families, engaged mainly through the Safeguarding Forum."
        ),
    },
    {
        "key": "lbh_libraries",
        "name": "Libraries, London Borough of Hounslow",
        "type": "local_authority",
        "status": "relevant_agency",
        "description": "Public libraries: community spaces used by children and families.",
    },
    {
        "key": "lampton_360",
        "name": "Lampton 360",
        "type": "other",
        "status": "relevant_agency",
        "description": (
            "Company owned by the London Borough of Hounslow delivering housing repairs, "
            "maintenance and environmental services in residents' homes and public spaces."
        ),
    },
    {
        "key": "lbh_community_inclusion",
        "name": "Community Inclusion & Partnership, London Borough of Hounslow",
        "type": "local_authority",
        "status": "relevant_agency",
        "description": "Community Inclusion & Partnership (Prevent/Counter Extremism).",
    },
    {
        "key": "lbh_public_health",
        "name": "Public Health, London Borough of Hounslow",
        "type": "local_authority",
        "status": "relevant_agency",
        "description": (
            "Local authority public health: commissions health visiting, school nursing and "
            "drug and alcohol services."
        ),
    },
    {
        **_LONDON_FIRE_BRIGADE,
        "description": "Fire and rescue service for Hounslow; contributes to the HSCP budget.",
    },
    {
        "key": "london_ambulance",
        "name": "London Ambulance Service NHS Trust",
        "type": "health",
        "status": "relevant_agency",
        "description": "Emergency and urgent care across London.",
    },
    {
        "key": "hounslow_yjs",
        "name": "Hounslow Youth Justice Service",
        "type": "youth_justice",
        "status": "relevant_agency",
        "description": ("Multi-agency youth justice team for children aged 10-17 in the justice system."),
    },
    {
        "key": "hounslow_childrens_home",
        "name": "Hounslow Children's Home",
        "type": "other",
        "status": "relevant_agency",
        "description": "The one children's home in the borough (residential care).",
    },
]

_HOUNSLOW_PEOPLE: list[dict] = [
    # Lead Safeguarding Partners
    {
        "key": "lbh_ceo",
        "name": "Gareth Quillan",
        "job_title": "Chief Executive Officer, London Borough of Hounslow",
        "agency": "lb_hounslow",
        "email": "gareth.quillan@hounslow.example.org",
        "role": "lsp",
    },
    _ICB_LSP,
    _MET_LSP,
    # Delegated Safeguarding Partners
    {
        "key": "lbh_dsp",
        "name": "Samira Haddad-Price",
        "job_title": ("Executive Director for Children's and Adults' Services, London Borough of Hounslow"),
        "agency": "lb_hounslow",
        "email": "samira.haddad-price@hounslow.example.org",
        "role": "dsp",
    },
    _ICB_DSP,
    _MET_DSP,
    # Chair and scrutiny
    {
        "key": "partnership_chair",
        "name": "Olufemi Castellanos",
        "job_title": "Partnership Chair",
        "agency": "lb_hounslow",
        "email": "olufemi.castellanos@hounslow.example.org",
        "role": "chair",
    },
    {
        "key": "scrutineer",
        "name": "Rosalind Thackeray-Mensah",
        "job_title": "Independent Scrutineer",
        "agency": "lb_hounslow",
        "email": "rosalind.thackeray-mensah@hscp.example.org",
        "role": "scrutineer",
    },
    {
        "key": "lead_member",
        "name": "Bethany Osei-Marlow",
        "job_title": "Lead Member for Children's Services, London Borough of Hounslow",
        "agency": "lb_hounslow",
        "email": "bethany.osei-marlow@hounslow.example.org",
        "role": None,
    },
    # HSCP Business Team
    {
        "key": "psm",
        "name": "Anjali Brightwater",
        "job_title": "Partnership Service Manager",
        "agency": "lb_hounslow",
        "email": "anjali.brightwater@hounslow.example.org",
        "role": "business_team",
    },
    {
        "key": "training_manager",
        "name": "Kwame Lindqvist",
        "job_title": "Training and Development Manager",
        "agency": "lb_hounslow",
        "email": "kwame.lindqvist@hounslow.example.org",
        "role": "business_team",
    },
    {
        "key": "performance_officer",
        "name": "Zofia Pemberton",
        "job_title": "Planning and Performance Officer",
        "agency": "lb_hounslow",
        "email": "zofia.pemberton@hounslow.example.org",
        "role": "business_team",
    },
    {
        "key": "meeting_admin",
        "name": "Declan Ruiz-Farrow",
        "job_title": "Meeting Administrator",
        "agency": "lb_hounslow",
        "email": "declan.ruiz-farrow@hounslow.example.org",
        "role": "business_team",
    },
    # Education
    {
        "key": "director_education",
        "name": "Harpreet Calloway",
        "job_title": "Director for Education, Skills and Lifelong Learning",
        "agency": "lb_hounslow",
        "email": "harpreet.calloway@hounslow.example.org",
        "role": "member",
    },
    {
        "key": "senior_education_leader",
        "name": "Margot Achebe-Sinclair",
        "job_title": "Headteacher (senior Educational Leader nominated by school leaders)",
        "agency": "hounslow_education",
        "email": "margot.achebe-sinclair@hounslowschools.example.org",
        "role": "member",
    },
    {
        "key": "education_safeguarding_advisor",
        "name": "Imran Delacroix",
        "job_title": "Education Safeguarding Advisor",
        "agency": "lb_hounslow",
        "email": "imran.delacroix@hounslow.example.org",
        "role": "agency_lead",
    },
    # Local authority leads
    {
        "key": "head_safeguarding_qa",
        "name": "Nadia Forsythe-Kaur",
        "job_title": "Head of Safeguarding and Quality Assurance, Children's Social Care",
        "agency": "lb_hounslow",
        "email": "nadia.forsythe-kaur@hounslow.example.org",
        "role": "agency_lead",
    },
    {
        "key": "head_adolescents",
        "name": "Callum Oyelaran",
        "job_title": "Head of Service, Adolescents, Children's Social Care",
        "agency": "lb_hounslow",
        "email": "callum.oyelaran@hounslow.example.org",
        "role": "agency_lead",
    },
    {
        "key": "lado",
        "name": "Teresa Vukovic",
        "job_title": "Local Authority Designated Officer (LADO)",
        "agency": "lb_hounslow",
        "email": "teresa.vukovic@hounslow.example.org",
        "role": "agency_lead",
    },
    # Health leads
    {
        "key": "designated_nurse",
        "name": "Grace Tanaka-Mwangi",
        "job_title": "Designated Nurse for Safeguarding Children (Hounslow)",
        "agency": "nhs_nwl_icb",
        "email": "grace.tanaka-mwangi@nwlicb.example.org",
        "role": "agency_lead",
    },
    {
        "key": "designated_doctor",
        "name": "Alistair Menon",
        "job_title": "Designated Doctor for Safeguarding Children (Hounslow)",
        "agency": "nhs_nwl_icb",
        "email": "alistair.menon@nwlicb.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_nurse_wmuh",
        "name": "Chidinma Holloway",
        "job_title": "Named Nurse for Safeguarding Children, West Middlesex University Hospital",
        "agency": "chelwest",
        "email": "chidinma.holloway@chelwest.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_nurse_wlt",
        "name": "Owen Farquharson",
        "job_title": "Named Nurse for Safeguarding Children, West London NHS Trust",
        "agency": "west_london_nhs_trust",
        "email": "owen.farquharson@westlondon.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_nurse_hrch",
        "name": "Leila Brannigan",
        "job_title": (
            "Named Nurse for Safeguarding Children, Hounslow and Richmond Community Healthcare NHS Trust"
        ),
        "agency": "hrch",
        "email": "leila.brannigan@hrch.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_gp",
        "name": "Sunil Greatorex",
        "job_title": "Named GP for Safeguarding Children, Hounslow",
        "agency": "hounslow_primary_care",
        "email": "sunil.greatorex@hounslowgp.example.org",
        "role": "agency_lead",
    },
    # Police lead
    {
        "key": "det_supt_public_protection",
        "name": "Rebecca Stanislawski",
        "job_title": ("Detective Superintendent for Public Protection, West Area Basic Command Unit"),
        "agency": "met_police_west",
        "email": "rebecca.stanislawski@met.example.org",
        "role": "agency_lead",
    },
    # Secure estate, justice, voluntary sector, fire
    {
        "key": "fyoi_governor",
        "name": "Martina Kessler",
        "job_title": "Governor, HMYOI Feltham",
        "agency": "hmyoi_feltham",
        "email": "martina.kessler@feltham.example.org",
        "role": "member",
    },
    {
        "key": "fyoi_head_safeguarding",
        "name": "Jerome Abiodun",
        "job_title": "Head of Safeguarding, HMYOI Feltham",
        "agency": "hmyoi_feltham",
        "email": "jerome.abiodun@feltham.example.org",
        "role": "agency_lead",
    },
    {
        "key": "probation_head",
        "name": "Eleanor Ashdown",
        "job_title": "Head of Probation Delivery Unit, Hounslow",
        "agency": "probation",
        "email": "eleanor.ashdown@probation.example.org",
        "role": "agency_lead",
    },
    {
        "key": "yjs_head",
        "name": "Tariq Pennington",
        "job_title": "Head of Youth Justice Service",
        "agency": "hounslow_yjs",
        "email": "tariq.pennington@hounslowyjs.example.org",
        "role": "agency_lead",
    },
    {
        "key": "vcs_lead",
        "name": "Ruth Esterhuizen",
        "job_title": "Safeguarding Lead, Hounslow Charity and Voluntary Services",
        "agency": "hounslow_vcs",
        "email": "ruth.esterhuizen@hounslowvcs.example.org",
        "role": "agency_lead",
    },
    {
        "key": "lfb_borough_commander",
        "name": "Piotr Harrowby",
        "job_title": "Borough Commander, London Fire Brigade (Hounslow)",
        "agency": "london_fire_brigade",
        "email": "piotr.harrowby@lfb.example.org",
        "role": "agency_lead",
    },
    # Practitioners
    {
        "key": "mash_social_worker",
        "name": "Aisha Fenwick",
        "job_title": "Social Worker, Multi-Agency Safeguarding Hub (MASH)",
        "agency": "lb_hounslow",
        "email": "aisha.fenwick@hounslow.example.org",
        "role": "practitioner",
    },
    {
        "key": "health_visitor",
        "name": "Bronwen Achieng",
        "job_title": "Health Visitor",
        "agency": "hrch",
        "email": "bronwen.achieng@hrch.example.org",
        "role": "practitioner",
    },
]

_HOUNSLOW_GROUPS: list[dict] = [
    {
        "key": "lsp",
        "name": "Lead Safeguarding Partners",
        "short_name": "LSPs",
        "kind": "lsp",
        "purpose": (
            "The Lead Safeguarding Partners are legislatively accountable for being assured of "
            "the effectiveness of the local multi-agency safeguarding system. In addition to "
            "discharging the expectations and functions of LSPs set out in Working Together to "
            "Safeguard Children 2023, they act as the overarching group of strategic decision "
            "makers within the local safeguarding arrangements and ensure that other local area "
            "leaders promote these arrangements. With their DSPs they agree the partnership's "
            "priorities and the strategic safeguarding plan, agree the level of funding needed "
            "to deliver the arrangements, agree and monitor the action plan from each review, "
            "and publish a statement of assurance each year."
        ),
        "people": (
            "The three Lead Safeguarding Partners, who have joint and equal responsibility: "
            "the Chief Executive Officer, London Borough of Hounslow; the Chief Accountable "
            "Officer, North West London Integrated Care Board; and the Assistant Commissioner, "
            "Metropolitan Police. The Partnership Chair and the Independent Scrutineer attend "
            "to advise and challenge but do not take decisions. The HSCP Business Team supports "
            "the meeting."
        ),
        "process": (
            "Meets sufficiently regularly and at a minimum twice a year. Quorate only when all "
            "three LSPs (or a deputy authorised to decide on their behalf) are present; "
            "decisions are taken jointly. Receives the HSCP Board's reports, escalations from "
            "the Partnership Chair, the yearly report for sign-off and the Independent "
            "Scrutineer's annual review of the effectiveness of the arrangements. Reviews "
            "funding levels annually. Is consulted by the HSCP Board before final decisions on "
            "unresolved professional escalations."
        ),
        "chair": "lbh_ceo",
        "quorum": 3,
        "min_meetings_per_year": 2,
        "reports_to": None,
        "members": [
            ["lbh_ceo", "voting"],
            ["icb_lsp", "voting"],
            ["met_lsp", "voting"],
            ["partnership_chair", "advisory"],
            ["scrutineer", "advisory"],
        ],
    },
    {
        "key": "board",
        "name": "HSCP Board",
        "short_name": "Board",
        "kind": "board",
        "purpose": (
            "The HSCP Board is the key operational decision-making body within the MASA. In "
            "addition to discharging the expectations and functions of DSPs set out in Working "
            "Together to Safeguard Children 2023, it holds the strategic oversight of the "
            "effectiveness of the multi-agency system, the impact of practice improvement and "
            "learning, and quality assurance. It monitors progress against the strategic "
            "safeguarding plan and provides leadership to promote a culture of learning. Its "
            "members must be able to speak with authority for the safeguarding partner they "
            "represent, take decisions on behalf of their organisation and commit it on policy, "
            "resourcing and practice matters, and hold their own organisation to account for "
            "how effectively it participates in and implements the local arrangements."
        ),
        "people": (
            "The Partnership Chair; the Delegated Safeguarding Partners for the three statutory "
            "partners (Executive Director for Children's and Adults' Services, London Borough "
            "of Hounslow; Chief Nurse, North West London Integrated Care Board; Chief "
            "Superintendent, West Area Basic Command Unit, Metropolitan Police); the Director "
            "for Education, Skills and Lifelong Learning; and a senior Educational Leader "
            "nominated by school leaders across the borough. The Independent Scrutineer is "
            "invited to provide independent challenge but not in a decision-making role. The "
            "Partnership Service Manager attends to support the Chair."
        ),
        "process": (
            "Meets quarterly as a minimum. Quorate when the Chair and a DSP (or authorised "
            "deputy) for each of the three statutory partners are present. Decisions are taken "
            "by the voting members; the Independent Scrutineer does not vote. Every subgroup "
            "reports to the Board, and the FYOI Group reports to it directly. The Board reports "
            "to the LSPs, escalates risk and non-compliance to them, commissions external "
            "independent reviewers for LCSPRs on their behalf, and makes final decisions on "
            "professional escalations in consultation with them. Agendas follow a forward plan "
            "kept by the HSCP Business Team and focus on practice, impact and improvement."
        ),
        "chair": "partnership_chair",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "lsp",
        "members": [
            ["partnership_chair", "voting"],
            ["lbh_dsp", "voting"],
            ["icb_dsp", "voting"],
            ["met_dsp", "voting"],
            ["director_education", "voting"],
            ["senior_education_leader", "voting"],
            ["scrutineer", "advisory"],
        ],
    },
    {
        "key": "strategic_insights",
        "name": "Strategic Insights Group",
        "short_name": "SIG",
        "kind": "subgroup",
        "purpose": (
            "Detailed scrutiny of multi-agency performance across and within the system. The "
            "group acts directly on behalf of the HSCP Board to support the LSPs and DSPs in "
            "coordinating and delivering the strategic safeguarding plan and partnership "
            "priorities, seeks assurance about the effectiveness of safeguarding practice and "
            "systems, and identifies improvements. It is the assurance and impact conduit "
            "between all partnership groups and provides the analytical and data insights "
            "required by Working Together to Safeguard Children 2023, bringing together the "
            "high-level multi-agency dataset, multi-agency audits and qualitative information "
            "from audits and case reviews. It sets up time-limited themed task and finish "
            "groups, selected on Hounslow's priorities, and links cross-cutting themes with "
            "other strategic partnerships and boards."
        ),
        "people": (
            "Chaired by the Designated Nurse for Safeguarding Children. Senior leads for "
            "performance and quality assurance from the three statutory partners (Children's "
            "Social Care, Public Protection for the West Area BCU, the ICB), named "
            "professionals from the acute and community health trusts, the Education "
            "Safeguarding Advisor and probation. The Partnership Service Manager and the "
            "Planning and Performance Officer attend to present the dataset and advise."
        ),
        "process": (
            "Meets at least quarterly, ahead of each HSCP Board. Quorate with four voting "
            "members including one from each statutory partner. Prioritises its work on the "
            "highest area of need. Receives assurance reports from other groups and agencies "
            "and monitors the workplans of the themed task and finish groups it sets up. "
            "Passes areas for learning to the Practice Development Group. Reports to the HSCP "
            "Board."
        ),
        "chair": "designated_nurse",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["designated_nurse", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["det_supt_public_protection", "voting"],
            ["named_nurse_wmuh", "voting"],
            ["named_nurse_hrch", "voting"],
            ["education_safeguarding_advisor", "voting"],
            ["probation_head", "voting"],
            ["psm", "advisory"],
            ["performance_officer", "advisory"],
        ],
    },
    {
        "key": "adolescent_safeguarding",
        "name": "Adolescent Safeguarding Group",
        "short_name": "ASG",
        "kind": "subgroup",
        "purpose": (
            "Holds responsibility for robust oversight, challenge and scrutiny of the "
            "implementation of the multi-agency Adolescent Safeguarding Strategy, and takes the "
            "lead role in monitoring the effectiveness of the multi-agency system responding to "
            "adolescents (ages 10-18) at risk, safeguarding practice and improvements. It "
            "develops and updates an understanding of local need, risk and service outcomes "
            "for adolescent safeguarding. It is the accountable body for the Multi-Agency Child "
            "Exploitation (MACE) Panel and other multi-agency adolescent operational "
            "safeguarding groups, and a forum for liaison and coordination with other "
            "strategic groups such as the Community Safety Partnership."
        ),
        "people": (
            "Chaired by the Head of Service for Adolescents in Children's Social Care. The "
            "Detective Superintendent for Public Protection (West Area BCU), the Head of Youth "
            "Justice Service, the mental health trust's named nurse, the Education Safeguarding "
            "Advisor, probation and the voluntary and community sector. Community Safety "
            "attends for shared items."
        ),
        "process": (
            "Meets at least quarterly. Quorate with four voting members including police and "
            "Children's Social Care. The MACE Panel reports to it at every meeting, including "
            "progress on the Metropolitan Police's response to the HMICFRS child exploitation "
            "causes of concern. Shares learning needs with the Practice Development Group. "
            "Reports to the HSCP Board."
        ),
        "chair": "head_adolescents",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["head_adolescents", "voting"],
            ["det_supt_public_protection", "voting"],
            ["yjs_head", "voting"],
            ["named_nurse_wlt", "voting"],
            ["education_safeguarding_advisor", "voting"],
            ["probation_head", "voting"],
            ["vcs_lead", "voting"],
        ],
    },
    {
        "key": "safeguarding_forum",
        "name": "Safeguarding Forum",
        "short_name": "Forum",
        "kind": "subgroup",
        "purpose": (
            "Considers and supports the identification of areas of strength and improvement in "
            "multi-agency safeguarding practice, and enables engagement with frontline "
            "professionals from the statutory safeguarding partners and all relevant agencies. "
            "It gives a line of sight on practice and emerging issues to the Strategic Insights "
            "Group, Practice Development Group, Effective Practice Group and Adolescent "
            "Safeguarding Group, and supports the HSCP Board, LSPs and Independent Scrutineer "
            "to fulfil the partnership's responsibilities. It is the main route by which the "
            "voluntary sector and communities contribute to the strategic work, share and "
            "consult on the partnership's priorities and provide critical challenge."
        ),
        "people": (
            "Frontline practitioners and managers from the statutory safeguarding partners and "
            "all relevant agencies, including the charity and voluntary sector, primary care, "
            "community health, Children's Social Care and London Fire Brigade. Chaired by the "
            "community health trust's Named Nurse for Safeguarding Children; the Partnership "
            "Service Manager attends to link the forum to the other groups."
        ),
        "process": (
            "Takes a thematic approach throughout the year, with joint interactive sessions and "
            "full participation from all members; at least four sessions a year. Quorate with "
            "four voting members. Feeds practice themes and emerging issues to the other "
            "groups and reports to the HSCP Board."
        ),
        "chair": "named_nurse_hrch",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["named_nurse_hrch", "voting"],
            ["mash_social_worker", "voting"],
            ["health_visitor", "voting"],
            ["vcs_lead", "voting"],
            ["named_gp", "voting"],
            ["lfb_borough_commander", "voting"],
            ["psm", "advisory"],
        ],
    },
    {
        "key": "effective_practice",
        "name": "Effective Practice Group",
        "short_name": "EPG",
        "kind": "subgroup",
        "purpose": (
            "Central to ensuring that, at a strategic level, organisational lessons are learnt "
            "and changes implemented from the review of local and national serious cases, to "
            "prevent future serious child abuse or death. It leads on the co-ordination of all "
            "reviews of practice: it considers every case where a referral for any type of "
            "review may be made (including cases of good practice), decides the type of review "
            "and who undertakes it, oversees the Rapid Review process after notification to "
            "the National Panel, oversees LCSPRs and learning reviews from commissioning to "
            "publication, monitors review action plans and seeks assurance that actions are "
            "completed, and considers national reviews and Child Death Review Panel learning "
            'using the "True to Us" learning model.'
        ),
        "people": (
            "Chaired by the Head of Safeguarding and Quality Assurance, Children's Social Care. "
            "The Designated Nurse and Designated Doctor for Safeguarding Children, the "
            "Detective Superintendent for Public Protection, the LADO, the acute trust's named "
            "nurse and the Education Safeguarding Advisor. The Partnership Service Manager "
            "attends to advise and to support commissioning of reviewers."
        ),
        "process": (
            "Meets at least every two months, with extraordinary meetings convened at short "
            "notice for Rapid Reviews so that findings reach the National Panel within 15 "
            "working days. Quorate with a representative of each of the three statutory "
            "partners. Ensures immediate safeguarding action is taken where needed and shares "
            "immediate learning. Links to the Strategic Insights Group and Practice "
            "Development Group. Reports to the HSCP Board; review action plans are agreed and "
            "monitored by the LSPs."
        ),
        "chair": "head_safeguarding_qa",
        "quorum": 3,
        "min_meetings_per_year": 6,
        "reports_to": "board",
        "members": [
            ["head_safeguarding_qa", "voting"],
            ["designated_nurse", "voting"],
            ["designated_doctor", "voting"],
            ["det_supt_public_protection", "voting"],
            ["lado", "voting"],
            ["named_nurse_wmuh", "voting"],
            ["education_safeguarding_advisor", "voting"],
            ["psm", "advisory"],
        ],
    },
    {
        "key": "practice_development",
        "name": "Practice Development Group",
        "short_name": "PDG",
        "kind": "subgroup",
        "purpose": (
            "A joint group with Children's Social Care that provides strategic leadership to "
            "commission, design, develop and deliver the multi-agency training offer, face to "
            "face and eLearning, and leads collaboration and a shared commitment and "
            "responsibility to training across agencies. It receives learning recommendations "
            "from the partnership's assurance and learning activity and works with the "
            "Adolescent Safeguarding Group, Effective Practice Group and Safeguarding Forum. It "
            "ensures the sustainability of the learning offer by training and supporting "
            "practitioners and managers across agencies to deliver training, and develops a "
            "system that uses service user feedback to measure the impact of training on "
            "outcomes for children and families."
        ),
        "people": (
            "Chaired by the Training and Development Manager (a joint HSCP and Children's "
            "Social Care role). Training and workforce development leads from the health "
            "trusts, Children's Social Care, education and the voluntary sector. The "
            "Partnership Service Manager attends to advise."
        ),
        "process": (
            "Meets at least quarterly, refreshing the training brochure each quarter. Quorate "
            "with four voting members. Maintains the training needs analysis and the "
            "multi-agency trainer pool, and reports the reach and impact of training to the "
            "HSCP Board."
        ),
        "chair": "training_manager",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["training_manager", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["named_nurse_hrch", "voting"],
            ["named_nurse_wlt", "voting"],
            ["education_safeguarding_advisor", "voting"],
            ["vcs_lead", "voting"],
            ["psm", "advisory"],
        ],
    },
    {
        "key": "fyoi",
        "name": "Feltham Young Offenders Institute (FYOI) Group",
        "short_name": "FYOI Group",
        "kind": "subgroup",
        "purpose": (
            "Provides scrutiny and oversight of the safeguarding arrangements at HMYOI Feltham. "
            "It receives regular assurance reports on control and restraint, inspection "
            "outcomes and the implementation of recommendations from audits and inspections, "
            "and provides external oversight and scrutiny of practice. It supports a quality "
            "assurance programme in the establishment, including speaking directly with young "
            "people, and, in accordance with Working Together to Safeguard Children 2023, is "
            "responsible for completing an annual review of restraint. It also explores "
            "commissioning arrangements and oversight of the social work practice and LADO "
            "function."
        ),
        "people": (
            "Chaired by the Partnership Service Manager. The Governor and the Head of "
            "Safeguarding of HMYOI Feltham, the LADO, the Head of Safeguarding and Quality "
            "Assurance, the Designated Nurse for Safeguarding Children and the Head of Youth "
            "Justice Service."
        ),
        "process": (
            "Meets at least quarterly. Quorate with four voting members including the "
            "establishment and the LADO. Monitors at every meeting the impact of increasing "
            "numbers of over-18s on Feltham A, the closure of Cookham Wood and the expanded "
            "court catchment area. Completes the annual review of restraint. Reports directly "
            "into the HSCP Board so that the DSPs provide scrutiny and oversight on behalf of "
            "the LSPs."
        ),
        "chair": "psm",
        "quorum": 4,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["psm", "voting"],
            ["fyoi_governor", "voting"],
            ["fyoi_head_safeguarding", "voting"],
            ["lado", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["designated_nurse", "voting"],
            ["yjs_head", "voting"],
        ],
    },
    {
        "key": "education_safeguarding",
        "name": "Education Safeguarding Group",
        "short_name": "ESG",
        "kind": "subgroup",
        "purpose": (
            "Educational settings are a central part of life for nearly every child and young "
            "person. Through strong engagement and good relationships with all education "
            "providers, the group keeps the partnership aware of the issues schools face and "
            "supports early years settings, schools, colleges and alternative provision in "
            "responding to the increasing complexities of safeguarding. It leads on the "
            "strategic oversight, assurance and engagement with safeguarding across the whole "
            "education sector in Hounslow, and is a key forum for discussing performance, new "
            "legislation and policy, and for consultation on key areas of the partnership's "
            "work."
        ),
        "people": (
            "Chaired by the Education Safeguarding Advisor. The Director for Education, Skills "
            "and Lifelong Learning, the senior Educational Leader on the HSCP Board, leaders "
            "representing early years, primary, secondary, post-16 and special provision, "
            "Children's Social Care and health. The Partnership Service Manager attends to "
            "advise."
        ),
        "process": (
            "Meets at least once a term (three times a year), using established education "
            "networks, surveys and school visits between meetings. Quorate with three voting "
            "members. Reports to the HSCP Board, including on the vulnerable children in "
            "education priority."
        ),
        "chair": "education_safeguarding_advisor",
        "quorum": 3,
        "min_meetings_per_year": 3,
        "reports_to": "board",
        "members": [
            ["education_safeguarding_advisor", "voting"],
            ["director_education", "voting"],
            ["senior_education_leader", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["designated_nurse", "voting"],
            ["psm", "advisory"],
        ],
    },
]

_HOUNSLOW_PLANS: list[dict] = [
    {
        "title": "HSCP Strategic Safeguarding Children Plan 2021-24",
        "start_year": 2021,
        "end_year": 2024,
        "priorities": [
            {
                "title": "Child Sexual Abuse (CSA)",
                "description": (
                    "A multi-agency audit in 2020 led to a local CSA strategy and "
                    "implementation plan, now completed. Concluded in April 2024 and moved to "
                    "monitoring through core assurance and learning activity."
                ),
                "objectives": [
                    (
                        "Develop and deliver a local CSA strategy and implementation plan from the "
                        "findings of the 2020 multi-agency audit."
                    ),
                    (
                        "Improve the skills and confidence of the workforce to better identify CSA "
                        "through a bespoke multi-agency training offer, supported by Children's "
                        "Social Care CSA leads."
                    ),
                    (
                        "Take an active part in the NWL CSA implementation programme and shape the "
                        "creation of a NWL CSA Hub."
                    ),
                    "Re-launch the NSPCC PANTS campaign over 2024/25.",
                ],
            },
            {
                "title": "Neglect",
                "description": (
                    "A thematic priority for several years. The December 2023 neglect audit "
                    "showed that multi-agency practice has significantly improved. Concluded "
                    "in April 2024 and moved to monitoring through core assurance and learning "
                    "activity."
                ),
                "objectives": [
                    (
                        "Improve multi-agency understanding of the risk and impact of neglect and "
                        "the use of the Quality-of-Care (QoC) tool."
                    ),
                    "Test practice through a neglect themed multi-agency audit.",
                    (
                        "Refresh the neglect multi-agency strategy and plan, including more health "
                        "input, stronger Child in Need plans and a better response to complex and "
                        "entrenched neglect and to adolescent neglect."
                    ),
                ],
            },
            {
                "title": "Safeguarding Adolescents",
                "description": (
                    "Follows the Serious Youth Violence Systemic Review and the multi-agency "
                    "Safeguarding Adolescents Strategy. Retained for a further performance "
                    "year given the changing landscape for adolescents at risk."
                ),
                "objectives": [
                    (
                        "Implement the multi-agency Safeguarding Adolescents Strategy through a "
                        "dedicated sub-group."
                    ),
                    "Consider transitions for vulnerable children in the 10-13 age group.",
                    (
                        "Self-evaluate Child Criminal Exploitation and Multi-Agency Child "
                        "Exploitation arrangements, led by the Independent Scrutineer."
                    ),
                ],
            },
            {
                "title": "Vulnerable children in education",
                "description": (
                    "Better understanding of the cohort of young people most at risk within "
                    "education, against rising absence, primary school exclusions and Elective "
                    "Home Education. Retained for a further two years."
                ),
                "objectives": [
                    (
                        "Understand the cohort most at risk within education through a dedicated "
                        "task and finish group and workplan, chaired by the Education Safeguarding "
                        "Advisor."
                    ),
                    (
                        "Maintain oversight of the most vulnerable EHE children through joint "
                        "monitoring by the Front Door, EHE and Attendance teams."
                    ),
                    (
                        "Ensure EHE is invited to all core groups and conferences for children on "
                        "child protection and child in need plans."
                    ),
                ],
            },
        ],
    },
    {
        "title": "HSCP Strategic Safeguarding Children Plan 2024-27",
        "start_year": 2024,
        "end_year": 2027,
        "priorities": [
            {
                "title": "Safeguarding adolescents",
                "description": (
                    "Ongoing priority for 2024/27: an ongoing, preventative, strategic focus "
                    "for the partnership."
                ),
                "objectives": [
                    (
                        "Continue to implement the multi-agency Adolescent Safeguarding Strategy "
                        "through the Adolescent Safeguarding Group."
                    ),
                    (
                        "Monitor, through the MACE arrangements, progress on the HMICFRS child "
                        "exploitation causes of concern, including the response to missing "
                        "children."
                    ),
                    (
                        "Complete the self-evaluation of Child Criminal Exploitation and MACE "
                        "arrangements led by the Independent Scrutineer."
                    ),
                ],
            },
            {
                "title": "Vulnerable children in education",
                "description": (
                    "Ongoing priority for 2024/27: absence, exclusions, children missing "
                    "education and the rise in Elective Home Education."
                ),
                "objectives": [
                    (
                        "Maintain the focus on safeguarding EHE children and strengthen joint "
                        "working with the Attendance, Children Missing Education and Access to "
                        "Education teams."
                    ),
                    (
                        "Analyse the EHE cohort in greater detail to understand changes in numbers "
                        "joining and leaving."
                    ),
                    (
                        "Build engagement with all education providers through the Education "
                        "Safeguarding Group."
                    ),
                ],
            },
            {
                "title": "Mental Health, self-harm, and suicide prevention",
                "description": (
                    "New priority for 2024/27, evidenced by the local learning review on mental "
                    "health and suicide of a care leaver."
                ),
                "objectives": [
                    (
                        "Answer the six questions from the local learning review, including "
                        "whether our focus shifts when a young person turns 18 and whether "
                        "thresholds into adults' services are fit for purpose."
                    ),
                    "Provide face-to-face suicide prevention training for practitioners.",
                    (
                        "Seek assurance through periodic reporting to the Board until CAMHS "
                        "waiting times are reducing."
                    ),
                ],
            },
            {
                "title": "Online harm",
                "description": (
                    "New priority for 2024/27: the strongest theme from local learning, "
                    "reflecting an issue all local authorities face nationally."
                ),
                "objectives": [
                    (
                        "Give practitioners a much deeper understanding of online harm and of the "
                        "language and culture of children and young people online."
                    ),
                    (
                        "Provide focused online harm training, including the links between online "
                        "harm and mental health."
                    ),
                    (
                        "Support young people to keep themselves safe online, particularly from "
                        "websites encouraging them to harm themselves."
                    ),
                ],
            },
            {
                "title": "Continuous assurance that safeguarding systems are safe and effective",
                "description": (
                    "Ensures that the statutory safeguarding partners and all relevant agencies "
                    "continuously seek assurance that systems are safe and effective."
                ),
                "objectives": [
                    (
                        "Independent Scrutineer to undertake assurance activity on feedback to "
                        "referrers and report to the Board."
                    ),
                    (
                        'Report progress on the "True to Us" areas of focus: robustness of '
                        "commissioning arrangements, disproportionality and working with fathers."
                    ),
                    (
                        "Seek assurance that young people in HMYOI Feltham are safe and their "
                        "wellbeing is prioritised."
                    ),
                ],
            },
        ],
    },
]

HOUNSLOW: dict = {
    "slug": "hounslow",
    "name": "Hounslow Safeguarding Children Partnership",
    "short_name": "HSCP",
    "local_authority": "London Borough of Hounslow",
    "la_code": "313",
    "vision": (
        "All partners are committed to working together so that every child in Hounslow is "
        "safe, well and able to reach their full potential."
    ),
    "values": [
        {
            "title": "A child centred approach",
            "description": (
                "For services to be effective they should be based on a clear understanding "
                "of the needs and views of children."
            ),
        },
        {
            "title": "Safeguarding is everyone's responsibility",
            "description": (
                "For services to be effective each member of Hounslow's community, its "
                "practitioners and organisations should play their part."
            ),
        },
    ],
    "principles": _SIX_PRINCIPLES,
    "agencies": _HOUNSLOW_AGENCIES,
    "people": _HOUNSLOW_PEOPLE,
    "groups": _HOUNSLOW_GROUPS,
    "plans": _HOUNSLOW_PLANS,
}

# ---------------------------------------------------------------------------------------------
# Ealing Safeguarding Children Partnership (ESCP) - plausible demo data
# ---------------------------------------------------------------------------------------------

_EALING_AGENCIES: list[dict] = [
    {
        "key": "lb_ealing",
        "name": "London Borough of Ealing",
        "type": "local_authority",
        "status": "statutory_partner",
        "description": (
            "Local authority statutory safeguarding partner, including Children's Services; "
            "hosts the partnership business unit."
        ),
    },
    _NHS_NWL_ICB,
    _MET_POLICE_WEST,
    {
        "key": "ealing_education",
        "name": "Ealing schools and education settings",
        "type": "education",
        "status": "relevant_agency",
        "description": "Early years settings, schools, colleges and alternative provision.",
    },
    {
        "key": "lnwh",
        "name": "London North West University Healthcare NHS Trust",
        "type": "health",
        "status": "relevant_agency",
        "description": "Acute (Ealing Hospital) and community health services in Ealing.",
    },
    {
        **_WEST_LONDON_NHS_TRUST,
        "description": "Mental health services, including Ealing CAMHS.",
    },
    {
        "key": "ealing_yjs",
        "name": "Ealing Youth Justice Service",
        "type": "youth_justice",
        "status": "relevant_agency",
        "description": "Youth justice team for children aged 10-17 in the justice system.",
    },
    {
        **_PROBATION,
        "description": "Probation services for Ealing (Ealing Probation Delivery Unit).",
    },
    {**_CAFCASS, "description": "Represents children in family court proceedings in Ealing."},
    {**_LONDON_FIRE_BRIGADE, "description": "Fire and rescue service for Ealing."},
    {
        "key": "ealing_cvs",
        "name": "Ealing Community and Voluntary Service",
        "type": "voluntary",
        "status": "relevant_agency",
        "description": "Umbrella body for voluntary and community organisations in Ealing.",
    },
]

_EALING_PEOPLE: list[dict] = [
    {
        "key": "lbe_ceo",
        "name": "Adrian Whitlock-Nair",
        "job_title": "Chief Executive, London Borough of Ealing",
        "agency": "lb_ealing",
        "email": "adrian.whitlock-nair@ealing.example.org",
        "role": "lsp",
    },
    _ICB_LSP,
    _MET_LSP,
    {
        "key": "lbe_dsp",
        "name": "Yasmin Albrecht",
        "job_title": "Strategic Director, Children's Services, London Borough of Ealing",
        "agency": "lb_ealing",
        "email": "yasmin.albrecht@ealing.example.org",
        "role": "dsp",
    },
    _ICB_DSP,
    _MET_DSP,
    {
        "key": "business_manager",
        "name": "Cormac Abara",
        "job_title": "Partnership Business Manager",
        "agency": "lb_ealing",
        "email": "cormac.abara@ealing.example.org",
        "role": "business_team",
    },
    {
        "key": "scrutineer",
        "name": "Philippa Oyenuga-Grant",
        "job_title": "Independent Scrutineer",
        "agency": "lb_ealing",
        "email": "philippa.oyenuga-grant@escp.example.org",
        "role": "scrutineer",
    },
    {
        "key": "head_safeguarding_qa",
        "name": "Rahul Ferreira",
        "job_title": "Head of Safeguarding and Quality Assurance, Children's Services",
        "agency": "lb_ealing",
        "email": "rahul.ferreira@ealing.example.org",
        "role": "agency_lead",
    },
    {
        "key": "designated_nurse",
        "name": "Siobhan Mutasa",
        "job_title": "Designated Nurse for Safeguarding Children (Ealing)",
        "agency": "nhs_nwl_icb",
        "email": "siobhan.mutasa@nwlicb.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_nurse_lnwh",
        "name": "Tomasz Eriksen",
        "job_title": (
            "Named Nurse for Safeguarding Children, London North West University Healthcare NHS Trust"
        ),
        "agency": "lnwh",
        "email": "tomasz.eriksen@lnwh.example.org",
        "role": "agency_lead",
    },
]

_EALING_GROUPS: list[dict] = [
    {
        "key": "lsp",
        "name": "Lead Safeguarding Partners",
        "short_name": "LSPs",
        "kind": "lsp",
        "purpose": (
            "The three Lead Safeguarding Partners are jointly accountable for the "
            "effectiveness of Ealing's multi-agency safeguarding arrangements. They set the "
            "partnership's priorities, agree its funding, sign off the yearly report and "
            "publish a statement of assurance."
        ),
        "people": (
            "The Chief Executive, London Borough of Ealing; the Chief Accountable Officer, "
            "North West London Integrated Care Board; and the Assistant Commissioner, "
            "Metropolitan Police. The Independent Scrutineer attends to advise; the "
            "Partnership Business Manager supports the meeting."
        ),
        "process": (
            "Meets at least twice a year. Quorate when all three LSPs (or authorised deputies) "
            "are present; decisions are joint. Receives reports from the Partnership Board and "
            "the Independent Scrutineer."
        ),
        "chair": "lbe_ceo",
        "quorum": 3,
        "min_meetings_per_year": 2,
        "reports_to": None,
        "members": [
            ["lbe_ceo", "voting"],
            ["icb_lsp", "voting"],
            ["met_lsp", "voting"],
            ["scrutineer", "advisory"],
        ],
    },
    {
        "key": "board",
        "name": "ESCP Partnership Board",
        "short_name": "Board",
        "kind": "board",
        "purpose": (
            "The operational decision-making body of the arrangements. The Delegated "
            "Safeguarding Partners oversee the effectiveness of the multi-agency system, "
            "deliver the strategic plan, commission reviews and hold agencies to account for "
            "their contribution to safeguarding children in Ealing."
        ),
        "people": (
            "The three Delegated Safeguarding Partners, with the Head of Safeguarding and "
            "Quality Assurance and the Designated Nurse in attendance. The Independent "
            "Scrutineer attends as a non-voting member; the Partnership Business Manager "
            "supports the Board."
        ),
        "process": (
            "Meets at least quarterly, chaired by the local authority DSP. Quorate with the "
            "three DSPs or authorised deputies. Subgroups report to the Board; the Board "
            "reports to the LSPs."
        ),
        "chair": "lbe_dsp",
        "quorum": 3,
        "min_meetings_per_year": 4,
        "reports_to": "lsp",
        "members": [
            ["lbe_dsp", "voting"],
            ["icb_dsp", "voting"],
            ["met_dsp", "voting"],
            ["head_safeguarding_qa", "advisory"],
            ["designated_nurse", "advisory"],
            ["scrutineer", "advisory"],
            ["business_manager", "advisory"],
        ],
    },
    {
        "key": "qa_performance",
        "name": "Quality Assurance and Performance Subgroup",
        "short_name": "QA&P",
        "kind": "subgroup",
        "purpose": (
            "Scrutinises the multi-agency dataset, runs the multi-agency audit programme and "
            "the Section 11 and Section 175 self-assessments, and tells the Board how well "
            "the safeguarding system is working and where it needs to improve."
        ),
        "people": (
            "Chaired by the Designated Nurse for Safeguarding Children. Quality assurance leads "
            "from Children's Services and the acute and community health trust; the "
            "Partnership Business Manager presents the dataset."
        ),
        "process": (
            "Meets quarterly, ahead of each Board. Quorate with three voting members. Reports "
            "to the Partnership Board."
        ),
        "chair": "designated_nurse",
        "quorum": 3,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["designated_nurse", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["named_nurse_lnwh", "voting"],
            ["business_manager", "advisory"],
        ],
    },
    {
        "key": "learning_review",
        "name": "Learning and Review Subgroup",
        "short_name": "L&R",
        "kind": "subgroup",
        "purpose": (
            "Considers serious incident notifications, conducts Rapid Reviews, oversees "
            "LCSPRs and their action plans, and makes sure learning from local and national "
            "reviews reaches practitioners."
        ),
        "people": (
            "Chaired by the Head of Safeguarding and Quality Assurance. Senior representatives "
            "of the three statutory partners and the acute and community health trust."
        ),
        "process": (
            "Meets every two months, with extraordinary meetings for Rapid Reviews. Quorate "
            "with one representative of each statutory partner. Reports to the Partnership "
            "Board."
        ),
        "chair": "head_safeguarding_qa",
        "quorum": 3,
        "min_meetings_per_year": 6,
        "reports_to": "board",
        "members": [
            ["head_safeguarding_qa", "voting"],
            ["designated_nurse", "voting"],
            ["met_dsp", "voting"],
            ["named_nurse_lnwh", "voting"],
            ["business_manager", "advisory"],
        ],
    },
    {
        "key": "exploitation_tf",
        "name": "Child Exploitation Task and Finish Group",
        "short_name": "CE T&F",
        "kind": "task_and_finish",
        "purpose": (
            "Time-limited group to review the multi-agency response to children at risk of "
            "exploitation and going missing, and to refresh the local exploitation protocol."
        ),
        "people": (
            "Led by the police DSP for the West Area BCU, with Children's Services and health "
            "safeguarding leads."
        ),
        "process": (
            "Meets monthly until its workplan is delivered. Quorate with three members. "
            "Reports to the Partnership Board."
        ),
        "chair": "met_dsp",
        "quorum": 3,
        "min_meetings_per_year": 4,
        "reports_to": "board",
        "members": [
            ["met_dsp", "voting"],
            ["head_safeguarding_qa", "voting"],
            ["designated_nurse", "voting"],
            ["business_manager", "advisory"],
        ],
    },
]

_EALING_PLANS: list[dict] = [
    {
        "title": "ESCP Strategic Plan 2024-27",
        "start_year": 2024,
        "end_year": 2027,
        "priorities": [
            {
                "title": "Child exploitation and serious youth violence",
                "description": (
                    "Protect children from criminal and sexual exploitation and serious youth "
                    "violence outside the home."
                ),
                "objectives": [
                    ("Refresh the multi-agency exploitation protocol and missing children pathway."),
                    (
                        "Map children at risk of exploitation across agencies and check that each "
                        "has a safety plan."
                    ),
                ],
            },
            {
                "title": "Neglect",
                "description": "Identify neglect earlier and respond before it becomes entrenched.",
                "objectives": [
                    "Embed a shared neglect assessment tool across agencies.",
                    "Audit multi-agency practice in cases of long-standing neglect.",
                ],
            },
            {
                "title": "Children's mental health and emotional wellbeing",
                "description": (
                    "Improve support for children and young people with mental health needs "
                    "while they wait for specialist services."
                ),
                "objectives": [
                    "Seek assurance on CAMHS waiting times and support while waiting.",
                    "Train school staff in recognising and responding to self-harm.",
                ],
            },
        ],
    },
]

EALING: dict = {
    "slug": "ealing",
    "name": "Ealing Safeguarding Children Partnership",
    "short_name": "ESCP",
    "local_authority": "London Borough of Ealing",
    "la_code": "307",
    "vision": (
        "Every child and young person in Ealing grows up safe, healthy and supported to "
        "achieve their potential, with agencies working together to protect them from harm."
    ),
    "values": [
        {
            "title": "The voice of the child",
            "description": (
                "We listen to children and young people and let what they tell us shape our services."
            ),
        },
        {
            "title": "Think family",
            "description": (
                "We look at the whole family, including adults' needs, when we safeguard children."
            ),
        },
    ],
    "principles": _SIX_PRINCIPLES,
    "agencies": _EALING_AGENCIES,
    "people": _EALING_PEOPLE,
    "groups": _EALING_GROUPS,
    "plans": _EALING_PLANS,
}

# ---------------------------------------------------------------------------------------------
# Hillingdon Safeguarding Children Partnership - plausible demo data
# ---------------------------------------------------------------------------------------------

_HILLINGDON_AGENCIES: list[dict] = [
    {
        "key": "lb_hillingdon",
        "name": "London Borough of Hillingdon",
        "type": "local_authority",
        "status": "statutory_partner",
        "description": (
            "Local authority statutory safeguarding partner, including Children's Services; "
            "hosts the partnership business team."
        ),
    },
    _NHS_NWL_ICB,
    _MET_POLICE_WEST,
    {
        "key": "hillingdon_education",
        "name": "Hillingdon schools and education settings",
        "type": "education",
        "status": "relevant_agency",
        "description": "Early years settings, schools, colleges and alternative provision.",
    },
    {
        "key": "thh",
        "name": "The Hillingdon Hospitals NHS Foundation Trust",
        "type": "health",
        "status": "relevant_agency",
        "description": "Acute trust: Hillingdon Hospital and Mount Vernon Hospital.",
    },
    {
        "key": "cnwl",
        "name": "Central and North West London NHS Foundation Trust",
        "type": "health",
        "status": "relevant_agency",
        "description": "Mental health (including CAMHS) and community health services.",
    },
    {
        "key": "hillingdon_yjs",
        "name": "Hillingdon Youth Justice Service",
        "type": "youth_justice",
        "status": "relevant_agency",
        "description": "Youth justice team for children aged 10-17 in the justice system.",
    },
    {
        **_PROBATION,
        "description": "Probation services for Hillingdon (Hillingdon Probation Delivery Unit).",
    },
    {**_CAFCASS, "description": "Represents children in family court proceedings in Hillingdon."},
    {**_LONDON_FIRE_BRIGADE, "description": "Fire and rescue service for Hillingdon."},
    {
        "key": "border_force_heathrow",
        "name": "Border Force (Heathrow Airport)",
        "type": "other",
        "status": "relevant_agency",
        "description": (
            "Identifies unaccompanied and potentially trafficked children arriving at "
            "Heathrow and refers them to Children's Services."
        ),
    },
]

_HILLINGDON_PEOPLE: list[dict] = [
    {
        "key": "lbhill_ceo",
        "name": "Graham Appiah-Lindsay",
        "job_title": "Chief Executive, London Borough of Hillingdon",
        "agency": "lb_hillingdon",
        "email": "graham.appiah-lindsay@hillingdon.example.org",
        "role": "lsp",
    },
    _ICB_LSP,
    _MET_LSP,
    {
        "key": "lbhill_dsp",
        "name": "Ines Carvalho-Brooke",
        "job_title": "Director of Children's Services, London Borough of Hillingdon",
        "agency": "lb_hillingdon",
        "email": "ines.carvalho-brooke@hillingdon.example.org",
        "role": "dsp",
    },
    _ICB_DSP,
    _MET_DSP,
    {
        "key": "business_manager",
        "name": "Hamza Whitcombe",
        "job_title": "Safeguarding Partnership Business Manager",
        "agency": "lb_hillingdon",
        "email": "hamza.whitcombe@hillingdon.example.org",
        "role": "business_team",
    },
    {
        "key": "scrutineer",
        "name": "Judith Nakamura-Bell",
        "job_title": "Independent Scrutineer",
        "agency": "lb_hillingdon",
        "email": "judith.nakamura-bell@hillingdonscp.example.org",
        "role": "scrutineer",
    },
    {
        "key": "head_safeguarding",
        "name": "Kofi Lindgren",
        "job_title": "Head of Safeguarding, Quality and Partnerships, Children's Services",
        "agency": "lb_hillingdon",
        "email": "kofi.lindgren@hillingdon.example.org",
        "role": "agency_lead",
    },
    {
        "key": "designated_nurse",
        "name": "Maryam Castellano",
        "job_title": "Designated Nurse for Safeguarding Children (Hillingdon)",
        "agency": "nhs_nwl_icb",
        "email": "maryam.castellano@nwlicb.example.org",
        "role": "agency_lead",
    },
    {
        "key": "named_nurse_thh",
        "name": "Rhys Okoro",
        "job_title": ("Named Nurse for Safeguarding Children, The Hillingdon Hospitals NHS Foundation Trust"),
        "agency": "thh",
        "email": "rhys.okoro@thh.example.org",
        "role": "agency_lead",
    },
    {
        "key": "education_safeguarding_lead",
        "name": "Sinead Varga",
        "job_title": "Education Safeguarding Lead",
        "agency": "lb_hillingdon",
        "email": "sinead.varga@hillingdon.example.org",
        "role": "agency_lead",
    },
]

_HILLINGDON_GROUPS: list[dict] = [
    {
        "key": "lsp",
        "name": "Lead Safeguarding Partners",
        "short_name": "LSPs",
        "kind": "lsp",
        "purpose": (
            "The three Lead Safeguarding Partners are jointly accountable for the "
            "effectiveness of Hillingdon's multi-agency safeguarding arrangements. They set "
            "the partnership's priorities, agree its funding, sign off the yearly report and "
            "publish a statement of assurance."
        ),
        "people": (
            "The Chief Executive, London Borough of Hillingdon; the Chief Accountable Officer, "
            "North West London Integrated Care Board; and the Assistant Commissioner, "
            "Metropolitan Police. The Independent Scrutineer attends to advise."
        ),
        "process": (
            "Meets at least twice a year. Quorate when all three LSPs (or authorised deputies) "
            "are present; decisions are joint. Receives reports from the Executive Board and "
            "the Independent Scrutineer."
        ),
        "chair": "lbhill_ceo",
        "quorum": 3,
        "min_meetings_per_year": 2,
        "reports_to": None,
        "members": [
            ["lbhill_ceo", "voting"],
            ["icb_lsp", "voting"],
            ["met_lsp", "voting"],
            ["scrutineer", "advisory"],
        ],
    },
    {
        "key": "board",
        "name": "Hillingdon Safeguarding Children Partnership Executive Board",
        "short_name": "Executive Board",
        "kind": "board",
        "purpose": (
            "The operational decision-making body of the arrangements. The Delegated "
            "Safeguarding Partners oversee the effectiveness of the multi-agency system, "
            "deliver the strategic plan, commission reviews and hold agencies to account for "
            "their contribution to safeguarding children in Hillingdon."
        ),
        "people": (
            "The three Delegated Safeguarding Partners and the Head of Safeguarding, Quality "
            "and Partnerships. The Independent Scrutineer attends as a non-voting member; the "
            "business manager supports the Board."
        ),
        "process": (
            "Meets at least quarterly. The chair rotates each year between the DSPs; in 2024-25 "
            "the ICB DSP chairs. Quorate with the three DSPs or authorised deputies. Subgroups "
            "report to the Board; the Board reports to the LSPs."
        ),
        "chair": "icb_dsp",
        "quorum": 3,
        "min_meetings_per_year": 4,
        "reports_to": "lsp",
        "members": [
            ["icb_dsp", "voting"],
            ["lbhill_dsp", "voting"],
            ["met_dsp", "voting"],
            ["head_safeguarding", "advisory"],
            ["scrutineer", "advisory"],
            ["business_manager", "advisory"],
        ],
    },
    {
        "key": "learning_improvement",
        "name": "Learning and Improvement Subgroup",
        "short_name": "L&I",
        "kind": "subgroup",
        "purpose": (
            "Conducts Rapid Reviews and LCSPRs, runs the multi-agency audit programme and "
            "turns learning from reviews and audits into training and practice guidance."
        ),
        "people": (
            "Chaired by the Designated Nurse for Safeguarding Children, with the Head of "
            "Safeguarding, Quality and Partnerships, the acute trust's named nurse and police "
            "representation."
        ),
        "process": (
            "Meets every two months, with extraordinary meetings for Rapid Reviews. Quorate "
            "with one representative of each statutory partner. Reports to the Executive "
            "Board."
        ),
        "chair": "designated_nurse",
        "quorum": 3,
        "min_meetings_per_year": 6,
        "reports_to": "board",
        "members": [
            ["designated_nurse", "voting"],
            ["head_safeguarding", "voting"],
            ["named_nurse_thh", "voting"],
            ["met_dsp", "voting"],
            ["business_manager", "advisory"],
        ],
    },
    {
        "key": "education_safeguarding",
        "name": "Education Safeguarding Subgroup",
        "short_name": "Education",
        "kind": "subgroup",
        "purpose": (
            "Links the partnership with schools, colleges and early years settings, oversees "
            "the Section 175/157 safeguarding audit and children missing education and "
            "electively home educated."
        ),
        "people": (
            "Chaired by the Education Safeguarding Lead, with designated safeguarding leads "
            "from schools, Children's Services and health."
        ),
        "process": ("Meets once a term. Quorate with three voting members. Reports to the Executive Board."),
        "chair": "education_safeguarding_lead",
        "quorum": 3,
        "min_meetings_per_year": 3,
        "reports_to": "board",
        "members": [
            ["education_safeguarding_lead", "voting"],
            ["head_safeguarding", "voting"],
            ["designated_nurse", "voting"],
            ["business_manager", "advisory"],
        ],
    },
]

_HILLINGDON_PLANS: list[dict] = [
    {
        "title": "Hillingdon Safeguarding Children Partnership Strategic Plan 2024-27",
        "start_year": 2024,
        "end_year": 2027,
        "priorities": [
            {
                "title": "Children arriving unaccompanied or trafficked through Heathrow",
                "description": (
                    "Make sure children arriving alone or at risk of trafficking at Heathrow "
                    "are identified, protected and supported."
                ),
                "objectives": [
                    ("Agree a joint protocol with Border Force for referring children found at the border."),
                    ("Track outcomes for unaccompanied asylum-seeking children in their first year."),
                ],
            },
            {
                "title": "Exploitation and extra-familial harm",
                "description": (
                    "Protect adolescents from harm outside the family, including exploitation "
                    "and serious youth violence."
                ),
                "objectives": [
                    "Adopt a contextual safeguarding approach to places of concern.",
                    "Review the response to children who go missing from home or care.",
                ],
            },
            {
                "title": "Safeguarding children in education",
                "description": (
                    "Children missing education or electively home educated are visible to agencies and safe."
                ),
                "objectives": [
                    (
                        "Share information on children missing education between schools, health "
                        "and Children's Services."
                    ),
                    "Complete the Section 175/157 audit with every school.",
                ],
            },
        ],
    },
]

HILLINGDON: dict = {
    "slug": "hillingdon",
    "name": "Hillingdon Safeguarding Children Partnership",
    "short_name": "HiSCP",
    "local_authority": "London Borough of Hillingdon",
    "la_code": "312",
    "vision": (
        "Children and young people in Hillingdon are safe, feel safe and are supported by "
        "partners who work and learn together."
    ),
    "values": [
        {
            "title": "Child first",
            "description": "Every decision starts from the child's experience, needs and wishes.",
        },
        {
            "title": "A learning culture",
            "description": ("We are open about what goes well and what does not, and learn from both."),
        },
    ],
    "principles": _SIX_PRINCIPLES,
    "agencies": _HILLINGDON_AGENCIES,
    "people": _HILLINGDON_PEOPLE,
    "groups": _HILLINGDON_GROUPS,
    "plans": _HILLINGDON_PLANS,
}

PARTNERSHIPS: list[dict] = [HOUNSLOW, EALING, HILLINGDON]
