from django import forms, template

register = template.Library()


@register.filter
def error_links(form: forms.BaseForm) -> list[tuple[str, str]]:
    """(href, message) for the GOV.UK error summary, each linking to the input to fix.

    Radios and checkboxes link to the first option (Django numbers them _1, _2, ...); a date
    asked as day, month and year links to the part that is wrong.
    """
    links: list[tuple[str, str]] = []
    visible = form.visible_fields()
    for error in form.non_field_errors():
        links.append((f"#{visible[0].auto_id}" if visible else "#main-content", str(error)))
    for bound in visible:
        field, target = bound.field, bound.auto_id
        if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            target = f"{bound.auto_id}_1"
        seen: list[str] = []
        for index, sub in enumerate(getattr(field, "fields", ())):
            for message in getattr(sub.widget, "errors", []):
                links.append((f"#{bound.auto_id}_{index}", message))
                seen.append(message)
        links += [(f"#{target}", str(e)) for e in bound.errors if e not in seen]
    return links
