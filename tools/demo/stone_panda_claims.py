#!/usr/bin/env python3
"""Writes stone-panda-claims.json: the attribution claims of the Stone Panda case, their evidence
graded as an analyst would, CrowdStrike's opinion and the indictments that settled them.

Sightline's own writing from the public facts in the project's scenario (US DoJ press releases of
2017-11-27 and 2018-12-20, Intrusion Truth's blog, public reporting of CrowdStrike's statement of
2018-08-30). Ids are UUIDv5 of stable keys in the STIX namespace, so the file reads the same when
regenerated. Run from the repository root:  python3 tools/demo/stone_panda_claims.py
"""
import json
import uuid

NS = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")
OUT = "sightline-ingest/src/main/resources/org/sightline/ingest/demo/stone-panda-claims.json"
FOUNDATION = "sightline-ingest/src/main/resources/org/sightline/ingest/demo/stone-panda-foundation.json"
CLAIM = f"extension-definition--{uuid.uuid5(NS, 'sightline-claim')}"
EVIDENCE = f"extension-definition--{uuid.uuid5(NS, 'sightline-evidence')}"
ACH = f"extension-definition--{uuid.uuid5(NS, 'sightline-ach')}"
WRITTEN = "2026-11-27T00:00:00.000Z"
CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"

foundation = {o.get("name"): o["id"] for o in json.load(open(FOUNDATION))["objects"] if o.get("name")}
DEMO = foundation["Sightline demo data"]
IT, CS, DOJ = foundation["Intrusion Truth"], foundation["CrowdStrike"], foundation["US Department of Justice"]
DOJ_2017 = "https://www.justice.gov/opa/pr/us-charges-three-chinese-hackers-who-work-internet-security-firm-hacking-three-corporations"
DOJ_2018 = "https://www.justice.gov/opa/pr/two-chinese-hackers-associated-ministry-state-security-charged-global-computer-intrusion"
BLOG = "https://intrusiontruth.wordpress.com/"


def sid(kind, key):
    return f"{kind}--{uuid.uuid5(NS, 'stone-panda-demo:' + key)}"


def base(kind, key):
    return {"type": kind, "spec_version": "2.1", "id": sid(kind, key), "created_by_ref": DEMO,
            "created": WRITTEN, "modified": WRITTEN, "object_marking_refs": [CLEAR]}


def claim(key, source, rel, target, prior, why, resolution=None):
    o = base("relationship", "claim:" + key)
    o.update(relationship_type=rel, source_ref=foundation[source], target_ref=foundation[target],
             description=why)
    ext = {"extension_type": "property-extension", "status": "open", "prior": prior}
    if resolution:
        ext.update(resolution)
    o["extensions"] = {CLAIM: ext}
    return o


def evidence(key, claims, kind, source, reliability, credibility, origin, published, title, excerpt,
             url, stance="supports", observed=None):
    o = base("note", "evidence:" + key)
    o.update(abstract=title, content=excerpt, authors=["Sightline demo analyst"],
             object_refs=[sid("relationship", "claim:" + c) for c in claims],
             external_references=[{"source_name": source_name(source), "url": url}])
    ext = {"extension_type": "property-extension", "stance": stance, "kind": kind, "source_ref": source,
           "reliability": reliability, "credibility": credibility, "origin": origin, "published": published}
    if observed:
        ext["observed"] = observed
    o["extensions"] = {EVIDENCE: ext}
    return o


def source_name(ref):
    return {IT: "Intrusion Truth", CS: "CrowdStrike", DOJ: "US Department of Justice"}[ref]


def resolved(status, by, on, cites):
    return {"status": status, "resolved_by_ref": by, "resolved_on": on,
            "resolution_evidence_refs": [sid("note", "evidence:" + c) for c in cites]}


objects = [
    claim("apt3-boyusec", "APT3", "attributed-to", "Boyusec", 0.3,
          "Intrusion Truth (May 2017): APT3 is run from Guangzhou Bo Yu Information Technology (Boyusec).",
          resolved("confirmed", DOJ, "2017-11-27T00:00:00.000Z", ["doj-2017-indictment"])),
    claim("apt10-mss-tianjin", "APT10", "attributed-to", "MSS Tianjin State Security Bureau", 0.2,
          "Intrusion Truth (August 2018): APT10 works for the Tianjin State Security Bureau of the MSS. "
          "Prior 0.2: before the evidence, the bureau is one of several plausible sponsors.",
          resolved("confirmed", DOJ, "2018-12-20T00:00:00.000Z", ["doj-2018-indictment"])),
    claim("huaying-haitai-contracts-mss", "Tianjin Huaying Haitai Science and Technology Development Co. Ltd.",
          "contracts-for", "MSS Tianjin State Security Bureau", 0.3,
          "Intrusion Truth (August 2018): Huaying Haitai recruits hackers for the Tianjin bureau.",
          resolved("confirmed", DOJ, "2018-12-20T00:00:00.000Z", ["doj-2018-indictment"])),
    claim("zhang-shilong-huaying-haitai", "Zhang Shilong", "employed-by",
          "Tianjin Huaying Haitai Science and Technology Development Co. Ltd.", 0.3,
          "Intrusion Truth (August 2018): Zhang Shilong works with APT10 for Huaying Haitai.",
          resolved("confirmed", DOJ, "2018-12-20T00:00:00.000Z", ["doj-2018-indictment"])),
    claim("gao-qiang-huaying-haitai", "Gao Qiang", "employed-by",
          "Tianjin Huaying Haitai Science and Technology Development Co. Ltd.", 0.3,
          "Intrusion Truth (August 2018): Gao Qiang works with APT10 for Huaying Haitai. Not settled by the indictments."),

    # Intrusion Truth on APT3 (2017): one investigation, one origin.
    evidence("it-apt3-people", ["apt3-boyusec"], "social-media", IT, "F", 3, "Intrusion Truth APT3 series, 2017",
             "2017-05-09T00:00:00.000Z", "Intrusion Truth: Boyusec staff tied to APT3 infrastructure",
             "Named Boyusec employees and tied their online profiles to APT3 infrastructure.", BLOG),
    evidence("it-apt3-domains", ["apt3-boyusec"], "infrastructure-overlap", IT, "F", 3, "Intrusion Truth APT3 series, 2017",
             "2017-05-12T00:00:00.000Z", "Intrusion Truth: APT3 domains registered by Boyusec staff",
             "Domain registrations for APT3 command-and-control traced to Boyusec people.", BLOG),
    evidence("doj-2017-indictment", ["apt3-boyusec"], "indictment", DOJ, "A", 1, "US indictment of 2017-11-27",
             "2017-11-27T00:00:00.000Z", "US indictment of Wu Yingzhuo, Dong Hao and Xia Lei (Boyusec)",
             "Three employees of Guangzhou Bo Yu Information Technology (Boyusec) charged for intrusions that "
             "public research attributes to APT3.", DOJ_2017),

    # Intrusion Truth on APT10 (August 2018): kinds differ, but one investigation is one origin.
    evidence("it-apt10-job-adverts", ["apt10-mss-tianjin", "huaying-haitai-contracts-mss"], "job-adverts", IT, "F", 3,
             "Intrusion Truth APT10 series, August 2018", "2018-08-09T00:00:00.000Z",
             "Intrusion Truth: Huaying Haitai job adverts recruiting hackers",
             "Job advertisements by Tianjin Huaying Haitai and other contracting firms recruiting penetration testers.", BLOG),
    evidence("it-apt10-ride-receipts", ["apt10-mss-tianjin"], "travel-records", IT, "F", 2,
             "Intrusion Truth APT10 series, August 2018", "2018-08-13T00:00:00.000Z",
             "Intrusion Truth: ride-hailing receipts to the MSS Tianjin bureau",
             "Ride-hailing (Uber) receipts showing repeated trips to the Tianjin State Security Bureau compound.", BLOG),
    evidence("it-apt10-imagery", ["apt10-mss-tianjin"], "imagery", IT, "F", 3,
             "Intrusion Truth APT10 series, August 2018", "2018-08-13T00:00:00.000Z",
             "Intrusion Truth: photographs and satellite imagery of the bureau compound",
             "Photographs and satellite imagery of the compound the receipts lead to.", BLOG),
    evidence("it-apt10-profiles", ["apt10-mss-tianjin", "zhang-shilong-huaying-haitai", "gao-qiang-huaying-haitai"],
             "social-media", IT, "F", 3, "Intrusion Truth APT10 series, August 2018", "2018-08-15T00:00:00.000Z",
             "Intrusion Truth: social-media profiles of Zhang Shilong and Gao Qiang",
             "Social-media profiles, later deleted by their owners, tying Zhang Shilong and Gao Qiang to Huaying Haitai and APT10.",
             BLOG),
    evidence("doj-2018-indictment", ["apt10-mss-tianjin", "huaying-haitai-contracts-mss", "zhang-shilong-huaying-haitai"],
             "indictment", DOJ, "A", 1, "US indictment of 2018-12-20", "2018-12-20T00:00:00.000Z",
             "US indictment of Zhu Hua and Zhang Shilong (APT10)",
             "Zhu Hua and Zhang Shilong, members of APT10, acted in association with the Tianjin State Security "
             "Bureau of the MSS and worked for Huaying Haitai.", DOJ_2018),
]

opinion = base("opinion", "opinion:crowdstrike-apt10")
opinion.update(created_by_ref=CS, created="2018-08-30T00:00:00.000Z", modified="2018-08-30T00:00:00.000Z",
               opinion="agree", authors=["CrowdStrike"],
               explanation="CrowdStrike said it had corroborated several key pieces of Intrusion Truth's APT10 findings.",
               object_refs=[sid("relationship", "claim:apt10-mss-tianjin")])
objects.append(opinion)

# An analysis of competing hypotheses on who directs APT10, rated as an analyst would in December 2018.
ach = base("grouping", "ach:who-directs-apt10")
hypotheses = [("H1", "The MSS Tianjin bureau, through contractors such as Huaying Haitai", "apt10-mss-tianjin"),
              ("H2", "A People's Liberation Army unit", None),
              ("H3", "An independent criminal group working for itself", None)]
ratings = {"evidence:it-apt10-job-adverts": ("CC", "N", "I"),
           "evidence:it-apt10-ride-receipts": ("CC", "I", "I"),
           "evidence:it-apt10-imagery": ("C", "N", "N"),
           "evidence:it-apt10-profiles": ("C", "N", "C"),
           "opinion:crowdstrike-apt10": ("C", "I", "I"),
           "evidence:doj-2018-indictment": ("CC", "II", "II")}
rated = [sid("opinion" if key.startswith("opinion:") else "note", key) for key in ratings]
ach.update(name="ACH: Who directs APT10's intrusions?", context="unspecified",
           object_refs=[foundation["APT10"], sid("relationship", "claim:apt10-mss-tianjin")] + rated)
ach["extensions"] = {ACH: {
    "extension_type": "property-extension", "question": "Who directs APT10's intrusions?",
    "hypotheses": [dict(key=k, label=label, **({"claim_ref": sid("relationship", "claim:" + c)} if c else {}))
                   for k, label, c in hypotheses],
    "ratings": [{"evidence_ref": ref, "hypothesis": f"H{i + 1}", "rating": code}
                for ref, codes in zip(rated, ratings.values()) for i, code in enumerate(codes)]}}
objects.append(ach)

bundle = {"type": "bundle", "id": f"bundle--{uuid.uuid5(NS, 'stone-panda-demo:claims-bundle')}", "objects": objects}
with open(OUT, "w") as out:
    json.dump(bundle, out, indent=2, ensure_ascii=False)
    out.write("\n")
print(f"wrote {len(objects)} objects to {OUT}")

# Who APT10 and APT3 go after, from the public reporting (Operation Cloud Hopper, 2017; the 2018 indictment).
SUPPLIES = f"extension-definition--{uuid.uuid5(NS, 'sightline-supplies')}"
TARGETING_OUT = OUT.replace("stone-panda-claims.json", "stone-panda-targeting.json")


def sector_class(key, name, sectors, why):
    o = base("identity", "sector:" + key)
    o.update(name=name, identity_class="class", sectors=sectors, description=why)
    return o


def country(code, name):
    o = base("location", "country:" + code)
    o.update(name=name, country=code)
    return o


def targets(key, source, target, why, first_seen, service_types=None):
    o = base("relationship", "targets:" + key)
    o.update(relationship_type="targets", source_ref=source, target_ref=target, description=why,
             start_time=first_seen, external_references=[{"source_name": "public reporting", "description": why}])
    if service_types:
        o["extensions"] = {SUPPLIES: {"extension_type": "property-extension", "service_types": service_types}}
    return o


msps = sector_class("msp", "Managed IT service providers", ["technology"],
                    "Companies that run their customers' IT with privileged, remote access.")
telecoms = sector_class("telecoms", "Telecommunications providers", ["telecommunications"], "Telecoms and connectivity providers.")
software = sector_class("software", "Software and technology vendors", ["technology"], "Software vendors and upstream technology providers.")
defense = sector_class("defense", "Defense and aerospace industry", ["defense", "aerospace"], "Defense contractors and aerospace firms.")
us, gb, jp = country("US", "United States"), country("GB", "United Kingdom"), country("JP", "Japan")
cloud_hopper = foundation["Operation Cloud Hopper"]
apt10, apt3 = foundation["APT10"], foundation["APT3"]
targeting = [msps, telecoms, software, defense, us, gb, jp,
             targets("cloud-hopper-msps", cloud_hopper, msps["id"],
                     "Operation Cloud Hopper compromised managed IT service providers to reach their customers (public reporting, 2017).",
                     "2016-01-01T00:00:00Z", ["managed-it-services", "cloud-hosting"]),
             targets("apt10-telecoms", apt10, telecoms["id"],
                     "The 2018 indictment names telecommunications among the industries APT10 targeted.", "2014-01-01T00:00:00Z",
                     ["telecom-connectivity"]),
             targets("apt10-software", apt10, software["id"],
                     "APT10 went after software vendors and upstream technology providers (public reporting).", "2014-01-01T00:00:00Z",
                     ["software-vendor"]),
             targets("apt10-us", apt10, us["id"], "Victims in the United States (2018 indictment).", "2014-01-01T00:00:00Z"),
             targets("apt10-gb", apt10, gb["id"], "Victims in the United Kingdom (public reporting, 2017).", "2016-01-01T00:00:00Z"),
             targets("apt10-jp", apt10, jp["id"], "Victims in Japan (public reporting).", "2016-01-01T00:00:00Z"),
             targets("apt3-defense", apt3, defense["id"], "APT3 intrusions at defense and aerospace firms (public reporting).",
                     "2010-01-01T00:00:00Z"),
             targets("apt3-us", apt3, us["id"], "Victims in the United States (2017 indictment).", "2011-01-01T00:00:00Z")]
with open(TARGETING_OUT, "w") as out:
    json.dump({"type": "bundle", "id": f"bundle--{uuid.uuid5(NS, 'stone-panda-demo:targeting-bundle')}",
               "objects": targeting}, out, indent=2, ensure_ascii=False)
    out.write("\n")
print(f"wrote {len(targeting)} objects to {TARGETING_OUT}")
