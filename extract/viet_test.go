package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTone(t *testing.T) {
	tests := []struct{ in, want string }{
		// oa, oe, uy without final consonant: tone moves to the first vowel.
		{"hoà", "hòa"},
		{"hoá", "hóa"},
		{"hoả", "hỏa"},
		{"hoã", "hõa"},
		{"hoạ", "họa"},
		{"khoá", "khóa"},
		{"toà", "tòa"},
		{"xoà", "xòa"},
		{"hoè", "hòe"},
		{"khoẻ", "khỏe"},
		{"loẹ", "lọe"},
		{"thuý", "thúy"},
		{"tuỳ", "tùy"},
		{"luỹ", "lũy"},
		{"nguỵ", "ngụy"},
		{"uỷ", "ủy"},
		{"Uỷ", "Ủy"},
		{"UỶ", "ỦY"},
		{"HOÀ", "HÒA"},
		{"Hoà", "Hòa"},
		{"hoÀ", "hòA"},
		{"gioà", "giòa"},
		{"nghoè", "nghòe"},
		{"đoạ", "đọa"},
		// Already new-style or toneless: unchanged.
		{"hòa", "hòa"},
		{"Ủy", "Ủy"},
		{"thúy", "thúy"},
		{"hoa", "hoa"},
		{"uy", "uy"},
		// Final consonant or third vowel: unchanged.
		{"hoàn", "hoàn"},
		{"toàn", "toàn"},
		{"quyết", "quyết"},
		{"khuyến", "khuyến"},
		{"hoài", "hoài"},
		{"khuỷu", "khuỷu"},
		{"khuya", "khuya"},
		{"hoặc", "hoặc"},
		{"xoắn", "xoắn"},
		// qu onset: the u is not a vowel.
		{"quý", "quý"},
		{"quỳ", "quỳ"},
		{"Quý", "Quý"},
		{"quà", "quà"},
		// Not a Vietnamese onset: unchanged.
		{"stoà", "stoà"},
		{"bloà", "bloà"},
		// Sentences, punctuation, digits.
		{"Uỷ ban nhân dân; hoà bình, thuý.", "Ủy ban nhân dân; hòa bình, thúy."},
		{"hoà2", "hòa2"},
		{"(toà)", "(tòa)"},
		{"Ban Thường vụ Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy"},
		{"", ""},
		{"25-NQ/TW", "25-NQ/TW"},
		// Decomposed input is composed first.
		{"ho" + "a\u0300", "hòa"},
		{"hoa\u0300n", "hoàn"},
		// Invalid UTF-8 becomes U+FFFD.
		{"ho\xffà", "ho\uFFFDà"},
		{"\xe1\xbb", "\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		if got := NormalizeTone(tt.in); got != tt.want {
			t.Errorf("NormalizeTone(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(NormalizeToneBytes([]byte(tt.in))); got != tt.want {
			t.Errorf("NormalizeToneBytes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeToneNoAlloc(t *testing.T) {
	s := "Ban Thường vụ Tỉnh ủy ban hành kế hoạch “sơ kết” Nghị quyết 25-NQ/TW, hòa bình."
	b := []byte(s)
	n := testing.AllocsPerRun(100, func() {
		if NormalizeTone(s) != s {
			t.Fatal("changed")
		}
		if !bytes.Equal(NormalizeToneBytes(b), b) {
			t.Fatal("changed")
		}
	})
	if n != 0 {
		t.Errorf("%v allocations for unchanged text, want 0", n)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kết luận 62", "ket luan 62"},
		{"Đảng Cộng sản Việt Nam", "dang cong san viet nam"},
		{"ĐẮK LẮK", "dak lak"},
		{"Hòa", "hoa"},
		{"Hoà", "hoa"},
		{"Ủy ban", "uy ban"},
		{"25-NQ/TW", "25-nq/tw"},
		{"QĐ-UBND", "qd-ubnd"},
		{"“Tăng cường” – 10%", "“tang cuong” – 10%"},
		{"ăâêôơư ĂÂÊÔƠƯ", "aaeoou aaeoou"},
		{"a\u0301e\u0323", "ae"},
		{"Ω Å", "ω a"},
		{"ABC def", "abc def"},
		{"\xff", "\uFFFD"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendFold(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("AppendFold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldNoAlloc(t *testing.T) {
	s := "ket luan so 62-kl/tw, ngay 8/12/2009."
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("%v allocations for folded text, want 0", n)
	}
}

// TestToneInertRunes checks the runes vtIsNFC skips against the norm package.
func TestToneInertRunes(t *testing.T) {
	for r := rune(0); r <= 0x2100; r++ {
		if !vtInert(r) || r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if norm.NFC.String(s) != s || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U is not inert under NFC", r)
		}
	}
}

func vtCheckTone(t *testing.T, in string) {
	out := NormalizeTone(in)
	if !utf8.ValidString(out) {
		t.Fatalf("NormalizeTone(%q) = %q: invalid UTF-8", in, out)
	}
	if !norm.NFC.IsNormalString(out) {
		t.Fatalf("NormalizeTone(%q) = %q: not NFC", in, out)
	}
	if again := NormalizeTone(out); again != out {
		t.Fatalf("NormalizeTone not idempotent: %q → %q → %q", in, out, again)
	}
	if b := string(NormalizeToneBytes([]byte(in))); b != out {
		t.Fatalf("NormalizeToneBytes(%q) = %q, NormalizeTone = %q", in, b, out)
	}
	if Fold(out) != Fold(in) {
		t.Fatalf("Fold changed: %q → %q, %q != %q", in, out, Fold(out), Fold(in))
	}
	if f := Fold(in); Fold(f) != f || !utf8.ValidString(f) {
		t.Fatalf("Fold(%q) = %q: not idempotent or invalid", in, f)
	}
}

func FuzzNormalizeTone(f *testing.F) {
	for _, s := range []string{
		"hoà", "Uỷ ban", "thuý khoá toà hoè", "quý quỳ", "hoàn toàn quyết khuyến",
		"ho\xffà", "a\u0301", "UỶ BAN", "gioà", "\u1d165\u1d16d",
		"Chương trình số 33-CTr/TU, ngày 05/9/2013 của Tỉnh uỷ",
	} {
		f.Add(s)
	}
	f.Fuzz(vtCheckTone)
}

// TestToneAllSyllables runs the fuzz properties over every onset with
// every toned vowel pair.
func TestToneAllSyllables(t *testing.T) {
	for on := range vtOnsets {
		for _, v1 := range "oOuU" {
			for _, v2 := range "aeyAEY" {
				for _, row := range vtToned {
					if row[0] != v2 {
						continue
					}
					for _, tv := range row {
						for _, tail := range []string{"", "n", " x"} {
							vtCheckTone(t, on+string(v1)+string(tv)+tail)
							vtCheckTone(t, strings.ToUpper(on)+string(v1)+string(tv)+tail)
						}
					}
				}
			}
		}
	}
}

var vtBenchText = strings.Repeat("Thực hiện Kế hoạch số 02-KH/BCĐ, ngày 15/3/2018 của Ban Chỉ đạo "+
	"Trung ương về công tác Dân vận, Ban Thường vụ Tỉnh uỷ ban hành kế hoạch "+
	"sơ kết Nghị quyết 25 như sau: hoà bình, khoẻ mạnh, thuý. ", 50)

func BenchmarkNormalizeTone(b *testing.B) {
	clean := NormalizeTone(vtBenchText)
	for _, bc := range []struct{ name, s string }{{"old", vtBenchText}, {"clean", clean}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = NormalizeTone(bc.s)
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(vtBenchText)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Fold(vtBenchText)
	}
}
