package extract

import (
	"strings"
	"unicode/utf8"
)

// joinBrokenLines joins a paragraph that a page break (blank lines) or a
// hard line wrap split in two. Lines stay apart when the first ends a
// sentence, when the second starts a block (a list marker, a heading, the
// recipients or the signature), or when either is a table row.
func joinBrokenLines(lines []string) []string {
	out := make([]string, 0, len(lines))
	firstAt := -1 // index in out of the first non-empty line
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" || len(out) == 0 {
			if l != "" && firstAt < 0 {
				firstAt = len(out)
			}
			out = append(out, l)
			continue
		}
		// find the previous non-empty line already emitted
		k := len(out) - 1
		blanks := 0
		for k >= 0 && out[k] == "" {
			k--
			blanks++
		}
		first := k >= 0 && k == firstAt // a page's headline stands alone
		if k >= 0 && blanks <= 3 && !(first && blanks > 0) && continues(out[k], l, blanks) {
			out = out[:k+1]
			out[k] = out[k] + " " + l
			continue
		}
		if firstAt < 0 {
			firstAt = len(out)
		}
		out = append(out, l)
	}
	return out
}

// continues reports whether next continues the paragraph prev.
func continues(prev, next string, blanks int) bool {
	if strings.ContainsRune(prev, '\t') || strings.ContainsRune(next, '\t') {
		return false
	}
	if blanks == 0 && strings.HasSuffix(prev, "-") && len(prev) > 1 && isASCIIAlnum(prev[len(prev)-2]) && !startsBlock(next) {
		return true // "ngày 08-01-" / "2002": a date or symbol cut at its hyphen
	}
	if endsSentence(prev) || startsBlock(next) && !wrappedDash(prev, next) {
		return false
	}
	n := utf8.RuneCountInString(prev)
	if blanks == 0 && n >= 45 && dangling(prev) && !strongOpener(next) {
		return true // "… hoàn thành trong quý" / "III-2022."; not "… 03 năm" / "Thực hiện …"
	}
	prevCaps := isUpperLine(prev)
	if prevCaps && !isUpperLine(next) {
		return false // a heading, then its body
	}
	if isLowerRune(firstRune(next)) {
		return !prevCaps || n >= 60
	}
	if prevCaps || isUpperLine(next) || blanks > 0 && isBodyOpener(next) || strongOpener(next) {
		return false
	}
	if blanks > 0 && strings.ContainsAny(string(lastRune(prev)), "”)\"") {
		return false
	}
	heading := markerEnd(prev) > 0 && !strings.HasPrefix(prev, "-") && !strings.HasPrefix(prev, "+")
	if n >= 100 {
		return true
	}
	return n >= 60 && !heading
}

// strongOpener: a capitalised word that starts a paragraph even right
// under a wrapped line ("Căn cứ …", "Thực hiện …").
func strongOpener(l string) bool {
	for _, w := range []string{"Căn cứ", "Thực hiện", "Kính gửi", "Xét ", "CĂN CỨ", "THỰC HIỆN"} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// danglingWords cannot end a line of prose: a line ending with one was
// cut by a hard wrap ("… trước ngày" / "10/10/2014").
var danglingWords = map[string]bool{"ngày": true, "trước": true, "số": true, "của": true, "và": true,
	"tháng": true, "năm": true, "theo": true, "về": true, "tại": true, "với": true, "các": true,
	"những": true, "là": true, "cho": true, "đến": true, "từ": true, "trong": true, "chậm": true, "nhất": true,
	"quý": true, "hạn": true}

func dangling(l string) bool {
	i := strings.LastIndexByte(l, ' ')
	if i >= 0 && l[i+1:] == "hạn" && termAdjective(l[:i]) {
		return false // "kế hoạch đầu tư công trung hạn" ends its phrase
	}
	return i >= 0 && danglingWords[l[i+1:]] && utf8.RuneCountInString(l) >= 30
}

// termAdjective: l ends with the word that makes "hạn" a term ("trung
// hạn", "dài hạn", "ngắn hạn") or a manner ("đúng hạn", "quá hạn"), not
// the noun of "trong thời hạn" / "30 ngày".
func termAdjective(l string) bool {
	w := l[strings.LastIndexByte(l, ' ')+1:]
	return w == "trung" || w == "dài" || w == "ngắn" || w == "đúng" || w == "quá"
}

// wrappedDash: "… các đoàn thể chính trị" / "- xã hội": a hyphen that a
// hard wrap put at the start of a line, followed by a lower-case word,
// after a long line that does not end a sentence.
func wrappedDash(prev, next string) bool {
	if !strings.HasPrefix(next, "- ") || !isLowerRune(firstRune(next[2:])) { // before counting prev's runes
		return false
	}
	return utf8.RuneCountInString(prev) >= 60
}

// endsSentence reports whether a line ends with sentence punctuation.
func endsSentence(l string) bool {
	switch lastRune(l) {
	case '.', ';', ':', '!', '?', '…':
		return true
	}
	return false
}

// blockStarts are line openings that begin a new block.
var blockStarts = []string{"noi nhan", "t/m ", "tm.", "tm ", "k/t ", "kt.", "kt ", "q.", "tl.", "t/l", "tuq.", "phan thu", "dieu "}

// startsBlock reports whether a line opens a new block: a list item, a
// numbered heading, the recipients, the signature or a separator.
func startsBlock(l string) bool {
	if markerEnd(l) > 0 {
		return true
	}
	r := firstRune(l)
	if !isLetterRune(r) && !isDigitRune(r) && r != '(' && r != '"' && r != '“' && r != '\'' {
		return true // bullets, separators, stars
	}
	if _, k := matchAny(l, 0, blockStarts); k >= 0 {
		return true
	}
	return false
}

// markerEnd returns the byte length of a list or heading marker at the
// start of l ("I.", "II-", "A-", "1.", "1.2.", "(1)", "a)", "-", "+",
// "Điều 3."), including the space after it, or 0 when there is none.
func markerEnd(l string) int {
	_, _, end := parseMarker(l)
	return end
}

// Marker types, in no particular order; nesting comes from first use.
const (
	mkNone = iota
	mkPart
	mkLetter
	mkRoman
	mkArabic
	mkArabic2
	mkArabic3
	mkParen
	mkLower
	mkDash
	mkPlus
	mkArticle
	mkChapter
)

// parseMarker recognises the marker at the start of l and returns its
// type, its label ("II", "1.2", "a") and where the text after it starts.
func parseMarker(l string) (typ int, label string, end int) {
	if l == "" {
		return mkNone, "", 0
	}
	c := l[0]
	switch {
	case c == '-' || c == '+' || strings.HasPrefix(l, "•") || strings.HasPrefix(l, "–"):
		n := 1
		if c != '-' && c != '+' {
			n = len("•")
			if strings.HasPrefix(l, "–") {
				n = len("–")
			}
		}
		if len(l) > n && l[n] != ' ' && l[n] != '\t' {
			if c == '-' && l[n] == '-' { // separator line
				return mkNone, "", 0
			}
		}
		t := mkDash
		if c == '+' {
			t = mkPlus
		}
		return t, l[:n], skipSpaces(l, n)
	case c == '(':
		return parseParenMarker(l)
	case '0' <= c && c <= '9':
		return parseArabicMarker(l)
	case 'A' <= c && c <= 'Z':
		if t, lab, e := parseWordMarker(l); t != mkNone {
			return t, lab, e
		}
		return parseUpperMarker(l)
	case 'a' <= c && c <= 'z' || c >= 0x80:
		return parseWordMarker(l)
	}
	return mkNone, "", 0
}

// markerSep accepts the separator after a label: ".", "-", "–", ")" or
// "/" followed by a space or the end of the line; a lone space after a
// roman number too. It returns the offset after the separator and spaces.
func markerSep(l string, i int, allowSpace bool) int {
	if i >= len(l) {
		return 0
	}
	if e := spacedDash(l, i); e > 0 { // "I - MỤC ĐÍCH", "1 – Tổ chức"
		return e
	}
	n := 0
	switch {
	case l[i] == '.' || l[i] == '-' || l[i] == ')' || l[i] == ':':
		n = 1
	case strings.HasPrefix(l[i:], "–"):
		n = len("–")
	case l[i] == ' ' && allowSpace:
		n = 0
	default:
		return 0
	}
	j := i + n
	if j < len(l) && l[j] != ' ' && l[j] != '\t' {
		if n == 0 {
			return 0
		}
		// "1.Đánh giá" (space lost) is still a marker when a letter follows
		// a full stop; "43-KL/TW" is a symbol, not item 43
		r, _ := utf8.DecodeRuneInString(l[j:])
		if !isUpperRune(r) || l[i] != '.' {
			return 0
		}
	}
	if n == 0 {
		j = i
	}
	return skipSpaces(l, j)
}

// spacedDash reads " - " (or " – ") at l[i], a separator typed with
// spaces around it, and returns the offset after it and its spaces.
func spacedDash(l string, i int) int {
	if l[i] != ' ' || i+1 >= len(l) {
		return 0
	}
	k := i + 1
	n := 0
	switch {
	case l[k] == '-':
		n = 1
	case strings.HasPrefix(l[k:], "–"):
		n = len("–")
	}
	if n == 0 || k+n >= len(l) || l[k+n] != ' ' {
		return 0
	}
	return skipSpaces(l, k+n)
}

func parseArabicMarker(l string) (int, string, int) {
	i := 0
	depth := 0
	for {
		s := i
		for i < len(l) && '0' <= l[i] && l[i] <= '9' {
			i++
		}
		if i == s || i-s > 3 {
			return mkNone, "", 0
		}
		depth++
		if i+1 < len(l) && l[i] == '.' && '0' <= l[i+1] && l[i+1] <= '9' && depth < 3 {
			i++
			continue
		}
		break
	}
	label := l[:i]
	end := markerSep(l, i, false)
	if end == 0 {
		if depth == 1 || i >= len(l) || l[i] != ' ' {
			return mkNone, "", 0
		}
		end = skipSpaces(l, i) // "1.1 Việc thực hiện"
	}
	return mkArabic + depth - 1, label, end
}

func parseParenMarker(l string) (int, string, int) {
	j := strings.IndexByte(l, ')')
	if j < 2 || j > 4 {
		return mkNone, "", 0
	}
	label := l[1:j]
	for i := 0; i < len(label); i++ {
		if !('0' <= label[i] && label[i] <= '9') && !('a' <= label[i] && label[i] <= 'z') {
			return mkNone, "", 0
		}
	}
	return mkParen, label, skipSpaces(l, j+1)
}

func isRoman(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("IVXL", rune(s[i])) {
			return false
		}
	}
	return true
}

func parseUpperMarker(l string) (int, string, int) {
	i := 0
	for i < len(l) && 'A' <= l[i] && l[i] <= 'Z' {
		i++
	}
	label := l[:i]
	if i < len(l) && (l[i] == ')' || l[i] == ':') {
		return mkNone, "", 0 // "XI) về …" is a wrapped "(khóa XI)", not a heading
	}
	if isRoman(label) {
		if end := markerSep(l, i, false); end > 0 {
			return mkRoman, label, end
		}
		return mkNone, "", 0
	}
	if i == 1 {
		if end := markerSep(l, i, false); end > 0 {
			return mkLetter, label, end
		}
	}
	return mkNone, "", 0
}

func parseWordMarker(l string) (int, string, int) {
	// the names open with p, c, m or d (folded): any other ASCII letter
	// rules them out without trying each
	if q := quickFold[l[0]]; q == 0 || q == 'p' || q == 'c' || q == 'm' || q == 'd' {
		if typ, lab, e := parseNamedMarker(l); typ != mkNone {
			return typ, lab, e
		}
	}
	c := l[0]
	if 'a' <= c && c <= 'z' && len(l) > 1 && (l[1] == ')' || l[1] == '.' && len(l) > 2 && l[2] == ' ') {
		return mkLower, l[:1], skipSpaces(l, 2)
	}
	return mkNone, "", 0
}

// parseNamedMarker reads "Phần thứ …", "Phần I", "Chương II", "Mục 1",
// "Điều 3.".
func parseNamedMarker(l string) (int, string, int) {
	if e, ok := matchFold(l, 0, "phan thu"); ok {
		e = skipSpaces(l, e)
		w := e
		for w < len(l) && l[w] != ' ' {
			w++
		}
		return mkPart, strings.TrimSpace(l[e:w]), skipSpaces(l, w)
	}
	for _, p := range []struct {
		pat string
		typ int
	}{{"phan ", mkPart}, {"chuong ", mkChapter}, {"muc ", mkChapter}} {
		e, ok := matchFold(l, 0, p.pat)
		if !ok || !isUpperRune(firstRune(l)) {
			continue
		}
		w := e
		for w < len(l) && l[w] != ' ' && l[w] != '.' && l[w] != ':' && l[w] != '-' {
			w++
		}
		lab := l[e:w]
		if (isRoman(lab) || lab != "" && atoi(lab) > 0) && (w == len(l) || l[w] != '-' || w+1 < len(l) && l[w+1] == ' ') {
			return p.typ, lab, skipSpaces(l, min(w+1, len(l)))
		}
	}
	if e, ok := matchFold(l, 0, "dieu "); ok {
		w := e
		for w < len(l) && '0' <= l[w] && l[w] <= '9' {
			w++
		}
		if w > e && w < len(l) && (l[w] == '.' || l[w] == ':') {
			return mkArticle, l[e:w], skipSpaces(l, w+1)
		}
	}
	return mkNone, "", 0
}
