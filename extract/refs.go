package extract

import (
	"strings"
)

// Reference extraction follows eyecite's passes: tokenize (find kind
// names), extract (read the symbol or number and the tail that follows:
// date, issuer, term), then resolve in a separate pass (refs_resolve.go):
// full mentions are grouped into documents, short forms and declared
// aliases are bound to them, and what cannot be bound stays unresolved.

// mention is one written citation found in the text.
type mention struct {
	kind    *kindInfo
	start   int // start of the kind name
	end     int // end of the symbol, number or law name
	tailEnd int // end of the date/issuer/term tail
	sym     symMatch
	short   bool // kind and number only ("Nghị quyết 25")
	name    string
	date    dateExpr
	hasDate bool
	year    int // year from the symbol or "năm YYYY" (laws)
	issuer  string
	term    string
	rel     string
	alias   bool // written as a declared alias "(gọi tắt là …)"
	nested  bool // inside the subject of another mention
	inTitle bool // in the document's title
	lead    bool // dated by a news lead "Ngày D, X ban hành …"
	ref     *refGroup
}

// findMentions returns every citation in text, left to right.
func findMentions(text string) []*mention {
	return findMentionsT(text, tokenize(text))
}

// leadIssue reads a news lead that dates a document: "Ngày 12/3/2021,
// Bộ Giáo dục và Đào tạo ban hành Thông tư số 05/2021/TT-BGDĐT".
func leadIssue(text string, m *mention) (dateExpr, string, bool) {
	ss := sentenceStart(text, m.start)
	i := ss
	for i < m.start && i-ss < 24 && !strings.HasPrefix(text[i:], "Ngày") {
		i++
	}
	d, ok := lexDate(text[:m.start], i)
	if !ok || !strings.HasPrefix(text[i:], "Ngày") || d.prec != PrecDay || d.y == 0 {
		return dateExpr{}, "", false
	}
	j := skipSpaces(text, d.end)
	if j >= m.start || text[j] != ',' {
		return dateExpr{}, "", false
	}
	mid := strings.TrimSpace(text[j+1 : m.start])
	k := strings.LastIndex(mid, "ban hành")
	if k < 0 || strings.TrimSpace(mid[k+len("ban hành"):]) != "" || countFields(mid) > 16 {
		return dateExpr{}, "", false
	}
	return d, strings.TrimSpace(mid[:k]), true
}

// kindSeconds holds, for the first syllable of each kind name, the keys
// of the syllables that may follow it (0: the name has one syllable);
// kindSecondSlots maps the syllable's key to its index + 1 there (a
// keyTable probe is cheaper than a map's hash).
var kindSeconds, kindSecondSlots = func() ([][]uint64, *keyTable) {
	var groups [][]uint64
	t := &keyTable{}
	for _, k := range kinds {
		f := strings.Fields(k.pat)
		second := uint64(0)
		if len(f) > 1 {
			second = keyOf(f[1])
		}
		first := keyOf(f[0])
		if first == 0 {
			continue // longer than a key holds: kindPlausible lets it through
		}
		g := t.get(first)
		if g == 0 {
			groups = append(groups, nil)
			g = uint16(len(groups))
			t.put(first, g)
		}
		groups[g-1] = append(groups[g-1], second)
	}
	return groups, t
}()

// kindPlausible: the token's next word can continue a kind name ("kết"
// then "luận"; not "kết quả"), or the word is glued, or an abbreviation.
func kindPlausible(ts tokens, k int) bool {
	t := ts[k]
	if t.role()&roleAbbrev != 0 || t.key() == 0 {
		return true
	}
	g := kindSecondSlots.get(t.key())
	if g == 0 {
		return true // glued syllables: let matchKind decide
	}
	seconds := kindSeconds[g-1]
	nk := ts.next(k).key()
	for _, s := range seconds {
		if s == 0 || s == nk {
			return true
		}
	}
	return false
}

func findMentionsT(text string, ts tokens) []*mention {
	return findMentionsKinds(text, ts, nil)
}

// findMentionsKinds is findMentionsT noting in kinds, when it is not
// nil, the kind names it reads, for findNamed.
func findMentionsKinds(text string, ts tokens, kinds *kindMatches) []*mention {
	var out []*mention
	ts.scanIdx(0, len(text), roleKind|roleAbbrev, func(k int) int {
		i := int(ts[k].start)
		if !kindPlausible(ts, k) {
			return i + 1
		}
		kind, e := matchKind(text, i)
		kinds.note(i, kind, e)
		m := mentionAfterKind(text, i, kind, e)
		if m == nil {
			return i + 1
		}
		if !m.hasDate && m.sym.symbol != "" {
			if d, iss, ok := leadIssue(text, m); ok {
				m.date, m.hasDate, m.lead = d, true, true
				if m.issuer == "" {
					m.issuer = iss
				}
			}
		}
		out = append(out, m)
		return m.end
	})
	return out
}

// mentionAfterKind reads a citation whose kind name starts at text[i],
// once matchKind(text, i) gave k and e.
func mentionAfterKind(text string, i int, k *kindInfo, e int) *mention {
	if k == nil {
		return abbrevMentionAt(text, i)
	}
	sm, ok := lexSymbolAfterKind(text, e)
	if !ok {
		if k.law {
			return lawMentionAt(text, i, e, k)
		}
		return nil
	}
	m := &mention{kind: k, start: i, end: sm.end, sym: sm, year: sm.year}
	if sm.symbol == "" {
		if !shortFormOK(text, i, sm) {
			return nil
		}
		m.short = true
	}
	readTail(text, m)
	return m
}

// kindMatches keeps what matchKind said at offsets read left to right,
// so that a second scan of the same words asks it again only elsewhere.
type kindMatches struct {
	at   []kindMatch
	next int // where get looks first
}

type kindMatch struct {
	start, end int
	k          *kindInfo
}

// note records matchKind(text, start) = k, end; a nil m records nothing.
func (m *kindMatches) note(start int, k *kindInfo, end int) {
	if m != nil {
		m.at = append(m.at, kindMatch{start, end, k})
	}
}

// get returns matchKind(text, i), from the notes when they have it;
// the offsets asked must grow.
func (m *kindMatches) get(text string, i int) (*kindInfo, int) {
	for m.next < len(m.at) && m.at[m.next].start < i {
		m.next++
	}
	if m.next < len(m.at) && m.at[m.next].start == i {
		return m.at[m.next].k, m.at[m.next].end
	}
	return matchKind(text, i)
}

// abbrevMentionAt reads "KL 62", "NQ số 25" (upper-case abbreviations).
func abbrevMentionAt(text string, i int) *mention {
	if !atWordStart(text, i) || text[i] < 'A' || text[i] > 'Z' {
		return nil
	}
	j := i
	for j < len(text) && j-i < 4 && (text[j] >= 'A' && text[j] <= 'Z' || text[j] == 'r' || text[j] == 0xC4 || text[j] == 0x90) {
		j++
	}
	name, ok := kindAbbrevs[text[i:j]]
	if !ok || j >= len(text) || text[j] != ' ' {
		return nil
	}
	sm, ok := lexSymbolAfterKind(text, j)
	if !ok || sm.symbol != "" && !strings.HasPrefix(strings.ToUpper(sm.code), strings.ToUpper(text[i:j])) {
		return nil
	}
	m := &mention{kind: kindByName(name), start: i, end: sm.end, sym: sm, short: sm.symbol == ""}
	if m.short && !shortFormOK(text, i, sm) && !notCounted(text, sm) {
		return nil
	}
	readTail(text, m)
	return m
}

// shortAfter are the words that may follow the number of a short form
// written without "số" ("Nghị quyết 25 của …").
var shortAfter = []string{"cua", "ve", "va", "voi", "ngay", "da", "duoc", "la", "trong", "tai", "theo", "khoa", "nham", "de", "co", "nay", "hoac", "cung", "thi"}

// timeUnits follow a number that counts, not one that names ("Kế hoạch 5 năm").
var timeUnits = []string{"nam", "thang", "ngay", "tuan", "quy", "gio", "lan", "ban", "cuoc", "nguoi", "dot", "ky", "muc", "diem", "%", "trieu", "ty", "dong", "nhiem vu", "noi dung", "giai doan"}

// shortFormOK decides whether a kind followed by a bare number is a
// citation: capitalised kind or "số", no counted unit after, no year.
func shortFormOK(text string, i int, sm symMatch) bool {
	n := sm.number
	if len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) && !sm.hasSo {
		return false
	}
	j := skipSpaces(text, sm.end)
	if e, k := matchAny(text, j, timeUnits); k >= 0 && !periodNamed(text, e, k) {
		return false
	}
	if sm.hasSo {
		return true
	}
	if !isUpperRune(firstRune(text[i:])) {
		return false
	}
	if j >= len(text) || !isLetterRune(firstRune(text[j:])) {
		return true
	}
	if isUpperRune(firstRune(text[j:])) {
		return true
	}
	if _, k := matchAny(text, j, shortAfter); k >= 0 {
		return true
	}
	return strongKind(text, i)
}

// notCounted: the number after an abbreviation names, it does not count.
func notCounted(text string, sm symMatch) bool {
	e, k := matchAny(text, skipSpaces(text, sm.end), timeUnits)
	return k < 0 || periodNamed(text, e, k)
}

// periodNamed: the unit timeUnits[k], ending at e, is "giai đoạn" with a
// year after it ("Nghị quyết 23 giai đoạn 2003 - 2022"), a period of the
// document named, where a count of phases names no year.
func periodNamed(text string, e, k int) bool {
	if timeUnits[k] != "giai doan" {
		return false
	}
	j := skipSpaces(text, e)
	return j+4 <= len(text) && (text[j:j+2] == "19" || text[j:j+2] == "20") &&
		isDigit(text[j+2]) && isDigit(text[j+3]) && (j+4 == len(text) || !isDigit(text[j+4]))
}

// strongKind: kinds that are not also common nouns ("kế hoạch", "báo
// cáo"), so "Nghị quyết 28 thay thế …" is a citation whatever follows.
func strongKind(text string, i int) bool {
	k, _ := matchKind(text, i)
	if k == nil {
		return false
	}
	switch k.name {
	case "Kế hoạch", "Chương trình", "Báo cáo", "Hướng dẫn", "Công văn", "Đề án", "Đề cương", "Tờ trình", "Quy chế", "Quy định", "Thông báo":
		return false
	}
	return true
}

// readTail reads what follows a symbol: ", ngày D", "của ISSUER",
// "(khóa XI)", in any order.
func readTail(text string, m *mention) {
	p := m.end
	m.tailEnd = p
	for step := 0; step < 4; step++ {
		j := skipSpaces(text, p)
		if j < len(text) && text[j] == ',' {
			j = skipSpaces(text, j+1)
		}
		if e, ok := matchAny(text, j, []string{"ban hanh", "do"}); ok >= 0 && step == 0 {
			j = skipSpaces(text, e)
		}
		if d, ok := lexDate(text, j); ok && d.prec == PrecDay && (d.hasNgay || d.y != 0) && d.y != 0 && !m.hasDate {
			m.date, m.hasDate = d, true
			p = d.end
		} else if e, ok := matchFold(text, j, "cua"); ok && m.issuer == "" {
			iss, ie := readIssuerName(text, e)
			if iss == "" {
				break
			}
			m.issuer, p = iss, ie
		} else if t, e := readTerm(text, j); t != "" && m.term == "" {
			m.term, p = t, e
		} else {
			break
		}
		m.tailEnd = p
	}
}

// issuerStops end an issuer name.
var issuerStops = []string{"về", "ngày", "khóa", "khoá", "thực hiện", "ban hành", "tại", "trong", "nhằm", "để", "theo", "và các", "đã", "được", "sau đây", "gọi tắt", "nhiệm kỳ", "vào", "trước", "đến", "từ", "trình", "cho", "này", "sau", "với", "là", "khi", "sẽ", "thì", "ở", "cùng", "như", "tiếp tục", "triển khai", "chỉ đạo", "lãnh đạo", "giao", "quy định", "hướng dẫn", "phê duyệt"}

// readIssuerName reads an issuer after "của": up to punctuation, a stop
// word or the next citation, at most 10 words.
func readIssuerName(text string, i int) (string, int) {
	i = skipSpaces(text, i)
	start := i
	end := i
	words := 0
	for i < len(text) && words < 10 {
		c := text[i]
		if c == ',' || c == ';' || c == '.' || c == '(' || c == ')' || c == '\n' || c == ':' || c == '"' || strings.HasPrefix(text[i:], "“") {
			break
		}
		if c == ' ' {
			i++
			continue
		}
		if issuerStopIndex.at(text, i) {
			break
		}
		if words > 0 && kindAt(text, i) {
			break
		}
		if words == 0 && !isUpperRune(firstRune(text[i:])) || isDigit(text[i]) {
			if words == 0 {
				return "", start
			}
			break
		}
		for i < len(text) && text[i] != ' ' && text[i] != ',' && text[i] != ';' && text[i] != '\n' && text[i] != '(' && text[i] != ')' && !(text[i] == '.' && (i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n')) {
			i++
		}
		words++
		end = i
	}
	return strings.TrimSpace(text[start:end]), end
}

// kindAt reports whether a kind name starts at text[i].
func kindAt(text string, i int) bool {
	k, _ := matchKind(text, i)
	return k != nil
}

// readTerm reads "(khóa XI)", "khóa XI", "Khoá X" and returns "XI".
func readTerm(text string, i int) (string, int) {
	j := i
	paren := j < len(text) && text[j] == '('
	if paren {
		j++
	}
	e, ok := matchFold(text, j, "khoa")
	if !ok {
		return "", i
	}
	j = skipSpaces(text, e)
	k := j
	for k < len(text) && strings.IndexByte("IVXL", text[k]) >= 0 {
		k++
	}
	if k == j || !atWordEnd(text, k) {
		return "", i
	}
	term := text[j:k]
	if paren && k < len(text) && text[k] == ')' {
		k++
	}
	return term, k
}

// lawMentionAt reads a law cited by name: "Luật Đất đai năm 2013",
// "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
// "Bộ luật Lao động năm 2019", "Hiến pháp năm 2013".
func lawMentionAt(text string, i, e int, k *kindInfo) *mention {
	if !isUpperRune(firstRune(text[i:])) {
		return nil
	}
	name, ne := readLawName(text, e)
	if name == "" {
		name, ne = readAmendingLawName(text, e)
	}
	if name == "" && k.name != "Hiến pháp" {
		return nil
	}
	m := &mention{kind: k, start: i, end: ne, name: strings.TrimSpace(text[i:ne])}
	if strings.IndexByte(m.name, '\n') >= 0 {
		m.name = strings.ReplaceAll(m.name, "\n", " ") // wrapped by a PDF copy
	}
	if sm, ok := lexSymbolAfterKind(text, ne); ok && sm.symbol != "" && sm.hasSo {
		// "Luật Tổ chức chính quyền địa phương số 77/2015/QH13"
		m.sym, m.end, m.year, m.name = sm, sm.end, sm.year, ""
		readTail(text, m)
		return m
	}
	j := skipSpaces(text, ne)
	if j < len(text) && text[j] == ',' {
		j = skipSpaces(text, j+1)
	}
	if d, ok := lexDate(text, j); ok && d.y != 0 {
		switch d.prec {
		case PrecDay:
			m.date, m.hasDate = d, true
			m.tailEnd = d.end
		case PrecYear:
			m.year = d.y
			m.tailEnd = d.end
		}
	}
	if m.tailEnd == 0 {
		m.tailEnd = ne
	}
	if m.name == k.name && m.year == 0 && !m.hasDate {
		return nil
	}
	return m
}

var lawNameStops = []string{"ngày", "năm", "số", "và", "của", "đã", "được", "hiện hành", "quy định", "sửa đổi", "thì", "về", "theo", "hướng dẫn", "tại", "trong", "khi", "này", "có", "ban hành", "đến", "để", "với", "trên", "cho", "là", "kịp thời"}

// readAmendingLawName reads "sửa đổi, bổ sung một số điều của Luật X và
// Luật Y": an amending law is named by the laws it amends.
func readAmendingLawName(text string, i int) (string, int) {
	i = skipSpaces(text, i)
	if !strings.HasPrefix(text[i:], "sửa đổi") {
		return "", i
	}
	end := i
	for j := i; j < len(text) && j-i < 300; {
		if text[j] == ';' || text[j] == '\n' || text[j] == '(' || text[j] == '.' && (j+1 == len(text) || text[j+1] == ' ') {
			break
		}
		if atWordStart(text, j) && hasWordAt(text, j, []string{"ngày", "năm", "số"}) {
			if k := skipSpaces(text, wordEnd(text, j)); k < len(text) && isDigit(text[k]) {
				break // "ngày 22 …", "năm 2019", "số 47/2019/QH14"
			}
		}
		j++
		end = j
	}
	return strings.TrimSpace(text[i:end]), len(strings.TrimRight(text[:end], " ,"))
}

// hasWordAt reports whether one of words (exact, lower case) starts at
// s[i] and ends at a word boundary.
func hasWordAt(s string, i int, words []string) bool {
	if i >= len(s) {
		return false // words are not empty
	}
	for _, w := range words {
		if w[0] == s[i] && strings.HasPrefix(s[i:], w) && atWordEnd(s, i+len(w)) {
			return true
		}
	}
	return false
}

// wordIndex holds words by their first byte: hasWordAt for a long list.
type wordIndex [256][]string

func indexWords(words []string) *wordIndex {
	var x wordIndex
	for _, w := range words {
		x[w[0]] = append(x[w[0]], w)
	}
	return &x
}

// at is hasWordAt(s, i, words) for the words x indexes.
func (x *wordIndex) at(s string, i int) bool {
	return i < len(s) && hasWordAt(s, i, x[s[i]])
}

var issuerStopIndex, lawNameStopIndex = indexWords(issuerStops), indexWords(lawNameStops)

// readLawName reads the capitalised name after "Luật": the first word is
// upper case, the rest runs to a stop word or punctuation.
func readLawName(text string, i int) (string, int) {
	i = skipSpaces(text, i)
	if i >= len(text) || !isUpperRune(firstRune(text[i:])) {
		return "", i
	}
	start, end := i, i
	limit := 12
	for words := 0; i < len(text) && words < limit; words++ {
		if words > 0 && gluedSo(text, i) {
			break // "Luật Thực hiện dân chủ ở cơ sở số10/2022/QH15"
		}
		if words > 0 && isLowerRune(firstRune(text[i:])) && lawNameStopIndex.at(text, i) {
			if !joinsName(text, start, i) && !(words == 2 && joinsPair(text, i)) {
				break
			}
			limit = words + 8 // the second part may be as long as the first
		}
		w := i
		for w < len(text) && text[w] != ' ' && text[w] != ',' && text[w] != ';' && text[w] != '\n' && text[w] != '(' && text[w] != ')' && text[w] != '.' && text[w] != ':' {
			w++
		}
		if w == i {
			break
		}
		end = w
		i = w
		if i+1 < len(text) && text[i] == ',' && commaInName(text, words, i+1) {
			i++ // "Luật Phòng, chống ma túy", "Pháp lệnh Phòng, chống lụt, bão"
		}
		if i < len(text) && text[i] == ' ' {
			i++
		} else if i+1 < len(text) && text[i] == '\n' && isLowerRune(firstRune(text[i+1:])) {
			i++ // a line wrapped inside the name by a PDF copy
		} else {
			break
		}
	}
	return strings.TrimSpace(text[start:end]), end
}

// gluedSo: "số" glued to the number that follows it starts at text[i].
func gluedSo(text string, i int) bool {
	return strings.HasPrefix(text[i:], "số") && i+len("số") < len(text) && isDigit(text[i+len("số")])
}

// joinsName: the "và" at i joins two parts of one law's name, because the
// word after it repeats a word of the name read so far (from start): "Luật
// Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân".
func joinsName(text string, start, i int) bool {
	if !strings.HasPrefix(text[i:], "và") || i+3 >= len(text) || (text[i+3] != ' ' && text[i+3] != '\n') {
		return false
	}
	j := i + 4
	e := j
	for e < len(text) && e-j < 16 && text[e] != ' ' && text[e] != '\n' && text[e] != ',' {
		e++
	}
	w := text[j:e]
	return w != "" && isLowerRune(firstRune(w)) && strings.Contains(strings.ToLower(" "+text[start:i]), " "+w+" ")
}

// joinsPair: the "và" at i, after a name of two words, pairs it with one
// to four lower-case words that end the name ("Luật Bảo vệ và phát triển
// rừng", "Luật Hôn nhân và gia đình", "Luật Phòng cháy và chữa cháy"): no
// determiner or verb follows "và", and punctuation, the end of the line or
// a stop word ("năm", "số", "của" …) comes after them.
func joinsPair(text string, i int) bool {
	j := i + len("và")
	if j >= len(text) || text[j] != ' ' {
		return false
	}
	j++
	if !isLowerRune(firstRune(text[j:])) || hasVerbAt(text, j) || hasWordAt(text, j, pairStops) || lawNameStopIndex.at(text, j) {
		return false
	}
	for n := 0; n < 4; n++ {
		e := wordEnd(text, j)
		if e == j || !isLowerRune(firstRune(text[j:])) {
			return false
		}
		if e >= len(text) || strings.IndexByte(",;.:()\n", text[e]) >= 0 {
			return true
		}
		j = skipSpaces(text, e)
		if lawNameStopIndex.at(text, j) {
			return true
		}
	}
	return false
}

// pairStops open a new phrase after "và", never the second half of a name.
var pairStops = []string{"các", "những", "mọi", "một", "đồng thời", "nhất là", "bảo đảm"}

// commaInName reports whether a comma after the words-th word of a law's
// name pairs two words of the name ("Phòng, chống", "An toàn, vệ sinh",
// "rượu, bia") rather than ending it: a lowercase word follows that is
// no stop, and either the comma comes within the first two words or one
// word ends the name after it.
func commaInName(text string, words, i int) bool {
	j := skipSpaces(text, i)
	if j == i || j >= len(text) || !isLowerRune(firstRune(text[j:])) || hasWordAt(text, j, lawNameStops) || hasWordAt(text, j, nameCommaStops) {
		return false
	}
	if words <= 1 {
		return true
	}
	e := j
	for e < len(text) && isWordChar(firstRune(text[e:])) {
		e += len(string(firstRune(text[e:])))
	}
	k := skipSpaces(text, e)
	return k >= len(text) || strings.IndexByte(" ,;.:)\n", text[k]) > 0 || hasWordAt(text, k, lawNameStops)
}

// nameCommaStops are words that open a new phrase after a law's name.
var nameCommaStops = []string{"các", "những", "đồng thời", "nhất là", "trong đó", "bảo đảm", "thực hiện", "tổ chức"}
