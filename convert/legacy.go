package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var (
	// tcvn3Lat maps a Latin-1 code point (the byte, read as Windows-1252)
	// to its TCVN3 letter; 0 = unchanged.
	tcvn3Lat [256]rune
	// vniCompose maps a base letter and a modifier to the toned letter.
	vniCompose = map[[2]rune]rune{}
	// vniSingleLat and vniModLat index vniSingle and vniModifiers.
	vniSingleLat [256]rune
	vniModLat    [256]bool
)

func init() {
	for b, r := range tcvn3Table {
		tcvn3Lat[b] = r
	}
	for from, to := range vniSingle {
		vniSingleLat[from] = to
	}
	for mod := range vniModifiers {
		vniModLat[mod] = true
	}
	for mod, m := range vniModifiers {
		for base, shapes := range vniBases {
			if shapes&(1<<m.shape) == 0 {
				continue
			}
			s := string(base)
			if m.shape != shapeNone {
				s += string(shapeMarks[m.shape])
			}
			if m.tone != toneNone {
				s += string(toneMarks[m.tone])
			}
			r, n := utf8.DecodeRuneInString(norm.NFC.String(s))
			if n == len(norm.NFC.String(s)) {
				vniCompose[[2]rune{base, mod}] = r
			}
		}
	}
}

// decodeCP1252 reads bytes as Windows-1252 (the code page legacy
// Vietnamese fonts were used through).
func decodeCP1252(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/2)
	for _, c := range raw {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252High[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// fromTCVN3 re-reads the Latin-1 characters of s as TCVN3 letters and
// restores upper case where the context shows it (see restoreCase).
func fromTCVN3(s string) string {
	out := make([]rune, 0, len(s))
	coded := make([]bool, 0, len(s))
	any := false
	for _, r := range s {
		if r < 0x100 && tcvn3Lat[r] != 0 {
			m := tcvn3Lat[r]
			out = append(out, m)
			coded = append(coded, unicode.IsLower(m) && m != 'ă' && m != 'â' && m != 'ê' && m != 'ô' && m != 'ơ' && m != 'ư' && m != 'đ')
			any = true
			continue
		}
		out = append(out, r)
		coded = append(coded, false)
	}
	if !any {
		return s
	}
	restoreCase(out, coded)
	return string(out)
}

// fromVNI re-reads the Latin-1 characters of s as VNI: a base letter and
// the modifier after it become one letter; ô, ö, ñ, æ, ó, ò, î are letters
// of their own.
func fromVNI(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r < 0x100 && vniSingleLat[r] != 0 {
			r = vniSingleLat[r]
		}
		if i+1 < len(rs) && rs[i+1] < 0x100 && vniModLat[rs[i+1]] {
			if c, ok := vniCompose[[2]rune{r, rs[i+1]}]; ok {
				r = c
				i++
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// restoreCase upper-cases TCVN3 letters that were typed in an upper-case
// (.VnTimeH) font. coded marks the letters decoded from a lower-case code
// that has an upper-case twin the ABC fonts lack. A word is upper-cased
// when another of its letters is upper case after the first ("HO¹CH"),
// or when it has no other lower-case letter and its neighbours on the
// line are upper-case words ("KÕ HO¹CH"). "ủy ban" before "nhân" or a
// capitalised word becomes "Ủy ban", the title it nearly always is.
func restoreCase(rs []rune, coded []bool) {
	type word struct {
		start, end int
		state      int8 // 1 upper, -1 lower, 0 undecided
		hasCoded   bool
	}
	var words []word
	var prevState []int8
	flush := func(lineWords []word) {
		// pass 2: undecided words take their neighbours' case (the nearest
		// decided word on each side; linear in the line's words)
		prevState = prevState[:0]
		last := int8(0)
		for _, w := range lineWords {
			prevState = append(prevState, last)
			if w.state != 0 {
				last = w.state
			}
		}
		next := int8(0)
		for i := len(lineWords) - 1; i >= 0; i-- {
			w := &lineWords[i]
			if w.state != 0 {
				next = w.state
				continue
			}
			if !w.hasCoded {
				continue
			}
			if prev := prevState[i]; prev >= 0 && next >= 0 && prev+next > 0 {
				for k := w.start; k < w.end; k++ {
					if coded[k] {
						rs[k] = unicode.ToUpper(rs[k])
					}
				}
			}
		}
	}
	lineStart := 0
	for i := 0; i <= len(rs); {
		if i == len(rs) || rs[i] == '\n' {
			flush(words[lineStart:])
			lineStart = len(words)
			i++
			continue
		}
		if !unicode.IsLetter(rs[i]) {
			i++
			continue
		}
		w := word{start: i}
		upperAfterFirst, lowerUncoded, letters := false, false, 0
		for ; i < len(rs) && unicode.IsLetter(rs[i]); i++ {
			letters++
			switch {
			case coded[i]:
				w.hasCoded = true
			case unicode.IsUpper(rs[i]):
				if i > w.start {
					upperAfterFirst = true
				}
			case unicode.IsLower(rs[i]):
				lowerUncoded = true
			}
		}
		w.end = i
		switch {
		case lowerUncoded:
			w.state = -1
		case upperAfterFirst:
			for k := w.start; k < w.end; k++ {
				if coded[k] {
					rs[k] = unicode.ToUpper(rs[k])
				}
			}
			// upper-case evidence only if clearly a word: "HO¹CH", "NĂM",
			// not "CC", "UBND" or "TU"
			if w.hasCoded || letters >= 3 && isSyllable(string(rs[w.start:w.end])) {
				w.state = 1
			}
		}
		words = append(words, w)
	}
	titleUyBan(rs, coded)
}

// titleUyBan capitalises "ủy ban" (TCVN3-coded ủ) before "nhân" or a
// capitalised word: "Ủy ban nhân dân", "Ủy ban Mặt trận".
func titleUyBan(rs []rune, coded []bool) {
	for i := 0; i+6 < len(rs); i++ {
		if rs[i] != 'ủ' || !coded[i] || i > 0 && unicode.IsLetter(rs[i-1]) {
			continue
		}
		if string(rs[i+1:i+6]) != "y ban" || i+6 < len(rs) && rs[i+6] != ' ' {
			continue
		}
		rest := rs[i+7:]
		if len(rest) > 0 && (unicode.IsUpper(rest[0]) || strings.HasPrefix(string(rest[:min(len(rest), 5)]), "nhân")) {
			rs[i] = 'Ủ'
		}
	}
}
