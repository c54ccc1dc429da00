// Package interop holds the tests that feed capconv's output to parsers
// nobody here wrote: ffmpeg, and the Python libraries srt, webvtt-py and
// ttconv (Debian's python3-srt, python3-webvtt and python3-ttconv, run by
// check.py under /usr/bin/python3). It has no code of its own.
//
// The tests skip a tool that is not installed, unless the environment sets
// CAPCONV_REQUIRE_INTEROP=1 (as .ci/run does), where a missing tool fails.
package interop
