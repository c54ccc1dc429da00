package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/batch"
	"github.com/capconv/capconv/internal/fileio"
)

// mediaExtensions are the extensions a file matched by base name is taken
// for media by, in the order one is preferred when several share a name:
// lossless audio first, then compressed audio, then video.
var mediaExtensions = []string{".wav", ".flac", ".m4a", ".mp3", ".aac", ".ogg", ".opus", ".wma", ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mxf", ".ts", ".mpg"}

// mediaFor reads --media: one file for one input, or a directory or glob
// pattern in which each input finds the media file of its own base name
// (talk.txt takes talk.mp4). It returns nil when --media is not given.
func mediaFor(arg string, inputs []string) (func(input string) (string, error), error) {
	if arg == "" {
		return nil, nil
	}
	if strings.ContainsAny(arg, "*?[") {
		matches, err := filepath.Glob(arg)
		if err != nil {
			return nil, usagef("--media %q: %v", arg, err)
		}
		if len(matches) == 0 {
			return nil, usagef("--media %q matches no file", arg)
		}
		return func(input string) (string, error) {
			if m := byBaseName(matches, input); m != "" {
				return m, nil
			}
			return "", fmt.Errorf("--media %q matches no media file named %s.*", arg, baseName(input))
		}, nil
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return nil, usagef("--media %s", batch.Describe(err))
	}
	if !fi.IsDir() {
		if len(inputs) > 1 {
			return nil, usagef("--media %s is one file for %d inputs: give a directory or a pattern, where each input finds the media file of its own name", arg, len(inputs))
		}
		if in, err := os.Stat(inputs[0]); err == nil && in.IsDir() {
			return nil, usagef("--media %s is one file for the directory %s: give a directory or a pattern", arg, inputs[0])
		}
		return func(string) (string, error) { return arg, nil }, nil
	}
	return func(input string) (string, error) {
		entries, err := os.ReadDir(arg)
		if err != nil {
			return "", fmt.Errorf("--media %s", batch.Describe(err))
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, filepath.Join(arg, e.Name()))
			}
		}
		if m := byBaseName(names, input); m != "" {
			return m, nil
		}
		return "", fmt.Errorf("--media %s holds no media file named %s.*", arg, baseName(input))
	}, nil
}

// baseName is a path's file name without its extension.
func baseName(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// byBaseName returns the media file among paths whose base name is
// input's, never input itself nor a caption or transcript file; "" when
// none is.
func byBaseName(paths []string, input string) string {
	want := baseName(input)
	best, rank := "", len(mediaExtensions)+1
	for _, p := range paths {
		if baseName(p) != want || fileio.SameFile(p, input) {
			continue
		}
		if _, ok := convert.FormatFromPath(p); ok {
			continue // a caption file, not media
		}
		r := slices.Index(mediaExtensions, strings.ToLower(filepath.Ext(p)))
		if r < 0 {
			r = len(mediaExtensions) // an extension of its own: ffmpeg may read it
		}
		if r < rank {
			best, rank = p, r
		}
	}
	return best
}
