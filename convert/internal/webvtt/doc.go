// Package webvtt reads and writes WebVTT (.vtt): cues with identifiers,
// times and placement, speakers as <v Name> voice spans, styled text, and
// the chapters track written beside the captions.
//
// What WebVTT keeps of the model: cue identifiers; times to the
// millisecond; speakers, as voices, and the labels and dialogue dashes
// shown with them; italics, bold and underline (<i>, <b>, <u>); classes
// (<c.name>); ruby annotations (<ruby>, <rt>); colours, as a class per
// colour that a STYLE block defines, since cue text has no colour of its
// own; and placement, top, middle or bottom and left, centre or right,
// as line and align settings.
//
// What it loses: the title, written as a comment that is not read back;
// times below the millisecond; line breaks inside a line's text. On
// reading, it drops what the model has no place for: cue settings beyond
// the placement (size, vertical text, regions), exact positions (a cue
// at line:20% is the top), karaoke timestamps, languages (<lang>), style
// sheets beyond simple class rules, and styles that vary inside one ruby
// base, and the classes of voices (<v.loud Ann>). A class that a style sheet gives meaning the model lacks (a
// background, a font) stays a class, which only WebVTT and capconv's
// JSON carry.
package webvtt
