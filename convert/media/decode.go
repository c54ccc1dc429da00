package media

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"time"
)

// SampleRate is the rate, in samples a second, the audio is decoded at:
// the speech band ends at 4 kHz, which 16 kHz holds with room to spare; a
// higher rate would only add work.
const SampleRate = 16000

// ErrNoFFmpeg is returned when the ffmpeg program cannot be found.
var ErrNoFFmpeg = errors.New("ffmpeg not found: install ffmpeg (https://ffmpeg.org, or the ffmpeg package of your system) to time captions to media")

// FFmpeg is the program Decode runs; a test or a caller with ffmpeg
// elsewhere than on PATH may set it.
var FFmpeg = "ffmpeg"

// Decode runs ffmpeg on the media file at path and passes its first audio
// stream, mixed to mono at SampleRate, to fn a block of samples at a time
// (fn must not keep the slice). It returns the audio's duration, counted
// from the samples. An error names the file: it is missing, it is not
// media ffmpeg reads, or it has no audio stream.
func Decode(ctx context.Context, path string, fn func(samples []int16) error) (time.Duration, error) {
	if _, err := os.Stat(path); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	bin, err := exec.LookPath(FFmpeg)
	if err != nil {
		return 0, ErrNoFFmpeg
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// "-map 0:a:0" makes a file with no audio stream an error instead of
	// an empty stream; "file:" keeps a name such as "a:b.wav" a file name.
	cmd := exec.CommandContext(ctx, bin, "-nostdin", "-hide_banner", "-loglevel", "error",
		"-i", "file:"+path, "-map", "0:a:0", "-vn", "-sn", "-dn",
		"-ac", "1", "-ar", fmt.Sprint(SampleRate), "-f", "s16le", "-acodec", "pcm_s16le", "-")
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("%s: running ffmpeg: %w", path, err)
	}
	n, readErr := readSamples(bufio.NewReaderSize(out, 64<<10), fn)
	if readErr != nil {
		cancel()
		_ = cmd.Wait()
		return 0, readErr
	}
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, fmt.Errorf("%s: %s", path, ffmpegMessage(stderr.String(), err))
	}
	if n == 0 {
		return 0, fmt.Errorf("%s: the audio stream holds no samples", path)
	}
	return time.Duration(n) * time.Second / SampleRate, nil
}

// readSamples reads little-endian 16-bit samples from r to its end,
// passing them to fn in blocks, and returns how many it read.
func readSamples(r io.Reader, fn func([]int16) error) (int64, error) {
	raw := make([]byte, 32<<10)
	samples := make([]int16, len(raw)/2)
	var n int64
	odd := 0 // a byte of a sample split across reads
	for {
		k, err := r.Read(raw[odd:])
		k += odd
		whole := k / 2
		for i := range whole {
			samples[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
		}
		if whole > 0 {
			if ferr := fn(samples[:whole]); ferr != nil {
				return n, ferr
			}
			n += int64(whole)
		}
		odd = k - 2*whole
		if odd > 0 {
			raw[0] = raw[k-1]
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// ffmpegMessage turns ffmpeg's complaint into one line: what it means
// for the two usual failures (no audio stream, not media), else ffmpeg's
// last line that says something.
func ffmpegMessage(stderr string, err error) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, l := range lines {
		switch l = strings.TrimSpace(l); {
		case strings.Contains(l, "matches no streams"):
			return "no audio stream"
		case strings.Contains(l, "Invalid data found"):
			return "not a media file ffmpeg can read (" + l + ")"
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return "ffmpeg: " + l
		}
	}
	return "ffmpeg: " + err.Error()
}

// limitedBuffer keeps the last few kilobytes written to it: ffmpeg's
// messages for a file it cannot read, without holding a flood of them.
type limitedBuffer struct{ bytes.Buffer }

const stderrLimit = 8 << 10

func (b *limitedBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > stderrLimit {
		p = p[len(p)-stderrLimit:]
	}
	if b.Len()+len(p) > stderrLimit {
		rest := b.Bytes()[b.Len()+len(p)-stderrLimit:]
		keep := append([]byte(nil), rest...)
		b.Reset()
		b.Write(keep)
	}
	b.Buffer.Write(p)
	return n, nil
}
