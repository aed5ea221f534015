package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize turns raw input into the text every span points into: valid
// UTF-8 in NFC, LF line ends, no BOM, no soft hyphens or zero-width
// characters, spaces for NBSP and other space characters, markdown
// emphasis removed, runs of spaces collapsed, lines trimmed, paragraphs
// broken across page breaks or hard line wraps joined, and web-page chrome
// before and after the document dropped. It never fails; what it repairs
// or drops is reported as diagnostics. Normalize is idempotent.
func Normalize(raw []byte) (string, []Diagnostic) {
	var diags []Diagnostic
	valid, clean, safe := survey(raw)
	var s string
	switch {
	case valid && clean && onlyStars(raw):
		s = stripStars(raw) // what stripEmphasis(string(raw)) gives, with one copy
	case valid:
		s = string(raw)
	default:
		s = string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
		clean = isClean(s)
	}
	if !clean {
		s = rewriteChars(s)
	}
	s = stripEmphasis(s)
	if !safe { // after the removals, which can bring a mark next to its letter
		s = nfc(s)
	}
	lines, rule := splitTrim(s)
	if rule {
		lines, _ = splitTrim(pandocTables(s))
	}
	lines = flatTables(lines)
	lines, dropped := dropChrome(lines)
	for range 3 { // joined lines can read as chrome: drop them too, so that normalising twice changes nothing
		n := len(lines)
		if lines = joinBrokenLines(lines); len(lines) == n {
			break // nothing joined, nothing new to drop
		}
		var d int
		if lines, d = dropChrome(lines); d == 0 {
			break
		}
		dropped += d
	}
	text := strings.Join(lines, "\n")
	if dropped > 0 {
		diags = append(diags, Diagnostic{Code: "boilerplate_dropped",
			Message: itoa(dropped) + " lines of web-page chrome dropped"})
	}
	if !valid {
		diags = append(diags, replacementDiags(text)...)
	}
	return text, diags
}

// survey reads s once and reports whether it is valid UTF-8, whether
// cleanChars would leave it as it is (isClean), and whether every rune is
// NFC-safe (nfcSafe); the last two are false when s is not valid.
func survey(s []byte) (valid, clean, safe bool) {
	clean, safe = true, true
	dirty := false // an ASCII byte is suspect
	for i := 0; i < len(s); {
		c := s[i]
		cls := surveyClass[c]
		if cls == svPlain { // the common case first, with one test
			i++
			continue
		}
		switch {
		case cls == svViet && i+2 < len(s) && s[i+1]>>2 == 0xB8>>2 && s[i+2]&0xC0 == 0x80:
			i += 3 // U+1E00–U+1EFF, the precomposed Vietnamese letters
			continue
		case cls == svLatin && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // Latin-1 and Latin Extended letters
			continue
		case cls == svSuspect:
			dirty = true
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false, false, false
		}
		clean = clean && !(suspect[s[i]] && dirtyAt(string(s[i:min(i+utf8.UTFMax, len(s))]), 0))
		safe = safe && nfcSafeRune(r)
		i += n
	}
	return true, clean && !dirty, safe
}

// The classes of bytes for survey.
const (
	svOther   = iota // a byte to decode
	svPlain          // ASCII that cleanChars keeps
	svSuspect        // ASCII that cleanChars changes
	svLatin          // may lead a two-byte letter that is NFC-safe and clean (C3–CB)
	svViet           // may lead a precomposed Vietnamese letter (E1)
)

var surveyClass = func() (t [256]uint8) {
	for c := range 0x80 {
		t[c] = svPlain
		if suspect[c] {
			t[c] = svSuspect
		}
	}
	for c := 0xC3; c < 0xCC; c++ {
		t[c] = svLatin
	}
	t[0xE1] = svViet
	return
}()

// nfc returns norm.NFC.String(s). Only the runs of runes that are not
// NFC-safe go through the transform, each with the rune before it (the
// letter a combining mark may compose with): an NFC-safe rune is a
// starter that composes with nothing before it, so NFC never reaches
// across one.
func nfc(s string) string {
	var b []byte
	var it norm.Iter
	last := 0 // s[:last] is already in b
	for i := 0; i < len(s); {
		if s[i] < 0xCC {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if nfcSafeRune(r) {
			i += n
			continue
		}
		_, p := utf8.DecodeLastRuneInString(s[last:i])
		j := unsafeRunEnd(s, i+n)
		if b == nil {
			b = make([]byte, 0, len(s)+len(s)/8)
		}
		b = append(b, s[last:i-p]...)
		if c, ok := toneComposed[lastRune(s[:i])<<16|r]; ok && i+n == j {
			b = utf8.AppendRune(b, c) // a letter and one tone mark: the common case
		} else {
			for it.InitString(norm.NFC, s[i-p:j]); !it.Done(); {
				b = append(b, it.Next()...)
			}
		}
		last, i = j, j
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// toneComposed maps a letter (key << 16) and a combining mark that NFC
// composes into one rune to that rune: the letters and marks of
// decomposed Vietnamese, computed with norm.
var toneComposed = func() map[rune]rune {
	m := map[rune]rune{}
	letters := "aeiouyAEIOUYâêôăơưÂÊÔĂƠƯdDnNcC"
	for _, l := range letters {
		for _, mk := range "\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323" {
			c := norm.NFC.String(string(l) + string(mk))
			if r, n := utf8.DecodeRuneInString(c); n == len(c) {
				m[l<<16|mk] = r
			}
		}
	}
	return m
}()

// unsafeRunEnd returns the end of the run of runes that are not NFC-safe
// going on at s[i].
func unsafeRunEnd(s string, i int) int {
	for i < len(s) && s[i] >= 0xCC {
		r, n := utf8.DecodeRuneInString(s[i:])
		if nfcSafeRune(r) {
			break
		}
		i += n
	}
	return i
}

// maxRepairDiags caps the diagnostics of one kind of repair.
const maxRepairDiags = 100

func replacementDiags(text string) []Diagnostic {
	var diags []Diagnostic
	for i := 0; ; {
		j := strings.Index(text[i:], "\uFFFD")
		if j < 0 {
			return diags
		}
		start := i + j
		end := start + len("\uFFFD")
		for strings.HasPrefix(text[end:], "\uFFFD") {
			end += len("\uFFFD")
		}
		if len(diags) == maxRepairDiags {
			diags = append(diags, Diagnostic{Code: "invalid_utf8",
				Message: "more invalid UTF-8 replaced by U+FFFD after this point", Span: Span{start, start}})
			return diags
		}
		diags = append(diags, Diagnostic{Code: "invalid_utf8",
			Message: "invalid UTF-8 replaced by U+FFFD", Span: Span{start, end}})
		i = end
	}
}

// nfcSafe reports whether every rune of s is one that NFC leaves alone
// whatever surrounds it: below U+0300 (no combining marks), Latin
// Extended Additional (the precomposed Vietnamese letters), or common
// punctuation. Anything else goes through the full NFC transform.
func nfcSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xCC {
			continue // ASCII, continuation bytes, and lead bytes below U+0300
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !nfcSafeRune(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// nfcSafeRune: see nfcSafe.
func nfcSafeRune(r rune) bool {
	return r < 0x300 || 0x1E00 <= r && r <= 0x1EFF || 0x2010 <= r && r <= 0x2027 || 0x2030 <= r && r <= 0x205E
}

// cleanChars maps line ends to LF and odd spaces to a space, and drops
// BOMs, soft hyphens, zero-width characters and other controls (tabs
// survive: they separate table cells).
func cleanChars(s string) string {
	if isClean(s) {
		return s
	}
	return rewriteChars(s)
}

// rewriteChars is cleanChars on text that is not clean.
func rewriteChars(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	run := 0 // start of the run of bytes copied as they are
	for i := 0; i < len(s); {
		if !suspect[s[i]] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		rep, change := cleanRune(r, s, i)
		if change {
			b.WriteString(s[run:i])
			b.WriteString(rep)
			run = i + n
		}
		i += n
	}
	b.WriteString(s[run:])
	return b.String()
}

// cleanRune says what cleanChars writes for r at s[i], and whether that
// differs from r.
func cleanRune(r rune, s string, i int) (string, bool) {
	switch {
	case r == '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return "", true
		}
		return "\n", true
	case r == '\n' || r == '\t':
		return "", false
	case r == '\u00AD' || r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060':
		return "", true
	case r == '\u2028' || r == '\u2029' || r == '\f' || r == '\v':
		return "\n", true
	case r == '\u00A0' || r == '\u202F' || r == '\u3000' || (r >= '\u2000' && r <= '\u200A'):
		return " ", true
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
		return "", true
	case r == '\u2010' || r == '\u2011':
		return "-", true
	}
	return "", false
}

// isClean reports whether cleanChars would leave s as it is: no CR, no
// control bytes, none of the odd spaces, hyphens, BOMs or zero-width
// characters (all of which start with the bytes C2, E2, E3 or EF).
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if suspect[s[i]] && dirtyAt(s, i) {
			return false
		}
	}
	return true
}

// dirtyAt reports whether the suspect byte s[i] starts something
// cleanChars changes.
func dirtyAt(s string, i int) bool {
	switch c := s[i]; {
	case c < 0x80:
		return true // CR and other controls
	case c == 0xC2:
		return i+1 < len(s) && s[i+1] < 0xAE // C1 controls, NBSP, soft hyphen
	case c == 0xE2:
		if i+1 < len(s) && (s[i+1] == 0x80 || s[i+1] == 0x81) {
			r := firstRune(s[i:])
			return r <= 0x2011 || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x2060
		}
		return false
	default: // E3, EF
		return strings.HasPrefix(s[i:], "\u3000") || strings.HasPrefix(s[i:], "\uFEFF")
	}
}

// suspect marks the bytes that may start something cleanChars changes.
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\n' && c != '\t'
	}
	t[0x7F], t[0xC2], t[0xE2], t[0xE3], t[0xEF] = true, true, true, true, true
	return
}()

// stripEmphasis removes markdown emphasis: every "**"/"__" and each "*"
// that opens or closes a word. A lone "*" (the star under a party
// issuer's name) stays.
func stripEmphasis(s string) string {
	if strings.IndexByte(s, '*') < 0 && !strings.Contains(s, "__") {
		return s
	}
	if !strings.Contains(s, "__") && !strings.Contains(s, "_*") {
		return stripStars(s) // no "__", nor one that removing "**" could make
	}
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '*')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		before, after := ' ', ' '
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if i+1 < len(s) {
			after, _ = utf8.DecodeRuneInString(s[i+1:])
		}
		if isSpace(before) && isSpace(after) {
			b.WriteByte('*')
		}
		s = s[i+1:]
	}
}

// stripStars is stripEmphasis on text without "__" and without "_*", in
// one pass: of a run of stars, pairs go ("**" removed left to right) and
// an odd last one stays only between spaces.
func stripStars[T string | []byte](s T) string {
	var b strings.Builder
	b.Grow(len(s))
	last := 0 // s[:last] is written
	for i := indexByteOf(s, '*'); i >= 0; {
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		writeTo(&b, s[last:i])
		if (j-i)%2 == 1 && loneStar(s, i, j) {
			b.WriteByte('*')
		}
		last = j
		k := indexByteOf(s[j:], '*')
		if k < 0 {
			break
		}
		i = j + k
	}
	writeTo(&b, s[last:])
	return b.String()
}

// onlyStars: raw has stars to strip and nothing for the other passes of
// stripEmphasis, which then takes stripStars.
func onlyStars(raw []byte) bool {
	return bytes.IndexByte(raw, '*') >= 0 && !bytes.Contains(raw, []byte("__")) && !bytes.Contains(raw, []byte("_*"))
}

// loneStar: the star left of the run s[i:j] stands between spaces.
func loneStar[T string | []byte](s T, i, j int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before = lastRune(string(s[max(0, i-utf8.UTFMax):i]))
	}
	if j < len(s) {
		after, _ = decodeAt(s, j)
	}
	return isSpace(before) && isSpace(after)
}

// indexByteOf, decodeAt and writeTo are strings.IndexByte,
// utf8.DecodeRuneInString(s[i:]) and Builder.WriteString for text held
// as a string or as bytes.
func indexByteOf[T string | []byte](s T, c byte) int {
	switch v := any(s).(type) {
	case string:
		return strings.IndexByte(v, c)
	case []byte:
		return bytes.IndexByte(v, c)
	}
	return -1
}

func decodeAt[T string | []byte](s T, i int) (rune, int) {
	switch v := any(s).(type) {
	case string:
		return utf8.DecodeRuneInString(v[i:])
	case []byte:
		return utf8.DecodeRune(v[i:])
	}
	return utf8.RuneError, 1
}

func writeTo[T string | []byte](b *strings.Builder, s T) {
	switch v := any(s).(type) {
	case string:
		b.WriteString(v)
	case []byte:
		b.Write(v)
	}
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

// splitTrim splits into lines, trims each and collapses runs of spaces.
// It also reports whether a line is made like the column rule of a
// plain-text table ("---- ------", see pandocTables).
func splitTrim(s string) (_ []string, rule bool) {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	// double is the next double space in s, searched for in the whole
	// text at once: a line before it has none, and needs no search
	double := strings.Index(s, "  ")
	for start := 0; ; {
		end, more := len(s), false
		if i := strings.IndexByte(s[start:], '\n'); i >= 0 {
			end, more = start+i, true
		}
		l := trimSpaceTab(s[start:end])
		rule = rule || len(l) > 1 && l[0] == '-' && l[1] == '-' && strings.Contains(l, "- -")
		if double >= 0 && double < end { // this line has one, maybe among the spaces trimmed
			l = collapseLine(l)
			double = indexFrom(s, "  ", end)
		}
		lines = append(lines, l)
		if !more {
			return lines, rule
		}
		start = end + 1
	}
}

// collapseLine turns the wide gaps of a trimmed line into tabs (see
// spacedColumns) and collapses the other runs of spaces.
func collapseLine(l string) string {
	if strings.Contains(l, "  ") {
		if strings.Contains(l, "    ") {
			l = spacedColumns(l)
		}
		if strings.Contains(l, "  ") {
			l = collapseSpaces(l)
		}
	}
	return l
}

// indexFrom is strings.Index(s[from:], sub) as an offset in s, or -1.
func indexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// trimSpaceTab is strings.Trim(l, " \t").
func trimSpaceTab(l string) string {
	for len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		l = l[1:]
	}
	for len(l) > 0 && (l[len(l)-1] == ' ' || l[len(l)-1] == '\t') {
		l = l[:len(l)-1]
	}
	return l
}

// spacedColumns turns a run of four or more spaces inside a line into a
// tab: a two-column header or a table laid out with spaces (as pdftotext
// -layout and many web copies write them) is read like a tabbed one.
func spacedColumns(l string) string {
	var b strings.Builder
	for {
		i := strings.Index(l, "    ")
		if i < 0 {
			b.WriteString(l)
			return b.String()
		}
		j := i
		for j < len(l) && l[j] == ' ' {
			j++
		}
		b.WriteString(l[:i])
		b.WriteByte('\t')
		l = l[j:]
	}
}

func collapseSpaces(l string) string {
	var b strings.Builder
	prev := false
	for i := 0; i < len(l); i++ {
		sp := l[i] == ' '
		if sp && prev {
			continue
		}
		prev = sp
		b.WriteByte(l[i])
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// firstRune returns the first rune of s (utf8.RuneError when empty).
func firstRune(s string) rune {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	return firstRuneSlow(s)
}

func firstRuneSlow(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// lastRune returns the last rune of s (utf8.RuneError when empty).
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isUpperLine reports whether every letter of s is upper case and s has
// at least two letters.
func isUpperLine(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		switch c := s[i]; { // decodeVi, inline: a range loop calls the runtime for each letter that is not ASCII
		case c < 0x80:
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, size = 0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isLetterRune(r) {
			if isLowerRune(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
