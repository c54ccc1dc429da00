// Package media reads the audio of a media file and finds where it holds
// speech, for timing a transcript's cues to the speech itself.
//
// The audio is decoded by ffmpeg, run as a subprocess, to 16 kHz mono
// PCM that is read as a stream: only a few numbers per 10 ms frame are
// kept, never the samples, so an hour of audio takes a few megabytes.
// Speech is told from silence and steady noise by the energy of the
// speech band (300–4000 Hz) against the file's own noise floor; Detect
// returns the stretches that hold it.
package media
