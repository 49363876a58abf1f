#!/usr/bin/env python3
"""Sightline checked by other people's code: the OASIS reference clients against a running server.

- taxii2-client (TAXII 2.1) over every endpoint and filter, with its own TokenAuth and with Basic;
- stix-validator and stix2.parse over the STIX files Sightline writes (export, dossier, match);
- a round trip of objects made by the stix2 library: pushed through TAXII, pulled back, compared.

It prints one JSON report on stdout; the Java test (ReferenceClientsTest) asserts on it. Run it by
hand with the PYTHONPATH the test uses (see reference_clients.pythonpath in that test):
  python3 reference_clients.py --base http://127.0.0.1:8080 --writer TOKEN --reader TOKEN \
      --collection ID --export export.json --files export.json dossier.json sightings.json \
      --schemas ../shared/reference-clients/cti-stix2-json-schemas/schemas
"""
import argparse
import json
import os
import sys
import uuid

import requests
import stix2
import stix2validator.validator as validator_module
from stix2validator import ValidationOptions, validate_instance
from taxii2client.common import TokenAuth
from taxii2client.v21 import Collection, Server, as_pages

TAXII = "application/taxii+json;version=2.1"
TLP2_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
TLP2_AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"


class Report(object):
    def __init__(self):
        self.calls = 0
        self.failed = []

    def call(self, name, check):
        """One named check: any exception (an assertion or the client's own) is a failed call."""
        self.calls += 1
        try:
            return check()
        except Exception as e:  # noqa: BLE001 - the report names whatever went wrong
            self.failed.append("%s: %s: %s" % (name, type(e).__name__, str(e)[:400]))
            return None


def ensure(condition, message):
    if not condition:
        raise AssertionError(message)


def http_status(error):
    response = getattr(error, "response", None)
    return None if response is None else response.status_code


def expect_status(status, request):
    """A request that must be refused with this status and a TAXII error message body."""
    response = request()
    ensure(response.status_code == status, "expected %d, got %d: %s" % (status, response.status_code, response.text[:200]))
    ensure(response.headers.get("Content-Type", "").startswith("application/taxii+json"),
           "the refusal is %s, not a TAXII error message" % response.headers.get("Content-Type"))
    ensure(response.json().get("http_status") == str(status), "error body: %s" % response.text[:200])


def has_non_ascii(value):
    return any(ord(c) > 127 for c in json.dumps(value, ensure_ascii=False))


def load_objects(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    return document.get("objects", []) if isinstance(document, dict) else []


def taxii_checks(args, report, export):
    base = args.base.rstrip("/")
    auth = TokenAuth(args.writer)
    discovery = base + "/taxii2/"
    server = report.call("discovery with taxii2-client TokenAuth", lambda: Server(discovery, auth=auth))
    if server is None:
        return
    report.call("discovery names one API root", lambda: ensure(len(server.api_roots) == 1 and server.title, server._raw))
    report.call("discovery with HTTP Basic, the token as password",
                lambda: ensure(Server(discovery, user="partner", password=args.writer).title == server.title, "title"))

    def refused_without(auth_kwargs, status):
        try:
            Server(discovery, **auth_kwargs).refresh()
        except requests.exceptions.HTTPError as e:
            ensure(http_status(e) == status, "status %s" % http_status(e))
            return
        raise AssertionError("not refused")
    report.call("no credentials: 401", lambda: refused_without({}, 401))
    report.call("a wrong token: 401", lambda: refused_without({"auth": TokenAuth("sl_not-a-token")}, 401))

    root = server.default
    report.call("API root: versions and max_content_length",
                lambda: ensure(TAXII in root.versions and root.max_content_length > 0, root._raw))
    collections = report.call("collections", lambda: {c.id: c for c in root.collections}) or {}
    report.call("the collection is listed, its text intact",
                lambda: ensure(args.collection in collections
                               and collections[args.collection].description == args.description,
                               "description %r" % getattr(collections.get(args.collection), "description", None)))
    collection_url = root.url + "collections/" + args.collection + "/"
    collection = report.call("collection by id", lambda: Collection(collection_url, auth=auth))
    if collection is None:
        return
    report.call("collection by id: its text intact", lambda: ensure(collection.description == args.description, collection.description))

    # Every object, paged, against the export of the same store: same set, same content, byte for byte as JSON.
    paged = []
    pages = [0]

    def page_everything():
        for envelope in as_pages(collection.get_objects, per_request=1000):
            pages[0] += 1
            paged.extend(envelope.get("objects", []))
    report.call("page through every object", page_everything)
    keys = [(o["id"], o.get("modified", "")) for o in paged]
    report.call("paging repeats nothing", lambda: ensure(len(keys) == len(set(keys)), "%d repeated" % (len(keys) - len(set(keys)))))
    by_id = {o["id"]: o for o in export}
    report.call("paged objects are the exported ones",
                lambda: ensure({o["id"] for o in paged} == set(by_id),
                               "%d paged, %d exported, %d only paged, %d only exported" % (
                                   len(paged), len(by_id), len({o["id"] for o in paged} - set(by_id)),
                                   len(set(by_id) - {o["id"] for o in paged}))))
    unequal = [o["id"] for o in paged if o["id"] in by_id and o != by_id[o["id"]]]
    report.call("paged objects equal the exported ones", lambda: ensure(not unequal, "%d differ, e.g. %s" % (len(unequal), unequal[:3])))

    manifest = []
    report.call("page through the manifest",
                lambda: [manifest.extend(m.get("objects", [])) for m in as_pages(collection.get_manifest, per_request=1000)])
    report.call("the manifest lists what the objects list holds",
                lambda: ensure(len(manifest) == len(paged) and all(r.get("media_type") for r in manifest), "%d records" % len(manifest)))

    # Single objects: every one whose text is not ASCII (what the objects list's cache once hid) and a sample of the rest.
    non_ascii = [o for o in paged if has_non_ascii(o)]
    sample = non_ascii + [o for o in paged if not has_non_ascii(o)][::97]

    def single_objects():
        wrong = []
        for o in sample:
            got = collection.get_object(o["id"]).get("objects", [])
            if got != [o]:
                wrong.append(o["id"])
        ensure(not wrong, "%d of %d differ, e.g. %s" % (len(wrong), len(sample), wrong[:3]))
    report.call("get_object for %d objects (%d with non-ASCII text)" % (len(sample), len(non_ascii)), single_objects)

    # Filters
    def by_type():
        wanted = sum(1 for o in export if o["type"] == "intrusion-set")
        got = [o for e in as_pages(collection.get_objects, per_request=1000, type="intrusion-set") for o in e.get("objects", [])]
        ensure(len(got) == wanted and all(o["type"] == "intrusion-set" for o in got), "%d of %d" % (len(got), wanted))
    report.call("match[type]", by_type)
    first = paged[0]
    report.call("match[id]", lambda: ensure([o["id"] for o in collection.get_objects(id=first["id"]).get("objects", [])]
                                            == [first["id"]], "id"))
    report.call("match[spec_version]", lambda: ensure(all(o.get("spec_version") == "2.1" for o in
                                                          collection.get_objects(spec_version="2.1", limit=50)["objects"]), "2.1"))
    added = sorted(r["date_added"] for r in manifest)
    middle = added[len(added) // 2]

    def added_after():
        records = [r for m in as_pages(collection.get_manifest, per_request=1000, added_after=middle) for r in m.get("objects", [])]
        ensure(records and all(r["date_added"] > middle for r in records), "%d records, after %s" % (len(records), middle))
    report.call("added_after", added_after)
    return collection, auth


def make_objects():
    """What the stix2 library makes: non-ASCII text, TLP 2.0, granular markings, a custom extension, two versions."""
    author = stix2.Identity(name="Bundesamt für Sicherheit – Référence ’中文’", identity_class="organization")
    extension = stix2.ExtensionDefinition(
        created_by_ref=author.id, name="Partner rank", schema="https://example.org/partner-rank", version="1.0.0",
        extension_types=["property-extension"])
    indicator = stix2.Indicator(
        created_by_ref=author.id, name="Überwachung: C2-Domäne", pattern_type="stix",
        pattern="[domain-name:value = 'xn--mnchen-3ya.example']", valid_from="2024-01-01T00:00:00Z",
        object_marking_refs=[TLP2_GREEN],
        extensions={extension.id: {"extension_type": "property-extension", "rank": 5}})
    malware = stix2.Malware(
        created_by_ref=author.id, name="Ĳsvogel", is_family=True, description="Familie – beschrieben auf Deutsch",
        object_marking_refs=[TLP2_GREEN],
        granular_markings=[stix2.GranularMarking(marking_ref=TLP2_AMBER, selectors=["description"])])
    uses = stix2.Relationship(indicator, "indicates", malware, created_by_ref=author.id, object_marking_refs=[TLP2_GREEN])
    newer = malware.new_version(description="Familie – überarbeitet")
    return [author, extension, indicator, malware, uses, newer]


def push_and_pull(args, report, collection, auth):
    made = make_objects()
    envelope = {"objects": [json.loads(o.serialize()) for o in made]}
    status = report.call("add_objects, waiting on the status",
                         lambda: collection.add_objects(envelope, wait_for_completion=True, poll_interval=0.2, timeout=60))
    if status is not None:
        report.call("the status: every object a success",
                    lambda: ensure(status.status == "complete" and status.success_count == len(made) and status.failure_count == 0,
                                   status._raw))
    equal = 0
    for obj in made:
        expected = json.loads(obj.serialize())
        got = report.call("pull back %s" % obj.id, lambda: collection.get_object(
            obj.id, version=expected.get("modified", "last")).get("objects", []))
        if got == [expected]:
            equal += 1
    versions = report.call("object_versions", lambda: collection.object_versions(made[3].id).get("versions", []))
    report.call("both versions are listed", lambda: ensure(len(versions or []) == 2, versions))
    report.call("match[version]=first",
                lambda: ensure(collection.get_object(made[3].id, version="first")["objects"][0]["description"]
                               == "Familie – beschrieben auf Deutsch", "first"))

    # One invalid object in an envelope: listed among the failures with why, the valid one stored.
    bad = dict(json.loads(made[2].serialize()), id="indicator--" + str(uuid.uuid4()), pattern="[domain-name:value = 'x.example'")
    good = json.loads(stix2.Malware(name="Gültig", is_family=False).serialize())
    mixed = report.call("add_objects with one invalid object",
                        lambda: collection.add_objects({"objects": [bad, good]}, poll_interval=0.2, timeout=60))
    if mixed is not None:
        report.call("the invalid object is a failure with its reason",
                    lambda: ensure(mixed.success_count == 1 and mixed.failure_count == 1
                                   and mixed.failures[0]["id"] == bad["id"] and "pattern" in mixed.failures[0].get("message", ""),
                                   mixed._raw))

    def deleted():
        collection.delete_object(good["id"])
        try:
            collection.get_object(good["id"])
        except requests.exceptions.HTTPError as e:
            ensure(http_status(e) == 404, "status %s" % http_status(e))
            return
        raise AssertionError("still there")
    report.call("delete_object, then 404", deleted)

    base = args.base.rstrip("/")
    objects_url = collection.url + "objects/"
    report.call("a reader posting: 403", lambda: expect_status(403, lambda: requests.post(
        objects_url, data=json.dumps({"objects": [good]}),
        headers={"Authorization": "Token " + args.reader, "Accept": TAXII, "Content-Type": TAXII})))
    report.call("an unknown object: 404", lambda: expect_status(404, lambda: requests.get(
        objects_url + "malware--" + str(uuid.uuid4()) + "/", headers={"Authorization": "Token " + args.writer, "Accept": TAXII})))
    report.call("TAXII 2.0 only: 406", lambda: expect_status(406, lambda: requests.get(
        base + "/taxii2/api/", headers={"Authorization": "Token " + args.writer, "Accept": "application/taxii+json;version=2.0"})))
    report.call("an unknown API root: 404 as a TAXII error", lambda: expect_status(404, lambda: requests.get(
        base + "/taxii2/elsewhere/collections/", headers={"Authorization": "Token " + args.writer, "Accept": TAXII})))
    return {"objects": len(made), "equal": equal}


def granular_lang_quirk(error_text, obj):
    """The schemas require marking_ref in a granular marking; STIX 2.1 §7.2.3 allows lang instead (see the folder's README)."""
    return "marking_ref" in error_text and any("lang" in g for g in obj.get("granular_markings", []))


def use_schemas_offline(schemas):
    """The validator looks for its schemas in a git submodule beside its code, which a source tree lacks,
    and fetches the schemas they refer to from GitHub: give it the OASIS schema tree for both, so that it
    never goes to the network."""
    for folder, _, names in os.walk(schemas):
        for name in names:
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    schema = json.load(f)
                if schema.get("$id"):
                    validator_module.SCHEMA_STORE[schema["$id"]] = schema
    find = validator_module.find_schema

    def find_schema(schema_dir, name):
        return find(schema_dir if os.path.isdir(schema_dir) else schemas, name)
    validator_module.find_schema = find_schema


def validate_files(args):
    use_schemas_offline(args.schemas)
    options = ValidationOptions(version="2.1", silent=True)
    checked, errors = 0, []
    for path in args.files:
        for obj in load_objects(path):
            checked += 1
            try:
                result = validate_instance(obj, options)
            except Exception as e:  # noqa: BLE001 - a validator crash on an object counts against it
                errors.append("%s %s: %s: %s" % (path.split("/")[-1], obj.get("id"), type(e).__name__, str(e)[:300]))
                continue
            for error in result.errors or []:
                text = str(error)
                if not granular_lang_quirk(text, obj):
                    errors.append("%s %s: %s" % (path.split("/")[-1], obj.get("id"), text[:300]))
    return {"objects": checked, "errors": errors}


def parse_files(args):
    """stix2.parse every object; strictly (no custom content allowed) unless the object carries someone's x_ properties."""
    parsed, strict, failures = 0, 0, []
    for path in args.files:
        for obj in load_objects(path):
            custom = obj["type"].startswith("x-") or any(key.startswith("x_") for key in obj)
            try:
                stix2.parse(obj, allow_custom=custom)
                parsed += 1
                strict += 0 if custom else 1
            except Exception as e:  # noqa: BLE001
                failures.append("%s %s: %s" % (path.split("/")[-1], obj.get("id"), str(e)[:300]))
    return {"objects": parsed + len(failures), "parsed_strictly": strict, "failures": failures}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--writer", required=True, help="a token that may read and write the collection")
    parser.add_argument("--reader", required=True, help="a reader token")
    parser.add_argument("--collection", required=True)
    parser.add_argument("--description", required=True, help="the collection's description, as the server holds it")
    parser.add_argument("--export", required=True, help="the store exported with --include-revoked, before this run")
    parser.add_argument("--files", nargs="+", required=True, help="STIX files to validate and parse")
    parser.add_argument("--schemas", required=True)
    args = parser.parse_args()

    report = Report()
    result = {}
    taxii = taxii_checks(args, report, load_objects(args.export))
    result["roundtrip"] = push_and_pull(args, report, *taxii) if taxii else {"objects": 0, "equal": 0}
    result["taxii"] = {"calls": report.calls, "failed": report.failed}
    result["validator"] = validate_files(args)
    result["parse"] = parse_files(args)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
