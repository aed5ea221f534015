package extract

import "strings"

// The closing part of a document: "Nơi nhận:" with its list, and the
// signature (on whose behalf, the signer's title, the name).

// column keeps one column of a closing part laid out in two (recipients
// on the left, signature on the right, on the same lines separated by
// tabs): the first cell of each tabbed line, or the last.
func column(ls []line, from, to int, last bool) []line {
	out := make([]line, 0, to-from)
	for _, l := range ls[from:to] {
		if !strings.ContainsRune(l.s, '\t') {
			out = append(out, l)
			continue
		}
		cs := cellsOf(l)
		c := cs[0]
		if last {
			c = cs[len(cs)-1]
		}
		if len(cs) == 1 || c.s == "" && !last {
			out = append(out, l)
			continue
		}
		out = append(out, line{s: c.s, start: c.start, end: c.end})
	}
	return out
}

// parseRecipients reads the list under "Nơi nhận:" in lines [from, to).
func parseRecipients(ls []line, from, to int) []string {
	ls = column(ls, from, to, false)
	from, to = 0, len(ls)
	out := []string{}
	for i := from; i < to; i++ {
		if !isRecipientsStart(ls[i].s) {
			continue
		}
		out = inlineRecipients(ls[i].s)
		for j := i + 1; j < to; j++ {
			l := ls[j].s
			if l == "" {
				continue
			}
			if isSignatureStart(l) || isAttachmentHeading(ls, j) {
				break
			}
			typ, _, after := parseMarker(l)
			if typ != mkDash && typ != mkPlus {
				if len(out) > 0 {
					break
				}
				after = 0
			}
			r := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l[after:]), ",;."))
			if r != "" {
				out = append(out, r)
			}
		}
		break
	}
	return out
}

// inlineRecipients reads a list written on the "Nơi nhận:" line itself,
// as web copies flatten it: "Nơi nhận: - Sở Nội vụ (b/c); - UBND các xã;
// - Lưu: VT.". Items open with "-" or "+" at the start or after ";" or
// ","; a dash inside an item ("Ban Tuyên giáo - Dân vận") stays.
func inlineRecipients(l string) []string {
	_, rest, _ := strings.Cut(l, ":")
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "- ") && !strings.HasPrefix(rest, "+ ") {
		return []string{}
	}
	out := []string{}
	for start, i := 0, 1; i <= len(rest); i++ {
		if i < len(rest) && !(rest[i] == '-' || rest[i] == '+') {
			continue
		}
		if before := strings.TrimRight(rest[:i], " "); i < len(rest) && !strings.HasSuffix(before, ";") && !strings.HasSuffix(before, ",") {
			continue
		}
		if r := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest[start+1:i]), ",;.")); r != "" {
			out = append(out, r)
		}
		start = i
	}
	return out
}

// parseSignature reads the signature block in lines [from, to), looking
// in the right-hand column first when the closing part has two.
func parseSignature(ls []line, from, to int) *Signature {
	right := column(ls, from, to, true)
	if s := signatureIn(right, 0, len(right)); s != nil {
		return s
	}
	return signatureIn(ls, from, to)
}

func signatureIn(ls []line, from, to int) *Signature {
	for i := from; i < to; i++ {
		l := ls[i].s
		if !isSignatureStart(l) || isRecipientsStart(l) {
			continue
		}
		sig := &Signature{}
		j := i
		for j < to && startsSignaturePrefix(ls[j].s) { // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"
			if sig.OnBehalf != "" {
				sig.OnBehalf += " / "
			}
			sig.OnBehalf += Str(ls[j].s)
			j++
			for j < to && continuesName(ls[j].s) { // "… BỘ NÔNG NGHIỆP" / "VÀ PHÁT TRIỂN NÔNG THÔN"
				sig.OnBehalf += Str(" " + ls[j].s)
				j++
			}
		}
		for ; j < to && j <= i+10; j++ {
			s := ls[j].s
			switch {
			case s == "" || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "-"):
			case isPersonName(stripRank(s)):
				sig.Name = Str(stripRank(s))
				if sig.Title == "" {
					sig.OnBehalf, sig.Title = splitTitle(sig.OnBehalf)
				}
				return sig
			case isUpperLine(s) && sig.Title == "":
				sig.Title = Str(s)
			}
		}
		if sig.OnBehalf != "" || sig.Title != "" {
			return sig
		}
	}
	return nil
}

// headTitles are the titles of heads who sign, ending a one-line
// signature "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH".
var headTitles = []string{"CHỦ TỊCH", "BÍ THƯ", "GIÁM ĐỐC", "TRƯỞNG BAN", "VIỆN TRƯỞNG", "CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG"}

// splitTitle splits the signer's title off a one-line signature that web
// copies flatten: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → "KT. CHỦ TỊCH" and "PHÓ
// CHỦ TỊCH"; "TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ"; "TM. ỦY BAN NHÂN DÂN CHỦ
// TỊCH". A deputy's title ("PHÓ …") is split wherever it starts, a head's
// only at the end and after more than the prefix ("KT. CHỦ TỊCH" alone
// stays).
func splitTitle(on Str) (Str, Str) {
	s := string(on)
	if s == "" || strings.Contains(s, " / ") {
		return on, ""
	}
	if i := strings.Index(s, " PHÓ "); i > 0 && strings.Contains(s[:i], " ") {
		return Str(s[:i]), Str(s[i+1:])
	}
	for _, t := range headTitles {
		if head, ok := strings.CutSuffix(s, " "+t); ok && strings.Contains(head, " ") && !strings.HasSuffix(head, " PHÓ") {
			return Str(head), Str(t)
		}
	}
	return on, ""
}

// ranks are military and police ranks written before a signer's name
// ("Đại tá Trần Quốc Hùng"); the rank is not part of the name.
var ranks = []string{"Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
	"Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
	"Đại uý", "Thượng uý", "Trung uý", "Thiếu uý"}

// stripRank drops a rank before a name.
func stripRank(s string) string {
	for _, r := range ranks {
		if rest, ok := strings.CutPrefix(s, r); ok && strings.HasPrefix(rest, " ") { // s starts with r+" ", with no string built
			return strings.TrimSpace(rest[1:])
		}
	}
	return s
}

// continuesName: an upper-case line that goes on with the name above it.
func continuesName(l string) bool {
	_, k := matchAny(l, 0, []string{"va ", "tinh ", "thanh pho ", "huyen ", "xa "})
	return k >= 0 && isUpperLine(l)
}

// parseAttachments reads each attachment: its kind, heading, title (the
// line under the heading) and sections.
func parseAttachments(text string, ls []line, starts []int) []*Attachment {
	out := []*Attachment{}
	for n, s := range starts {
		end := len(ls)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		h := ls[s].s
		a := &Attachment{Kind: attachmentKind(h), Heading: h,
			Span: Span{ls[s].start, trimEnd(text, ls[end-1].end)}}
		body := s + 1
		for body < end && ls[body].s == "" {
			body++
		}
		if body < end && markerEnd(ls[body].s) == 0 {
			a.Title = Str(ls[body].s)
			body++
		}
		a.Sections = parseSections(text, ls, body, end)
		if a.Sections == nil {
			a.Sections = []*Section{}
		}
		out = append(out, a)
	}
	return out
}

func attachmentKind(h string) string {
	for _, k := range []struct{ pat, name string }{
		{"de cuong", "Đề cương"}, {"phu luc", "Phụ lục"}, {"mau", "Mẫu"},
		{"bieu", "Biểu"}, {"danh muc", "Danh mục"}, {"danh sach", "Danh sách"},
	} {
		if _, ok := matchFold(h, 0, k.pat); ok {
			return k.name
		}
	}
	if k, _ := matchKind(h, 0); k != nil {
		return k.name
	}
	return "Phụ lục"
}
