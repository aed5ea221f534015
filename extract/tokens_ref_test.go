package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tokenizeRef is the first tokenizer, kept as the reference the faster
// one must agree with token for token.
func tokenizeRef(text string) tokens {
	var ts tokens
	open := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 {
			if !isASCIIAlnum(c) {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWordChar(r) {
			i += n
			continue
		}
		i = scanWordRef(text, i, &ts, &open)
	}
	return ts
}

func scanWordRef(text string, start int, ts *tokens, open *bool) int {
	var w [keyPrefix + utf8.UTFMax]byte
	n := 0
	i := start
	for i < len(text) {
		c := text[i]
		if c < 0x80 {
			if !isASCIIAlnum(c) {
				break
			}
			if isDigit(c) && gluedBeforeRef(w[:n]) {
				ts.add(start, wordKRRef(text, start, i, w[:n]), open)
				start, n = i, 0
			}
			if n < keyPrefix {
				w[n] = lowerASCII[c]
				n++
			}
			i++
			continue
		}
		r, size := decodeVi(text, i)
		if !isWordChar(r) {
			break
		}
		if f := foldRune(r); f != 0 && n < keyPrefix {
			n += utf8.EncodeRune(w[n:], f)
		}
		i += size
	}
	ts.add(start, wordKRRef(text, start, i, w[:n]), open)
	return i
}

func wordKRRef(text string, start, end int, w []byte) uint64 {
	var key uint64
	var role uint16
	if len(w) <= 7 {
		key, _ = packWord(w)
		role = packedRoles[key]
	} else if len(w) == 8 {
		key = keyEight
	}
	if isDigit(text[start]) {
		role |= roleDigit
	}
	if role == 0 && len(w) > longestSyllable {
		for n := 2; n <= longestSyllable && n < len(w); n++ {
			if k, ok := packWord(w[:n]); ok && packedRoles[k] != 0 {
				role = packedRoles[k]
				break
			}
		}
	}
	if text[start] >= 'A' && text[start] <= 'Z' && end-start <= 5 && end-start > 1 {
		if _, ok := kindAbbrevs[text[start:end]]; ok {
			role |= roleAbbrev
		}
	}
	return key | uint64(role)<<roleShift
}

func gluedBeforeRef(w []byte) bool {
	if len(w) == 0 || isDigit(w[len(w)-1]) {
		return false
	}
	switch string(w) {
	case "ngay", "thang", "nam", "quy", "qui", "so":
		return true
	}
	return false
}

// tokenTexts are the corpus and test documents with variants that
// exercise the tokenizer's odd paths.
func tokenTexts(t testing.TB) []string {
	files, _ := filepath.Glob("../corpus/*.txt")
	more, _ := filepath.Glob("../testdata/*.txt")
	var out []string
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		out = append(out, s, strings.ToLower(s), strings.ToUpper(s), foldString(s), norm.NFD.String(s))
	}
	return append(out, "Nghịquyết số25 ngày03/6/2013 \u212Aelvin Ωμέγα café\u0301 x\u0300y \xff\xfeab", "")
}

func TestTokenizeMatchesReference(t *testing.T) {
	for _, s := range tokenTexts(t) {
		got, want := tokenize(s), tokenizeRef(s)
		if !slices.Equal(got, want) {
			t.Fatalf("tokenize differs from the reference on %.60q", s)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Nghịquyết số25 ngày03/6/2013 \u212Aelvin Ωμέγα café\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokenize(s), tokenizeRef(s); !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) differs from the reference", s)
		}
	})
}
