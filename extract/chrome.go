package extract

import (
	"strings"
	"unicode/utf8"
)

// Web-page chrome: a copied page carries its menus, date and sharing links
// around the document. dropChrome keeps the document: it drops short lines
// before the first header line (motto, issuer, number, kind or a page
// title naming the document) and everything from the first trailing
// chrome line on.

var headerAnchors = []string{
	"cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam",
	"doc lap - tu do", "uy ban nhan dan", "ubnd ", "tinh uy", "thanh uy",
	"huyen uy", "quan uy", "dang uy", "dang bo", "ban chap hanh",
	"ban thuong vu", "ban dan van", "ban tuyen giao", "ban to chuc",
	"chinh phu", "thu tuong", "bo ", "so ", "so:", "hoi dong nhan dan",
	"van phong", "mat tran to quoc",
}

var trailingChrome = []string{
	"gui cho ban be", "phan hoi", "thong tin nguoi gui phan hoi",
	"cac tin khac", "xem nhieu nhat", "tin lien quan", "in bai", "chia se",
	"ban in", "quay lai", "ve dau trang", "dau trang", "tro ve", "binh luan",
	"y kien ban doc", "tin moi", "tin cung chuyen muc", "cac tin da dua",
	"luot xem", "facebook", "twitter", "zalo", "gui email", "email",
	"in trang", "luu bai viet", "tin khac", "bai viet lien quan",
	"van ban lien quan", "danh gia bai viet",
}

var trailingChromePrefix = []string{
	"file:", "file dinh kem", "tai ve", "tap tin dinh kem", "dinh kem:",
	"nguon:", "tags:", "tu khoa:", "luot xem:", "tai file",
}

// chromeFirst holds the first letters of trailing chrome lines (ASCII).
var chromeFirst = func() (t [128]bool) {
	for _, c := range append(append([]string{}, trailingChrome...), trailingChromePrefix...) {
		t[c[0]] = true
	}
	return
}()

// chromeOpening reports whether l opens with the first two letters of a
// trailing chrome line: most lines are ruled out so without folding them.
func chromeOpening(l string) bool {
	if l == "" {
		return false
	}
	r, n := decodeVi(l, 0)
	f1 := foldRune(r)
	if f1 < 0 || f1 >= 128 || !chromeFirst[f1] {
		return false
	}
	f2 := foldedAt(l, n)
	return f2 >= 0 && f2 < 128 && chromeSecond[f1][f2]
}

// chromeSecond holds the first two letters of trailing chrome lines.
var chromeSecond = func() (t [128][128]bool) {
	for _, c := range append(append([]string{}, trailingChrome...), trailingChromePrefix...) {
		t[c[0]][c[1]] = true
	}
	return
}()

// chromeWords are the words of sharing bars and menus; a line made only
// of them is chrome.
var chromeWords = map[string]bool{"chia": true, "se": true, "facebook": true, "zalo": true, "twitter": true,
	"in": true, "bai": true, "email": true, "gui": true, "luu": true, "binh": true, "luan": true, "tweet": true,
	"like": true, "share": true, "trang": true, "chu": true, "print": true, "copy": true, "link": true}

// isChromeLine recognises a menu, breadcrumb, share bar or page-date line.
func isChromeLine(l string) bool {
	if l == "" || len(l) > 300 || plainLine(l) {
		return false
	}
	f := cueText(l)
	if strings.Contains(l, " > ") || strings.Contains(l, " » ") || strings.HasSuffix(f, "dien tu") && isUpperLine(l) {
		return true
	}
	if len(l) < 120 {
		for _, p := range pageInfoStarts {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	n, long := 0, false
	for w := range strings.FieldsSeq(f) {
		if !chromeWords[w] {
			return isPageDate(f)
		}
		n, long = n+1, len(w) > 4
	}
	return n >= 2 || n == 1 && long // "Chia sẻ", "Facebook"; not a lone "Chủ"
}

// plainLine tells from its first words, folded alone, that a line is
// none of isChromeLine's kinds: its first word is no chrome word, no
// page-info or page-date opening starts it, and it has no breadcrumb
// arrow nor a capitalised "… ĐIỆN TỬ" end. Most lines are told so
// without folding them whole.
func plainLine(l string) bool {
	head := cueText(l[:runeStartAfter(l, min(len(l), 32))])
	sp := strings.IndexByte(head, ' ')
	if sp <= 0 || chromeWords[head[:sp]] || strings.HasPrefix(head, "thu ") || strings.HasPrefix(head, "chu nhat") {
		return false
	}
	for _, p := range pageInfoStarts {
		if strings.HasPrefix(head, p) {
			return false
		}
	}
	if strings.Contains(l, " > ") || strings.Contains(l, " » ") {
		return false
	}
	if lastCueByte(l) != 'u' {
		return true // the folded words end with no "u", so not with "dien tu": no need to fold them
	}
	return !strings.HasSuffix(cueText(l[runeStartAfter(l, len(l)-48):]), "dien tu")
}

// lastCueByte returns the last byte cueText(s) would write when that
// comes from an ASCII fold, found from the end without folding s; else 0.
func lastCueByte(s string) byte {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		var code byte
		if uint32(r) < foldLimit {
			code = cueBytes[r]
		} else {
			code = cueCode(r)
		}
		switch code {
		case cueSkip, cueSpace:
			continue
		case cueWide:
			return 0
		}
		return code
	}
	return 0
}

// pageInfoStarts open the lines a news page puts around an article.
var pageInfoStarts = []string{"cap nhat", "dang luc", "trang chu", "ngay dang", "ngay cap nhat", "tac gia",
	"co chu", "nghe doc", "luot xem", "luot truy cap", "chuyen muc", "in bai", "chia se"}

// isPageDate: "Thứ Tư, 24/7/2024", "Chủ nhật, 03/03/2020 09:15".
func isPageDate(f string) bool {
	if !strings.HasPrefix(f, "thu ") && !strings.HasPrefix(f, "chu nhat") {
		return false
	}
	return len(f) < 40 && strings.ContainsAny(f, "0123456789")
}

// isPageNumber: "2", "- 2 -", "Trang 2", "2/5" alone on a line between
// pages of a PDF copy.
func isPageNumber(l string) bool {
	if c := firstPastDashes(l); c < 0x80 && !isDigit(c) && c|0x20 != 't' {
		return false // neither a number nor "Trang" opens it: a line of prose
	}
	if l == "" {
		return false
	}
	if c := l[len(l)-1]; c < 0x80 && c > ' ' && c != '-' && !isDigit(c) {
		return false // it ends in neither a number nor what trimming drops: prose ("Tăng cường …;")
	}
	t := strings.Trim(l, " -–")
	if e, ok := matchFold(t, 0, "trang"); ok {
		t = strings.TrimSpace(t[e:])
	}
	a, b, slash := strings.Cut(t, "/") // "2/5"
	return shortNumber(a) && (!slash || shortNumber(b))
}

// firstPastDashes returns the first byte of l after spaces, hyphens and
// en dashes (what isPageNumber trims), or 0xFF when there is none.
func firstPastDashes(l string) byte {
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == ' ' || l[i] == '-':
		case strings.HasPrefix(l[i:], "–"):
			i += len("–") - 1
		default:
			return l[i]
		}
	}
	return 0xFF
}

func shortNumber(t string) bool {
	if t == "" || len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return false
		}
	}
	return true
}

func dropChrome(all []string) ([]string, int) {
	lines := append([]string(nil), all...)
	out, dropped := dropChromeLines(lines)
	if countNonEmpty(out) == 0 {
		return all, 0 // nothing but "chrome": keep it all, lose nothing
	}
	return out, dropped
}

func dropChromeLines(lines []string) ([]string, int) {
	dropped := 0
	for i, l := range lines {
		if isPageNumber(l) && (i == 0 || lines[i-1] == "" || i+1 < len(lines) && lines[i+1] == "") {
			lines[i] = ""
			dropped++
		}
	}
	for i := 0; i < len(lines) && i < 25; i++ {
		if isChromeLine(lines[i]) {
			lines[i] = ""
			dropped++
		}
	}
	if a := firstAnchor(lines); a > 0 && chromeLike(lines[:a]) {
		dropped += countNonEmpty(lines[:a])
		lines = lines[a:]
	}
	if t := trailingStart(lines); t >= 0 {
		dropped += countNonEmpty(lines[t:])
		lines = lines[:t]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	return lines, dropped
}

func countNonEmpty(ls []string) int {
	n := 0
	for _, l := range ls {
		if l != "" {
			n++
		}
	}
	return n
}

// firstAnchor returns the index of the first header line within the
// first 40 lines, or -1.
func firstAnchor(lines []string) int {
	for i, l := range lines {
		if i >= 40 {
			break
		}
		if isHeaderAnchor(l) {
			return i
		}
	}
	return -1
}

func isHeaderAnchor(l string) bool {
	if l == "" {
		return false
	}
	if kindLineEnd(l) > 0 {
		return true
	}
	if isUpperLine(l) {
		if _, k := matchAny(l, 0, headerAnchors); k >= 0 {
			return true
		}
	}
	if e, ok := matchFold(l, 0, "so"); ok && e < len(l) && (l[e] == ':' || l[e] == ' ') {
		j := skipSpaces(l, e+1)
		return j < len(l) && '0' <= l[j] && l[j] <= '9'
	}
	return isWebTitle(l)
}

// isWebTitle reports whether l is a page title naming a document:
// "Kế hoạch số 82-KH/BDVTW ngày 18/5/2023 của Ban Dân vận Trung ương về …".
func isWebTitle(l string) bool {
	k, e := matchKind(l, 0)
	if k == nil {
		return false
	}
	m, ok := lexSymbolAfterKind(l, e)
	if !ok || m.symbol == "" {
		return false
	}
	t := &mention{kind: k, start: 0, end: m.end, sym: m}
	readTail(l, t)
	return t.hasDate || t.issuer != ""
}

// chromeLike reports whether the lines before the header look like page
// chrome rather than document text.
func chromeLike(ls []string) bool {
	total := 0
	for _, l := range ls {
		total += len(l)
		if len(l) > 160 || endsSentence(l) && len(l) > 80 {
			return false
		}
	}
	return total < 1500
}

// trailingStart returns the index of the first trailing chrome line in
// the last part of the text, or -1.
func trailingStart(lines []string) int {
	from := len(lines) / 3
	for i := from; i < len(lines); i++ {
		l := lines[i]
		if len(l) > 120 || !chromeOpening(l) {
			continue
		}
		if len(l) > 48 { // only prefixes ("File: …") can match a long line: fold its start
			l = l[:48]
			for !utf8.RuneStart(l[len(l)-1]) {
				l = l[:len(l)-1]
			}
		}
		f := strings.TrimRight(strings.TrimSpace(foldString(l)), " .:")
		for _, c := range trailingChrome {
			if f == c {
				return i
			}
		}
		for _, p := range trailingChromePrefix {
			if strings.HasPrefix(f, p) || len(p) == len(f)+1 && p[len(f)] == ':' && strings.HasPrefix(p, f) { // f+":" starts with p
				return i
			}
		}
	}
	return -1
}
