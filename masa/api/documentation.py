"""The API documentation page: the OpenAPI schema django-ninja builds, shown as a GOV.UK page.

The schema stays the single source (it is also served as JSON for tools); this module only
reshapes it for reading: operations grouped by tag, each with its parameters, the fields of
its request body and its responses, and the fields of every schema they name. A server-rendered
page rather than Swagger UI, so it works without JavaScript and passes the same accessibility
checks as every other page (docs/architecture.md, "2. Layers", the API).
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from masa.core.access import public_view

METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    body: str  # the name of the request body's schema, if any
    responses: list[tuple[str, str, str]]  # status, description, schema name

    @property
    def anchor(self) -> str:
        return f"{self.method}-{self.path}".lower().replace("/", "-").replace("{", "").replace("}", "")


@dataclass
class Section:
    tag: str
    operations: list[Operation] = field(default_factory=list)


def _ref_name(schema: dict[str, Any]) -> str:
    """The component a schema points at ("PlanOut"), through arrays ("list of PlanOut")."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        inner = _ref_name(schema["items"])
        return f"list of {inner}" if inner else ""
    return ""


def type_of(schema: dict[str, Any]) -> str:
    """A schema's type in words: "string", "integer or null", "list of PlanOut"."""
    if "anyOf" in schema:
        return " or ".join(type_of(option) for option in schema["anyOf"])
    named = _ref_name(schema)
    if named:
        return named
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"list of {type_of(schema.get('items', {}))}"
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    if schema.get("enum"):
        return f"{kind}: one of {', '.join(str(value) for value in schema['enum'])}"
    return kind


def _json_schema(content: dict[str, Any]) -> dict[str, Any]:
    for media in content.values():
        return dict(media.get("schema", {}))
    return {}


def schema_fields(schema: dict[str, Any]) -> list[Field]:
    required = set(schema.get("required", []))
    return [
        Field(name, type_of(spec), name in required, str(spec.get("description", "")))
        for name, spec in schema.get("properties", {}).items()
    ]


def sections(schema: dict[str, Any]) -> list[Section]:
    """The operations grouped by their first tag, in the order the API declares them."""
    by_tag: dict[str, Section] = {}
    for path, methods in schema.get("paths", {}).items():
        for method in sorted(methods, key=lambda m: METHOD_ORDER.index(m.upper())):
            spec = methods[method]
            tag = (spec.get("tags") or ["Other"])[0]
            parameters = [
                Field(
                    f"{p['name']} ({p.get('in', 'query')})",
                    type_of(p.get("schema", {})),
                    bool(p.get("required")),
                    str(p.get("description", "")),
                )
                for p in spec.get("parameters", [])
            ]
            body = spec.get("requestBody", {}).get("content", {})
            responses = [
                (status, str(r.get("description", "")), _ref_name(_json_schema(r.get("content", {}))))
                for status, r in spec.get("responses", {}).items()
            ]
            by_tag.setdefault(tag, Section(tag)).operations.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=str(spec.get("summary", "")),
                    description=str(spec.get("description", "")),
                    parameters=parameters,
                    body=_ref_name(_json_schema(body)) if body else "",
                    responses=sorted(responses),
                )
            )
    return list(by_tag.values())


@public_view
def api_docs(request: HttpRequest) -> HttpResponse:
    from masa.api.api import api

    schema = api.get_openapi_schema()
    context = {
        "info": schema.get("info", {}),
        "sections": sections(schema),
        "schemas": {
            name: schema_fields(spec) for name, spec in sorted(schema["components"]["schemas"].items())
        },
        "schema_url": reverse("api:openapi-json"),
    }
    return render(request, "api/documentation.html", context)
