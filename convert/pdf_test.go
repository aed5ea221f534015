package convert

import (
	"errors"
	"strings"
	"testing"
)

// needPdftotext skips a test when poppler's pdftotext is absent. CI
// installs poppler-utils, so there these tests run.
func needPdftotext(t testing.TB) {
	t.Helper()
	if !havePdftotext() {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): PDF test skipped")
	}
}

func TestPDF(t *testing.T) {
	needPdftotext(t)
	const doc = "ke-hoach-82-KH-BDVTW-ban-dan-van-trung-uong-2023"
	tests := []struct {
		name string
		raw  []byte
		file string
		want error
		text string // a line the text must contain
	}{
		{"text layer", readFixture(t, doc+".pdf"), doc + ".pdf", nil, "I. MỤC ĐÍCH, YÊU CẦU"},
		{"no name", readFixture(t, doc+".pdf"), "", nil, "IV. TỔ CHỨC THỰC HIỆN"},
		{"owner password only", readFixture(t, "owner-password-only.pdf"), "a.pdf", nil, "I. MỤC ĐÍCH, YÊU CẦU"},
		{"scanned", readFixture(t, "scanned.pdf"), "scan.pdf", ErrScannedPDF, ""},
		{"encrypted", readFixture(t, "encrypted.pdf"), "secret.pdf", ErrEncryptedPDF, ""},
		{"truncated", readFixture(t, doc+".pdf")[:900], "cut.pdf", ErrCorrupt, ""},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), "empty.pdf", ErrCorrupt, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert(tc.raw, tc.file, "")
			if tc.want != nil {
				if !errors.Is(err, tc.want) {
					t.Fatalf("got %v, want %v", err, tc.want)
				}
				t.Logf("error: %v", err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != FormatPDF || res.Encoding != EncUTF8 || !strings.Contains(res.Text, tc.text) || !validOutput(res.Text) {
				t.Errorf("got %s %s, %q missing or output invalid", res.Format, res.Encoding, tc.text)
			}
		})
	}
	if !errors.Is(ErrEncryptedPDF, ErrEncrypted) {
		t.Error("ErrEncryptedPDF does not wrap ErrEncrypted")
	}
}

func TestNoPdftotext(t *testing.T) {
	old := pdftotextCmd
	pdftotextCmd = "pdftotext-not-installed-here"
	defer func() { pdftotextCmd = old }()
	_, err := Convert(readFixture(t, "scanned.pdf"), "a.pdf", "")
	if !errors.Is(err, ErrNoPdftotext) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Fatalf("got %v", err)
	}
}
