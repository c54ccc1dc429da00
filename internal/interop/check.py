"""Parse a caption file with a third-party Python library and print what it
read as JSON, for capconv's interop tests (internal/interop).

Usage: check.py < jobs (see main). Run with Debian's /usr/bin/python3,
where python3-srt, python3-webvtt and python3-ttconv are installed.

For ttconv, "shown" pairs each significant time with the text of every <p>
in the ISD (intermediate synchronic document) ttconv computes for it, that
is what a player shows then; "times" are the document's significant times
and "paragraphs" the number of <p> it read.
"""

import html
import json
import logging
import re
import sys
from fractions import Fraction

VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>")


class Collect(logging.Handler):
    """Keeps every warning a library logs."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def read_srt(path):
    import srt
    with open(path, encoding="utf-8") as f:
        subs = list(srt.parse(f.read()))
    return [{"start": s.start.total_seconds(), "end": s.end.total_seconds(),
             "text": s.content} for s in subs]


def read_webvtt(path):
    import webvtt
    out = []
    for c in webvtt.read(path):
        out.append({"start": c.start_in_seconds, "end": c.end_in_seconds,
                    # webvtt-py 0.4 strips tags but does not decode
                    # character references: decode them here.
                    "text": html.unescape(c.text),
                    "voices": [html.unescape(v).strip() for v in VOICE.findall(c.raw_text)]})
    return out


def isd_texts(isd):
    """Returns the text of every p of an ISD, lines joined by newlines."""
    from ttconv import model
    texts = []

    def walk(e, buf):
        if isinstance(e, model.Text):
            buf.append(e.get_text())
        elif isinstance(e, model.Br):
            buf.append("\n")
        for c in e:
            walk(c, buf)

    def find_p(e):
        if isinstance(e, model.P):
            buf = []
            walk(e, buf)
            texts.append("".join(buf))
            return
        for c in e:
            find_p(c)

    for region in isd.iter_regions():
        find_p(region)
    return texts


def read_ttconv(path, render):
    """Reads a TTML file with ttconv's IMSC reader and, when render is
    true, renders it at each of its significant times."""
    import xml.etree.ElementTree as et
    from ttconv import model
    from ttconv.imsc import reader
    from ttconv.isd import ISD
    doc = reader.to_model(et.parse(path))
    if doc is None:
        raise ValueError("ttconv read no document")
    count = 0

    def count_p(e):
        nonlocal count
        if isinstance(e, model.P):
            count += 1
            return
        for c in e:
            count_p(c)

    count_p(doc.get_body())
    shown = []
    if render:
        # generate_isd_sequence renders at every significant time, each
        # cue's begin among them, faster than one from_model per time.
        shown = [[float(t), isd_texts(isd)] for t, isd in ISD.generate_isd_sequence(doc)]
    return {"paragraphs": count,
            "times": [float(t) for t in sorted(ISD.significant_times(doc))],
            "shown": shown}


def main():
    """Reads jobs, one JSON object per line on standard input:
    {"kind": "srt"|"webvtt"|"ttconv", "path": ..., "render": bool},
    and prints one JSON result per line: {"cues": ..., "warnings": [...]}
    (ttconv: {"paragraphs", "times", "shown", "warnings"}), or {"error": ...}
    when the library refused the file. One process serves every file,
    because importing ttconv takes longer than reading a file."""
    collect = Collect()
    logging.getLogger().addHandler(collect)
    logging.getLogger().setLevel(logging.WARNING)
    for line in sys.stdin:
        job = json.loads(line)
        collect.messages = []
        try:
            if job["kind"] == "ttconv":
                out = read_ttconv(job["path"], job.get("render", False))
            else:
                out = {"cues": {"srt": read_srt, "webvtt": read_webvtt}[job["kind"]](job["path"])}
        except Exception as e:  # any refusal is reported to the Go test
            out = {"error": f"{type(e).__name__}: {e}"}
        out["warnings"] = collect.messages
        print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
