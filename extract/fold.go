package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps each rune below foldLimit to its lower-case base letter
// without diacritics ("Ế" → 'e', "Đ" → 'd'; combining marks → 0); built
// once from NFD.
const foldLimit = 0x2100 // through General Punctuation (“ ” – …)

var foldTable = buildFoldTable()

func buildFoldTable() *[foldLimit]rune {
	var t [foldLimit]rune
	t = facts.lower
	for r := rune(0x300); r <= 0x36F; r++ {
		t[r] = 0
	}
	m := make(map[rune]rune, 400)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			b := unicode.ToLower(nfdFirst(r))
			if b != r && b < 0x80 {
				m[r] = b
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	m['Đ'], m['đ'], m['Ð'] = 'd', 'd', 'd'
	for r, f := range m {
		t[r] = f
	}
	return &t
}

// nfdFirst returns the first rune of norm.NFD.String(string(r)).
func nfdFirst(r rune) rune {
	f, _ := utf8.DecodeRuneInString(nfdRune(r))
	return f
}

// nfdRune is norm.NFD.String(string(r)), read from the decomposition
// tables: the transform costs several times more, and the tables are
// built from a thousand runes at start-up.
func nfdRune(r rune) string {
	if d := norm.NFD.PropertiesString(string(r)).Decomposition(); d != nil {
		return string(d)
	}
	return string(r)
}

// foldRune lower-cases r and strips its diacritics; combining marks fold
// to 0 (callers skip them).
func foldRune(r rune) rune {
	if uint32(r) < foldLimit {
		return foldTable[r]
	}
	return unicode.ToLower(r)
}

// wordTable caches isWordChar below foldLimit.
var wordTable = func() *[foldLimit]bool {
	var t [foldLimit]bool
	for r, c := range facts.class {
		t[r] = c&(rcLetter|rcDigit|rcMark) != 0
	}
	return &t
}()

// facts holds what the tables here are built from, for each rune below
// foldLimit: its categories and unicode.ToLower. They are read off the
// unicode range tables, range by range: asking unicode.IsLetter, IsUpper,
// ToLower … rune by rune costs a search each, and was most of the
// package's start-up time.
var facts = func() *runeFacts {
	f := &runeFacts{}
	f.mark(unicode.Letter, rcLetter)
	f.mark(unicode.Upper, rcUpper)
	f.mark(unicode.Lower, rcLower)
	f.mark(unicode.Digit, rcDigit)
	f.mark(unicode.Mn, rcMark)
	for r := range f.lower {
		f.lower[r] = rune(r)
	}
	for _, cr := range unicode.CaseRanges { // what unicode.ToLower reads
		d := rune(cr.Delta[unicode.LowerCase])
		for r := rune(cr.Lo); r <= rune(cr.Hi) && r < foldLimit; r++ {
			if d == unicode.UpperLower { // alternating upper and lower case: the odd offsets are lower
				f.lower[r] = rune(cr.Lo) + ((r-rune(cr.Lo))&^1 | unicode.LowerCase&1)
			} else {
				f.lower[r] = r + d
			}
		}
	}
	return f
}()

type runeFacts struct {
	class [foldLimit]uint8 // rcLetter, rcUpper, rcLower, rcDigit, rcMark
	lower [foldLimit]rune  // unicode.ToLower
}

// mark sets flag on the runes of tab below foldLimit.
func (f *runeFacts) mark(tab *unicode.RangeTable, flag uint8) {
	for _, g := range tab.R16 {
		for r := rune(g.Lo); r <= rune(g.Hi) && r < foldLimit; r += rune(g.Stride) {
			f.class[r] |= flag
		}
	}
	for _, g := range tab.R32 {
		for r := rune(g.Lo); r <= rune(g.Hi) && r < foldLimit; r += rune(g.Stride) {
			f.class[r] |= flag
		}
	}
}

// isWordChar reports whether r belongs to a word (letter, digit or mark).
func isWordChar(r rune) bool {
	if uint32(r) < foldLimit {
		return wordTable[r]
	}
	return isWordCharSlow(r)
}

func isWordCharSlow(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// decodeVi is utf8.DecodeRuneInString(s[i:]) with the two-byte letters
// and the precomposed Vietnamese ones (U+1Exx) decoded inline.
func decodeVi(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	} else if c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 0x1000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// atWordStart reports whether a word may start at s[i].
func atWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	if c := s[i-1]; c < 0x80 {
		return foldBytes[c] == fbNone
	}
	return !isWordChar(lastRuneVi(s, i))
}

// lastRuneVi is utf8.DecodeLastRuneInString(s[:i]) with the two-byte
// letters and the precomposed Vietnamese ones (U+1Exx) decoded inline.
func lastRuneVi(s string, i int) rune {
	if s[i-1] >= 0xC0 {
		return utf8.RuneError // a lead byte: i is inside a rune
	}
	if i >= 2 && s[i-1]&0xC0 == 0x80 {
		if c := s[i-2]; c >= 0xC2 && c < 0xE0 {
			return rune(c&0x1F)<<6 | rune(s[i-1]&0x3F)
		}
		if i >= 3 && s[i-3] == 0xE1 && s[i-2]&0xC0 == 0x80 {
			return 0x1000 | rune(s[i-2]&0x3F)<<6 | rune(s[i-1]&0x3F)
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// wordStarts calls f at each byte offset in s[from:to] where a word
// starts; f returns where scanning resumes.
func wordStarts(s string, from, to int, f func(i int) int) {
	for i := from; i < to; {
		c := s[i]
		if c < 0x80 && !isASCIIAlnum(c) || c >= 0x80 && c < 0xC0 || !atWordStart(s, i) {
			i++
			continue
		}
		next := f(i)
		if next <= i {
			next = i + 1
		}
		// skip the rest of this word
		for next < to && (s[next] >= 0x80 || isASCIIAlnum(s[next])) {
			if s[next] >= 0xC0 {
				r, _ := utf8.DecodeRuneInString(s[next:])
				if !isWordChar(r) {
					break
				}
			}
			next++
		}
		i = next
	}
}

// atWordEnd reports whether a word ends at s[i].
func atWordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < 0x80 {
		return !isASCIIAlnum(c)
	}
	r, _ := decodeVi(s, i)
	return !isWordChar(r)
}

// mayMatch is false when matchFold(s, i, pat) fails on its first byte:
// an ASCII letter, digit or sign that is not pat's first. Most calls fail
// so; this test inlines, so a hot caller can skip the call.
func mayMatch(s string, i int, pat string) bool {
	if i >= len(s) {
		return true
	}
	q := quickFold[s[i]]
	return q == pat[0] || q == 0 || pat[0] == ' '
}

// quickFold is lowerASCII for the bytes 1–127, 0 for the others (which
// matchFold decodes).
var quickFold = func() (t [256]byte) {
	for c := 1; c < 0x80; c++ {
		t[c] = lowerASCII[c]
	}
	return
}()

// matchFold matches pat (ASCII, lower case, already folded) against s at
// byte i, ignoring case and diacritics. A space in pat matches any run of
// spaces, tabs or newlines, or nothing at all (words glued together by a
// PDF copy). It returns the byte offset just past the match; the match
// must end at a word boundary when pat ends with a letter or digit.
func matchFold(s string, i int, pat string) (int, bool) {
	if !mayMatch(s, i, pat) {
		return 0, false
	}
	j := 0
	for j < len(pat) {
		if pat[j] == ' ' {
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
				i++
			}
			j++
			continue
		}
		if i >= len(s) {
			return 0, false
		}
		c := s[i]
		if c < 0x80 && c != 0 { // ASCII: no decoding, no marks (NUL folds to 0 like one)
			if lowerASCII[c] != pat[j] {
				return 0, false
			}
			i++
			j++
			continue
		}
		var r rune
		var n int
		switch { // decodeVi, inline
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = 0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = decodeVi(s, i)
		}
		f := foldRune(r)
		i += n
		if f == 0 { // combining mark of decomposed text
			continue
		}
		if f != rune(pat[j]) {
			return 0, false
		}
		j++
	}
	if i < len(s) && (s[i] >= 0x80 || s[i] == 0) { // no call when an ASCII byte follows, as most often
		i = skipMarks(s, i) // trailing combining marks belong to the last letter
	}
	last := pat[len(pat)-1]
	ends := i >= len(s) || s[i] < 0x80 && !isASCIIAlnum(s[i]) || s[i] >= 0x80 && atWordEnd(s, i) // atWordEnd, ASCII inline
	if isASCIIAlnum(last) && !ends && !(last >= 'a' && i < len(s) && isDigit(s[i])) {
		return 0, false // a word glued to a number ("ngày03/6", "số25") still ends
	}
	return i, true
}

// skipMarks returns the offset after the combining marks at s[i].
func skipMarks(s string, i int) int {
	for i < len(s) && (s[i] >= 0x80 || s[i] == 0) {
		r, n := decodeVi(s, i)
		if foldRune(r) != 0 {
			break
		}
		i += n
	}
	return i
}

// lowerASCII lower-cases an ASCII byte.
var lowerASCII = func() (t [128]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return
}()

// foldedAt returns the first folded letter at s[i] that matchFold would
// compare with a pattern's first byte (combining marks skipped), or -1 at
// the end of s.
func foldedAt(s string, i int) rune {
	for i < len(s) {
		if c := s[i]; c < 0x80 && c != 0 {
			return rune(lowerASCII[c])
		}
		r, n := decodeVi(s, i)
		if f := foldRune(r); f != 0 {
			return f
		}
		i += n
	}
	return -1
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// matchAny tries each pattern at s[i] and returns the first that matches.
func matchAny(s string, i int, pats []string) (end int, idx int) {
	f0 := foldedAt(s, i)
	for k, p := range pats {
		if p[0] != ' ' && rune(p[0]) != f0 {
			continue // cannot match: matchFold compares this first
		}
		if e, ok := matchFold(s, i, p); ok {
			return e, k
		}
	}
	return 0, -1
}

// containsFold reports whether the folded pattern pat (see matchFold)
// starts at a word start of s; it allocates nothing.
func containsFold(s, pat string) bool { return containsAnyFold(s, pat) }

// containsAnyFold reports whether one of pats (folded) starts a word of s,
// in one pass over s.
func containsAnyFold(s string, pats ...string) bool {
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		var f byte // foldBytes of the rune: whether it is in a word, and its fold when ASCII
		n := 1
		switch { // decodeVi, inline
		case c < 0x80:
			f = foldBytes[c]
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			f, n = foldBytes[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			f, n = foldBytes[0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)], 3
		default:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			f = foldByteOf(r)
		}
		w := f != fbNone
		if w && !inWord && f > fbWide { // a word starts with a letter or digit that folds to ASCII: a pattern may match
			for _, pat := range pats {
				if f != pat[0] {
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

// foldString folds a whole string (lower case, no diacritics, đ → d).
func foldString(s string) string {
	var buf [128]byte // most strings folded are short: only the result escapes
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	return string(appendFold(b, s, len(s)*utf8.UTFMax))
}

// appendFold appends the fold of s to b, rune by rune, while b holds at
// most max bytes (so up to max+4 in the end). The letters are decoded
// inline: a range loop calls the runtime for each one that is not ASCII.
func appendFold(b []byte, s string, max int) []byte {
	for i := 0; i < len(s) && len(b) <= max; {
		c := s[i]
		if c < 0x80 {
			if c != 0 { // NUL folds to 0, dropped like a mark
				b = append(b, lowerASCII[c])
			}
			i++
			continue
		}
		var r rune
		var n int
		switch { // decodeVi, inline
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = 0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if f := foldRune(r); f != 0 {
			b = utf8.AppendRune(b, f)
		}
		i += n
	}
	return b
}

// skipSpaces returns the offset of the first non-space byte at or after i.
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// skipBack returns the offset just after the last non-space byte before i.
func skipBack(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// Unicode case predicates, cached below foldLimit: the text is mostly
// Vietnamese letters, which the unicode package finds by binary search.
const (
	rcUpper uint8 = 1 << iota
	rcLower
	rcLetter
	rcDigit
	rcCased // unicode.ToLower changes the rune
	rcMark  // a nonspacing mark (Mn); only in facts
)

var runeClass = func() *[foldLimit]uint8 {
	var t [foldLimit]uint8
	for r, c := range facts.class {
		switch {
		case c&rcLetter != 0: // upper and lower case letters are letters
			t[r] = c & (rcLetter | rcUpper | rcLower)
		case c&rcDigit != 0:
			t[r] = rcDigit
		}
		t[r] |= flagIf(facts.lower[r] != rune(r), rcCased)
	}
	return &t
}()

func flagIf(b bool, f uint8) uint8 {
	if b {
		return f
	}
	return 0
}

// isUpperRune is unicode.IsUpper.
func isUpperRune(r rune) bool {
	if uint32(r) < foldLimit {
		return runeClass[r]&rcUpper != 0
	}
	return classSlow(r, rcUpper)
}

// isLowerRune is unicode.IsLower.
func isLowerRune(r rune) bool {
	if uint32(r) < foldLimit {
		return runeClass[r]&rcLower != 0
	}
	return classSlow(r, rcLower)
}

// isLetterRune is unicode.IsLetter.
func isLetterRune(r rune) bool {
	if uint32(r) < foldLimit {
		return runeClass[r]&rcLetter != 0
	}
	return classSlow(r, rcLetter)
}

// isDigitRune is unicode.IsDigit.
func isDigitRune(r rune) bool {
	if uint32(r) < foldLimit {
		return runeClass[r]&rcDigit != 0
	}
	return classSlow(r, rcDigit)
}

// toLowerRune is unicode.ToLower.
func toLowerRune(r rune) rune {
	if uint32(r) < foldLimit && runeClass[r]&rcCased == 0 {
		return r
	}
	return toLowerSlow(r)
}

// classSlow answers the predicates above at and past foldLimit.
func classSlow(r rune, flag uint8) bool {
	switch flag {
	case rcUpper:
		return unicode.IsUpper(r)
	case rcLower:
		return unicode.IsLower(r)
	case rcLetter:
		return unicode.IsLetter(r)
	}
	return unicode.IsDigit(r)
}

func toLowerSlow(r rune) rune { return unicode.ToLower(r) }

// What the tokenizer reads from a rune, in foldBytes: the folded letter
// or digit when it is ASCII, or one of these.
const (
	fbNone byte = 0 // not part of a word
	fbMark byte = 1 // a combining mark: part of the word, folds to nothing
	fbRune byte = 2 // part of the word, folds to a rune that is not ASCII
	fbWide byte = 3 // tokenize: a rune its fast path does not read (not in foldBytes)
)

// foldBytes is foldRune and isWordChar in one table below foldLimit (an
// array, not a pointer to one: the tokenizer's loop reads it directly).
var foldBytes = func() (t [foldLimit]byte) {
	for r := rune(0); r < foldLimit; r++ {
		switch f := foldTable[r]; {
		case !wordTable[r]:
			t[r] = fbNone
		case f == 0:
			t[r] = fbMark
		case f > rune(fbWide) && f < 0x80:
			t[r] = byte(f)
		default:
			t[r] = fbRune
		}
	}
	return
}()

// foldByteOf is foldBytes for any rune, with the ASCII fold of a word
// rune past foldLimit (the Kelvin sign folds to 'k').
func foldByteOf(r rune) byte {
	switch {
	case uint32(r) < foldLimit:
		return foldBytes[r]
	case !isWordCharSlow(r):
		return fbNone
	}
	if f := foldRune(r); f > rune(fbWide) && f < 0x80 {
		return byte(f)
	}
	return fbRune
}

// foldByteWide returns what foldBytes says of the rune at s[i], which
// is not ASCII, and its size.
func foldByteWide(s string, i int) (byte, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return foldBytes[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
	} else if c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return foldBytes[0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)], 3
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case uint32(r) < foldLimit:
		return foldBytes[r], n
	case isWordCharSlow(r):
		return fbRune, n
	}
	return fbNone, n
}
