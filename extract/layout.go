package extract

import (
	"strings"
	"unicode"
)

// line is one line of the normalised text with its byte offsets.
type line struct {
	s          string
	start, end int
}

func splitLines(text string) []line {
	ls := make([]line, 0, strings.Count(text, "\n")+1)
	for start := 0; ; {
		j := strings.IndexByte(text[start:], '\n')
		if j < 0 {
			return append(ls, line{s: text[start:], start: start, end: len(text)})
		}
		ls = append(ls, line{s: text[start : start+j], start: start, end: start + j})
		start += j + 1
	}
}

// layout divides a document into its parts, as line indexes: the header
// [0, body), the main body [body, bodyEnd), the closing part (recipients
// and signature) [bodyEnd, attach), the attachments [attach, len).
type layout struct {
	body, bodyEnd, attach int
	attachStarts          []int
}

// signaturePrefixes open the signature block ("T/M BAN THƯỜNG VỤ",
// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC", "TL. BỘ TRƯỞNG").
var signaturePrefixes = []string{"t/m ", "tm. ", "tm ", "tm.", "k/t ", "kt. ", "kt ", "kt.", "q. ", "tl. ", "t/l ", "tuq. ", "thua lenh", "thua uy quyen"}

// signerTitles stand alone above a signer's name.
var signerTitles = []string{
	"bi thu", "pho bi thu", "chu tich", "pho chu tich", "giam doc", "pho giam doc",
	"truong ban", "pho truong ban", "bo truong", "thu truong", "thu tuong",
	"pho thu tuong", "chanh van phong", "pho chanh van phong", "truong phong",
	"pho truong phong", "cuc truong", "vu truong", "hieu truong", "thuong truc",
	"uy vien", "tong bi thu", "chu nhiem", "pho chu nhiem",
}

func isSignatureStart(l string) bool {
	if l == "" || !isUpperLine(l) && !startsSignaturePrefix(l) {
		return false
	}
	if startsSignaturePrefix(l) {
		return true
	}
	return isSignerTitle(l)
}

func startsSignaturePrefix(l string) bool {
	_, k := matchAny(l, 0, signaturePrefixes)
	if k < 0 {
		return false
	}
	return isUpperLine(l)
}

func isSignerTitle(l string) bool {
	if !isUpperLine(l) {
		return false
	}
	f := strings.TrimSpace(foldString(l))
	for _, t := range signerTitles {
		if f == t || len(f) > len(t) && f[len(t)] == ' ' && strings.HasPrefix(f, t) && len(f) < len(t)+30 {
			return true
		}
	}
	return false
}

func isRecipientsStart(l string) bool {
	e, ok := matchFold(l, 0, "noi nhan")
	return ok && (e == len(l) || strings.HasPrefix(strings.TrimSpace(l[e:]), ":"))
}

// attachmentPrefixes open an attachment heading.
var attachmentPrefixes = []string{"de cuong", "phu luc", "mau ", "mau so", "bieu ", "bieu mau", "danh muc", "danh sach", "quy che", "quy dinh", "ke hoach", "chuong trinh", "huong dan", "dieu le", "de an", "phuong an"}

// isAttachmentHeading reports whether line i opens an attachment: an
// upper-case heading such as "ĐỀ CƯƠNG", "PHỤ LỤC 1", "MẪU M1", or an
// upper-case kind line followed by "(ban hành kèm theo …)".
func isAttachmentHeading(ls []line, i int) bool {
	l := ls[i].s
	if l == "" || !isUpperLine(l) || strings.ContainsRune(l, '\t') {
		return false
	}
	e, k := matchAny(l, 0, attachmentPrefixes)
	if k < 0 {
		return false
	}
	p := attachmentPrefixes[k]
	if p == "de cuong" || p == "phu luc" || strings.HasPrefix(p, "mau") || strings.HasPrefix(p, "bieu") {
		return true
	}
	_ = e
	for j := i + 1; j < len(ls) && j <= i+6; j++ {
		if containsFold(ls[j].s, "kem theo") {
			return true
		}
	}
	return false
}

// findLayout locates the parts of a document given where its body starts.
func findLayout(ls []line, body int) layout {
	lay := layout{body: body, bodyEnd: len(ls), attach: len(ls)}
	for i := body; i < len(ls); i++ {
		l := ls[i].s
		if isRecipientsStart(l) || isSignatureStart(l) && signatureFollows(ls, i) {
			lay.bodyEnd = i
			break
		}
	}
	if lay.bodyEnd == len(ls) {
		// no closing part: attachments can still follow a body
		for i := body + 1; i < len(ls); i++ {
			if isAttachmentHeading(ls, i) && strongAttachment(ls, i) {
				lay.bodyEnd = i
				break
			}
		}
	}
	for i := lay.bodyEnd; i < len(ls); i++ {
		if isAttachmentHeading(ls, i) {
			if lay.attach == len(ls) {
				lay.attach = i
			}
			lay.attachStarts = append(lay.attachStarts, i)
		}
	}
	return lay
}

// strongAttachment: an attachment heading that says what it belongs to.
func strongAttachment(ls []line, i int) bool {
	for j := i + 1; j < len(ls) && j <= i+6; j++ {
		if containsFold(ls[j].s, "kem theo") {
			return true
		}
	}
	return false
}

// signatureFollows checks that a signature opener is followed, within a
// few lines, by a personal name (or by a signer title).
func signatureFollows(ls []line, i int) bool {
	for j := i; j < len(ls) && j <= i+8; j++ {
		if j > i && isPersonName(ls[j].s) {
			return true
		}
	}
	return startsSignaturePrefix(ls[i].s)
}

// isPersonName reports whether l looks like a Vietnamese personal name:
// 2–5 capitalised words, no digits or punctuation.
func isPersonName(l string) bool {
	ws := strings.Fields(l)
	if len(ws) < 2 || len(ws) > 5 || isUpperLine(l) {
		return false
	}
	for _, w := range ws {
		r := firstRune(w)
		if !isUpperRune(r) {
			return false
		}
		for _, c := range w {
			if !isLetterRune(c) && !unicode.Is(unicode.Mn, c) {
				return false
			}
		}
	}
	return true
}
