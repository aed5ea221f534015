package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// countFields is len(strings.Fields(s)), without the slice.
func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		sp, size := asciiSpace[s[i]], 1 // ASCII without a call
		if s[i] >= utf8.RuneSelf {
			sp, size = spaceAt(s, i)
		}
		if !sp && !in {
			n++
		}
		in = !sp
		i += size
	}
	return n
}

// joinFields is strings.Join(strings.Fields(s), " "); it allocates only
// when that differs from strings.TrimSpace(s).
func joinFields(s string) string {
	s = strings.TrimSpace(s)
	for i, prevSpace := 0, true; i < len(s); {
		sp, size := asciiSpace[s[i]], 1 // ASCII without a call
		if s[i] >= utf8.RuneSelf {
			sp, size = spaceAt(s, i)
		}
		if sp && (s[i] != ' ' || prevSpace) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
		i += size
	}
	return s
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// spaceAt reports whether the rune at s[i] is a space as strings.Fields
// sees it (unicode.IsSpace), and its length.
func spaceAt(s string, i int) (bool, int) {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
	case c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3:
		return false, 1 // no space starts with this byte; nor does a continuation byte
	case c == 0xE1: // a Vietnamese letter; the one space is U+1680
		r, size := decodeVi(s, i)
		return r == '\u1680', size
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
