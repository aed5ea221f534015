package extract

import (
	"encoding/binary"
	"math/rand"
	"strings"
	"testing"
	"unicode"
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

// TestFieldsHelpers: countFields and joinFields agree with strings.Fields.
func TestFieldsHelpers(t *testing.T) {
	alpha := []rune("a b\t\n\v\f\r\u0085\u00a0\u2003\u3000é,\xff")
	r := rand.New(rand.NewSource(7))
	for n := 0; n < 100000; n++ {
		b := make([]rune, r.Intn(12))
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		s := string(b)
		if n%7 == 0 {
			s += "\xff"
		}
		f := strings.Fields(s)
		if countFields(s) != len(f) || joinFields(s) != strings.Join(f, " ") {
			t.Fatalf("%q: countFields %d joinFields %q, want %d %q", s, countFields(s), joinFields(s), len(f), strings.Join(f, " "))
		}
	}
}

// TestSpaceLeads: every space rune starts with a byte spaceAt decodes.
func TestSpaceLeads(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			if c := string(r)[0]; c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
				t.Errorf("%U starts with %x", r, c)
			}
		}
	}
}

// TestRuneClass: the cached predicates agree with package unicode.
func TestRuneClass(t *testing.T) {
	for r := rune(-1); r < 0x20000; r++ {
		if isUpperRune(r) != unicode.IsUpper(r) || isLowerRune(r) != unicode.IsLower(r) || isLetterRune(r) != unicode.IsLetter(r) ||
			isDigitRune(r) != unicode.IsDigit(r) || toLowerRune(r) != unicode.ToLower(r) {
			t.Fatalf("%U", r)
		}
	}
}

// TestHasControl: the word test agrees with a byte loop.
func TestHasControl(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	for n := 0; n < 1000000; n++ {
		var b [8]byte
		for i := range b {
			b[i] = byte(0x1C + r.Intn(8)) // around 0x20
			if r.Intn(4) == 0 {
				b[i] = byte(r.Intn(256))
			}
		}
		want := false
		for _, c := range b {
			want = want || c < 0x20
		}
		if got := hasControl(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("% x: %v", b, got)
		}
	}
}
