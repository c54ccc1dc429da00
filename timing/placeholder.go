package timing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeholderWords are the words transcript tools print, followed by a
// number or a letter, for a voice their diarizer tells apart but cannot
// name ("Speaker 1", "Speaker B", "SPEAKER_00", "Sprecher 2", "Locuteur 1",
// "话者1"), in lower case.
var placeholderWords = []string{
	"speaker", "spk", "voice", "unknown speaker", "unknown",
	"sprecher", "sprecherin", "spreker", "talare", "taler",
	"locuteur", "locutrice", "intervenant", "intervenante",
	"hablante", "orador", "oradora", "locutor", "locutora", "falante", "interlocutor",
	"parlante", "oratore", "relatore", "mówca", "говорящий", "спикер",
	"話者", "话者", "说话人", "說話人", "发言人", "發言人", "화자", "발화자",
}

// placeholderSpeaker reports whether name is no name but a placeholder a
// transcript tool prints for a voice it cannot name: one of
// placeholderWords, alone or followed by a number or a single letter
// ("Speaker 1", "Speaker B", "SPEAKER_00", "Unknown Speaker", "发言人 2").
// Such a turn may hold several voices, and their pauses, as a turn that
// names no one does: diarizers merge and split voices, most of all in
// films and rooms.
func placeholderSpeaker(name string) bool {
	lower := strings.ToLower(strings.TrimSpace(name))
	for _, w := range placeholderWords {
		rest, ok := strings.CutPrefix(lower, w)
		if !ok {
			continue
		}
		after := strings.TrimLeft(rest, " _-#")
		if after == "" || allDigits(after) {
			return true
		}
		if r, n := utf8.DecodeRuneInString(after); n == len(after) && len(after) < len(rest) && unicode.IsLetter(r) && r < utf8.RuneSelf {
			return true // "Speaker B", not "Unknowns"
		}
	}
	return false
}

// allDigits reports whether s is all decimal digits (of any script).
func allDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
