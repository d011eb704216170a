"""LongSelect writes the same options as Django's select, escaped, with the chosen one selected."""

import re

from django import forms

from masa.core.forms import LongSelect

CHOICES = [("", "Anyone"), ("1", "Ann <Lead>"), ("2", 'Bob "B" & Co'), ("3", "Cat")]


def _options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, bool(selected), label)
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def test_options_match_djangos_select_and_are_escaped() -> None:
    ours = LongSelect(choices=CHOICES).render("owner", "2", {"id": "id_owner"})
    django = forms.Select(choices=CHOICES).render("owner", "2", {"id": "id_owner"})
    assert _options(ours) == _options(django)
    assert ("2", True, "Bob &quot;B&quot; &amp; Co") in _options(ours)
    assert "Ann &lt;Lead&gt;" in ours and "<Lead>" not in ours
    assert ours.startswith("<select") and 'name="owner"' in ours and 'id="id_owner"' in ours


def test_nothing_selected_without_a_value_and_groups_become_optgroups() -> None:
    plain = LongSelect(choices=CHOICES).render("owner", None)
    assert " selected" not in plain.replace('<option value="" selected>', "")
    grouped = LongSelect(choices=[("2024 to 2027 plan", [("7", "Neglect")]), ("", "None")]).render("p", "7")
    assert (
        '<optgroup label="2024 to 2027 plan"><option value="7" selected>Neglect</option></optgroup>'
        in grouped
    )


def test_a_model_choice_field_renders_its_queryset_through_it(db) -> None:
    from tests.factories import PersonFactory

    person = PersonFactory(name="Dana <Owner>")
    field = forms.ModelChoiceField(
        queryset=type(person).objects.all(), widget=LongSelect, empty_label="Anyone"
    )
    html = field.widget.render("owner", person.pk)
    assert f'<option value="{person.pk}" selected>Dana &lt;Owner&gt;</option>' in html
    assert '<option value="">Anyone</option>' in html
