package index

import (
	"errors"
	"strconv"
	"strings"

	"vanban/extract"
)

// Ref is a reference to a document as a user or the extractor writes it:
// "62-KL/TW", "Kết luận 62", "kl 62", "KL-62", "43-KL/TW@2019",
// "25-NQ/TW@2013-06-03".
type Ref struct {
	Kind   string // kind name ("Kết luận"), "" when unknown
	Code   string // type code of the symbol ("KL"), "" when unknown
	Number string // "62" (leading zeros kept as written)
	Symbol string // canonical symbol ("62-KL/TW"), "" when not given
	Year   int    // 0 when unknown
	Date   string // ISO date when given ("2013-06-03")
	Name   string // other references: the text as given (laws cited by name)
}

// ErrBadRef is returned by ParseRef for text that names no document.
var ErrBadRef = errors.New("index: not a document reference")

// kindCodes maps folded kind names to their type codes; longer names come
// first where one is a prefix of another.
var kindCodes = []struct{ name, fold, code string }{
	{"Chương trình hành động", "chuong trinh hanh dong", "CTr"},
	{"Chương trình", "chuong trinh", "CTr"},
	{"Nghị quyết liên tịch", "nghi quyet lien tich", "NQLT"},
	{"Nghị quyết", "nghi quyet", "NQ"},
	{"Nghị định", "nghi dinh", "NĐ"},
	{"Kết luận", "ket luan", "KL"},
	{"Chỉ thị", "chi thi", "CT"},
	{"Quyết định", "quyet dinh", "QĐ"},
	{"Quy định", "quy dinh", "QĐ"},
	{"Quy chế", "quy che", "QC"},
	{"Kế hoạch", "ke hoach", "KH"},
	{"Thông báo", "thong bao", "TB"},
	{"Thông tri", "thong tri", "TT"},
	{"Thông tư liên tịch", "thong tu lien tich", "TTLT"},
	{"Thông tư", "thong tu", "TT"},
	{"Hướng dẫn", "huong dan", "HD"},
	{"Công văn", "cong van", "CV"},
	{"Công điện", "cong dien", "CĐ"},
	{"Tờ trình", "to trinh", "TTr"},
	{"Báo cáo", "bao cao", "BC"},
	{"Đề án", "de an", "ĐA"},
}

// kindOfCode returns the kind name and canonical spelling of a type code.
func kindOfCode(code string) (kind, canon string) {
	f := extract.Fold(code)
	for _, k := range kindCodes {
		if extract.Fold(k.code) == f {
			return k.name, k.code
		}
	}
	return "", code
}

// ParseRef reads a reference written as a symbol ("62-KL/TW", "58KH/TU",
// "16/CT-TTg", "15/2020/NĐ-CP"), a kind and a number ("Kết luận 62", "kl
// 62", "KL-62", "Nghị quyết số 25"), optionally followed by "@" and a year
// or an ISO date. Anything else that is not empty is kept as a Name (an
// extractor reference id such as "Luật: Tổ chức Quốc hội").
func ParseRef(s string) (Ref, error) {
	s = strings.TrimSpace(extract.NormalizeTone(s))
	var r Ref
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		if !r.setDate(strings.TrimSpace(s[at+1:])) {
			return Ref{}, ErrBadRef
		}
		s = strings.TrimSpace(s[:at])
	}
	if s == "" {
		return Ref{}, ErrBadRef
	}
	if sym, ok := findSymbol(s); ok {
		r.Symbol, r.Number, r.Code = displaySymbol(sym.canon), sym.number, sym.code
		r.Kind, r.Code = kindOfCode(r.Code)
		if r.Year == 0 && sym.year > 0 {
			r.Year = sym.year
		}
		return r, nil
	}
	if r.parseKindNumber(s) {
		return r, nil
	}
	if strings.ContainsAny(s, ":") || len(strings.Fields(s)) > 1 {
		r.Name = s
		return r, nil
	}
	return Ref{}, ErrBadRef
}

// displaySymbol upper-cases a symbol typed in lower case ("62-kl/tw" →
// "62-KL/TW", keeping the usual "CTr", "TTg", "TTr").
func displaySymbol(s string) string {
	if strings.ToLower(s) != s {
		return s
	}
	s = strings.ToUpper(s)
	for _, c := range []string{"CTr", "TTg", "TTr"} {
		s = replaceCode(s, strings.ToUpper(c), c)
	}
	return s
}

// replaceCode replaces the code old by new where it stands alone between
// separators.
func replaceCode(s, old, new string) string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' })
	for _, p := range parts {
		if p == old {
			return strings.Replace(s, old, new, 1)
		}
	}
	return s
}

// setDate reads "2019" or "2019-01-07".
func (r *Ref) setDate(d string) bool {
	if len(d) < 4 {
		return false
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil || y < 1900 || y > 2200 {
		return false
	}
	r.Year = y
	switch len(d) {
	case 4:
		return true
	case 10:
		if d[4] == '-' && d[7] == '-' && allDigits(d[5:7]) && allDigits(d[8:]) {
			r.Date = d
			return true
		}
	}
	return false
}

// parseKindNumber reads "Kết luận [số] 62", "KL 62", "KL-62", "kl62".
func (r *Ref) parseKindNumber(s string) bool {
	f := strings.Join(strings.Fields(strings.NewReplacer("-", " ", ".", " ", ":", " ").Replace(extract.Fold(s))), " ")
	for _, k := range kindCodes {
		for _, p := range []string{k.fold, extract.Fold(k.code)} {
			rest, ok := strings.CutPrefix(f, p)
			if !ok {
				continue
			}
			rest = strings.TrimSpace(rest)
			rest = strings.TrimSpace(strings.TrimPrefix(rest, "so "))
			if rest == "" || len(rest) > 6 || !allDigits(rest) {
				continue
			}
			r.Kind, r.Code, r.Number = k.name, k.code, rest
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ID is the reference id the extractor gives such a reference:
// "SYMBOL@DATE", "SYMBOL", "KIND NUMBER" or the name.
func (r Ref) ID() string {
	switch {
	case r.Symbol != "" && r.Date != "":
		return r.Symbol + "@" + r.Date
	case r.Symbol != "":
		return r.Symbol
	case r.Number != "":
		return r.Kind + " " + r.Number
	}
	return r.Name
}

// key is the most specific index term that finds documents citing r
// (see refKeys).
func (r Ref) key() string {
	switch {
	case r.Symbol != "" && r.Date != "":
		return "d:" + symbolKey(r.Symbol) + "@" + r.Date
	case r.Symbol != "" && r.Year > 0:
		return "y:" + symbolKey(r.Symbol) + "@" + strconv.Itoa(r.Year)
	case r.Symbol != "":
		return "s:" + symbolKey(r.Symbol)
	case r.Number != "" && r.Year > 0:
		return "m:" + codeNumberKey(r.Code, r.Number) + "@" + strconv.Itoa(r.Year)
	case r.Number != "":
		return "n:" + codeNumberKey(r.Code, r.Number)
	}
	return "i:" + extract.Fold(r.Name)
}

// refKeys are the index terms of one cited reference: its folded id, and
// for a symbol the symbol alone, with the year and with the date; for a
// number the type code and number, with the year. Each reference keeps
// its own symbol and date, so "43-KL/TW" and "43-CT/TW", or 25-NQ/TW of
// 2008 and of 2013, never share a key but the symbol alone.
func refKeys(ref *extract.Reference) []string {
	keys := []string{"i:" + extract.Fold(ref.ID)}
	year := ""
	if len(ref.Date) >= 4 {
		year = string(ref.Date[:4])
	}
	code := ""
	if sym, ok := findSymbol(string(ref.Symbol)); ok {
		k := symbolKey(sym.canon)
		keys = append(keys, "s:"+k)
		if ref.Date != "" {
			keys = append(keys, "d:"+k+"@"+string(ref.Date))
		}
		if year != "" {
			keys = append(keys, "y:"+k+"@"+year)
		}
		code = sym.code
	}
	if code == "" {
		code = codeOfKind(ref.Kind)
	}
	if n := string(ref.Number); n != "" && code != "" {
		k := codeNumberKey(code, n)
		keys = append(keys, "n:"+k)
		if year != "" {
			keys = append(keys, "m:"+k+"@"+year)
		}
	}
	return keys
}

// codeOfKind returns the type code of a kind name, "" when unknown.
func codeOfKind(kind string) string {
	f := extract.Fold(kind)
	for _, k := range kindCodes {
		if k.fold == f {
			return k.code
		}
	}
	return ""
}

func codeNumberKey(code, number string) string {
	return extract.Fold(code) + " " + trimZeros(number)
}

// symbolKey is the matching form of a canonical symbol: folded, number
// without leading zeros ("02-KH/BCĐ" → "2-kh/bcd").
func symbolKey(sym string) string {
	i := 0
	for i < len(sym) && sym[i] >= '0' && sym[i] <= '9' {
		i++
	}
	return trimZeros(sym[:i]) + extract.Fold(sym[i:])
}

func trimZeros(n string) string {
	t := strings.TrimLeft(n, "0")
	if t == "" || t[0] < '0' || t[0] > '9' {
		return "0" + t
	}
	return t
}

// symbol is a document symbol found in text.
type symbol struct {
	canon  string // as written, with the hyphen put back: "58-KH/TU"
	number string // "58", "30c"
	code   string // type code: "KH"
	year   int    // year written in a state-style symbol
}

// findSymbol returns the first symbol in s.
func findSymbol(s string) (symbol, bool) {
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if isDigit(b[i]) && (i == 0 || !isSymbolByte(b[i-1])) {
			if _, sym, ok := scanSymbol(b, i); ok {
				return sym, true
			}
		}
	}
	return symbol{}, false
}

// scanSymbol reads a symbol at b[i]: party style NUMBER-CODE/ISSUER
// ("25-NQ/TW", also glued "58KH/TU"), state style NUMBER/[YEAR/]CODE-ISSUER
// ("16/CT-TTg", "15/2020/NĐ-CP", "30c/NQ-CP", "77/2015/QH13"). Codes are
// ASCII letters, digits and Đ; a symbol has a slash and either two codes
// or a year, so dates ("03/6/2013") and ranges ("2020-2025") are not
// symbols. It returns the end of the symbol.
func scanSymbol(b []byte, i int) (int, symbol, bool) {
	j := i
	for j < len(b) && isDigit(b[j]) {
		j++
	}
	if j == i || j-i > 5 {
		return 0, symbol{}, false
	}
	if j+1 < len(b) && isASCIILetter(b[j]) && b[j+1] == '/' {
		if end, sym, ok := scanSymbolRest(b, i, j+1); ok {
			return end, sym, true
		}
	}
	return scanSymbolRest(b, i, j)
}

// scanSymbolRest reads what follows the number b[i:j].
func scanSymbolRest(b []byte, i, j int) (int, symbol, bool) {
	sym := symbol{number: string(b[i:j])}
	canon := append([]byte(nil), b[i:j]...)
	slash := false
	if y, ok := symbolYear(b, j); ok {
		sym.year, slash = y, true
		canon = append(canon, b[j:j+5]...)
		j += 5
	}
	var codes int
	for {
		sep, n := symbolSep(b, j)
		if n == 0 && (codes > 0 || sym.year > 0) {
			break
		}
		c := symbolCode(b, j+n)
		if c == 0 {
			break
		}
		if codes == 0 {
			sym.code = string(b[j+n : j+n+c])
		}
		if sep == 0 {
			sep = '-' // "58KH/TU"
		}
		slash = slash || sep == '/'
		canon = append(append(canon, sep), b[j+n:j+n+c]...)
		codes++
		j += n + c
	}
	if !slash || codes == 0 || codes < 2 && sym.year == 0 {
		return 0, symbol{}, false
	}
	sym.canon = string(canon)
	return j, sym, true
}

// symbolYear reads "/YYYY/" at b[j].
func symbolYear(b []byte, j int) (int, bool) {
	if j+5 >= len(b) || b[j] != '/' || b[j+5] != '/' {
		return 0, false
	}
	y := 0
	for _, c := range b[j+1 : j+5] {
		if !isDigit(c) {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, y >= 1945 && y <= 2200
}

// symbolSep reads a separator ("-", "/", en dash) at b[j]; the separator
// is returned as '-' or '/', with its width (0 when there is none).
func symbolSep(b []byte, j int) (byte, int) {
	switch {
	case j >= len(b):
		return 0, 0
	case b[j] == '-' || b[j] == '/':
		return b[j], 1
	case j+2 < len(b) && b[j] == 0xE2 && b[j+1] == 0x80 && b[j+2] == 0x93:
		return '-', 3
	}
	return 0, 0
}

// symbolCode returns the width of the code at b[j]: a letter, then letters
// and digits; letters are ASCII or Đ/đ.
func symbolCode(b []byte, j int) int {
	k := j
	for k < len(b) {
		switch {
		case isASCIILetter(b[k]) || k > j && isDigit(b[k]):
			k++
		case k+1 < len(b) && b[k] == 0xC4 && (b[k+1] == 0x90 || b[k+1] == 0x91):
			k += 2
		default:
			return codeWidth(j, k)
		}
	}
	return codeWidth(j, k)
}

func codeWidth(j, k int) int {
	if k-j > 12 {
		return 0
	}
	return k - j
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isSymbolByte reports whether c may continue a word (so a symbol cannot
// start after it): ASCII letters and digits and any non-ASCII byte.
func isSymbolByte(c byte) bool { return isDigit(c) || isASCIILetter(c) || c >= 0x80 }
