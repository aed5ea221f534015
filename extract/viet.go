package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese text helpers.
//
// NormalizeTone makes the placement of the tone mark canonical: in the
// syllables "oa", "oe" and "uy" without a final consonant the tone goes on
// the first vowel ("hoà" → "hòa", "thuý" → "thúy", "Uỷ" → "Ủy"), the form
// most government text uses. Fold reduces text to lower-case letters
// without any diacritic, for matching only.

// vtTones are the five tone marks, in the order used by the tables below
// (index 0 is "no tone").
var vtTones = [...]rune{0x0300, 0x0301, 0x0309, 0x0303, 0x0323}

// vtVowels are the Vietnamese vowel letters without tone, both cases.
const vtVowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

// vtVinfo describes one precomposed letter: its base letter without tone
// (case and vowel shape kept) and its tone (0 = none, 1..5 = tones).
type vtVinfo struct {
	base rune
	tone uint8
}

var (
	// vtLowInfo covers U+0000..U+01FF, vtVietInfo U+1EA0..U+1EFF.
	vtLowInfo  [0x200]vtVinfo
	vtVietInfo [0x60]vtVinfo
	// vtToned maps a base vowel and a tone to the precomposed letter.
	vtToned = map[rune]*[6]rune{}
	// vtFoldLow and vtFoldViet fold the same ranges (0 = not in the table).
	vtFoldLow  [0x250]rune
	vtFoldViet [0x60]rune
	// vtLetterLow tells the letters below U+0250.
	vtLetterLow [0x250]bool
)

func init() {
	for _, b := range vtVowels {
		var row [6]rune
		row[0] = b
		vtSetInfo(b, vtVinfo{base: b})
		for t, m := range vtTones {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(string(b) + string(m)))
			row[t+1] = r
			vtSetInfo(r, vtVinfo{base: b, tone: uint8(t + 1)})
		}
		vtToned[b] = &row
	}
	for r := rune(0); r < 0x250; r++ {
		vtLetterLow[r] = unicode.IsLetter(r)
		vtFoldLow[r] = vtFoldSlow1(r)
	}
	for r := rune(0x1EA0); r < 0x1F00; r++ {
		vtFoldViet[r-0x1EA0] = vtFoldSlow1(r)
	}
}

func vtSetInfo(r rune, v vtVinfo) {
	switch {
	case r < 0x200:
		vtLowInfo[r] = v
	case r >= 0x1EA0 && r < 0x1F00:
		vtVietInfo[r-0x1EA0] = v
	default:
		panic("extract: unexpected Vietnamese letter " + string(r))
	}
}

// vtInfo returns the vowel information of r; base is 0 for a non-vowel.
func vtInfo(r rune) vtVinfo {
	switch {
	case r < 0x200:
		return vtLowInfo[r]
	case r >= 0x1EA0 && r < 0x1F00:
		return vtVietInfo[r-0x1EA0]
	}
	return vtVinfo{}
}

// vtFoldSlow1 folds one rune into a single rune when the fold is a single
// rune, else returns -1.
func vtFoldSlow1(r rune) rune {
	var out []rune
	for _, d := range nfdRune(r) {
		if !vtIsMark(d) {
			out = append(out, d)
		}
	}
	if len(out) != 1 {
		if len(out) == 0 && vtIsMark(r) {
			return -2 // dropped
		}
		return -1
	}
	l := unicode.ToLower(out[0])
	switch l {
	case 'đ':
		return 'd'
	case r:
		return l
	}
	if l >= 0x80 {
		if f := vtFoldSlow1(l); f >= 0 {
			return f
		}
	}
	return l
}

// vtIsMark reports whether Fold drops r: nonspacing marks and every rune
// with a non-zero canonical combining class (whose order NFC may change).
func vtIsMark(r rune) bool {
	return unicode.Is(unicode.Mn, r) || norm.NFD.PropertiesString(string(r)).CCC() != 0
}

// text is the input of the generic scanners.
type vtText interface{ ~string | ~[]byte }

// vtDecode returns the rune at s[i] and its width; invalid bytes decode as
// (utf8.RuneError, 1), like a range loop over a string.
func vtDecode[T vtText](s T, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// Fast paths for valid two- and three-byte sequences (all of
	// Vietnamese), else the standard decoder.
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	if c > 0xE0 && c < 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	var buf [utf8.UTFMax]byte
	n := copy(buf[:], s[i:])
	return utf8.DecodeRune(buf[:n])
}

// vtToneEdit is one syllable whose tone moves from the second vowel to the
// first: the two vowels at [at, end) are replaced by v1 v2.
type vtToneEdit struct {
	at, end int
	v1, v2  rune
}

// NormalizeTone returns s with the tone of the syllables "oa", "oe" and
// "uy" without final consonant on the first vowel ("hoà" → "hòa", "Uỷ" →
// "Ủy"). Everything else, including case, is kept. The input should be NFC;
// text that is not is composed first, and invalid UTF-8 bytes become
// U+FFFD, so the result is always valid NFC. When nothing changes s itself
// is returned without allocating.
func NormalizeTone(s string) string {
	if !utf8.ValidString(s) {
		s = string(vtValidRunes(s))
	}
	if !vtIsNFC(s) {
		s = norm.NFC.String(s)
	}
	e, ok := vtNextEdit(s, 0)
	if !ok {
		return s
	}
	return string(vtApplyEdits(make([]byte, 0, len(s)+4), s, e))
}

// NormalizeToneBytes is NormalizeTone for a byte slice. It returns b itself
// when nothing changes, else a new slice.
func NormalizeToneBytes(b []byte) []byte {
	if !utf8.Valid(b) {
		b = vtValidRunes(b)
	}
	if !vtIsNFC(b) {
		b = norm.NFC.Bytes(b)
	}
	e, ok := vtNextEdit(b, 0)
	if !ok {
		return b
	}
	return vtApplyEdits(make([]byte, 0, len(b)+4), b, e)
}

// vtIsNFC reports whether s (valid UTF-8) is in NFC. Text made only of
// inert runes (see vtInert) is; anything else is checked by the norm package.
func vtIsNFC[T vtText](s T) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := vtDecode(s, i)
		if !vtInert(r) {
			return norm.NFC.IsNormalString(string(s))
		}
		i += n
	}
	return true
}

// vtInert reports whether r never changes nor combines under NFC: Latin
// letters below U+0300, the Vietnamese block and common punctuation. A test
// checks this against the norm package.
func vtInert(r rune) bool {
	return r < 0x300 || 0x1EA0 <= r && r <= 0x1EFF ||
		0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205E
}

// vtValidRunes replaces each invalid byte by U+FFFD, as a range loop sees it.
func vtValidRunes[T vtText](s T) []byte {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := vtDecode(s, i)
		out = utf8.AppendRune(out, r)
		i += n
	}
	return out
}

// vtApplyEdits copies s to dst applying e and every later edit.
func vtApplyEdits[T vtText](dst []byte, s T, e vtToneEdit) []byte {
	last := 0
	for ok := true; ok; e, ok = vtNextEdit(s, e.end) {
		dst = append(dst, s[last:e.at]...)
		dst = utf8.AppendRune(dst, e.v1)
		dst = utf8.AppendRune(dst, e.v2)
		last = e.end
	}
	return append(dst, s[last:]...)
}

// vtNextEdit finds the first syllable at or after byte i whose tone moves.
// s must be valid UTF-8. Every such syllable has an ASCII "o" or "u"
// followed by a toned vowel, whose lead byte is 0xC3 or 0xE1: a byte scan
// finds the candidates and vtToneMove checks them.
func vtNextEdit[T vtText](s T, i int) (vtToneEdit, bool) {
	for ; i+1 < len(s); i++ {
		if c := s[i] | 0x20; (c == 'o' || c == 'u') && (s[i+1] == 0xC3 || s[i+1] == 0xE1) {
			if e, ok := vtToneMove(s, i); ok {
				return e, true
			}
		}
	}
	return vtToneEdit{}, false
}

// vtToneMove checks the word around the vowel s[i] against the rule: a
// valid onset, then exactly o+a, o+e or u+y with the tone on the second
// vowel (the first, ASCII, has none), then the end of the word.
func vtToneMove[T vtText](s T, i int) (vtToneEdit, bool) {
	r, n := vtDecode(s, i+1)
	b := vtInfo(r)
	v1, v2 := rune(s[i]|0x20), unicode.ToLower(b.base)
	if b.tone == 0 || !(v1 == 'o' && (v2 == 'a' || v2 == 'e') || v1 == 'u' && v2 == 'y') {
		return vtToneEdit{}, false
	}
	end := i + 1 + n
	if end < len(s) {
		if r, _ := vtDecode(s, end); vtIsWordRune(r) {
			return vtToneEdit{}, false
		}
	}
	if !vtValidOnset(s, i) {
		return vtToneEdit{}, false
	}
	return vtToneEdit{at: i, end: end, v1: vtToned[rune(s[i])][b.tone], v2: b.base}, true
}

// vtIsWordRune reports whether r belongs to a word: letters and combining
// marks (a word with a combining mark is never changed).
func vtIsWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r < 0x250:
		return vtLetterLow[r]
	case 0x1EA0 <= r && r <= 0x1EFF:
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// vtOnsets are the Vietnamese initial consonants that may precede "oa",
// "oe" or "uy" ("gi" is an onset too: its "i" is not a vowel).
var vtOnsets = map[string]bool{
	"": true, "b": true, "c": true, "ch": true, "d": true, "đ": true,
	"g": true, "gh": true, "gi": true, "h": true, "k": true, "kh": true,
	"l": true, "m": true, "n": true, "ng": true, "ngh": true, "nh": true,
	"p": true, "ph": true, "r": true, "s": true, "t": true, "th": true,
	"tr": true, "v": true, "x": true,
}

// vtValidOnset reports whether the letters of the word before s[i] form an
// onset. "q" is not one: in "quý", "quỳ" the "u" belongs to the onset.
func vtValidOnset[T vtText](s T, i int) bool {
	var buf [4 * utf8.UTFMax]byte
	k := len(buf)
	for n := 0; i > 0; n++ {
		j := i - 1
		for j > 0 && i-j < utf8.UTFMax && s[j]&0xC0 == 0x80 {
			j--
		}
		r, _ := vtDecode(s, j)
		if !vtIsWordRune(r) {
			break
		}
		if n == 3 {
			return false
		}
		r = unicode.ToLower(r)
		k -= utf8.RuneLen(r)
		utf8.EncodeRune(buf[k:], r)
		i = j
	}
	return vtOnsets[string(buf[k:])]
}

// Fold returns s in lower case with every diacritic removed (NFD, combining
// marks dropped) and đ/Đ mapped to d; digits, punctuation and spaces are
// kept. Invalid UTF-8 bytes become U+FFFD. It is meant for matching only.
// When nothing changes s itself is returned without allocating.
func Fold(s string) string {
	i := vtFoldSpan(s)
	if i == len(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	out = append(out, s[:i]...)
	return string(vtAppendFold(out, s[i:]))
}

// AppendFold appends the fold of src to dst and returns the extended
// slice. dst and src must not overlap.
func AppendFold(dst, src []byte) []byte {
	i := vtFoldSpan(src)
	dst = append(dst, src[:i]...)
	if i == len(src) {
		return dst
	}
	return vtAppendFold(dst, src[i:])
}

// vtFoldSpan returns the length of the prefix of s that folding keeps.
func vtFoldSpan[T vtText](s T) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return len(s)
}

func vtAppendFold[T vtText](dst []byte, s T) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := vtDecode(s, i)
		i += n
		dst = vtAppendFoldRune(dst, r)
	}
	return dst
}

func vtAppendFoldRune(dst []byte, r rune) []byte {
	f := rune(-1)
	switch {
	case r < 0x250:
		f = vtFoldLow[r]
	case r >= 0x1EA0 && r < 0x1F00:
		f = vtFoldViet[r-0x1EA0]
	}
	switch {
	case f == -2:
		return dst
	case f >= 0:
		return utf8.AppendRune(dst, f)
	case r == utf8.RuneError:
		return utf8.AppendRune(dst, r)
	}
	if vtIsMark(r) {
		return dst
	}
	for _, d := range nfdRune(r) {
		if vtIsMark(d) {
			continue
		}
		if d = unicode.ToLower(d); d == 'đ' {
			d = 'd'
		}
		dst = utf8.AppendRune(dst, d)
	}
	return dst
}
