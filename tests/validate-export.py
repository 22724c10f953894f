#!/usr/bin/python3
# validate-export.py: the demo site's export checked by real validators.
#
# Copyright 2026 The Masthead developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exports the demo site as HTML and as a Hugo bundle with masthead-cli,
# then: every HTML page through the Nu HTML Checker (vnu-jar), feed.xml as
# Atom (feedparser) and well-formed XML (xmllint), sitemap.xml well-formed,
# feed.json against the JSON Feed 1.1 fields, every event.ics parsed by
# icalendar, and the Hugo bundle built by hugo with no warning.
# Prints TAP; build-aux/dev installs every tool it uses.

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ["MASTHEAD_CLI"]
VNU = os.environ.get("MASTHEAD_VNU_JAR", "")

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def skip(name, why):
    results.append((name, None, why))


def run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def validate_html(out):
    if not VNU or not os.path.exists(VNU) or not shutil.which("java"):
        skip("html pages valid (vnu)", "vnu.jar or java not installed")
        return
    pages = sorted(glob.glob(os.path.join(out, "**", "*.html"), recursive=True))
    r = run("java", "-jar", VNU, "--errors-only", "--format", "text", *pages)
    check("%d html pages valid (vnu)" % len(pages), r.returncode == 0, r.stderr + r.stdout)


def validate_atom(out):
    path = os.path.join(out, "feed.xml")
    r = run("xmllint", "--noout", path)
    check("feed.xml well-formed (xmllint)", r.returncode == 0, r.stderr)
    import feedparser
    feed = feedparser.parse(path)
    ok = (not feed.bozo and feed.version == "atom10" and feed.feed.get("title")
          and feed.feed.get("id") and len(feed.entries) > 0
          and all(e.get("id") and e.get("title") and e.get("link") and e.get("updated")
                  for e in feed.entries))
    check("feed.xml is Atom 1.0 with id, title, link, updated on every entry (feedparser)",
          bool(ok), repr(feed.get("bozo_exception")))


def validate_sitemap(out):
    r = run("xmllint", "--noout", os.path.join(out, "sitemap.xml"))
    check("sitemap.xml well-formed (xmllint)", r.returncode == 0, r.stderr)
    with open(os.path.join(out, "sitemap.xml"), encoding="utf-8") as f:
        text = f.read()
    check("sitemap.xml lists the event page",
          "/events/asef-linkup-2024-prague/</loc>" in text)


def validate_json_feed(out):
    with open(os.path.join(out, "feed.json"), encoding="utf-8") as f:
        feed = json.load(f)
    items = feed.get("items", [])
    ok = (feed.get("version") == "https://jsonfeed.org/version/1.1" and feed.get("title")
          and feed.get("home_page_url") and feed.get("feed_url") and items
          and all(i.get("id") and i.get("url") and
                  ("content_html" in i or "content_text" in i) for i in items))
    check("feed.json has the JSON Feed 1.1 fields", bool(ok), json.dumps(feed)[:500])


def validate_ics(out):
    import icalendar
    files = sorted(glob.glob(os.path.join(out, "events", "*", "event.ics")))
    check("events have .ics files", len(files) > 0)
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            cal = icalendar.Calendar.from_ical(data)
            events = cal.walk("VEVENT")
            ok = len(events) == 1 and events[0].get("DTSTART") and events[0].get("UID")
            ok = ok and all(len(line) <= 75 for line in data.split(b"\r\n"))
            detail = ""
        except Exception as e:  # any parse failure is the finding
            ok, detail = False, str(e)
        check("%s parses (icalendar)" % os.path.relpath(path, out), bool(ok), detail)


def validate_hugo(site, tmp):
    if not shutil.which("hugo"):
        skip("hugo builds the bundle", "hugo not installed")
        return
    bundle = os.path.join(tmp, "hugo")
    r = run(CLI, "export", site, bundle, "--format", "hugo")
    check("export --format hugo", r.returncode == 0, r.stderr)
    public = os.path.join(tmp, "public")
    r = run("hugo", "--source", bundle, "--destination", public)
    log = r.stdout + r.stderr
    check("hugo builds the bundle with no error or warning",
          r.returncode == 0 and "WARN" not in log and "ERROR" not in log, log)
    check("hugo shows the event page",
          os.path.exists(os.path.join(public, "events", "asef-linkup-2024-prague",
                                      "index.html")))


def main():
    tmp = tempfile.mkdtemp(prefix="masthead-validate-")
    try:
        site = os.path.join(tmp, "demo.masthead")
        out = os.path.join(tmp, "site")
        r = run(CLI, "demo", site)
        check("demo site created", r.returncode == 0, r.stderr)
        r = run(CLI, "export", site, out)
        check("export --format html", r.returncode == 0, r.stderr)
        if r.returncode == 0:
            validate_html(out)
            validate_atom(out)
            validate_sitemap(out)
            validate_json_feed(out)
            validate_ics(out)
        validate_hugo(site, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("1..%d" % len(results))
    failed = 0
    for n, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print("ok %d %s # SKIP %s" % (n, name, detail))
        elif ok:
            print("ok %d %s" % (n, name))
        else:
            failed += 1
            print("not ok %d %s" % (n, name))
            for line in (detail or "").splitlines()[:60]:
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
