package extract

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeVi: decodeVi agrees with utf8.DecodeRuneInString on every
// one-, two- and three-byte string whose bytes its fast paths look at.
func TestDecodeVi(t *testing.T) {
	check := func(s string) {
		r, n := decodeVi(s, 0)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeVi(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
	for a := 0; a < 256; a++ {
		check(string([]byte{byte(a)}))
		for b := 0; b < 256; b++ {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), byte(b), 'x'}))
			for c := 0; c < 256; c += 1 + 14*(a&1) {
				check(string([]byte{byte(a), byte(b), byte(c)}))
			}
		}
	}
}
