package extract

import (
	"strings"
	"unicode/utf8"
)

// kindInfo is one kind of document: its canonical name, the folded
// pattern that recognises it and the type codes its symbols use.
type kindInfo struct {
	name  string
	pat   string
	codes []string
	law   bool // cited by name (Luật, Bộ luật, Pháp lệnh…)
}

// kinds is ordered so that longer names are tried first.
var kinds = []*kindInfo{
	{name: "Chương trình hành động", pat: "chuong trinh hanh dong", codes: []string{"CTR", "CTHĐ", "CTRHĐ"}},
	{name: "Chương trình", pat: "chuong trinh", codes: []string{"CTR"}},
	{name: "Nghị quyết liên tịch", pat: "nghi quyet lien tich", codes: []string{"NQLT"}},
	{name: "Nghị quyết", pat: "nghi quyet", codes: []string{"NQ"}},
	{name: "Kết luận", pat: "ket luan", codes: []string{"KL"}},
	{name: "Chỉ thị", pat: "chi thi", codes: []string{"CT"}},
	{name: "Quyết định", pat: "quyet dinh", codes: []string{"QĐ"}},
	{name: "Quy định", pat: "quy dinh", codes: []string{"QĐ", "QĐI", "QY"}},
	{name: "Quy chế", pat: "quy che", codes: []string{"QC", "QCPH", "QĐ"}},
	{name: "Thông tri", pat: "thong tri", codes: []string{"TT", "TTR"}},
	{name: "Thông báo", pat: "thong bao", codes: []string{"TB"}},
	{name: "Kế hoạch", pat: "ke hoach", codes: []string{"KH"}},
	{name: "Công văn", pat: "cong van", codes: []string{"CV", ""}},
	{name: "Hướng dẫn", pat: "huong dan", codes: []string{"HD"}},
	{name: "Đề án", pat: "de an", codes: []string{"ĐA"}},
	{name: "Đề cương", pat: "de cuong", codes: []string{"ĐC"}},
	{name: "Bộ luật", pat: "bo luat", codes: []string{"QH"}, law: true},
	{name: "Luật", pat: "luat", codes: []string{"QH"}, law: true},
	{name: "Pháp lệnh", pat: "phap lenh", codes: []string{"UBTVQH", "PL"}, law: true},
	{name: "Nghị định", pat: "nghi dinh", codes: []string{"NĐ"}},
	{name: "Thông tư liên tịch", pat: "thong tu lien tich", codes: []string{"TTLT"}},
	{name: "Thông tư", pat: "thong tu", codes: []string{"TT"}},
	{name: "Công điện", pat: "cong dien", codes: []string{"CĐ"}},
	{name: "Tờ trình", pat: "to trinh", codes: []string{"TTR", "TTr"}},
	{name: "Báo cáo", pat: "bao cao", codes: []string{"BC"}},
	{name: "Điều lệ", pat: "dieu le", codes: []string{"ĐL"}},
	{name: "Hiến pháp", pat: "hien phap", law: true},
}

// kindAbbrevs are upper-case abbreviations used before a number
// ("KL 62", "NQ số 25").
var kindAbbrevs = map[string]string{
	"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "QĐ": "Quyết định",
	"KH": "Kế hoạch", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình",
	"NĐ": "Nghị định", "TT": "Thông tư",
}

// kindsBySyllable maps the folded first syllable of each kind name to
// the kinds it may start: a cheap trigger before trying the patterns.
var kindsBySyllable = func() map[string][]*kindInfo {
	m := map[string][]*kindInfo{}
	for _, k := range kinds {
		syl, _, _ := strings.Cut(k.pat, " ")
		m[syl] = append(m[syl], k)
	}
	return m
}()

// foldWord folds the word at s[i] into buf (at most len(buf) bytes) and
// returns it with the offset where it stopped.
func foldWord(s string, i int, buf []byte) ([]byte, int) {
	buf = buf[:0]
	for i < len(s) && len(buf) < cap(buf)-4 {
		if c := s[i]; c < utf8.RuneSelf && c != 0 { // ASCII: a letter or digit, or the end
			if !isASCIIAlnum(c) {
				break
			}
			buf = append(buf, lowerASCII[c])
			i++
			continue
		}
		var r rune
		var n int
		switch c := s[i]; { // decodeVi, inline
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = 0x1000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, n = decodeVi(s, i)
		}
		if !isWordChar(r) {
			break
		}
		if f := foldRune(r); f != 0 {
			buf = utf8.AppendRune(buf, f)
		}
		i += n
	}
	return buf, i
}

// kindsFor is kindsBySyllable[string(w)] through kindSlots.
func kindsFor(w []byte) []*kindInfo {
	k, ok := packWord(w)
	if !ok {
		return nil
	}
	if g := kindSlots.get(k); g > 0 {
		return kindGroups[g-1]
	}
	return nil
}

// kindGroups are the values of kindsBySyllable; kindSlots maps the key
// (packWord) of each syllable to its group's index + 1: a lookup costs a
// multiply and a probe, where the map costs a string hash.
var kindGroups, kindSlots = func() ([][]*kindInfo, *keyTable) {
	var groups [][]*kindInfo
	t := &keyTable{}
	for syl, ks := range kindsBySyllable {
		k, _ := packWord([]byte(syl))
		groups = append(groups, ks)
		t.put(k, uint16(len(groups)))
	}
	return groups, t
}()

// matchKind recognises a kind name at s[i] (any case, glued syllables
// allowed) and returns it with the offset after it.
func matchKind(s string, i int) (*kindInfo, int) {
	if i >= len(s) || !atWordStart(s, i) {
		return nil, 0
	}
	var arr [32]byte
	w, wEnd := foldWord(s, i, arr[:])
	from, skip := wEnd, len(w) // match each name after the syllable folded
	if wEnd >= 2 && (s[wEnd-2] == 0xCC || s[wEnd-2] == 0xCD) {
		from, skip = i, 0 // a combining mark ends it, which matchFold reads differently
	}
	for _, k := range kindsFor(w) {
		if len(k.pat) == len(w) { // the word is the name: "Luật"
			return k, wEnd
		}
		if e, ok := matchFold(s, from, k.pat[skip:]); ok {
			return k, e
		}
	}
	if len(w) > 3 { // glued syllables: "nghịquyết", "Quyếtđịnh"
		for n := 2; n < len(w) && n <= 6; n++ {
			for _, k := range kindsFor(w[:n]) {
				if e, ok := matchFold(s, i, k.pat); ok {
					return k, e
				}
			}
		}
	}
	return nil, 0
}

// kindByName returns the kind with the given canonical name.
func kindByName(name string) *kindInfo {
	for _, k := range kinds {
		if k.name == name {
			return k
		}
	}
	return nil
}

// codeFitsKind reports whether a symbol's type code fits a kind ("KL" for
// Kết luận); unknown codes fit every kind.
func codeFitsKind(k *kindInfo, code string) bool {
	code = strings.ToUpper(code)
	known := false
	for _, kk := range kinds {
		for _, c := range kk.codes {
			if c != "" && c == code {
				known = true
			}
		}
	}
	if !known {
		return true
	}
	for _, c := range k.codes {
		if c == code {
			return true
		}
	}
	return false
}

// headerKinds are the kinds a document's own kind line may name.
var headerKinds = []string{
	"chuong trinh hanh dong", "chuong trinh", "ke hoach", "chi thi",
	"quyet dinh", "nghi quyet", "ket luan", "huong dan", "thong bao",
	"bao cao", "cong van", "to trinh", "quy dinh", "quy che", "thong tri",
	"de an", "thong tu", "nghi dinh", "de cuong", "cong dien", "chuong trinh cong tac",
}

// kindLineEnd returns the end of an upper-case kind name that opens the
// line l ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"), or 0. The name must be
// the whole line or be followed by text that is not upper case.
func kindLineEnd(l string) int {
	for _, p := range headerKinds {
		e, ok := matchFold(l, 0, p)
		if !ok || !isUpperLine(l[:e]) || strings.ContainsRune(l[:e], '\n') {
			continue
		}
		rest := strings.TrimSpace(l[e:])
		rest = strings.TrimRight(rest, ":. ")
		if rest == "" {
			return e
		}
		if !isUpperLine(rest) && !startsWithSo(rest) {
			return e
		}
		if _, ok := matchFold(rest, 0, "cua"); ok {
			return e // "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG …"
		}
		if _, k := matchAny(rest, 0, capsTitleStarts); k >= 0 {
			return e // "KẾ HOẠCH TRIỂN KHAI …", "QUYẾT ĐỊNH VỀ VIỆC …"
		}
	}
	return 0
}

// capsTitleStarts open an upper-case trích yếu written on the kind line.
var capsTitleStarts = []string{"ve ", "v/v", "trien khai", "thuc hien", "so ket", "tong ket", "hanh dong",
	"cong tac", "phoi hop", "lien tich", "ban hanh", "to chuc", "tuyen truyen", "kiem tra", "giam sat",
	"tang cuong", "day manh", "nang cao", "xay dung", "phat trien", "phong chong", "cai cach"}

func startsWithSo(s string) bool {
	_, ok := matchFold(s, 0, "so")
	return ok
}

// kindOfName returns the canonical kind name for a folded header kind.
func canonicalKind(l string, end int) string {
	k, _ := matchKind(l, 0)
	if k == nil {
		return ""
	}
	if e, ok := matchFold(l, 0, "chuong trinh cong tac"); ok && e <= end {
		return "Chương trình công tác"
	}
	return k.name
}
