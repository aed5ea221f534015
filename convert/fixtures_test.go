package convert

// Test helpers that make the fixtures under testdata/convert from the
// UTF-8 corpus: every legacy encoding, Unicode text typed with legacy
// fonts, .docx, .html and (with LibreOffice and qpdf installed) PDF.
//
//	go test ./convert -run TestGenerateFixtures -update
//
// rewrites them; without -update that test only checks that the committed
// text fixtures are what the encoders make now.

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the fixtures under testdata/convert")

const (
	corpusDir  = "../corpus"
	fixtureDir = "../testdata/convert"
)

// corpusDocs returns the corpus documents: file stem → UTF-8 text.
func corpusDocs(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus documents in %s: %v", corpusDir, err)
	}
	docs := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[strings.TrimSuffix(filepath.Base(p), ".txt")] = string(b)
	}
	return docs
}

// ---- encoders (the inverse of the decoders, for fixtures only) ----

var (
	tcvn3Enc = map[rune]byte{}
	vniEnc   = map[rune]string{}
	cp1252R  = map[rune]byte{}
)

func init() {
	for b, r := range tcvn3Table {
		if unicode.IsLower(r) || b <= 0xA7 { // ABC fonts: lower case + 7 upper-case bases
			tcvn3Enc[r] = b
		}
	}
	for i, r := range cp1252High {
		cp1252R[r] = byte(0x80 + i)
	}
	for k, r := range vniCompose {
		if unicode.IsUpper(k[0]) == unicode.IsUpper(k[1]) { // VNI keyboards type "AÙ" and "aù"
			vniEnc[r] = string(k[0]) + string(k[1])
		}
	}
	for from, r := range vniSingle {
		if from != r {
			vniEnc[r] = string(from)
		}
	}
	// ơ and ư are single characters, so their toned forms are ô/ö + tone
	for k, r := range vniCompose {
		if unicode.IsUpper(k[0]) != unicode.IsUpper(k[1]) {
			continue
		}
		switch k[0] {
		case 'ơ', 'Ơ', 'ư', 'Ư':
			var base rune
			for from, to := range vniSingle {
				if to == k[0] && from != to {
					base = from
				}
			}
			vniEnc[r] = string(base) + string(k[1])
		}
	}
}

// latin1Byte encodes r in Windows-1252, for the legacy encoders.
func latin1Byte(t testing.TB, r rune) byte {
	if r < 0x80 || r >= 0xA0 && r <= 0xFF {
		return byte(r)
	}
	if b, ok := cp1252R[r]; ok {
		return b
	}
	t.Fatalf("%U cannot be written in a Windows-1252 font", r)
	return 0
}

// encodeTCVN3 writes s as the ABC fonts do: an upper-case toned letter
// is the lower-case code (typed in the .VnTimeH font).
func encodeTCVN3(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, ok := tcvn3Enc[r]; ok {
			out = append(out, b)
			continue
		}
		if b, ok := tcvn3Enc[unicode.ToLower(r)]; ok && r > 0x7F {
			out = append(out, b)
			continue
		}
		out = append(out, latin1Byte(t, r))
	}
	return out
}

func encodeVNI(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if seq, ok := vniEnc[r]; ok {
			for _, c := range seq {
				out = append(out, latin1Byte(t, c))
			}
			continue
		}
		out = append(out, latin1Byte(t, r))
	}
	return out
}

// encodeCP1258 writes s as Windows does: a letter Windows-1258 lacks is
// the longest precomposed base it has plus combining marks.
func encodeCP1258(t testing.TB, s string) []byte {
	rev := cp1258Reverse()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, ok := rev[r]; ok {
			out = append(out, b)
			continue
		}
		// base letter with its shape marks (â ă ê ô ơ ư), then the tone
		var base, tones []rune
		for _, m := range norm.NFD.String(string(r)) {
			if m >= 0x300 && m <= 0x323 && m != 0x302 && m != 0x306 && m != 0x31B {
				tones = append(tones, m)
			} else {
				base = append(base, m)
			}
		}
		done := false
		if b, ok := rev[[]rune(norm.NFC.String(string(base)))[0]]; ok && len([]rune(norm.NFC.String(string(base)))) == 1 {
			seq := []byte{b}
			for _, m := range tones {
				mb, ok := rev[m]
				if !ok {
					seq = nil
					break
				}
				seq = append(seq, mb)
			}
			if seq != nil {
				out = append(out, seq...)
				done = true
			}
		}
		if !done {
			t.Fatalf("%U cannot be written in Windows-1258", r)
		}
	}
	return out
}

var cp1258Rev map[rune]byte

func cp1258Reverse() map[rune]byte {
	if cp1258Rev == nil {
		cp1258Rev = map[rune]byte{}
		for b := 0; b < 256; b++ {
			s, err := charmap.Windows1258.NewDecoder().Bytes([]byte{byte(b)})
			r, _ := utf8.DecodeRune(s)
			if err == nil && r != utf8.RuneError {
				cp1258Rev[r] = byte(b)
			}
		}
	}
	return cp1258Rev
}

func encodeUTF16(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, r := range s {
		var units []uint16
		if r >= 0x10000 {
			r -= 0x10000
			units = []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
		} else {
			units = []uint16{uint16(r)}
		}
		for _, u := range units {
			if bigEndian {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	}
	return out
}

// mojibake is Unicode text typed with a legacy font: each byte of the
// legacy encoding becomes the Windows-1252 character of the same code.
func mojibake(b []byte) []byte { return []byte(decodeCP1252(b)) }

// ---- docx ----

var (
	romanHead  = regexp.MustCompile(`^(I|II|III|IV|V|VI|VII|VIII|IX|X)\. (.*)$`)
	arabicHead = regexp.MustCompile(`^([1-9])\. (.*)$`)
)

type docxOpts struct {
	headerFooter bool // add a header and a footer that must be skipped
	revisions    bool // add a deleted revision and a field code that must be skipped
}

// tableRows picks a block of two or three short lines (blank lines
// between them allowed) to put in a two-column table, each split at a
// space near its middle; the block is lines[start:end].
func tableRows(lines []string) (start, end int, rows [][2]string) {
	for i := 0; i < len(lines); i++ {
		var rs [][2]string
		j := i
		for ; j < len(lines) && len(rs) < 3; j++ {
			l := strings.TrimSpace(lines[j])
			if l == "" && len(rs) > 0 {
				continue
			}
			n := utf8.RuneCountInString(l)
			if n < 16 || n > 56 || strings.HasPrefix(l, "- ") || romanHead.MatchString(l) || arabicHead.MatchString(l) || strings.Contains(l, "*") {
				break
			}
			mid := strings.Index(l[len(l)/2:], " ")
			if mid < 0 {
				break
			}
			cut := len(l)/2 + mid
			rs = append(rs, [2]string{l[:cut], l[cut+1:]})
		}
		if len(rs) >= 2 {
			return i, j, rs
		}
	}
	return -1, -1, nil
}

func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// runs writes text as several runs, cut inside words, as Word does after
// editing.
func runs(text string) string {
	var b strings.Builder
	rs := []rune(text)
	for i := 0; i < len(rs); i += 23 {
		j := min(i+23, len(rs))
		t := strings.ReplaceAll(xmlText(string(rs[i:j])), "\t", `</w:t><w:tab/><w:t xml:space="preserve">`)
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, t)
	}
	return b.String()
}

// buildDocx writes text as a minimal valid .docx: numbered headings and
// bullets use word/numbering.xml, one block of lines is a table.
func buildDocx(t testing.TB, text string, o docxOpts) []byte {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	tStart, tEnd, rows := tableRows(lines)
	var body strings.Builder
	roman, arabic := 0, 0
	romanNames := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	para := func(pPr, content string) {
		fmt.Fprintf(&body, `<w:p><w:pPr>%s</w:pPr>%s</w:p>`, pPr, content)
	}
	for i := 0; i < len(lines); i++ {
		if i == tStart {
			body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>`)
			for _, r := range rows {
				body.WriteString(`<w:tr>`)
				for _, c := range r {
					fmt.Fprintf(&body, `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>`, runs(c))
				}
				body.WriteString(`</w:tr>`)
			}
			body.WriteString(`</w:tbl>`)
			i = tEnd - 1
			continue
		}
		l := strings.TrimRight(lines[i], " ")
		switch m := romanHead.FindStringSubmatch(l); {
		case m != nil && m[1] == romanNames[min(roman+1, 10)]:
			roman++
			arabic = 0
			para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, runs(m[2]))
			continue
		}
		if m := arabicHead.FindStringSubmatch(l); m != nil && roman > 0 && m[1] == fmt.Sprint(arabic+1) {
			arabic++
			para(`<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>`, runs(m[2]))
			continue
		}
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			para(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, runs(rest))
			continue
		}
		content := runs(l)
		if o.revisions && i == 1 {
			content = `<w:del w:id="1" w:author="x"><w:r><w:delText>ĐÃ XÓA KHÔNG ĐƯỢC HIỆN</w:delText></w:r></w:del>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD MA_TRUONG </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
				content + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
		}
		para(`<w:jc w:val="both"/>`, content)
	}
	sect := `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
	if o.headerFooter {
		sect = `<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
	}
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + ns + `><w:body>` + body.String() + sect + `</w:body></w:document>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + ns + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style></w:styles>`},
		{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + ns + `><w:p><w:r><w:t>ĐẦU TRANG PHẢI BỎ QUA</w:t></w:r></w:p></w:hdr>`},
		{"word/footer1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ` + ns + `><w:p><w:r><w:t>CHÂN TRANG PHẢI BỎ QUA</w:t></w:r></w:p></w:ftr>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ---- html ----

// buildHTML writes text as a saved web page: the document in an
// <article> with a table and bullet lists, inside site chrome (top bar,
// header, nav menu, breadcrumb, sidebar, share buttons, footer, cookie
// notice, scripts) that must be dropped.
func buildHTML(text, charset string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	tStart, tEnd, rows := tableRows(lines)
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="vi"><head><meta charset="%s"><title>Văn bản - Cổng thông tin điện tử</title>
<style>body{font-family:Arial} .menu li{display:inline}</style>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)} var s="<p>không phải nội dung</p>";</script>
</head><body>
<div class="top-bar">Hotline: 0292 3812 345 | Đăng nhập | Đăng ký</div>
<header class="site-header"><a href="/" class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ỦY</a>
<nav class="main-nav"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<form class="search-form"><input type="text" placeholder="Tìm kiếm..."><button>Tìm</button></form></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản chỉ đạo</a></div>
<div class="container"><div class="row"><div class="col-md-8">
<article class="post-detail"><div class="post-meta">Ngày đăng: 24/7/2024 | Lượt xem: 1.234</div>
<div class="entry-content">
`, charset)
	inList := false
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(rest))
			continue
		}
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		if i == tStart {
			b.WriteString(`<table class="table" border="1"><tbody>` + "\n")
			for _, r := range rows {
				fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td></tr>\n", html.EscapeString(r[0]), html.EscapeString(r[1]))
			}
			b.WriteString("</tbody></table>\n")
			i = tEnd - 1
			continue
		}
		if l == "" {
			continue
		}
		if i == 0 {
			fmt.Fprintf(&b, "<h1 class=\"title\">%s</h1>\n", html.EscapeString(l))
			continue
		}
		fmt.Fprintf(&b, "<p style=\"text-align:justify\">%s</p>\n", html.EscapeString(l))
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	b.WriteString(`</div>
<div class="share-buttons">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài viết</a></div>
</article></div>
<aside class="col-md-4 sidebar"><h3>Tin liên quan</h3><ul><li><a href="/a">Hội nghị tổng kết công tác dân vận năm 2023</a></li><li><a href="/b">Kế hoạch tuyên truyền kỷ niệm ngày truyền thống</a></li></ul>
<div class="widget"><h3>Liên kết website</h3><select><option>Chính phủ</option></select></div></aside>
</div></div>
<footer class="site-footer"><p>© 2024 Bản quyền thuộc về Tỉnh ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p><p>Địa chỉ: 01 đường Trần Phú. Điện thoại: 0292 3812 345</p></footer>
<div class="cookie-notice">Trang web sử dụng cookie để cải thiện trải nghiệm. <button>Đồng ý</button></div>
<script>document.querySelector(".cookie-notice").remove()</script>
</body></html>
`)
	return b.String()
}

// ---- PDF ----

// imagePDF is a one-page PDF whose page is a single gray image: a scan
// without a text layer.
func imagePDF() []byte {
	const w, h = 16, 16
	img := bytes.Repeat([]byte{0x80}, w*h)
	content := "q 400 0 0 500 100 150 cm /Im1 Do Q"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", w, h, len(img), img),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// ---- the fixture set ----

// textVariant is one text encoding of a corpus document.
type textVariant struct {
	name string // file infix and expected Result.Encoding
	enc  func(t testing.TB, s string) []byte
}

var textVariants = []textVariant{
	{"utf-8", func(_ testing.TB, s string) []byte { return []byte(s) }},
	{"utf-8-bom", func(_ testing.TB, s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) }},
	{"utf-16le", func(_ testing.TB, s string) []byte { return encodeUTF16(s, false) }},
	{"utf-16be", func(_ testing.TB, s string) []byte { return encodeUTF16(s, true) }},
	{"windows-1258", func(t testing.TB, s string) []byte { return encodeCP1258(t, s) }},
	{"tcvn3", func(t testing.TB, s string) []byte { return encodeTCVN3(t, s) }},
	{"vni", func(t testing.TB, s string) []byte { return encodeVNI(t, s) }},
	{"tcvn3-font", func(t testing.TB, s string) []byte { return mojibake(encodeTCVN3(t, s)) }},
	{"vni-font", func(t testing.TB, s string) []byte { return mojibake(encodeVNI(t, s)) }},
	// Word's "Unicode text" export of a document typed in a TCVN3 font
	{"tcvn3-font-utf-16le", func(t testing.TB, s string) []byte {
		return encodeUTF16(string(mojibake(encodeTCVN3(t, s))), false)
	}},
}

// expectedEncoding is the Result.Encoding a text variant must give.
func expectedEncoding(variant string) string {
	switch variant {
	case "utf-8-bom":
		return EncUTF8
	case "tcvn3-font-utf-16le":
		return EncTCVN3Font
	}
	return variant
}

func writeFixture(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(fixtureDir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateFixtures (re)writes testdata/convert with -update; without
// it, it checks that the committed text, docx and html fixtures are what
// the helpers make now.
func TestGenerateFixtures(t *testing.T) {
	docs := corpusDocs(t)
	if !*update {
		for stem, text := range docs {
			want := map[string][]byte{
				stem + ".docx": buildDocx(t, text, docxOpts{headerFooter: true, revisions: true}),
				stem + ".html": []byte(buildHTML(text, "utf-8")),
			}
			for _, v := range textVariants {
				want[stem+"."+v.name+".txt"] = v.enc(t, text)
			}
			for name, b := range want {
				got, err := os.ReadFile(filepath.Join(fixtureDir, name))
				if err != nil || !bytes.Equal(got, b) {
					t.Errorf("%s is stale or missing (run with -update): %v", name, err)
				}
			}
		}
		return
	}
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		t.Fatal(err)
	}
	pdfDir := t.TempDir()
	first := "" // the shortest document, for the one-off fixtures
	for stem, text := range docs {
		if first == "" || len(text) < len(docs[first]) {
			first = stem
		}
	}
	for stem, text := range docs {
		for _, v := range textVariants {
			writeFixture(t, stem+"."+v.name+".txt", v.enc(t, text))
		}
		writeFixture(t, stem+".docx", buildDocx(t, text, docxOpts{headerFooter: true, revisions: true}))
		writeFixture(t, stem+".html", []byte(buildHTML(text, "utf-8")))
		// the same document for LibreOffice to print: no header, footer
		// or revisions, which a PDF would show
		if err := os.WriteFile(filepath.Join(pdfDir, stem+".docx"), buildDocx(t, text, docxOpts{}), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// legacy web pages: a Windows-1258 page and a page typed in a VNI font
	writeFixture(t, first+".windows-1258.html", encodeCP1258(t, buildHTML(docs[first], "windows-1258")))
	writeFixture(t, first+".vni-font.html", []byte(buildHTML(string(mojibake(encodeVNI(t, docs[first]))), "utf-8")))
	writeFixture(t, "scanned.pdf", imagePDF())

	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Logf("soffice not installed: PDF fixtures not rewritten")
		return
	}
	args := []string{"--headless", "--convert-to", "pdf", "--outdir", fixtureDir}
	for stem := range docs {
		args = append(args, filepath.Join(pdfDir, stem+".docx"))
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	// a real .doc (OLE2) for the "a .docx that is really a .doc" case
	docOut := t.TempDir()
	if out, err := exec.Command(soffice, "--headless", "--convert-to", "doc", "--outdir", docOut, filepath.Join(pdfDir, first+".docx")).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	doc, err := os.ReadFile(filepath.Join(docOut, first+".doc"))
	if err != nil {
		t.Fatal(err)
	}
	writeFixture(t, "really-a-doc.docx", doc)
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Logf("qpdf not installed: encrypted PDF fixtures not rewritten")
		return
	}
	src := filepath.Join(fixtureDir, first+".pdf")
	for _, e := range []struct{ user, out string }{{"matkhau", "encrypted.pdf"}, {"", "owner-password-only.pdf"}} {
		if out, err := exec.Command(qpdf, "--encrypt", e.user, "chusohuu", "256", "--", src, filepath.Join(fixtureDir, e.out)).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v\n%s", err, out)
		}
	}
}
