"""The same generated model in OWASP pytm, to time its rule run beside `cuiscope check`.

Usage: python pytm_model.py MODEL.scope  (prints the seconds pytm's rule run took, and its finding count)

Reads the regular text ScopeBench writes (zones, assets, providers, flows, accesses); each zone becomes a
Boundary, each asset a Server, Datastore or Actor, each provider an ExternalEntity, each flow and access a
Dataflow. It is a converter for that generated text only, not a parser of the language.
"""
import re
import sys
import time

from pytm import TM, Actor, Boundary, Dataflow, Datastore, ExternalEntity, Server


def main(path):
    tm = TM("cuiscope benchmark")
    tm.description = "A cuiscope generated model, converted for a timing comparison."
    elements, zone, asset = {}, None, None
    pattern_zone = re.compile(r'^zone (\S+)')
    pattern_asset = re.compile(r'^\s+asset (\S+)')
    pattern_type = re.compile(r'^\s+type (\S+)')
    pattern_provider = re.compile(r'^provider (\S+)')
    pattern_relation = re.compile(r'^(flow|access) (\S+) (?:->|<->) (\S+)')
    relations = []
    for line in open(path, encoding="utf-8"):
        if m := pattern_zone.match(line):
            zone = Boundary(m.group(1))
        elif m := pattern_asset.match(line):
            asset = m.group(1)
        elif asset and (m := pattern_type.match(line)):
            kind = m.group(1)
            cls = Datastore if kind in ("database", "storage", "backup") else Actor if kind in ("person", "team") else Server
            element = cls(asset)
            if zone is not None:
                element.inBoundary = zone
            elements[asset] = element
            asset = None
        elif m := pattern_provider.match(line):
            elements[m.group(1)] = ExternalEntity(m.group(1))
        elif m := pattern_relation.match(line):
            relations.append(m.groups())
    for n, (kind, source, sink) in enumerate(relations):
        if source in elements and sink in elements:
            Dataflow(elements[source], elements[sink], f"{kind} {n}")
    start = time.perf_counter()
    tm.check()
    tm.resolve()
    seconds = time.perf_counter() - start
    print(f"{seconds:.3f} {len(tm.findings)}")


if __name__ == "__main__":
    main(sys.argv[1])
