package convert

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatalf("%v (go test ./convert -run TestGenerateFixtures -update)", err)
	}
	return b
}

// docxOf zips a document.xml body (and optional numbering) into a .docx.
func docxOf(t testing.TB, body, numbering string, extra map[string]string) []byte {
	t.Helper()
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	parts := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
	}
	if numbering != "" {
		parts["word/numbering.xml"] = `<w:numbering ` + ns + `>` + numbering + `</w:numbering>`
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, s := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(s))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func p(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func numP(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

const testNumbering = `<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uF0B7" + `"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`

// TestDocx is table tests of the .docx reader.
func TestDocx(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"paragraphs and runs", p("Kế hoạch") + `<w:p><w:r><w:t>tổng </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>kết</w:t></w:r></w:p>`, "Kế hoạch\ntổng kết"},
		{"numbering", numP("1", "0", "MỤC ĐÍCH") + numP("1", "1", "Mục đích") + numP("1", "2", "một") + numP("1", "2", "hai") +
			numP("1", "1", "Yêu cầu") + numP("1", "0", "NỘI DUNG") + numP("1", "1", "Đánh giá"),
			"I. MỤC ĐÍCH\nI.1.\tMục đích\na) một\nb) hai\nI.2.\tYêu cầu\nII. NỘI DUNG\nII.1.\tĐánh giá"},
		{"bullets and start override", numP("2", "0", "một") + numP("3", "0", "Phạm vi") + numP("3", "0", "Đối tượng"), "• một\nĐiều 5. Phạm vi\nĐiều 6. Đối tượng"},
		{"numId 0 is no list", numP("0", "0", "không đánh số"), "không đánh số"},
		{"table", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>TT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p><w:p><w:r><w:t>chi tiết</w:t></w:r></w:p></w:tc></w:tr>` +
			`<w:tr><w:tc>` + p("1") + `</w:tc><w:tc>` + p("Hội nghị") + `</w:tc></w:tr></w:tbl>` + p("Sau bảng"), "TT\tNội dung chi tiết\n1\tHội nghị\nSau bảng"},
		{"nested table", `<w:tbl><w:tr><w:tc>` + p("ngoài") + `<w:tbl><w:tr><w:tc>` + p("a") + `</w:tc><w:tc>` + p("b") + `</w:tc></w:tr></w:tbl></w:tc><w:tc>` + p("x") + `</w:tc></w:tr></w:tbl>`, "ngoài a b\tx"},
		{"tabs and breaks", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r></w:p>`, "a\tb\nc-d"},
		{"deleted text, field codes, fallback", `<w:p><w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t>thêm</w:t></w:r></w:ins>` +
			`<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t> hộp</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> hộp</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`, "thêm hộp"},
		{"symbol", `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> mục</w:t></w:r></w:p>`, "• mục"},
		{"tcvn3 font text", p("KÕ ho¹ch tæng kÕt c«ng t¸c d©n vËn"), "Kế hoạch tổng kết công tác dân vận"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert(docxOf(t, tc.body, testNumbering, nil), "a.docx", "")
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tc.want || res.Format != FormatDocx {
				t.Errorf("got %q (%s), want %q", res.Text, res.Format, tc.want)
			}
		})
	}
}

func TestDocxFixtureParts(t *testing.T) {
	raw := readFixture(t, "ke-hoach-123-KH-TU-tinh-uy-2014.docx")
	res, err := Convert(raw, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"ĐẦU TRANG", "CHÂN TRANG", "ĐÃ XÓA", "MERGEFIELD"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("%q leaked into the text", bad)
		}
	}
	for _, good := range []string{"I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN\n\n1. Việc xây dựng", "\n- Đánh giá đúng"} {
		if !strings.Contains(res.Text, good) {
			t.Errorf("%q missing", good)
		}
	}
	if !strings.Contains(res.Text, "\t") {
		t.Errorf("no tab-separated table row")
	}
}

// TestBadFiles: broken inputs give the right error, never a crash.
func TestBadFiles(t *testing.T) {
	good := docxOf(t, p("Kế hoạch"), "", nil)
	ole := append(append([]byte{}, magicOLE2...), make([]byte, 600)...)
	encOOXML := append(append([]byte{}, ole...), utf16le("EncryptedPackage")...)
	notDocx := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/workbook.xml")
		w.Write([]byte("<workbook/>"))
		zw.Close()
		return buf.Bytes()
	}()
	tests := []struct {
		name string
		raw  []byte
		file string
		want error
	}{
		{"truncated zip", good[:len(good)/2], "a.docx", ErrCorrupt},
		{"truncated zip, no name", good[:len(good)-10], "", ErrCorrupt},
		{"zip without document.xml", notDocx, "a.docx", ErrCorrupt},
		{"xlsx", notDocx, "a.xlsx", ErrUnsupportedFormat},
		{"zip of something else", notDocx, "", ErrUnsupportedFormat},
		{"docx that is really a doc (synthetic)", ole, "a.docx", ErrLegacyDoc},
		{"doc", ole, "a.doc", ErrLegacyDoc},
		{"docx that is really a doc (LibreOffice)", readFixture(t, "really-a-doc.docx"), "really-a-doc.docx", ErrLegacyDoc},
		{"password-protected docx", encOOXML, "a.docx", ErrEncrypted},
		{"docx that is text", []byte("Kế hoạch"), "a.docx", ErrCorrupt},
		{"pdf that is not", []byte("Kế hoạch"), "a.pdf", ErrCorrupt},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), "", ErrUnsupportedFormat},
		{"jpg name", []byte("x"), "scan.jpg", ErrUnsupportedFormat},
		{"binary", []byte("ab\x00\x01\x02cd\x00\x00\xff\xfe\x00"), "", ErrUnsupportedFormat},
		{"bad xml", docxOf(t, `<w:p><w:r><w:t>a</w:t></w:r></w:p><</w:body>`, "", nil), "a.docx", ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Convert(tc.raw, tc.file, "")
			if !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	// flipping bytes inside the compressed part is corrupt, or at worst
	// garbled text: never a panic
	for i := 30; i < len(good); i += 7 {
		b := append([]byte{}, good...)
		b[i] ^= 0x55
		if res, err := Convert(b, "a.docx", ""); err == nil && !validOutput(res.Text) {
			t.Fatalf("byte %d: invalid output", i)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Tiêu đề trang</title><script>var a="<p>x</p>"</script><style>p{}</style></head><body>
<div id="menu"><a href="/">Trang chủ</a> | <a href="/tt">Tin tức</a></div>
<header><h1>CỔNG THÔNG TIN</h1></header>
<nav><ul><li><a href="/">Trang chủ</a></li></ul></nav>
<div class="content"><article><header><h2>Kế hoạch số 82-KH/BDVTW</h2></header>
<p>Thực hiện   Kế hoạch <b>công tác</b>&nbsp;năm 2023,<br>Ban Dân vận Trung ương</p>
<ol><li>Mục đích</li><li>Yêu cầu</li></ol><ul><li>Đánh giá</li></ul>
<table><tr><th>TT</th><th>Nội dung</th></tr><tr><td>1</td><td><p>Hội nghị</p><p>tổng kết</p></td></tr></table>
<div class="share social">Chia sẻ Facebook</div><p style="display:none">ẩn</p><pre>a   b
c</pre></article>
<aside><h3>Tin liên quan</h3></aside></div>
<footer>© 2024 Bản quyền</footer></body></html>`
	res, err := Convert([]byte(page), "trang.html", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "Kế hoạch số 82-KH/BDVTW\nThực hiện Kế hoạch công tác\u00a0năm 2023,\nBan Dân vận Trung ương\n1. Mục đích\n2. Yêu cầu\n- Đánh giá\nTT\tNội dung\n1\tHội nghị tổng kết\na   b\nc"
	if res.Text != want || res.Format != FormatHTML || res.Encoding != EncUTF8 {
		t.Errorf("got %q (%s %s)\nwant %q", res.Text, res.Format, res.Encoding, want)
	}
	// without <article>: the densest block, chrome dropped by class names
	page2 := `<html><body><div class="navbar"><a>Trang chủ</a><a>Giới thiệu</a></div><div class="breadcrumb">Trang chủ » Văn bản</div>
<div id="main-col"><div class="post"><p>Căn cứ Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI.</p><p>Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau.</p></div></div>
<div class="footer">Địa chỉ: 01 Trần Phú</div></body></html>`
	res, err = Convert([]byte(page2), "", "")
	if err != nil {
		t.Fatal(err)
	}
	want2 := "Căn cứ Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI.\nBan Thường vụ Tỉnh ủy xây dựng kế hoạch như sau."
	if res.Text != want2 || res.Format != FormatHTML {
		t.Errorf("got %q (%s)", res.Text, res.Format)
	}
	// legacy pages
	for _, f := range []string{"ke-hoach-82-KH-BDVTW-ban-dan-van-trung-uong-2023.windows-1258.html", "ke-hoach-82-KH-BDVTW-ban-dan-van-trung-uong-2023.vni-font.html"} {
		res, err := Convert(readFixture(t, f), f, "")
		if err != nil || !strings.Contains(res.Text, "I. MỤC ĐÍCH, YÊU CẦU") || strings.Contains(res.Text, "Bản quyền") {
			t.Errorf("%s: %v %q", f, err, res.Text[:min(200, len(res.Text))])
		}
	}
}

// validOutput is the output contract: valid UTF-8 in NFC, no CR, no BOM.
func validOutput(s string) bool {
	return finish(s) == s
}
