package api

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"testing"

	"vanban/extract"
)

// TestFormatsAndEncodings: POST /api/v1/extract and /api/v1/documents read
// Word, PDF, HTML and legacy-encoded text (detected, or forced with
// ?encoding=), and the extraction says what was read.
func TestFormatsAndEncodings(t *testing.T) {
	f := newFixture(t, Config{})
	const stem = "../testdata/convert/ke-hoach-256-KH-TU-hai-phong-2023"
	read := func(name string) []byte {
		b, err := os.ReadFile(stem + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	multipartBody := func(name string, data []byte) (*bytes.Buffer, string) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
		w.Close()
		return &buf, w.FormDataContentType()
	}
	type row struct {
		name, target, ctype, format, enc string
		body                             []byte
	}
	docx, docxType := multipartBody("kh256.docx", read(".docx"))
	rows := []row{
		{"docx upload", "/api/v1/extract", docxType, "docx", "utf-8", docx.Bytes()},
		{"html body", "/api/v1/extract", "text/html", "html", "utf-8", read(".html")},
		{"tcvn3 detected", "/api/v1/extract", "text/plain", "txt", "tcvn3", read(".tcvn3.txt")},
		{"vni forced", "/api/v1/extract?encoding=vni", "text/plain", "txt", "vni", read(".vni.txt")},
		{"windows-1258 by charset", "/api/v1/extract", "text/plain; charset=windows-1258", "txt", "windows-1258", read(".windows-1258.txt")},
		{"utf-16 stored", "/api/v1/documents", "text/plain", "txt", "utf-16le", read(".utf-16le.txt")},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		rows = append(rows, row{"pdf body", "/api/v1/extract", "application/pdf", "pdf", "utf-8", read(".pdf")})
	} else {
		t.Log("pdftotext absent: PDF row skipped (install poppler-utils)")
	}
	for _, r := range rows {
		rec := f.do(t, req{method: http.MethodPost, target: r.target, body: bytes.NewReader(r.body),
			header: map[string]string{"Content-Type": r.ctype}})
		if rec.Code != http.StatusOK && rec.Code != http.StatusCreated {
			t.Errorf("%s: %d %s", r.name, rec.Code, rec.Body.String())
			continue
		}
		var doc *extract.Document
		if r.target == "/api/v1/documents" {
			doc = decode[CreatedResponse](t, rec).Extraction
		} else {
			doc = decode[*extract.Document](t, rec)
		}
		if doc.Symbol != "256-KH/TU" || doc.Date != "2023-06-02" || len(doc.References) != 7 {
			t.Errorf("%s: %s %s, %d references", r.name, doc.Symbol, doc.Date, len(doc.References))
		}
		if doc.Source == nil || doc.Source.Format != r.format || doc.Source.Encoding != r.enc {
			t.Errorf("%s: source %+v, want %s %s", r.name, doc.Source, r.format, r.enc)
		}
	}
}
