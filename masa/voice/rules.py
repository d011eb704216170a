"""Who may read and record the voice of children and families (docs/domain.md, "Voice of children
and families").

The business team records activities and "you said, we did" entries and marks entries published.
The senior roles, chairs, members and the independent scrutineer read everything, unpublished
entries too, and download the register. Agency leads and practitioners read the published
entries and the activities they came from. The public reads only the public "You said, we did"
page (a public view, no permission). Which records a user sees is `selectors`; anything outside
it is 404.
"""

import rules

from masa.accounts.rules import in_governance, is_business_team, is_member

VIEW_VOICE = "voice.view_voice"
VIEW_UNPUBLISHED = "voice.view_unpublished"
MANAGE_VOICE = "voice.manage_voice"

rules.add_perm(VIEW_VOICE, is_member)
rules.add_perm(VIEW_UNPUBLISHED, in_governance)
rules.add_perm(MANAGE_VOICE, is_business_team)
