package convert

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// How Vietnamese a text looks: the detector's yardstick.
//
// Only words with a non-ASCII letter are judged (ASCII words read the same
// under every candidate decoding). A word scores +1 when it is a possible
// Vietnamese syllable (onset, vowel nucleus, final consonant, at most one
// tone, and only sắc or nặng before c, ch, p, t), +1 more when it is one of
// the frequent words of administrative Vietnamese, and -1 when it is not a
// syllable; a stray symbol a legacy byte would have been a letter in (¹,
// µ, §, ¸…), a C1 control or U+FFFD scores -1.

type vnInfo struct {
	base  rune // lower-case letter without tone, 0 = not a Vietnamese letter
	lower rune // the letter in lower case, tone kept
	tone  uint8
}

// vnTab holds vnInfo for U+0000–U+01FF and U+1EA0–U+1EFF (both cases).
var (
	vnLow  [0x200]vnInfo
	vnHigh [0x60]vnInfo
)

func vnLookup(r rune) vnInfo {
	switch {
	case r < 0x200:
		return vnLow[r]
	case r >= 0x1EA0 && r < 0x1F00:
		return vnHigh[r-0x1EA0]
	}
	return vnInfo{}
}

var (
	vnLetters = map[rune]vnInfo{}
	// vnSpecific are letters only Unicode Vietnamese has: no Latin-1
	// (legacy font) text contains them.
	vnSpecific = map[rune]bool{}
)

func init() {
	for _, r := range "abcdđeghiklmnopqrstuvxyăâêôơư" {
		vnLetters[r] = vnInfo{base: r}
	}
	for _, b := range "aăâeêioôơuưy" {
		for t := toneAcute; t <= toneDot; t++ {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(string(b) + string(toneMarks[t])))
			vnLetters[r] = vnInfo{base: b, tone: uint8(t)}
		}
	}
	for r, info := range vnLetters {
		info.lower = r
		for _, c := range []rune{r, unicode.ToUpper(r)} {
			switch {
			case c < 0x200:
				vnLow[c] = info
			case c >= 0x1EA0 && c < 0x1F00:
				vnHigh[c-0x1EA0] = info
			}
		}
		if r > 0xFF {
			vnSpecific[r] = true
			vnSpecific[unicode.ToUpper(r)] = true
		}
	}
	for _, w := range strings.Fields(frequentWords) {
		vnFrequent[w] = true
	}
}

var (
	vnOnsets = []string{"ngh", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "ch",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	vnCodas = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t", ""}
	// vnNuclei: 1 = may take a final consonant, 2 = open only (ends in a
	// glide), 3 = needs a final consonant.
	vnNuclei = map[string]uint8{
		"a": 1, "ă": 3, "â": 3, "e": 1, "ê": 1, "i": 1, "o": 1, "ô": 1, "ơ": 1, "u": 1, "ư": 1, "y": 1,
		"ai": 2, "ao": 2, "au": 2, "ay": 2, "âu": 2, "ây": 2, "eo": 2, "êu": 2, "ia": 2, "iu": 2,
		"oi": 2, "ôi": 2, "ơi": 2, "ui": 2, "ưi": 2, "ưu": 2, "ua": 2, "ưa": 2,
		"iê": 3, "yê": 3, "uô": 3, "ươ": 3, "uyê": 3,
		"oa": 1, "oă": 3, "oe": 1, "oo": 3, "uâ": 3, "uê": 1, "uy": 1, "uơ": 2,
		"oai": 2, "oay": 2, "oao": 2, "oeo": 2, "uây": 2, "uôi": 2, "ươi": 2, "ươu": 2,
		"iêu": 2, "yêu": 2, "uya": 2, "uyu": 2,
	}
	vnFrequent = map[string]bool{}
)

const frequentWords = `của và các có được thực hiện nghị quyết trong những với là đã cho người
việc đồng nhân dân tổ chức công tác đảng cấp ủy tỉnh năm về theo này tại để kế hoạch chỉ đạo
phát triển xã hội chính trị quản lý nhà nước đến từ một không cần tăng cường đối sự trên số
ngày tháng học đổi mới kết luận trung ương hướng dẫn báo cáo vận động tiếp tục triển khai
đánh giá bộ viên thường vụ tuyên truyền mặt trận quốc tế đoàn thể cơ sở địa phương trách nhiệm
nội dung yêu cầu mục đích giải pháp nhiệm vụ lãnh đạo thành phố huyện quân đội an ninh`

// isSyllable reports whether word (any case) is a possible Vietnamese
// syllable.
func isSyllable(word string) bool {
	ok, _ := syllable(word, nil)
	return ok
}

// syllable reports whether word is a possible syllable and appends the
// word in lower case to lower.
func syllable(word string, lower []byte) (bool, []byte) {
	var buf [32]byte
	base := buf[:0]
	tone := uint8(0)
	for _, r := range word {
		info := vnLookup(r)
		if info.base == 0 {
			return false, lower
		}
		if info.tone != 0 {
			if tone != 0 {
				return false, lower
			}
			tone = info.tone
		}
		base = utf8.AppendRune(base, info.base)
		lower = utf8.AppendRune(lower, info.lower)
	}
	if len(base) > 24 {
		return false, lower
	}
	s := string(base)
	if s == "" {
		return false, lower
	}
	for _, on := range onsetsByFirst[s[0]] {
		if !strings.HasPrefix(s, on) || len(on) == len(s) {
			continue
		}
		rest := s[len(on):]
		for _, co := range codasByLast[rest[len(rest)-1]] {
			if !strings.HasSuffix(rest, co) || len(rest) == len(co) {
				continue
			}
			nucleus := rest[:len(rest)-len(co)]
			kind, ok := vnNuclei[nucleus]
			if !ok || co == "" && kind == 3 || co != "" && kind == 2 || !spellingOK(on, nucleus) {
				continue
			}
			if (co == "c" || co == "ch" || co == "p" || co == "t") && tone != toneAcute && tone != toneDot {
				continue
			}
			return true, lower
		}
	}
	return false, lower
}

var (
	onsetsByFirst [256][]string
	codasByLast   [256][]string
)

func init() {
	for _, on := range vnOnsets {
		if on != "" {
			onsetsByFirst[on[0]] = append(onsetsByFirst[on[0]], on)
		}
	}
	for _, co := range vnCodas {
		if co != "" {
			codasByLast[co[len(co)-1]] = append(codasByLast[co[len(co)-1]], co)
		}
	}
	for i := range onsetsByFirst {
		onsetsByFirst[i] = append(onsetsByFirst[i], "")
		codasByLast[i] = append(codasByLast[i], "")
	}
}

// spellingOK applies the spelling rules of onsets: k, gh, ngh before i,
// e, ê (and k before y); c, g, ng elsewhere.
func spellingOK(onset, nucleus string) bool {
	front := strings.HasPrefix(nucleus, "i") || strings.HasPrefix(nucleus, "e") || strings.HasPrefix(nucleus, "ê")
	switch onset {
	case "k":
		return front || strings.HasPrefix(nucleus, "y")
	case "gh", "ngh":
		return front
	case "c", "ng":
		return !front && !strings.HasPrefix(nucleus, "y")
	case "g":
		return !strings.HasPrefix(nucleus, "e") && !strings.HasPrefix(nucleus, "ê")
	}
	return true
}

// oddSymbol tells the non-letters that signal a wrong decoding.
func oddSymbol(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r < 0xA0 || r == utf8.RuneError:
		return true
	case r <= 0xBF:
		// Latin-1 symbols that TCVN3 uses for letters; «°±·» NBSP are fine
		switch r {
		case 0xA0, 0xAB, 0xBB, 0xB0, 0xB1, 0xB7:
			return false
		}
		return true
	case r == 0xD7 || r == 0xF7:
		return true
	}
	return false
}

// vnScore is the detector's score of s; see the comment at the top.
type vnScore struct {
	good, bad int // words judged
	long      int // good words of two letters or more
	specific  int // words with a letter only Unicode Vietnamese has
	latin     int // words whose non-ASCII letters are all Latin-1
}

func (v vnScore) total() int { return v.good - v.bad }

// scoreText scores s (up to limit bytes, 0 = all).
func scoreText(s string, limit int) vnScore {
	if limit > 0 && len(s) > limit {
		s = s[:limit]
	}
	var sc vnScore
	var lowerBuf [64]byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 && !isASCIILetter(c) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if c >= 0x80 && !isWordRune(r) {
			if oddSymbol(r) {
				sc.bad++
			}
			i += n
			continue
		}
		// a word: letters and combining marks
		j := i
		nonASCII, spec, marks := false, false, false
		for j < len(s) {
			if s[j] < 0x80 {
				if !isASCIILetter(s[j]) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			nonASCII = true
			if 0x300 <= r && r < 0x370 {
				marks, spec = true, true
			} else if r > 0xFF && vnSpecific[r] {
				spec = true
			}
			j += n
		}
		w := s[i:j]
		i = j
		if !nonASCII {
			continue
		}
		if spec {
			sc.specific++
		} else {
			sc.latin++
		}
		if marks {
			w = norm.NFC.String(w)
		}
		ok, lower := syllable(w, lowerBuf[:0])
		if ok {
			sc.good++
			if utf8.RuneCount(lower) > 1 {
				sc.long++
			}
			if vnFrequent[string(lower)] {
				sc.good++
			}
		} else {
			sc.bad++
		}
	}
	return sc
}

// isWordRune tells letters and combining marks.
func isWordRune(r rune) bool {
	if vnLookup(r).base != 0 {
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// hasSpecific reports whether s holds a letter or mark only Unicode
// Vietnamese text has.
func hasSpecific(s string) bool {
	for _, r := range s {
		if r >= 0x100 && (vnSpecific[r] || 0x300 <= r && r <= 0x323) {
			return true
		}
	}
	return false
}
