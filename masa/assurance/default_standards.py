"""masa's default standards sets, in its own words (pure Python).

Section 11 of the Children Act 2004 puts a duty on named bodies to make arrangements that
safeguard and promote the welfare of children; Working Together to Safeguard Children 2023
describes what those arrangements include, which the eight Section 11 standards follow. Section
175 of the Education Act 2002 (and section 157 for independent schools and academies) is the
schools' equivalent, described in Keeping Children Safe in Education. A partnership copies a set
and then changes it as its own.

Each standard is (title, inadequate, requires improvement, good, outstanding).
"""

Standard = tuple[str, str, str, str, str]

SECTION_11_NAME = "Section 11 standards (Children Act 2004)"
SECTION_175_NAME = "Section 175 standards for schools (Education Act 2002)"

SECTION_11: tuple[Standard, ...] = (
    (
        "Senior management commitment to safeguarding",
        "Safeguarding has no named senior lead and is not discussed by the board or leadership team.",
        "A senior lead is named, but safeguarding reaches the leadership team only when something goes "
        "wrong.",
        "A named senior lead champions safeguarding; leaders review it regularly and resource it.",
        "Leaders set the safeguarding culture, test it themselves and can show how it changed services.",
    ),
    (
        "A clear statement of the agency's responsibilities towards children",
        "There is no written statement of what the agency does to safeguard children.",
        "A statement exists but is out of date or not known to most staff.",
        "A current statement, known to staff, says what the agency does and how the public can raise a "
        "concern.",
        "The statement is shaped with children and families and reviewed against what they say.",
    ),
    (
        "Clear lines of accountability for safeguarding",
        "No one can say who is accountable for safeguarding at each level.",
        "Accountability is written down but not used: concerns stall or go round it.",
        "Everyone knows who is accountable at each level, and concerns are escalated along those lines.",
        "Accountability is tested through audit and supervision, and gaps found are closed quickly.",
    ),
    (
        "Service development takes account of the need to safeguard children",
        "New or changed services are planned without thinking about children's safety.",
        "Children's safety is considered sometimes, depending on who plans the service.",
        "Every service change is assessed for its effect on children, and children's views are sought.",
        "Children and families help design services, and the agency can show what changed as a result.",
    ),
    (
        "Staff training on safeguarding",
        "Staff are not trained in safeguarding, or no one knows who has been trained.",
        "Training exists but take-up is low or not tracked for every role.",
        "Every role has the training it needs, take-up is tracked and refreshed, and it includes "
        "multi-agency courses.",
        "Training is evaluated for its effect on practice and shaped by local reviews and audits.",
    ),
    (
        "Safer recruitment, and allegations against people who work with children",
        "Pre-employment checks are missed, and allegations are not referred to the LADO.",
        "Checks are mostly done, but records are incomplete or allegations are referred late.",
        "Safer recruitment is followed for every post, and allegations go to the LADO within one "
        "working day.",
        "Recruitment and allegations are audited, and lessons from them change the agency's practice.",
    ),
    (
        "Effective inter-agency working to safeguard children",
        "The agency does not take part in multi-agency meetings or plans for children.",
        "The agency takes part, but attendance or contributions are inconsistent.",
        "The agency attends and contributes to strategy meetings, conferences and partnership work, and "
        "escalates disagreements.",
        "The agency leads multi-agency improvement and can show better outcomes for children from it.",
    ),
    (
        "Information sharing",
        "Staff do not know when or how they may share information to protect a child.",
        "There is guidance, but staff are unsure of it and information is shared late.",
        "Staff share information promptly and lawfully, following clear guidance and recording why.",
        "Information sharing is audited, and the agency helps partners improve how information flows.",
    ),
)

SECTION_175: tuple[Standard, ...] = (
    (
        "Designated safeguarding lead",
        "There is no designated safeguarding lead, or they lack the time and training for the role.",
        "A lead is named but has no deputy or too little time, training or supervision.",
        "A trained designated lead and deputy have the time, authority and support the role needs.",
        "The designated leads shape safeguarding across the school and support other schools.",
    ),
    (
        "Safeguarding and child protection policies",
        "The child protection policy is missing or does not follow current guidance.",
        "Policies exist but are out of date or not known to staff.",
        "Policies follow current guidance, are reviewed every year, published and known to staff.",
        "Policies are shaped with pupils and parents and checked against practice.",
    ),
    (
        "Staff and governor training",
        "Staff and governors are not trained in safeguarding.",
        "Induction training happens but updates are irregular or not recorded.",
        "Everyone has induction training and regular updates, recorded and checked.",
        "Training is evaluated and draws on local learning from reviews and audits.",
    ),
    (
        "Safer recruitment",
        "Pre-employment checks are missed or the single central record is incomplete.",
        "Checks are done but the single central record has gaps.",
        "Safer recruitment is followed and the single central record is complete and checked.",
        "Recruitment is audited by governors and lessons are acted on.",
    ),
    (
        "Online safety",
        "There is no filtering, monitoring or teaching about online safety.",
        "Filtering is in place but monitoring or teaching is patchy.",
        "Filtering and monitoring are reviewed, and pupils are taught to stay safe online.",
        "Pupils and parents help shape the online safety offer, and the school can show its effect.",
    ),
    (
        "Early help and referrals",
        "Concerns are not referred, or referrals are late or unclear.",
        "Referrals are made but early help is not offered consistently.",
        "Early help is offered when needed and referrals are timely and clear.",
        "The school leads early help for families and can show what changed for them.",
    ),
    (
        "Safeguarding records",
        "Concerns are not recorded, or records are not kept securely.",
        "Records are kept but are incomplete or do not show the action taken.",
        "Concerns, decisions and actions are recorded promptly and securely and transferred with the pupil.",
        "Records are audited and used to spot patterns and act on them early.",
    ),
    (
        "Governance and oversight",
        "Governors do not oversee safeguarding.",
        "A governor is named but oversight is limited to an annual report.",
        "A named governor oversees safeguarding and governors challenge the school's reports.",
        "Governors test safeguarding themselves, by visits and audit, and act on what they find.",
    ),
)

DEFAULTS: dict[str, tuple[str, tuple[Standard, ...]]] = {
    "section_11": (SECTION_11_NAME, SECTION_11),
    "section_175": (SECTION_175_NAME, SECTION_175),
}
