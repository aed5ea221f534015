package extract

import (
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// containsAnyFoldRef is containsAnyFold as first written (decode, then
// isWordChar and foldRune), the reference the table-driven one must
// agree with.
func containsAnyFoldRef(s string, pats ...string) bool {
	inWord := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		w := isWordChar(r)
		if w && !inWord {
			f := foldRune(r)
			for _, pat := range pats {
				if f != rune(pat[0]) {
					continue
				}
				if _, ok := matchFold(s, i, pat); ok {
					return true
				}
			}
		}
		inWord = w
		i += n
	}
	return false
}

// foldStringRef is foldString as first written, with a range loop.
func foldStringRef(s string) string {
	var b []byte
	for _, r := range s {
		if f := foldRune(r); f != 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

// randomViet strings mix ASCII, Vietnamese letters, combining marks,
// odd letters (the Kelvin sign folds to 'k') and invalid bytes.
func randomViet(rng *rand.Rand) string {
	parts := []string{"k", "K", "em", " ", "theo", "Theo", "ế", "Ê", "\u0301", "\u212A", "đ", "Đ", "tổng", "kết", ",", "\xff", "\xe1\xbb", "1", "ǆ", "İ", "ḃ", "\t", "\n", "hh", "TH"}
	var b strings.Builder
	for n := rng.Intn(12); n > 0; n-- {
		b.WriteString(parts[rng.Intn(len(parts))])
	}
	return b.String()
}

func TestContainsAnyFoldRef(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pats := [][]string{{"kem theo"}, {"tong ket", "so ket"}, {"theo"}, {"k"}, {"i"}, {"d"}}
	for n := 0; n < 50000; n++ {
		s := randomViet(rng)
		p := pats[rng.Intn(len(pats))]
		if got, want := containsAnyFold(s, p...), containsAnyFoldRef(s, p...); got != want {
			t.Fatalf("containsAnyFold(%q, %q) = %v, want %v", s, p, got, want)
		}
		if got, want := foldString(s), foldStringRef(s); got != want {
			t.Fatalf("foldString(%q) = %q, want %q", s, got, want)
		}
	}
}

// nthWordEndRef is nthWordEnd byte by byte.
func nthWordEndRef(s string, n int) int {
	words := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && (i+1 == len(s) || s[i+1] == ' ') {
			words++
			if words == n {
				return i + 1
			}
		}
	}
	return len(s)
}

func TestNthWordEndRef(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for k := 0; k < 50000; k++ {
		b := make([]byte, rng.Intn(60))
		for i := range b {
			b[i] = " a!\x00\xa0\xff"[rng.Intn(6)]
		}
		n := 1 + rng.Intn(12)
		if got, want := nthWordEnd(string(b), n), nthWordEndRef(string(b), n); got != want {
			t.Fatalf("nthWordEnd(%q, %d) = %d, want %d", b, n, got, want)
		}
	}
}

// TestRuneTables checks the tables read off the unicode range tables
// against the unicode functions, rune by rune.
func TestRuneTables(t *testing.T) {
	for r := rune(0); r < foldLimit; r++ {
		var c uint8
		switch {
		case unicode.IsLetter(r):
			c = rcLetter | flagIf(unicode.IsUpper(r), rcUpper) | flagIf(unicode.IsLower(r), rcLower)
		case unicode.IsDigit(r):
			c = rcDigit
		}
		c |= flagIf(unicode.ToLower(r) != r, rcCased)
		if runeClass[r] != c {
			t.Fatalf("runeClass[%U] = %b, want %b", r, runeClass[r], c)
		}
		if w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r); wordTable[r] != w {
			t.Fatalf("wordTable[%U] = %v", r, wordTable[r])
		}
		if facts.lower[r] != unicode.ToLower(r) {
			t.Fatalf("lower[%U] = %U, want %U", r, facts.lower[r], unicode.ToLower(r))
		}
	}
}

func TestNFDFirst(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := nfdRune(r), norm.NFD.String(string(r)); got != want {
			t.Fatalf("nfdRune(%U) = %q, want %q", r, got, want)
		}
	}
}

// TestSentenceCache asks the cache for growing offsets of random text
// and checks each answer against sentenceStart.
func TestSentenceCache(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for k := 0; k < 3000; k++ {
		b := make([]byte, rng.Intn(5000))
		for i := range b {
			b[i] = "aaaaaaaa .\n!?ế"[rng.Intn(15)]
		}
		if rng.Intn(2) == 0 { // long stretches without sentence ends
			for i := range b {
				if b[i] == '.' || b[i] == '\n' {
					b[i] = 'x'
				}
			}
		}
		text := string(b)
		var c sentenceCache
		for pos := 0; pos < len(text); pos += rng.Intn(400) {
			if got, want := c.start(text, pos), sentenceStart(text, pos); got != want {
				t.Fatalf("text %d bytes: start(%d) = %d, want %d", len(text), pos, got, want)
			}
		}
	}
}

func TestLastDay(t *testing.T) {
	for y := -800; y <= 3000; y++ {
		for m := 0; m <= 13; m++ {
			want := 31
			if m >= 1 && m <= 12 {
				yy := y
				if yy == 0 {
					yy = 2000
				}
				want = time.Date(yy, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			}
			if got := lastDay(y, m); got != want {
				t.Fatalf("lastDay(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}
