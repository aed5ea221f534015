package convert

import (
	"errors"
	"testing"
	"unicode/utf8"
)

var sentinels = []error{ErrUnsupportedFormat, ErrCorrupt, ErrLegacyDoc, ErrEncrypted, ErrScannedPDF, ErrNoPdftotext, ErrUnknownEncoding}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// FuzzDetect: the text path never fails or panics, its output is valid
// UTF-8 in NFC, and valid UTF-8 input is never re-read as a legacy byte
// encoding.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"Kế hoạch số 82-KH/BDVTW", "KÕ ho¹ch sè 12 cña TØnh ñy", "Keá hoaïch soá 12 cuûa Tænh uûy",
		"K\xD5 ho\xB9ch s\xE8 12", "Ke\xE1 hoa\xEFch so\xE1", "K\xEA\xEC hoa\xF2ch", "\xFF\xFEK\x00\xBF\x1E",
		"\xFE\xFF\x00K\x1E\xBF", "\xEF\xBB\xBFKế", "Õ ± ¹ µ", "a\r\nb\x00", "\xE1\xBB", "",
	} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("K\xD5 ho\xB9ch"), "tcvn3")
	f.Add([]byte("Keá hoaïch"), "vni")
	f.Add([]byte("K\xEA\xEC"), "windows-1258")
	f.Add([]byte("K\x00\xBF"), "utf-16le")
	f.Fuzz(func(t *testing.T, raw []byte, enc string) {
		if _, err := parseEncoding(enc); err != nil {
			enc = ""
		}
		res, err := convertText(raw, enc) // the text path whatever the magic bytes say
		if err != nil {
			t.Fatalf("text conversion failed: %v", err)
		}
		res.Text = finish(res.Text)
		if !utf8.ValidString(res.Text) || !validOutput(res.Text) {
			t.Fatalf("output not valid NFC UTF-8: %q", res.Text)
		}
		if enc == "" && utf8.Valid(raw) {
			if _, bom := bomEncoding(raw); !bom && utf16NoBOM(raw) == "" {
				switch res.Encoding {
				case EncUTF8, EncTCVN3Font, EncVNIFont:
				default:
					t.Fatalf("valid UTF-8 read as %s", res.Encoding)
				}
			}
		}
	})
}

// FuzzDocx: truncated and garbled .docx files give an error wrapping a
// sentinel, or valid text; never a panic.
func FuzzDocx(f *testing.F) {
	good := docxOf(f, p("Kế hoạch")+numP("1", "0", "MỤC ĐÍCH")+`<w:tbl><w:tr><w:tc>`+p("a")+`</w:tc></w:tr></w:tbl>`, testNumbering, nil)
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(good[:len(good)-22])
	f.Add(readFixture(f, "ke-hoach-82-KH-BDVTW-ban-dan-van-trung-uong-2023.docx"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := Convert(raw, "a.docx", "")
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if !validOutput(res.Text) {
			t.Fatalf("output not valid NFC UTF-8: %q", res.Text)
		}
	})
}

// FuzzHTML: any bytes named .html convert to valid text.
func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><body><nav>x</nav><article><p>Kế hoạch</p><table><tr><td>a<td>b</table></article></body></html>"))
	f.Add([]byte("<p>KÕ ho¹ch<br><ol start=x><li>a</ol><pre>a\n b</pre>"))
	f.Add([]byte("<ht\xFFml><body"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := Convert(raw, "a.html", "")
		if err != nil {
			t.Fatalf("html conversion failed: %v", err)
		}
		if !validOutput(res.Text) {
			t.Fatalf("output not valid NFC UTF-8: %q", res.Text)
		}
	})
}
