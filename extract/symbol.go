package extract

import (
	"strings"
	"unicode/utf8"
)

// A document symbol (số ký hiệu) is recognised by a small hand-written
// lexer. Party style is NUMBER-TYPE/ISSUER ("25-NQ/TW"; also written
// "58KH/TU", "28 NQ/TW", "100 - KL/TW", "13 -CTr/TU"); state style is
// NUMBER/[YEAR/]TYPE-ISSUER ("16/CT-TTg", "15/2020/NĐ-CP", "30c/NQ-CP",
// "61/2018/NĐCP", "1961/QĐUBND", "77/2015/QH13"). The canonical form puts
// the hyphen back: "58-KH/TU", "61/2018/NĐ-CP", "1961/QĐ-UBND".

type symMatch struct {
	number string // "25", "30c"
	code   string // type code: "NQ", "QĐ"
	symbol string // canonical symbol; "" for a bare number
	year   int    // year written in a state-style symbol
	start  int
	end    int
	hasSo  bool // written after "số"
}

// stateTypeCodes are type codes that may be glued to the issuer code in
// state-style symbols ("QĐUBND" = "QĐ-UBND"); longest first.
var stateTypeCodes = []string{"TTLT", "NQLT", "TTr", "QĐ", "NĐ", "NQ", "CT", "TT", "KH", "CV", "TB", "BC", "HD", "CĐ", "KL"}

// lexSymbolAfterKind reads "[số[:]] SYMBOL" after a kind name at s[i].
func lexSymbolAfterKind(s string, i int) (symMatch, bool) {
	j := skipSpaces(s, i)
	hasSo := false
	if e, ok := matchFold(s, j, "so"); ok {
		hasSo = true
		j = e
	} else if strings.HasPrefix(s[j:], "số") || strings.HasPrefix(s[j:], "Số") {
		hasSo = true // glued "số25"
		j += len("số")
	}
	if j < len(s) && (s[j] == ':' || s[j] == '.') && hasSo {
		j++
	}
	j = skipSpaces(s, j)
	if hasSo && j+1 < len(s) && s[j] == '\n' && isDigit(s[j+1]) {
		return wrappedSymbol(s, j+1) // "Nghị định số" / "41/2020/NĐ-CP …": a hard wrap after "số"
	}
	m, ok := lexSymbol(s, j)
	m.hasSo = hasSo
	if !ok && !hasSo {
		return lexDescribedSymbol(s, i)
	}
	return m, ok
}

// wrappedSymbol reads a full symbol opening the line after "số" (at j):
// a bare number there is no symbol ("Kế hoạch số" / "1. …").
func wrappedSymbol(s string, j int) (symMatch, bool) {
	m, ok := lexSymbol(s, j)
	if !ok || m.symbol == "" {
		return symMatch{}, false
	}
	m.hasSo = true
	return m, true
}

// lexDescribedSymbol reads "phối hợp số 05/QC-UBND-MTTQ" after a kind:
// up to three lower-case words, then "số" and a full symbol.
func lexDescribedSymbol(s string, i int) (symMatch, bool) {
	j := skipSpaces(s, i)
	for w := 0; w < 3; w++ {
		if j >= len(s) || !isLowerRune(firstRune(s[j:])) {
			return symMatch{}, false
		}
		if e, ok := matchFold(s, j, "so"); ok && strings.HasPrefix(s[j:], "số") {
			k := skipSpaces(s, e)
			if m, ok := lexSymbol(s, k); ok && m.symbol != "" {
				m.hasSo = true
				return m, true
			}
			return symMatch{}, false
		}
		j = skipSpaces(s, wordEnd(s, j))
	}
	return symMatch{}, false
}

// lexSymbol reads a symbol or a bare number at s[i].
func lexSymbol(s string, i int) (symMatch, bool) {
	m := symMatch{start: i}
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i || j-i > 5 {
		return m, false
	}
	if j < len(s) && 'a' <= s[j] && s[j] <= 'z' && atWordEnd(s, j+1) || j+1 < len(s) && 'a' <= s[j] && s[j] <= 'z' && s[j+1] == '/' {
		j++ // "30c/NQ-CP"
	}
	m.number = s[i:j]
	if e, ok := lexState(s, j, &m); ok {
		m.end = e
		return m, true
	}
	if e, ok := lexParty(s, j, &m); ok {
		m.end = e
		return m, true
	}
	if !atWordEnd(s, j) {
		return m, false
	}
	m.end = j
	return m, true
}

// lexState reads "/[YEAR/]CODE[-ISSUER]" after the number.
func lexState(s string, j int, m *symMatch) (int, bool) {
	if j+1 < len(s) && s[j] == ' ' && s[j+1] == '/' {
		j++ // "4738 /LĐTBXH-ATLĐ": a space typed before the slash
	}
	if j >= len(s) || s[j] != '/' {
		return 0, false
	}
	j++
	year := 0
	if y, e := readDigits(s, j); e-j == 4 && e < len(s) && s[e] == '/' {
		year, j = y, e+1
	}
	code, e := readCode(s, j)
	if code == "" {
		return 0, false
	}
	parts := []string{code}
	for e < len(s) && (s[e] == '-' || strings.HasPrefix(s[e:], "–")) {
		n := 1
		if s[e] != '-' {
			n = len("–")
		}
		c, e2 := readCode(s, e+n)
		if c == "" {
			break
		}
		parts = append(parts, c)
		e = e2
	}
	if len(parts) == 1 {
		parts = splitGluedCode(code)
	}
	m.code = parts[0]
	m.year = year
	sym := m.number + "/"
	if year > 0 {
		sym += s[j-5 : j]
	}
	m.symbol = sym + strings.Join(parts, "-")
	if e+1 < len(s) && s[e] == '/' { // "52/2001/QĐ/BNN-KH"
		if iss, e2 := readIssuer(s, e+1); iss != "" {
			m.symbol += "/" + iss
			e = e2
		}
	}
	return e, true
}

// splitGluedCode splits "QĐUBND" into "QĐ", "UBND" when a hyphen was lost.
// The rest must read as an issuer: "LB" (liên bộ) and "LT" (liên tịch)
// only make the type joint, so a pre-2000 "16/TTLB" or "05/QĐLT" stays
// one code.
func splitGluedCode(code string) []string {
	for _, t := range stateTypeCodes {
		if strings.HasPrefix(code, t) && len(code) > len(t)+1 {
			rest := code[len(t):]
			if rest == "LB" || rest == "LT" {
				return []string{code}
			}
			if r := firstRune(rest); isUpperRune(r) {
				return []string{t, rest}
			}
		}
	}
	return []string{code}
}

// lexParty reads "[ ][-][ ]CODE/ISSUER" after the number.
func lexParty(s string, j int, m *symMatch) (int, bool) {
	k := j
	spaces := 0
	for k < len(s) && s[k] == ' ' {
		k++
		spaces++
	}
	if k < len(s) && (s[k] == '-' || strings.HasPrefix(s[k:], "–")) {
		if s[k] == '-' {
			k++
		} else {
			k += len("–")
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
	}
	if spaces > 1 {
		return 0, false
	}
	code, e := readCode(s, k)
	if code == "" || e >= len(s) || s[e] != '/' {
		return 0, false
	}
	issuer, e2 := readIssuer(s, e+1)
	if issuer == "" {
		return 0, false
	}
	m.code = code
	m.symbol = m.number + "-" + code + "/" + issuer
	return e2, true
}

// readCode reads a type or issuer code: an upper-case letter followed by
// letters and digits ("NQ", "CTr", "TTg", "BGDĐT", "QH13"). An "&" between
// letters joins two halves of an issuer, as in the pre-2008 "BGD&ĐT".
func readCode(s string, i int) (string, int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	if i >= len(s) || !isUpperRune(r) {
		return "", i
	}
	j := i + n
	for j < len(s) {
		r, n = utf8.DecodeRuneInString(s[j:])
		if r == '&' && j+1 < len(s) && isUpperRune(firstRune(s[j+1:])) {
			j++
			continue
		}
		if !isLetterRune(r) && !isDigitRune(r) {
			break
		}
		j += n
	}
	if utf8.RuneCountInString(s[i:j]) > maxCodeRunes {
		return "", i
	}
	return s[i:j], j
}

// maxCodeRunes bounds a code: joint issuers run long ("ĐCTUBTWMTTQVN").
const maxCodeRunes = 16

// readIssuer reads the issuer part of a party symbol ("TW", "BCĐTW",
// "ĐU-BCS"): codes joined by hyphens.
func readIssuer(s string, i int) (string, int) {
	c, e := readCode(s, i)
	if c == "" {
		return "", i
	}
	for e+1 < len(s) && s[e] == '-' {
		c2, e2 := readCode(s, e+1)
		if c2 == "" {
			break
		}
		c += "-" + c2
		e = e2
	}
	return c, e
}

func readDigits(s string, i int) (int, int) {
	n := 0
	j := i
	for j < len(s) && isDigit(s[j]) && j-i < 9 {
		n = n*10 + int(s[j]-'0')
		j++
	}
	return n, j
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// symbolKey is the comparison key of a symbol: upper case, NFC.
func symbolKey(sym string) string { return strings.ToUpper(sym) }
