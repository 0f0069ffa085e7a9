"""A fast SHACL Core engine: each constraint of the shapes becomes one SPARQL query.

pySHACL walks the graph node by node in Python: 14 s at 100,000 triples, minutes at a
million. The same constraints as whole-graph SPARQL queries on pyoxigraph take a fraction
of that. This module compiles the part of SHACL Core the plangraph shapes use (simple
paths; minCount, maxCount, datatype, class, pattern, in, languageIn, uniqueLang,
minLength, minInclusive, disjoint, lessThanOrEquals, or/and/not of classes and property
shapes) and refuses, with a clear message, anything else. ``plangraph validate --engine
pyshacl`` runs the reference implementation; the tests check that both find the same.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["compile_shapes", "CompiledCheck", "UnsupportedShape", "english_message"]

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


class UnsupportedShape(Exception):
    """A shape uses a SHACL feature this engine does not compile."""


@dataclass
class CompiledCheck:
    """One SPARQL query whose rows (``?focus`` and maybe ``?value``) are violations."""

    shape: str  # local name of the node shape
    severity: str
    message: str
    path: str
    query: str


def english_message(literals):
    """Of a shape's messages in several languages, the English one (tagged @en, or
    untagged); any one when none is; None when there are none."""
    literals = list(literals)
    english = [m for m in literals if getattr(m, "language", None) in (None, "en")]
    return min(english or literals, default=None)


def _term(node) -> str:
    import rdflib

    if isinstance(node, rdflib.URIRef):
        return f"<{node}>"
    if isinstance(node, rdflib.Literal):
        return node.n3()
    raise UnsupportedShape(f"cannot use {node!r} as a SPARQL term")


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class _Compiler:
    def __init__(self, shapes, ontology):
        import rdflib

        self.g = shapes
        self.sh = rdflib.Namespace(SH)
        self.counter = 0  # fresh variable names, so that joined patterns do not share them
        self.subclasses: dict[str, set[str]] = {}
        for graph in (ontology, shapes):
            for sub, sup in graph.subject_objects(rdflib.URIRef(RDFS_SUBCLASS)):
                self.subclasses.setdefault(str(sup), set()).add(str(sub))

    def closure(self, cls) -> str:
        todo, seen = [str(cls)], set()
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.subclasses.get(current, ()))
        return " ".join(f"<{c}>" for c in sorted(seen))

    def one(self, node, name):
        return self.g.value(node, self.sh[name])

    def message(self, node):
        """The English ``sh:message`` of ``node``: the one findings carry;
        :func:`plangraph.validate.shape_messages` gives the Vietnamese beside it."""
        return english_message(self.g.objects(node, self.sh.message))

    def items(self, node, name):
        import rdflib

        head = self.one(node, name)
        return list(rdflib.collection.Collection(self.g, head)) if head is not None else []

    # -- focus nodes ------------------------------------------------------------------

    def focus(self, shape) -> str:
        parts = []
        for cls in self.g.objects(shape, self.sh.targetClass):
            parts.append(f"{{ ?focus a ?targetClass . VALUES ?targetClass {{ {self.closure(cls)} }} }}")
        for predicate in self.g.objects(shape, self.sh.targetSubjectsOf):
            parts.append(f"{{ SELECT DISTINCT ?focus WHERE {{ ?focus {_term(predicate)} ?targetValue }} }}")
        if not parts:
            raise UnsupportedShape(f"{shape} has no sh:targetClass or sh:targetSubjectsOf")
        return " UNION ".join(parts)

    # -- conformance patterns for logical constraints -------------------------------------

    def conforms(self, node, focus: str) -> str:
        """A group pattern that binds ?focus to the nodes conforming to ``node``."""
        known = {str(p) for p in self.g.predicates(node, None)} - {RDF_TYPE, SH + "message", SH + "severity"}
        if known == {SH + "class"}:
            return f"{{ ?focus a ?c . VALUES ?c {{ {self.closure(self.one(node, 'class'))} }} }}"
        if known == {SH + "and"}:
            return "{ " + " ".join(self.conforms(part, focus) for part in self.items(node, "and")) + " }"
        path = self.one(node, "path")
        if path is not None and known == {SH + "path", SH + "minCount"} and int(self.one(node, "minCount")) == 1:
            self.counter += 1
            return f"{{ ?focus {_term(path)} ?any{self.counter} }}"
        if path is not None and known == {SH + "path", SH + "in"}:
            allowed = ", ".join(_term(i) for i in self.items(node, "in"))
            return f"{{ {focus} MINUS {{ ?focus {_term(path)} ?bad FILTER(?bad NOT IN ({allowed})) }} }}"
        raise UnsupportedShape(f"sh:or/sh:and member with {sorted(known)} is not supported")

    # -- checks -----------------------------------------------------------------------------

    def checks(self) -> list[CompiledCheck]:
        import rdflib

        out = []
        for shape in sorted(self.g.subjects(rdflib.RDF.type, self.sh.NodeShape), key=str):
            name = str(shape).rsplit("#", 1)[-1]
            focus = self.focus(shape)
            severity = self._severity(shape, "violation")
            message = str(self.message(shape) or f"does not conform to {name}")
            if self.one(shape, "or") is not None:
                minus = " ".join(f"MINUS {self.conforms(alt, focus)}" for alt in self.items(shape, "or"))
                out.append(CompiledCheck(name, severity, message, "",
                                         f"SELECT DISTINCT ?focus WHERE {{ {focus} {minus} }}"))
            if self.one(shape, "not") is not None:
                out.append(CompiledCheck(name, severity, message, "", (
                    f"SELECT DISTINCT ?focus WHERE {{ {focus} {self.conforms(self.one(shape, 'not'), focus)} }}")))
            for prop in self.g.objects(shape, self.sh.property):
                out.extend(self.property_checks(name, focus, prop, severity))
        return out

    def _severity(self, node, default: str) -> str:
        value = self.one(node, "severity")
        return str(value).rsplit("#", 1)[-1].lower() if value is not None else default

    def property_checks(self, name, focus, prop, node_severity) -> list[CompiledCheck]:
        import rdflib

        path = self.one(prop, "path")
        if not isinstance(path, rdflib.URIRef):
            raise UnsupportedShape(f"{name}: only simple property paths are supported")
        p = _term(path)
        severity = self._severity(prop, node_severity)
        message = str(self.message(prop) or f"{name}: {path} does not conform")
        short = str(path)
        checks: list[str] = []
        handled = {"path", "message", "severity", "name", "description"}

        def values(condition: str) -> str:
            return f"SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {p} ?value . {condition} }}"

        for key in (str(k)[len(SH):] for k in self.g.predicates(prop, None) if str(k).startswith(SH)):
            value = self.one(prop, key)
            if key in handled:
                continue
            if key == "minCount":
                checks.append(f"SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {p} ?value }} }} "
                              f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) < {int(value)})")
            elif key == "maxCount":
                checks.append(f"SELECT ?focus WHERE {{ {focus} ?focus {p} ?value }} "
                              f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?value) > {int(value)})")
            elif key == "datatype":
                checks.append(values(f"FILTER(!isLiteral(?value) || datatype(?value) != {_term(value)})"))
            elif key == "class":
                checks.append(values(f"MINUS {{ ?value a ?c . VALUES ?c {{ {self.closure(value)} }} }}"))
            elif key == "pattern":
                checks.append(values(f"FILTER(isBlank(?value) || !REGEX(STR(?value), {_string(str(value))}))"))
            elif key == "in":
                allowed = ", ".join(_term(i) for i in self.items(prop, "in"))
                checks.append(values(f"FILTER(?value NOT IN ({allowed}))"))
            elif key == "languageIn":
                tests = " || ".join(f"langMatches(lang(?value), {_string(str(t))})" for t in self.items(prop, "languageIn"))
                checks.append(values(f"FILTER(!isLiteral(?value) || !({tests}))"))
            elif key == "uniqueLang":
                if value.toPython() is True:
                    checks.append(f"SELECT DISTINCT ?focus WHERE {{ {focus} ?focus {p} ?value , ?other . "
                                  f"FILTER(?value != ?other && lang(?value) != \"\" && lang(?value) = lang(?other)) }}")
            elif key == "minLength":
                checks.append(values(f"FILTER(isBlank(?value) || STRLEN(STR(?value)) < {int(value)})"))
            elif key == "minInclusive":
                checks.append(values(f"FILTER(!(?value >= {_term(value)}))"))
            elif key == "disjoint":
                checks.append(values(f"?focus {_term(value)} ?value ."))
            elif key == "lessThanOrEquals":
                checks.append(values(f"?focus {_term(value)} ?other . FILTER(!(?value <= ?other))"))
            elif key == "or":
                classes = []
                for alternative in self.items(prop, "or"):
                    keys = {str(k) for k in self.g.predicates(alternative, None)}
                    if keys != {SH + "class"}:
                        raise UnsupportedShape(f"{name}: sh:or in a property shape must list sh:class only")
                    classes.append(self.closure(self.one(alternative, "class")))
                checks.append(values(f"MINUS {{ ?value a ?c . VALUES ?c {{ {' '.join(classes)} }} }}"))
            else:
                raise UnsupportedShape(f"{name}: sh:{key} is not supported by the fast engine; use --engine pyshacl")
        return [CompiledCheck(name, severity, message, short, query) for query in checks]


def compile_shapes(shapes, ontology) -> list[CompiledCheck]:
    """Compile an rdflib shapes graph (with the ontology for subclasses) to SPARQL checks."""
    return _Compiler(shapes, ontology).checks()
