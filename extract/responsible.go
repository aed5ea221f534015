package extract

import (
	"strings"
	"unicode/utf8"
)

// The body responsible for a deadline is read from the words around it,
// from the nearest scope out: the clause, the sentence, the list item.
// In each scope: "Giao X chủ trì…", "X chủ trì", "đề nghị X hoàn
// thành…", a label "Cấp tỉnh: …", then the subject before the first verb.

// actionVerbs end a subject (matched only in lower case, so that "Ban Chỉ
// đạo" is a name and "chỉ đạo" a verb).
var actionVerbs = []string{
	"chỉ đạo", "xây dựng", "tổ chức", "gửi", "căn cứ", "hoàn thành", "báo cáo",
	"thực hiện", "tham mưu", "phối hợp", "chủ trì", "triển khai", "có trách nhiệm",
	"có", "ban hành", "hướng dẫn", "theo dõi", "đôn đốc", "tiến hành", "rà soát",
	"kiểm tra", "đề xuất", "trình", "chuẩn bị", "lập", "tổng hợp", "nghiên cứu",
	"chịu trách nhiệm", "khẩn trương", "tập trung", "quán triệt", "cử", "bố trí",
	"sơ kết", "tổng kết", "tăng cường", "sẽ", "cần", "phải", "đã", "tiếp tục",
	"chủ động", "lãnh đạo", "giao", "thành lập", "làm việc", "mở", "xin",
	"đánh giá", "cung cấp", "tiếp nhận", "phân công", "thông qua", "duy trì",
	"đẩy mạnh", "nâng cao", "thường xuyên", "định kỳ", "hằng năm", "hàng năm", "vào", "trước",
	"trong", "là cơ quan", "làm", "tuyên truyền", "ký", "đăng ký", "nộp", "căn",
	"kiện toàn", "củng cố", "bổ sung", "phổ biến", "giám sát", "vận động",
	"xuất bản", "phát hành", "biên soạn", "xong", "giải ngân",
	"thông tin đến", "thông tin cho", "thông tin tới", // the verb, not "công tác thông tin"
	"quan tâm", "thông báo", "kêu gọi", "huy động", "lựa chọn", "chọn", "đối chiếu",
	"dự thảo", "cân đối", "tạm ứng", "nâng cấp", "cập nhật", "treo", "hoàn chỉnh",
	"tập huấn", "đăng tải", "bảo đảm", "đảm bảo", "thẩm định", "phê duyệt", "hoàn thiện",
	"khắc phục", "vận hành", "thu thập", "điều chỉnh", "soạn thảo", "giải quyết", "khảo sát", "được", "phấn đấu", "tiếp thu",
	"sớm", "sao gửi",
}

// verbsByByte indexes actionVerbs by their first byte (an array: a map
// keyed by a byte costs a hash per lookup).
var verbsByByte = func() (t [256][]string) {
	for _, v := range actionVerbs {
		t[v[0]] = append(t[v[0]], v)
	}
	return
}()

// hasVerbAt reports whether a verb of actionVerbs, in lower case, starts
// at s[i] and ends at a word boundary.
func hasVerbAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	for _, v := range verbsByByte[s[i]] {
		if strings.HasPrefix(s[i:], v) && atWordEnd(s, i+len(v)) {
			return true
		}
	}
	return false
}

// orgWords mark a phrase as naming a body.
var orgWords = []string{
	"ban", "sở", "ủy ban", "ubnd", "đảng", "hội", "mặt trận", "huyện", "tỉnh",
	"thành", "văn phòng", "cơ quan", "đơn vị", "địa phương", "công an", "bộ",
	"cục", "phòng", "trường", "đoàn", "liên đoàn", "cấp ủy", "thanh tra",
	"tòa án", "viện", "báo", "đài", "trung tâm", "quận", "xã", "phường", "chi bộ",
	"tổ chức", "cấp", "doanh nghiệp", "thủ trưởng", "chủ tịch", "giám đốc", "hđnd",
	"mttq", "bch", "khối", "ngành", "lãnh đạo", "ủy", "chủ đầu tư", "nhà trường",
	"thị xã", "thành phố", "vụ", "tổng cục", "ubmttq", "sở gdđt", "thành ủy", "tỉnh ủy", "huyện ủy",
	"nhà xuất bản", "chi cục", "chi hội", "chi đoàn", "chi nhánh",
	"ấp", "thôn", "khu phố", "tổ dân phố",
	"kho bạc", "ngân hàng", "quỹ", "công ty", "bệnh viện", "hợp tác xã", "kiểm toán", "hải quan", "bưu điện", "đội",
}

// headingBody finds the body named by the heading or label above the
// item at itemStart: "1. Sở Y tế:" over its bullets, or an item line above
// a "Thời gian hoàn thành: …" line.
func headingBody(text string, itemStart int) string {
	i := itemStart
	for k := 0; k < 12 && i > 0; k++ {
		ls := strings.LastIndexByte(text[:i-1], '\n') + 1
		l := strings.TrimSpace(text[ls : i-1])
		i = ls
		if l == "" {
			continue
		}
		typ, _, after := parseMarker(l)
		if typ == mkDash || typ == mkPlus {
			continue // a sibling bullet
		}
		if typ == mkNone && strings.HasSuffix(l, ":") && countFields(l) > 12 {
			return assigned(l) // the sentence that opens the list: only whom it asks
		}
		head := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l[after:]), ":"))
		if countFields(head) <= 12 && !strings.ContainsAny(head, ".;") {
			if r := bodyName(head); r != "" {
				return r
			}
		}
		if r := assigned(l); r != "" {
			return r
		}
		if r := subjectOf(l); r != "" {
			return r
		}
		if typ != mkNone {
			return "" // the item above names nobody: stop at its heading
		}
	}
	return ""
}

var leadConnectors = []string{"rieng", "dong thoi", "sau do", "tren co so do", "tren co so", "can cu ke hoach nay", "can cu", "de nghi", "yeu cau", "giao cho", "giao", "dong chi", "cac dong chi"}

// responsibleFor returns the responsible body for a deadline spanning
// [pos, end) in a list item starting at itemStart.
func responsibleFor(text string, pos, end, itemStart int) string {
	if pos-itemStart > maxSentence { // an endless line: look at its last part only
		itemStart = sentenceStart(text, pos)
	}
	cs := clauseStart(text, pos, itemStart)
	ss := max(sentenceStart(text, pos), itemStart)
	if strings.TrimSpace(text[cs:pos]) == "" || markerEnd(strings.TrimSpace(text[cs:pos])) == len(strings.TrimSpace(text[cs:pos])) {
		// the date opens its clause: "Năm 2021, Ban Dân vận hoàn thành …"
		if r := bodyName(strings.TrimLeft(text[end:clauseEnd(text, end)], " ,")); r != "" {
			return r
		}
	}
	for k, from := range []int{cs, ss, itemStart} {
		if k > 0 && (from == cs || from == ss && k == 2) {
			continue // the same words as a scope read above, which named nobody
		}
		scope := text[from:pos]
		if r := assigned(scope); r != "" {
			return r
		}
		if r := subjectOf(scope); r != "" {
			return r
		}
	}
	if r := labelBelow(text, end); r != "" {
		return r
	}
	return headingBody(text, itemStart)
}

// labelBelow finds a "Đơn vị chủ trì: …" label on the lines right after
// a deadline's line, before the next list item: a plan that writes the
// task, then its time, then who leads it.
func labelBelow(text string, end int) string {
	i := end
	for k := 0; k < 2; k++ {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return ""
		}
		ls := i + nl + 1
		le := len(text)
		if j := strings.IndexByte(text[ls:], '\n'); j >= 0 {
			le = ls + j
		}
		l := strings.TrimSpace(text[ls:le])
		if typ, _, _ := parseMarker(l); typ != mkNone {
			return "" // the next item
		}
		if c := strings.Index(l, "chủ trì"); c >= 0 && c < 40 && strings.HasPrefix(strings.TrimLeft(l[c+len("chủ trì"):], " "), ":") {
			return assigned(l)
		}
		i = le
	}
	return ""
}

func clauseEnd(text string, pos int) int {
	for i := pos; i < len(text); i++ {
		if text[i] == ';' || text[i] == '\n' || text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			return i
		}
	}
	return len(text)
}

func clauseStart(text string, pos, floor int) int {
	for i := pos - 1; i > floor; i-- {
		if text[i] == ';' || text[i] == '\n' || text[i] == '.' && i+1 < len(text) && text[i+1] == ' ' {
			return i + 1
		}
	}
	return floor
}

// assigned finds "Giao X …", "đề nghị X …" or "X chủ trì".
func assigned(s string) string {
	for _, p := range assignWords {
		for off := 0; ; {
			k := strings.Index(s[off:], p)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(p)
			if !atWordStart(s, i) || !atWordEnd(s, off) {
				continue
			}
			e := skipSpaces(s, off)
			if strings.HasPrefix(s[e:], "cho ") {
				e += len("cho ")
			}
			if r := bodyName(s[e:]); r != "" {
				return r
			}
		}
	}
	if i := strings.Index(s, "chủ trì"); i > 0 {
		if rest := strings.TrimLeft(s[i+len("chủ trì"):], " "); strings.HasPrefix(rest, ":") {
			// a label: "Cơ quan chủ trì: Văn phòng UBND tỉnh; …"
			v := strings.TrimSpace(rest[1:])
			if j := strings.IndexAny(v, ";."); j >= 0 {
				v = v[:j]
			}
			return cleanOrg(v)
		}
		head := s[:i]
		if j := strings.LastIndexAny(head, ",;:"); j >= 0 {
			head = head[j+1:]
		}
		head = strings.TrimSpace(head)
		if _, _, after := parseMarker(head); after > 0 {
			head = head[after:]
		}
		if r := bodyName(strings.TrimSpace(head)); r != "" {
			return r
		}
	}
	return ""
}

// assignWords hand a task to the body named after them.
var assignWords = []string{"Giao", "giao", "đề nghị", "Đề nghị", "yêu cầu", "Yêu cầu", "GIAO"}

// subjectOf reads the subject that opens s: after a list marker, a label
// ("Cấp tỉnh: …", "Công tác hiến máu: Hội Chữ thập đỏ các huyện …") and
// connectors, up to the first verb. A long label with a subject of its
// own ("Sở Nội vụ chủ trì, phối hợp với các sở thực hiện các nội dung
// sau: …") names the body itself.
func subjectOf(s string) string {
	s = strings.TrimSpace(s)
	if _, _, after := parseMarker(s); after > 0 {
		s = s[after:]
	} else if after = slashMarker(s); after > 0 {
		s = s[after:]
	}
	label, long := "", false
	if i := strings.IndexByte(s, ':'); i > 0 {
		n := countFields(s[:i])
		if long = n > 6; n <= 16 {
			label, s = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		}
	}
	if label != "" && long {
		if r := bodyName(label); r != "" {
			return r
		}
	}
	s = stripConnectors(s)
	if r := bodyName(s); r != "" {
		return r
	}
	if r := subjectAfterComma(s); r != "" {
		return r
	}
	if label != "" && !long && isUpperRune(firstRune(label)) && namesBody(label) {
		return label
	}
	return ""
}

// subjectAfterComma reads the subject of a clause that opens with a
// purpose or a task ("Chuẩn bị tổng kết công tác kiểm tra nhiệm kỳ 2000
// - 2005, Văn phòng Uỷ ban Kiểm tra hoàn thành số liệu …", "Để … ,
// Sở Tư pháp chủ trì …"): the first capitalised body after a comma that
// an action verb follows. A list of bodies before the comma ("cho Hội
// Nông dân, Hội Phụ nữ tổ chức …") is no opener.
func subjectAfterComma(s string) string {
	for off := 0; ; {
		k := strings.Index(s[off:], ", ")
		if k < 0 {
			return ""
		}
		c := off + k
		off = c + 2
		if off >= len(s) || s[off] < 'A' || s[off] > 'Z' && s[off] < 0xC3 || !isUpperRune(firstRune(s[off:])) {
			continue // the cheap tests first: most commas go on with a lower-case word
		}
		if namesBody(lastWords(s[:c], 3)) {
			continue
		}
		r := bodyName(s[off:])
		if j := strings.Index(s[off:], r); r != "" && j >= 0 && actsAt(s, skipSpaces(s, off+j+len(r))) {
			return r
		}
	}
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		i = strings.LastIndexByte(s[:i], ' ')
		if i < 0 {
			return s
		}
	}
	return s[i:]
}

// actsAt: an action verb other than a time word ("trước", "trong",
// "vào") starts at s[i].
func actsAt(s string, i int) bool {
	if !hasVerbAt(s, i) {
		return false
	}
	_, k := matchAny(s, i, []string{"truoc", "trong", "vao"})
	return k < 0
}

// slashMarker returns where the text starts after an item number written
// with a slash ("3/ Chi cục Kiểm lâm …", as older documents number their
// paragraphs), or 0; "3/2023" is no marker.
func slashMarker(s string) int {
	i := 0
	for i < len(s) && i < 3 && isDigit(s[i]) {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '/' || s[i+1] != ' ' {
		return 0
	}
	return skipSpaces(s, i+1)
}

func stripConnectors(s string) string {
	for {
		if d, ok := lexDate(s, 0); ok { // "Năm 2023, Ban Dân vận …"
			s = strings.TrimSpace(strings.TrimLeft(s[d.end:], " ,"))
			continue
		}
		e, k := matchAny(s, 0, leadConnectors)
		if k < 0 {
			return s
		}
		s = strings.TrimSpace(strings.TrimLeft(s[e:], " ,"))
	}
}

// bodyName reads a body's name at the start of s, up to the first verb
// written in lower case; it must name a body and start like a name.
func bodyName(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if _, k := matchAny(s, 0, clauseOpeners); k >= 0 {
		return "" // "Để bảo đảm …", "Căn cứ …": a clause, not a name
	}
	r := firstRune(s)
	var buf [32]byte
	if hasVerbAt(string(appendLower(buf[:0], s[:min(len(s), 24)])), 0) { // a clause opening with a verb names nobody
		return ""
	}
	ce, k := 0, -1
	if upper := isUpperRune(r); !upper || s[0] == 0xC4 { // "Đại hội" opens with Đ (C4 90)
		if ce, k = matchAny(s, 0, lowerOpeners); !upper && k < 0 {
			return ""
		}
	}
	end := len(s)
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '.', ';', ':':
			if depth == 0 {
				end = i
			}
		}
		if end < len(s) {
			break
		}
		if c := s[i]; depth == 0 && i > 0 && (c >= 'a' && c <= 'z' || c >= 0xC0) && // what a lower-case letter starts with
			atWordStart(s, i) && isLowerRune(firstRune(s[i:])) {
			// "… huyện mỗi đơn vị xây dựng": each of them; the cheaper test first
			if (hasVerbAt(s, i) || strings.HasPrefix(s[i:], "mỗi ")) && !afterDeterminer(s, i) {
				end = i
				break
			}
		}
	}
	name := cleanOrg(s[:end])
	if name == "" || countFields(name) > 60 {
		return ""
	}
	if k == congress {
		name = cleanOrg(s[ce:end])
		for _, w := range []string{" lần thứ", " nhiệm kỳ"} { // the congress's count and term
			name, _, _ = strings.Cut(name, w)
		}
		if !namesBody(name) {
			return "" // "đại hội được tổ chức …": the congress of no body named
		}
		return name // "đại hội đảng bộ cơ sở hoàn thành …": the đảng bộ holds it
	}
	if namesBody(name) {
		return name
	}
	return ""
}

// lowerOpeners may open a body's name in lower case: "các xã", "cấp
// tỉnh", "mọi đơn vị", and "đại hội đảng bộ cơ sở" — a congress stands
// for the body that holds it, which is named without it.
var lowerOpeners = []string{"cac", "cap", "moi", "dai hoi"}

const congress = 3 // index of "dai hoi" in lowerOpeners

// clauseOpeners open a clause and never a body's name.
var clauseOpeners = []string{"de ", "nham ", "can cu ", "thuc hien ", "tren co so ", "sau khi ", "v/v ", "kinh gui"}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, toLowerRune(r))
	}
	return b
}

// namesBody reports whether a phrase contains a word naming a body and
// is not a time label.
func namesBody(name string) bool {
	if _, k := matchAny(name, 0, []string{"thoi gian", "thoi han"}); k >= 0 {
		return false
	}
	if unitCode(name) {
		return true
	}
	prev, prev2 := "", ""
	found := false
	eachLowerWord(name, func(w string, capital bool) bool {
		if orgWordSet[w] && (capital || !capitalOnly[w]) ||
			prev != "" && orgWordSet[prev+" "+w] || prev2 != "" && orgWordSet[prev2+" "+prev+" "+w] {
			found = true
			return false
		}
		prev2, prev = prev, w
		return true
	})
	return found
}

// unitCode reports whether a name is a unit's code of capitals and
// digits ("PC04", "C06"), as police and army departments are called.
func unitCode(name string) bool {
	if len(name) < 3 || len(name) > 8 {
		return false
	}
	letters, digits := 0, 0
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0 && name[0] >= 'A' && name[0] <= 'Z'
}

// capitalOnly are body words that are common nouns in lower case
// ("nhiệm vụ", "báo cáo").
var capitalOnly = map[string]bool{"vụ": true, "báo": true, "đài": true, "viện": true, "cục": true, "khối": true, "quỹ": true, "đội": true}

// orgWordSet holds orgWords in both tone placements ("ủy", "uỷ").
var orgWordSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range orgWords {
		m[w] = true
		m[strings.ReplaceAll(w, "ủy", "uỷ")] = true
	}
	return m
}()

// eachLowerWord calls f with each word of s in lower case (stopping when
// f returns false); it allocates only for words with upper-case letters.
func eachLowerWord(s string, f func(w string, capital bool) bool) {
	for i := 0; i < len(s); {
		r := firstRune(s[i:])
		if !isWordChar(r) {
			i += max(1, len(string(r)))
			continue
		}
		j := wordEnd(s, i)
		w := s[i:j]
		capital := isUpperRune(r)
		if strings.IndexFunc(w, isUpperRune) >= 0 {
			w = strings.ToLower(w)
		}
		if !f(w, capital) {
			return
		}
		i = j
	}
}

// afterDeterminer: "các tổ chức" is a noun, not the verb "tổ chức";
// after a bare group noun the word names the group's work ("Đoàn kiểm
// tra", "Tổ thẩm định", "Ban soạn thảo").
func afterDeterminer(s string, i int) bool {
	b := strings.TrimRight(s[:i], " ")
	switch b {
	case "Đoàn", "Tổ", "Ban", "Hội đồng", "Nhóm", "Tiểu ban", "Bộ phận":
		return true
	}
	for _, d := range []string{"các", "những", "mọi", "Các", "Nhà", "nhà"} { // "Nhà xuất bản" names a body
		if strings.HasSuffix(b, d) {
			return true
		}
	}
	if nounCompound(b, s[i:]) {
		return true
	}
	if strings.HasSuffix(b, "cơ quan") || strings.HasSuffix(b, "đơn vị") {
		_, k := matchAny(s, i, roleVerbs) // "cơ quan chủ trì", "đơn vị thực hiện"; not "đơn vị hoàn thành báo cáo"
		return k >= 0
	}
	return false
}

// nounCompound: a verb-like word at the start of rest that is part of a
// noun with the word before it: "người nộp thuế", "công trình", "bầu
// cử", "giao thông", "giao dịch".
func nounCompound(b, rest string) bool {
	switch {
	case strings.HasSuffix(b, "người"):
		return true // "Phòng Tuyên truyền - Hỗ trợ người nộp thuế"
	case strings.HasPrefix(rest, "trình"):
		return strings.HasSuffix(b, "công") || strings.HasSuffix(b, "chương") || strings.HasSuffix(b, "quy") || strings.HasSuffix(b, "tờ")
	case strings.HasPrefix(rest, "cử"):
		return strings.HasSuffix(b, "bầu") || strings.HasSuffix(b, "tuyển")
	case strings.HasPrefix(rest, "giao "):
		_, k := matchAny(rest, len("giao "), []string{"thong", "dich", "luu", "thuong"})
		return k >= 0
	}
	return false
}

// roleVerbs name a unit's role after "cơ quan" or "đơn vị".
var roleVerbs = []string{"to chuc", "chu tri", "phoi hop", "thuc hien", "tham muu", "thuong truc", "duoc giao", "lien quan", "co lien quan"}

// cleanOrg drops parentheses and trailing punctuation from a name.
func cleanOrg(s string) string {
	if !strings.ContainsAny(s, "()") && utf8.ValidString(s) {
		return strings.TrimSpace(strings.Trim(joinFields(s), " ,;:-")) // the loop below would copy s as it is
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(strings.Trim(joinFields(b.String()), " ,;:-"))
}

// taskText is the clause around a deadline, without its list marker.
func taskText(text string, pos, end, itemStart, itemEnd int) string {
	s := clauseStart(text, pos, itemStart)
	e := end
	for e < itemEnd && text[e] != ';' && !(text[e] == '.' && (e+1 >= len(text) || text[e+1] == ' ' || text[e+1] == '\n')) {
		e++
	}
	t := strings.TrimSpace(text[s:e])
	if _, _, after := parseMarker(t); after > 0 {
		t = t[after:]
	}
	return cutRunes(t, 300)
}

// cutRunes keeps the first n runes of t and marks the cut with "…".
func cutRunes(t string, n int) string {
	if len(t) <= n || utf8.RuneCountInString(t) <= n {
		return t
	}
	if !utf8.ValidString(t) {
		return string([]rune(t)[:n]) + "…" // invalid bytes become U+FFFD
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(t[i:])
		i += size
	}
	return t[:i] + "…"
}
