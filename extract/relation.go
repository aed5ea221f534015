package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a document relates to one it cites is read from the words before
// each mention, within its sentence: "Căn cứ" (basis), "Thực hiện"
// (implements), "sơ kết/tổng kết N năm thực hiện" (reviews), "tiếp tục
// thực hiện" (continues), "thay thế" (replaces), "sửa đổi, bổ sung"
// (amends), "ban hành kèm theo" (attached_to). A mention listed after
// another ("A và B", "A; B") shares its relation; a mention inside the
// subject of another ("A về việc thực hiện B") only cites.

type trigger struct {
	pat   string
	rel   string
	reach int // how far (bytes) before the mention the trigger may stand
}

var triggers = []trigger{
	{"can cu", RelBasis, 120},
	{"thay the", RelReplaces, 80},
	{"bai bo", RelReplaces, 80},
	{"sua doi", RelAmends, 80},
	{"kem theo", RelAttachedTo, 60},
	{"so ket", RelReviews, 70},
	{"tong ket", RelReviews, 70},
	{"danh gia ket qua thuc hien", RelReviews, 40},
	{"nam thuc hien", RelReviews, 40},
	{"nam thi hanh", RelReviews, 40},
	// A bare "thi hành" is no trigger: "đánh giá việc thi hành Bộ luật …",
	// "chuẩn bị điều kiện thi hành Luật …" only cite; "triển khai thi
	// hành" implements through "triển khai".
	{"tiep tuc", RelContinues, 60},
	{"thuc hien", RelImplements, 60},
	{"trien khai", RelImplements, 60},
	{"cu the hoa", RelImplements, 40},
	{"nam vung", RelImplements, 60}, // "nắm vững nội dung cơ bản của Nghị quyết …"
}

// continuingVerbs: "tiếp tục" continues a document only when it goes on
// implementing it ("tiếp tục thực hiện", "tiếp tục đẩy mạnh triển khai"),
// not when it goes on doing something else with it ("tiếp tục phổ biến").
var continuingVerbs = []string{"thuc hien", "trien khai", "quan triet", "thi hanh", "cu the hoa", "hoc tap"}

// continuesDoing reports whether a continuing verb follows "tiếp tục"
// (ending at e) within a few words.
func continuesDoing(text string, e int) bool {
	end := min(len(text), e+60)
	for i := e; i < end; i++ {
		if !atWordStart(text, i) {
			continue
		}
		if _, k := matchAny(text[:end], i, continuingVerbs); k >= 0 {
			return true
		}
	}
	return false
}

// triggerWords are the first words of the triggers.
var triggerWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range triggers {
		w, _, _ := strings.Cut(t.pat, " ")
		m[w] = true
	}
	return m
}()

// computeRelations sets the relation of every mention. A mention in
// parentheses ("(ban hành kèm theo …)", "(sau đây gọi tắt là …)") gets
// its own relation but does not break the list around it.
func computeRelations(text string, ts tokens, ms []*mention) {
	var prev, top *mention // previous mention of the sentence; last one listed at top level
	resume := 0            // where the gap of the next mention starts
	var sc sentenceCache
	for _, m := range ms {
		if prev != nil && !sameSentence(text, prev.tailEnd, m.start) {
			prev, top = nil, nil
		}
		ss := sc.start(text, m.start)
		if p := openParen(text, max(ss, resume), m.start); p >= 0 {
			m.rel, _ = relationFor(text, ts, p+1, m.start, prev, top)
			if r := describedHead(text, ss, p, m); r != "" && prev == nil {
				m.rel = r // "Thực hiện Chương trình kiểm tra … của Tỉnh ủy (Chương trình số 52-CTr/TU …) và B"
				prev, top = m, m
				resume = m.tailEnd
				continue
			}
			if k := describedBefore(text, m, p); k >= 0 && m.rel == RelCites {
				m.rel, _ = relationFor(text, ts, clauseFrom(ss, resume, prev, k), k, prev, top)
			}
			if c := strings.IndexByte(text[m.end:], ')'); c >= 0 {
				resume = m.end + c + 1
			}
			if top != nil && aliasParen(text[p+1:m.start]) {
				prev = top // an alias ends a full citation: "… (gọi tắt là A) và B" lists B with the top level
			}
			continue
		}
		from := ss
		if prev != nil {
			from = max(prev.tailEnd, resume)
		}
		from = min(from, m.start)
		m.rel, m.nested = relationFor(text, ts, from, m.start, prev, top)
		if prev == nil && m.rel == RelCites && listedUnderBasis(text, m.start) {
			m.rel = RelBasis // "II. Căn cứ xây dựng Đề án" / "- Luật …;"
		}
		if m.rel == RelContinues && asksOther(text[ss:m.start]) {
			m.rel = RelCites // "Đề nghị Ủy ban Kiểm tra Tỉnh ủy …; tiếp tục hướng dẫn thực hiện X": the other body continues
		}
		if !m.nested {
			top = m
		}
		prev = m
	}
}

// describedBefore: the mention opens a parenthesis (at p) right after a
// document of its kind named by description ("Căn cứ Chương trình công
// tác năm 2005 của Trung ương Hội (Chương trình số 01/CTr-TW …)"): it is
// that document, so the words before the description decide its
// relation. It returns where the description starts, or -1.
func describedBefore(text string, m *mention, p int) int {
	if strings.TrimSpace(text[p+1:m.start]) != "" || m.kind == nil {
		return -1
	}
	from := max(sentenceStart(text, p), p-300)
	seg := text[from:p]
	k := strings.LastIndex(seg, m.kind.name)
	if lower := lowerFirst(m.kind.name); k < 0 && lower != "" {
		k = strings.LastIndex(seg, lower)
	}
	if k < 0 || strings.ContainsAny(seg[k:], ";:") {
		return -1
	}
	return from + k
}

// lowerFirst lower-cases the first letter of a kind's name ("Chương
// trình" → "chương trình").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// clauseFrom is where the words deciding the relation of a mention at
// pos start: after the previous mention of the sentence, or its start.
func clauseFrom(ss, resume int, prev *mention, pos int) int {
	if prev == nil {
		return min(ss, pos)
	}
	return min(max(prev.tailEnd, resume), pos)
}

// disseminationWords open a title whose whole subject is to spread a
// document: "Tuyên truyền, quán triệt …", "Học tập, quán triệt và …".
var disseminationWords = []string{"tuyen truyen", "quan triet", "hoc tap", "pho bien", "to chuc", "va", "ve viec", "ve"}

// disseminates reports whether the title words before a mention are
// only dissemination verbs.
func disseminates(pre string) bool {
	f := cueText(pre)
	if f == "" {
		return false
	}
	for f != "" {
		_, k := matchAny(f, 0, disseminationWords)
		if k < 0 || len(f) > len(disseminationWords[k]) && f[len(disseminationWords[k])] != ' ' {
			return false
		}
		f = strings.TrimLeft(f[len(disseminationWords[k]):], " ")
	}
	return true
}

// asksOther reports whether a sentence opens with "Đề nghị" (after its
// list marker): the document asks another body to act.
func asksOther(s string) bool {
	if typ, _, after := markerOf(s); typ != mkNone {
		s = s[min(after, len(s)):]
	}
	s = strings.TrimLeft(s, " \t*_")
	if len(s) < 8 || s[0] != 'D' && s[0] != 0xC4 { // "Đ" is C4 90
		return false
	}
	_, ok := matchFold(s, 0, "de nghi ")
	return ok
}

// markerOf is parseMarker for the words before a position, which may end
// right after the marker ("1." then the clause): a marker needs a space
// after it, so a short string gets one (longer ones have their own).
func markerOf(pre string) (int, string, int) {
	if typ, label, after := parseMarker(pre); typ != mkNone || len(pre) > 16 {
		return typ, label, after
	}
	return parseMarker(pre + " ")
}

// pastReview reports whether the review word at i tells of a review
// already held: "đã" stands shortly before it in its clause ("đã tổ
// chức tổng kết 10 năm thực hiện …", "đã được chỉ ra khi tổng kết …").
func pastReview(text string, i int) bool {
	from := runeStartAfter(text, i-40)
	if cs := strings.LastIndexAny(text[from:i], "\n;:.("); cs >= 0 {
		from += cs + 1
	}
	seg := text[from:i]
	for _, w := range []string{"đã", "Đã"} { // the exact word: folding would also take "đa dạng"
		for off := 0; ; {
			k := strings.Index(seg[off:], w)
			if k < 0 {
				break
			}
			a, z := off+k, off+k+len(w)
			if (a == 0 || seg[a-1] == ' ') && (z == len(seg) || seg[z] == ' ') {
				return true
			}
			off = z
		}
	}
	return false
}

// opensClause reports whether the word at i opens its line or clause,
// after a list marker at most ("- Căn cứ …", "…; căn cứ Luật …"), rather
// than following a subject ("Các đơn vị căn cứ Kế hoạch này …").
func opensClause(text string, i int) bool {
	from := max(0, i-200)
	cs := from + strings.LastIndexAny(text[from:i], "\n;:,(") + 1
	pre := strings.Trim(text[cs:i], " \t*_")
	if pre == "" {
		return true
	}
	typ, _, after := markerOf(pre)
	return typ != mkNone && after >= len(pre)
}

// basisGoverns: a "Căn cứ" reaches over a named body in its clause ("Căn
// cứ ý kiến chỉ đạo của Thủ tướng Chính phủ tại Công văn số …") as long
// as no comma, semicolon, colon or "và" comes between.
func basisGoverns(text string, e, to int) bool {
	s := text[e:to]
	return !strings.ContainsAny(s, ",;:\n") && !strings.Contains(s, " và ")
}

// aliasParen reports whether the words opening a parenthesis declare an
// alias ("sau đây gọi tắt là", "gọi là").
func aliasParen(s string) bool {
	f := cueText(s)
	return strings.Contains(f, "goi tat") || strings.Contains(f, "viet tat") || strings.HasSuffix(f, "goi la")
}

// listedUnderBasis: the mention opens an item of a list whose heading
// gives the legal basis ("Căn cứ pháp lý:", "II. Căn cứ xây dựng Đề án").
func listedUnderBasis(text string, pos int) bool {
	ls := strings.LastIndexByte(text[:pos], '\n') + 1
	typ, _, after := markerOf(text[ls:pos])
	if strings.TrimSpace(text[ls:pos]) != "" && (typ == mkNone || ls+after < pos) {
		return false // the mention does not open its line
	}
	for k, i := 0, ls-1; k < 40 && i > 0; k++ {
		s := strings.LastIndexByte(text[:i], '\n') + 1
		l := strings.TrimSpace(text[s:i])
		i = s - 1
		if l == "" {
			continue
		}
		switch t, _, _ := parseMarker(l); t {
		case mkDash, mkPlus, mkLower, mkParen:
			continue // a sibling item
		}
		return len(l) < 200 && containsFold(l, "can cu")
	}
	return false
}

// openParen returns the offset of a parenthesis opened in text[from:to]
// and not closed there, or -1.
func openParen(text string, from, to int) int {
	if from >= to || strings.IndexByte(text[from:to], '(') < 0 {
		return -1 // most gaps have none: a vectorised search says so quickly
	}
	depth, at := 0, -1
	for i := to - 1; i >= from; i-- {
		switch text[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return at
}

// relationFor decides the relation of a mention from the gap before it
// (back to the previous mention of the sentence, or its start). nested
// reports a mention inside another's subject ("A về việc thực hiện B").
func relationFor(text string, ts tokens, from, to int, prev, top *mention) (string, bool) {
	gap := text[from:to]
	seg := gap
	listed := false
	if i := strings.LastIndexByte(gap, ';'); i >= 0 {
		seg = gap[i+1:]
		from += i + 1
		listed = true
	}
	rel, at := lastTrigger(text, ts, from, to)
	at -= from
	if prev == nil {
		if rel == "" && listed && strings.TrimSpace(seg) == "" {
			return namedListHead(gap), false // "Căn cứ Điều lệ Đảng; Quy định số 45-QĐ/TW …"
		}
		if rel == "" {
			return namedListHead(seg), false
		}
		return rel, false
	}
	if rel != "" {
		if !listed && !opensConjunct(seg[:at]) && (prev.nested || !linksTask(seg[:at])) {
			return RelCites, true // in the subject or predicate of the previous mention
		}
		if (rel == RelReplaces || rel == RelAmends) && !containsFold(seg[:at], "nay") {
			return RelCites, false // another document replaces it, not this one
		}
		return rel, false
	}
	if listed && top != nil && strings.TrimSpace(seg) == "" {
		return top.rel, false // "A; B": a new member of the top-level list
	}
	if isCoordination(seg) {
		return prev.rel, prev.nested
	}
	if endsWithCoordinator(seg) && top != nil {
		return top.rel, false // "A về … và B": B is listed with A
	}
	return RelCites, true
}

// namedListHead: the clause opens with a trigger whose first object is a
// document cited by name ("Thực hiện Nghị quyết Đại hội Đảng bộ xã lần
// thứ XIII, nhiệm kỳ 2015 - 2020 và Nghị quyết số 12-NQ/ĐU …"), and the
// mention is listed after it with "và": the trigger governs the mention
// too, however long the name. A kind followed by a lower-case word ("Thực
// hiện Nghị quyết của Tỉnh ủy về … và …") is no name, so it still cites.
func namedListHead(gap string) string {
	t := strings.Trim(gap, " \t*_")
	if typ, _, after := markerOf(t); typ != mkNone {
		t = strings.TrimLeft(t[min(after, len(t)):], " ")
	}
	if strings.HasSuffix(t, ";") && strings.Count(t, ";") == 1 && !strings.ContainsAny(t, ":(") {
		t = t[:len(t)-1] + " và" // "Căn cứ Điều lệ Đảng;" lists the way "và" does
	}
	if !strings.HasSuffix(t, " và") || strings.Count(t, " và ") > 0 || strings.ContainsAny(t, ";:") {
		return RelCites
	}
	return headTrigger(t, func(rest string, n int, _ *kindInfo) bool {
		w := strings.Fields(rest)
		return n < len(w) && isUpperRune(firstRune(w[n]))
	})
}

// firstBytes keeps about the first n bytes of s, cut on a rune boundary.
func firstBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// describedHead: the mention at m opens a parenthesis (at p) that gives
// the number of a document just described by its kind and words ("Thực
// hiện Chương trình kiểm tra, giám sát năm 2015 của Ban Thường vụ Tỉnh ủy
// (Chương trình số 52-CTr/TU …)"): the trigger opening the clause (from
// ss) governs it. It returns that relation, or "".
func describedHead(text string, ss, p int, m *mention) string {
	if strings.TrimSpace(text[p+1:m.start]) != "" || strings.IndexByte(text[ss:p], ';') >= 0 {
		return ""
	}
	t := strings.Trim(text[ss:p], " \t*_")
	if typ, _, after := markerOf(t); typ != mkNone {
		t = strings.TrimLeft(t[min(after, len(t)):], " ")
	}
	r := headTrigger(t, func(_ string, _ int, k *kindInfo) bool { return k == m.kind })
	if r == RelCites {
		return ""
	}
	return r
}

// headTrigger: t opens with "Thực hiện", "Căn cứ" or "Tiếp tục thực hiện"
// and then a kind of document (not a law) for which named accepts the
// words after the trigger (rest) and the number of words of the kind (n):
// the trigger's relation, else cites.
func headTrigger(t string, named func(rest string, n int, k *kindInfo) bool) string {
	for _, tr := range []struct{ pat, rel string }{{"Thực hiện ", RelImplements}, {"Căn cứ ", RelBasis}, {"Tiếp tục thực hiện ", RelContinues}} {
		if !strings.HasPrefix(t, tr.pat) {
			continue
		}
		rest := t[len(tr.pat):]
		f := cueText(firstBytes(rest, 64)) + " " // the longest kind is shorter
		for _, k := range kinds {
			if k.law || !strings.HasPrefix(f, k.pat) || f[len(k.pat)] != ' ' {
				continue
			}
			if named(rest, len(strings.Fields(k.pat)), k) {
				return tr.rel
			}
			return RelCites
		}
	}
	return RelCites
}

// lastTrigger finds the trigger that governs the end of gap. Reviews and
// continues win over a nearer "thực hiện" that they govern.
func lastTrigger(text string, ts tokens, from, to int) (string, int) {
	best, bestAt := "", -1
	var review, cont, past = -1, -1, -1
	gap := text[:to]
	ts.scan(from, to, roleTrigger, func(i int) int {
		f0 := foldedAt(gap, i)
		for _, t := range triggers {
			if rune(t.pat[0]) != f0 {
				continue // matchFold would fail on the first letter
			}
			e, ok := matchFold(gap, i, t.pat)
			if ok {
				e = namedListed(text, e, to)
			}
			if !ok || len(gap)-e > t.reach || !governs(text, e, to) && !(t.rel == RelBasis && basisGoverns(text, e, to)) {
				continue
			}
			if t.rel == RelReviews && pastReview(text, i) {
				past = i // "những hạn chế đã được chỉ ra khi tổng kết Kế hoạch …"
				continue
			}
			if t.rel == RelBasis && !opensClause(text, i) {
				continue // "Các đơn vị căn cứ Kế hoạch 512 xây dựng …": work from it
			}
			if t.rel == RelReviews && strings.HasPrefix(t.pat, "nam ") && !reviewCount(text, i) {
				continue
			}
			if t.rel == RelContinues && !continuesDoing(text, e) {
				continue // "tiếp tục phổ biến Luật …" continues no implementing
			}
			if (t.rel == RelAmends || t.rel == RelReplaces) && proposedChange(text, i) {
				continue // "đề xuất Trung ương sửa đổi Luật …": another body will
			}
			if t.rel != RelBasis && t.rel != RelImplements && t.rel != RelAttachedTo && byRule(text[e:to]) {
				continue // "rà soát, bãi bỏ các quy hoạch … theo Nghị quyết …": the change follows it
			}
			if t.rel == RelImplements && !implementsVia(text, i, e, to) {
				if best == RelImplements {
					best, bestAt = "", -1 // the nearer verb governs: "… thực hiện dân chủ, gắn với việc thực hiện B"
				}
				continue // "thực hiện theo Nghị định …" follows a rule: cites
			}
			if t.rel == RelAttachedTo && !attachmentLine(text, i) {
				if r := amendingVerb(text, i); r != "" {
					if i > bestAt {
						best, bestAt = r, i
					}
				}
				break
			}
			rel := t.rel
			if t.pat == "bai bo" && partialRepeal(text, e) {
				rel = RelAmends // "Bãi bỏ khoản 5 Điều 12 của Quy chế …"
			}
			switch t.rel {
			case RelReviews:
				if review < 0 || i-review > 50 {
					review = i // "sơ kết 5 năm thực hiện" is one phrase
				}
			case RelContinues:
				cont = i
			}
			if i > bestAt {
				best, bestAt = rel, i
			}
			break
		}
		return i + 1
	})
	if best == RelImplements && past >= 0 && bestAt-past <= 50 {
		return "", -1 // "đã tổng kết 10 năm thực hiện X": a past review only cites
	}
	if cont > review && !hasClauseBreak(gap[cont:]) {
		return RelContinues, cont // "gắn việc sơ kết với việc tiếp tục thực hiện B"
	}
	if review >= 0 && !hasClauseBreak(gap[review:]) {
		return RelReviews, review
	}
	if cont >= 0 && !hasClauseBreak(gap[cont:]) {
		return RelContinues, cont
	}
	return best, bestAt
}

// namedListed: a document cited by name opens the words after a trigger
// (ending at e) and a comma goes on with the list ("Thực hiện Nghị quyết
// Đại hội XIII của Đảng, Kế hoạch số 01-KH/TW …"), so the trigger governs
// the next item too: it returns where the list goes on, else e.
func namedListed(text string, e, to int) int {
	j := skipSpaces(text, e)
	if j >= to || !isUpperRune(firstRune(text[j:])) {
		return e
	}
	k, ke := matchKind(text, j)
	if k == nil || k.law {
		return e
	}
	end, ok := namedEnd(text, ke)
	if !ok || end >= to || text[end] != ',' {
		return e
	}
	return end + 1
}

// implementsVia reports whether an implementing verb (from i to e) makes
// the mention at to a document this one implements. It does not when
// the verb goes on with "theo" or "nghiêm" ("thực hiện theo Nghị định
// …", "thực hiện nghiêm Luật …": following or enforcing a rule, cites)
// or is an accompanying task ("gắn với (việc) thực hiện Quy định …").
func implementsVia(text string, i, e, to int) bool {
	between := text[e:to]
	if containsWord(between, "theo") || containsWord(between, "nghiem") || containsWord(between, "quy dinh cua") {
		return false // "thực hiện đúng quy định của Luật …" follows its rules, as "theo"
	}
	if assessedUse(text, i) {
		return false // "Việc thực hiện Luật … cơ bản bảo đảm …": a statement about it
	}
	win := text[runeStartAfter(text, i-16):i]
	if !cueEndsWith(win, "nam") && !cueEndsWith(win, "voi") && !cueEndsWith(win, "viec") {
		return !buildsOnPast(text, i) // neither yearsOf nor the last test below can hold: no need to fold
	}
	pre := " " + cueText(win)
	if yearsOf(pre) {
		f := text[max(sentenceStart(text, i), i-400):i]
		return containsAnyFold(f, "tong ket", "so ket") // else a past account
	}
	if buildsOnPast(text, i) {
		return false // "kế thừa kết quả thực hiện Kế hoạch …" of last year
	}
	return !strings.HasSuffix(pre, " voi") && !strings.HasSuffix(pre, " voi viec")
}

// byRule reports whether the words between a trigger and a mention hold
// "theo" ("bãi bỏ các quy hoạch … theo Nghị quyết …", "tổng kết … bám
// sát đề cương kèm theo Hướng dẫn …", "tiếp tục thực hiện theo Nghị
// quyết …"): the mention is the rule the act follows, not what is
// reviewed, changed or continued. "theo dõi" (monitor) is another word.
func byRule(s string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], "theo")
		if k < 0 {
			return false
		}
		a, z := off+k, off+k+len("theo")
		if (a == 0 || s[a-1] == ' ') && (z == len(s) || s[z] == ' ' || s[z] == '\n') && !strings.HasPrefix(s[z:], " dõi") {
			return true
		}
		off = z
	}
}

// buildsOnPast: the implementing verb at i follows "kế thừa / phát huy
// kết quả", so the document's implementation is past and its results
// are built on. "báo cáo kết quả thực hiện X" still implements X.
func buildsOnPast(text string, i int) bool {
	win := text[runeStartAfter(text, i-40):i]
	if !cueEndsWith(win, "qua") {
		return false // no "… kết quả" before the verb: no need to fold
	}
	pre := " " + cueText(win)
	return strings.HasSuffix(pre, " ke thua ket qua") || strings.HasSuffix(pre, " phat huy ket qua")
}

// assessedUse: the clause of the implementing verb at i opens with
// "Việc" or "Đánh giá", so the document's use is the subject of a
// statement or an assessment ("Việc thực hiện Luật Bảo hiểm xã hội năm
// 2014 … cơ bản bảo đảm …", "Đánh giá đúng thực trạng lãnh đạo, chỉ đạo
// triển khai Chỉ thị 27 và Luật …"), not an order to implement it.
func assessedUse(text string, i int) bool {
	from := max(0, i-120)
	cs := from + strings.LastIndexAny(text[from:i], "\n;:.(") + 1
	pre := strings.Trim(text[cs:i], " \t*_")
	if typ, _, after := markerOf(pre); typ != mkNone {
		pre = pre[min(after, len(pre)):]
	}
	if pre == "" || pre[0] != 'V' && pre[0] != 'D' && pre[0] != 'd' && pre[0] != 0xC4 {
		return false // neither "Việc" nor "Đánh giá": no folding needed
	}
	f := cueText(pre[:runeStartAfter(pre, min(len(pre), 16))]) + " "
	return strings.HasPrefix(f, "viec ") && strings.HasPrefix(pre, "Việc") || strings.HasPrefix(f, "danh gia ")
}

// yearsOf reports whether words end with a count of years ("qua gần 15
// năm"): "15 năm thực hiện X" tells of past implementation, not an order.
func yearsOf(pre string) bool {
	rest, ok := strings.CutSuffix(pre, " nam")
	if !ok {
		return false
	}
	w := rest[strings.LastIndexByte(rest, ' ')+1:]
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// proposalCues are verbs by which a body asks another to act.
var proposalCues = []string{"de xuat", "kien nghi", "tham muu", "de nghi", "trinh"}

// proposedChange reports whether the amending or replacing verb at i is
// only proposed to another body within its sentence ("nghiên cứu, đề
// xuất Trung ương sửa đổi Luật …", "tham mưu UBND tỉnh trình … ban hành
// Nghị quyết …, thay thế Nghị quyết số …"): the change is planned, so
// the document only cites. "Theo đề nghị của …" names who asked for
// this document's own change and does not count.
func proposedChange(text string, i int) bool {
	f := " " + cueText(text[max(sentenceStart(text, i), i-300):i]) + " "
	for _, c := range proposalCues {
		k := strings.Index(f, " "+c+" ")
		if c == "trinh" && k >= 0 && nounTrinh(f[:k+1], f[k+len(c)+2:]) {
			continue // "Tờ trình", "chương trình" are nouns, not "trình Chính phủ"
		}
		if k >= 0 && !strings.HasPrefix(f[k+len(c)+2:], "cua ") {
			return true
		}
	}
	return false
}

// nounTrinh: "trình" (folded) between before and after is part of a noun
// ("tờ trình", "chương trình", "quy trình", "công trình", "trình độ"),
// not the verb "submit".
func nounTrinh(before, after string) bool {
	for _, w := range []string{" to ", " chuong ", " quy ", " cong ", " lo ", " giao ", " hanh "} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return strings.HasPrefix(after, "do ")
}

// runeStartAfter returns the first rune start at or after max(i, 0).
func runeStartAfter(text string, i int) int {
	i = max(i, 0)
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

func hasClauseBreak(s string) bool {
	return strings.ContainsAny(s, ";:")
}

// reviewCount: "kết quả 10 năm thực hiện" — a count of years of
// implementation that is being assessed; results that open their clause
// as its subject are only stated.
func reviewCount(text string, i int) bool {
	j := wordBefore(text, i)
	if j < 0 || !isDigit(text[j]) {
		return false
	}
	if from := max(0, j-24); containsFold(text[from:j], "ket qua") {
		k := strings.LastIndex(text[from:j], "Kết quả")
		return k < 0 || !opensClause(text, from+k) // "2. Kết quả 10 năm thực hiện X là cơ sở …" states them
	}
	f := text[max(sentenceStart(text, j), j-400):j]
	return containsAnyFold(f, "tong ket", "so ket")
}

// attachmentLine: "kèm theo" opens its line or parenthesis — the text is
// the attachment ("(Ban hành kèm theo Quyết định số …)").
func attachmentLine(text string, i int) bool {
	ls := strings.LastIndexAny(text[:i], "\n(")
	pre := cueText(text[ls+1 : i])
	return pre == "" || pre == "ban hanh"
}

// amendingVerb: "sửa đổi … Quy chế … ban hành kèm theo Quyết định X"
// amends (or replaces) what X issued.
func amendingVerb(text string, i int) string {
	from := max(sentenceStart(text, i), i-400)
	f := text[from:i]
	switch {
	case containsFold(f, "sua doi"):
		return RelAmends
	case containsAnyFold(f, "bai bo khoan", "bai bo diem", "bai bo dieu", "bai bo mot so"):
		return RelAmends // repealing some clauses amends the rest
	case containsAnyFold(f, "thay the", "bai bo"):
		return RelReplaces
	}
	return ""
}

// partialWords name a part of a document: repealing one amends it.
var partialWords = []string{"khoan", "diem", "dieu", "mot so", "cac khoan", "cac diem"}

// partialRepeal: "bãi bỏ" (ending at e) is followed by a part ("khoản 5
// Điều 12", "một số điều"), not a whole document.
func partialRepeal(text string, e int) bool {
	_, k := matchAny(text, skipSpaces(text, e), partialWords)
	return k >= 0
}

// endsWithCoordinator: the gap ends with "và", "," or ";" joining this
// mention to the list the previous one is in.
func endsWithCoordinator(s string) bool {
	t := strings.TrimRight(s, " ")
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
		return true
	}
	return strings.HasSuffix(t, " và") || strings.HasSuffix(t, " và các") || strings.HasSuffix(t, " hoặc")
}

// governs reports whether a trigger ending at e governs the mention at
// to: nothing between them names something else (an upper-case word
// outside parentheses).
func governs(text string, e, to int) bool {
	depth := 0
	for i := e; i < to; i++ {
		switch c := text[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && (c >= 'A' && c <= 'Z' || c >= 0xC3 && c <= 0xE1) && atWordStart(text, i) &&
			(c <= 'Z' || isUpperRune(firstRune(text[i:]))): // the cheap tests first
			if partOfDocument(text, i) {
				continue // "sửa đổi điểm b khoản 2 Điều 1 Nghị quyết số …"
			}
			return false
		case depth == 0 && c == ' ' && strings.HasPrefix(text[i:], " và "):
			return false
		}
	}
	return true
}

// partOfDocument: the capitalised word at i locates a part of the
// document cited next ("Điều 1", "Chương II", "Mục 3", "Phần I"), so it
// names nothing else.
func partOfDocument(text string, i int) bool {
	for _, p := range []string{"Điều ", "Chương ", "Mục ", "Phần "} {
		if strings.HasPrefix(text[i:], p) {
			k := i + len(p)
			e := k
			for e < len(text) && (isDigit(text[e]) || strings.IndexByte("IVXL", text[e]) >= 0) {
				e++
			}
			return e > k && atWordEnd(text, e)
		}
	}
	return false
}

// opensConjunct reports whether the words between the previous mention
// and a trigger start a new member of the list ("A và sơ kết … B",
// "A, đồng thời thực hiện B") rather than going on about A ("A về việc
// thực hiện B", "A quy định chi tiết thi hành B").
func opensConjunct(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || strings.HasSuffix(t, ",") {
		return true
	}
	f := " " + cueText(t)
	for _, c := range []string{" va", " dong thoi", " hoac", " cung nhu", " va dong thoi"} {
		if strings.HasSuffix(f, c) {
			return true
		}
	}
	return false
}

// linksTask reports whether the words between a top-level mention and a
// trigger link a further task to it ("Việc học tập A phải gắn với việc
// tiếp tục thực hiện B"): B is the object of its own verb, not part of
// A's subject.
func linksTask(s string) bool {
	f := " " + cueText(s)
	return strings.HasSuffix(f, " gan voi") || strings.HasSuffix(f, " gan voi viec") || strings.HasSuffix(f, " voi viec")
}

// closesParen: the gap leaves a parenthesis the previous mention was in.
func closesParen(s string) bool {
	return strings.Count(s, ")") > strings.Count(s, "(")
}

// containsWord reports whether the folded word w occurs in s.
func containsWord(s, w string) bool {
	c0 := w[0]
	plainFirst := c0 >= 'a' && c0 <= 'z' && strings.IndexByte("aeiouyd", c0) < 0 // a consonant no letter folds to
	for i := 0; i < len(s); i++ {
		if plainFirst && s[i]|0x20 != c0 {
			continue // the word cannot start here: test one byte, not the rune before
		}
		if atWordStart(s, i) {
			if _, ok := matchFold(s, i, w); ok {
				return true
			}
		}
	}
	return false
}

// isCoordination reports whether a gap only joins two list items:
// punctuation, "và", "và các", "hoặc", "cùng".
func isCoordination(s string) bool {
	f := strings.TrimSpace(strings.Trim(foldString(s), " ,;)(“”\""))
	switch f {
	case "", "va", "va cac", "hoac", "cung", "va cua", ",", "cung voi":
		return true
	}
	return false
}

// sameSentence reports whether nothing between a and b ends a sentence.
func sameSentence(text string, a, b int) bool {
	if a > b {
		return true
	}
	seg := text[a:b]
	if nl := strings.IndexByte(seg, '\n'); nl >= 0 && !listWrap(text, a+nl) {
		return false
	}
	return !hasSentenceEnd(seg)
}

// listWrap: a line ending in ";" and a next line with no marker of its
// own continue one list ("Thực hiện A (gọi tắt là NQ 28);" / "Nghị quyết
// số 125/NQ-CP …; Kế hoạch số 145-KH/TU …"). A list item ("- Luật …;"),
// a heading, a blank line or a new opener ("Căn cứ", "Thực hiện", "Xét")
// ends it.
func listWrap(text string, nl int) bool {
	if k := skipBackSpaces(text, nl); k == 0 || text[k-1] != ';' {
		return false // prev ends in no ";": what the line ends in is all that tells, with no sentence search
	}
	prev := strings.TrimRight(text[sentenceStart(text, nl):nl], " ")
	next := text[nl+1:]
	if e := strings.IndexByte(next, '\n'); e >= 0 {
		next = next[:e]
	}
	return strings.HasSuffix(prev, ";") && next != "" && !startsBlock(next) && !strongOpener(next) && !strings.HasPrefix(prev, "-") && !strings.HasPrefix(prev, "+")
}

// skipBackSpaces returns the offset just after the last byte before i
// that is not a space.
func skipBackSpaces(s string, i int) int {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i
}

func hasSentenceEnd(seg string) bool {
	for i := 0; i+1 < len(seg); i++ {
		if (seg[i] == '.' || seg[i] == '!' || seg[i] == '?') && seg[i+1] == ' ' {
			return true
		}
	}
	return false
}

// hasByte reports whether one of the 8 bytes packed in v is c.
func hasByte(v uint64, c byte) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	x := v ^ lo*uint64(c)
	return (x-lo)&^x&hi != 0
}

// sentenceStart returns where the sentence containing pos starts.
// maxSentence bounds how far back a sentence is looked for, so that text
// without line breaks or full stops stays linear.
const maxSentence = 2000

func sentenceStart(text string, pos int) int {
	floor := max(0, pos-maxSentence)
	if ss := sentenceStartFrom(text, pos, floor); ss >= 0 {
		return ss
	}
	for floor > 0 && !utf8.RuneStart(text[floor]) {
		floor++
	}
	return floor
}

// sentenceStartFrom is sentenceStart looking at the sentence ends at or
// after text[from] only; -1 when there is none.
func sentenceStartFrom(text string, pos, from int) int {
	for i := pos - 1; i >= from; i-- {
		if i-7 >= from {
			w := text[i-7 : i+1] // tested all at once, in a loop without calls
			v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			if !hasByte(v, '\n') && !hasByte(v, '.') && !hasByte(v, '!') && !hasByte(v, '?') {
				i -= 7 // none of the eight bytes ends a sentence
				continue
			}
		}
		c := text[i]
		if c == '\n' {
			return i + 1
		}
		if (c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ' && i+1 < pos {
			return i + 2
		}
	}
	return -1
}

// sentenceCache answers sentenceStart for offsets that only grow (the
// mentions, left to right) reading each byte about once: past the last
// offset asked, only the bytes since it can end a sentence.
type sentenceCache struct {
	pos, ss int  // the last offset asked and its sentence start
	ended   bool // ss follows a sentence end (not the floor of the search)
}

func (c *sentenceCache) start(text string, pos int) int {
	if c.ended && c.pos <= pos && c.ss-2 >= pos-maxSentence {
		// the end before c.ss (at c.ss-1 or c.ss-2) is in reach from pos
		if ss := sentenceStartFrom(text, pos, max(c.pos-1, 0)); ss >= 0 {
			c.pos, c.ss = pos, ss
			return ss
		}
		c.pos = pos
		return c.ss
	}
	ss := sentenceStart(text, pos)
	floor := max(0, pos-maxSentence)
	c.pos, c.ss, c.ended = pos, ss, ss > floor+utf8.UTFMax || floor == 0 && ss > 0
	return ss
}
