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
		sp, size := spaceAt(s, i)
		if !sp && !in {
			n++
		}
		in = !sp
		i += size
	}
	return n
}

// joinFields is strings.Join(strings.Fields(s), " "); it allocates only
// when that differs from s.
func joinFields(s string) string {
	for i, prevSpace := 0, true; i < len(s); {
		sp, size := spaceAt(s, i)
		if sp && (s[i] != ' ' || prevSpace || i+1 == len(s)) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
		i += size
	}
	return s
}

// spaceAt reports whether the rune at s[i] is a space as strings.Fields
// sees it (unicode.IsSpace), and its length.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
