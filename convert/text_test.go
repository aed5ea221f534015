package convert

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letterClasses are the Vietnamese vowel letters with the TCVN3 and VNI
// spellings of their six tones (none, sắc, huyền, hỏi, ngã, nặng), written
// as the Windows-1252 characters of the legacy bytes.
var letterClasses = []struct {
	base  string
	tcvn3 string    // six characters
	vni   [6]string // base + modifier, or one character
}{
	{"a", "a¸µ¶·¹", [6]string{"a", "aù", "aø", "aû", "aõ", "aï"}},
	{"ă", "¨¾»¼½Æ", [6]string{"aê", "aé", "aè", "aú", "aü", "aë"}},
	{"â", "©ÊÇÈÉË", [6]string{"aâ", "aá", "aà", "aå", "aã", "aä"}},
	{"e", "eÐÌÎÏÑ", [6]string{"e", "eù", "eø", "eû", "eõ", "eï"}},
	{"ê", "ªÕÒÓÔÖ", [6]string{"eâ", "eá", "eà", "eå", "eã", "eä"}},
	{"i", "iÝ×ØÜÞ", [6]string{"i", "í", "ì", "æ", "ó", "ò"}},
	{"o", "oãßáâä", [6]string{"o", "où", "oø", "oû", "oõ", "oï"}},
	{"ô", "«èåæçé", [6]string{"oâ", "oá", "oà", "oå", "oã", "oä"}},
	{"ơ", "¬íêëìî", [6]string{"ô", "ôù", "ôø", "ôû", "ôõ", "ôï"}},
	{"u", "uóïñòô", [6]string{"u", "uù", "uø", "uû", "uõ", "uï"}},
	{"ư", "\u00adøõö÷ù", [6]string{"ö", "öù", "öø", "öû", "öõ", "öï"}},
	{"y", "yýúûüþ", [6]string{"y", "yù", "yø", "yû", "yõ", "î"}},
}

// toned is base with tone t (0 = none) in NFC.
func toned(base string, t int) string {
	if t == 0 {
		return base
	}
	return norm.NFC.String(base + string(toneMarks[t]))
}

// vni tone order in letterClasses is none, sắc, huyền, hỏi, ngã, nặng,
// which is the order of toneMarks.

func latin1Bytes(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

func TestTCVN3LetterClasses(t *testing.T) {
	for _, c := range letterClasses {
		codes := []rune(c.tcvn3)
		for tone := 0; tone < 6; tone++ {
			want := toned(c.base, tone)
			// bytes and Unicode typed with the font, lower case
			if got := decodeBytes(latin1Bytes(string(codes[tone])), EncTCVN3); got != want {
				t.Errorf("TCVN3 byte %#x: got %q, want %q", codes[tone], got, want)
			}
			if got := fromTCVN3(string(codes[tone])); got != want {
				t.Errorf("TCVN3 font %q: got %q, want %q", codes[tone], got, want)
			}
			// upper case: the same code between upper-case letters
			upper := strings.ToUpper(want)
			in := "N" + string(codes[tone]) + "NG"
			if tone == 0 {
				continue // ASCII, or the upper-case bases that have codes of their own (below)
			}
			if got := fromTCVN3(in); got != "N"+upper+"NG" {
				t.Errorf("TCVN3 %q in an upper-case word: got %q, want %q", in, got, "N"+upper+"NG")
			}
		}
	}
	for in, want := range map[string]string{"¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ", "®": "đ"} {
		if got := fromTCVN3(in); got != want {
			t.Errorf("TCVN3 %q: got %q, want %q", in, got, want)
		}
	}
}

func TestVNILetterClasses(t *testing.T) {
	for _, c := range letterClasses {
		for tone := 0; tone < 6; tone++ {
			want := toned(c.base, tone)
			seq := c.vni[tone]
			if got := decodeBytes(latin1Bytes(seq), EncVNI); got != want {
				t.Errorf("VNI bytes %q: got %q, want %q", seq, got, want)
			}
			if got := fromVNI(seq); got != want {
				t.Errorf("VNI font %q: got %q, want %q", seq, got, want)
			}
			upSeq, up := strings.ToUpper(seq), strings.ToUpper(want)
			if got := fromVNI(upSeq); got != up {
				t.Errorf("VNI font %q: got %q, want %q", upSeq, got, up)
			}
		}
	}
	for in, want := range map[string]string{"ñ": "đ", "Ñ": "Đ"} {
		if got := fromVNI(in); got != want {
			t.Errorf("VNI %q: got %q, want %q", in, got, want)
		}
	}
}

// TestDecodeBytes holds real byte sequences of each encoding.
func TestDecodeBytes(t *testing.T) {
	tests := []struct {
		name    string
		raw     []byte
		enc     string // forced; "" = detect
		want    string
		wantEnc string
	}{
		{name: "utf-8", raw: []byte("Kế hoạch số 82-KH/BDVTW"), want: "Kế hoạch số 82-KH/BDVTW", wantEnc: EncUTF8},
		{name: "utf-8 BOM", raw: []byte("\xEF\xBB\xBFKế hoạch"), want: "Kế hoạch", wantEnc: EncUTF8},
		{name: "utf-8 decomposed", raw: []byte("Ke\u0302\u0301 hoa\u0323ch"), want: "Kế hoạch", wantEnc: EncUTF8},
		{name: "utf-16le BOM", raw: []byte("\xFF\xFEK\x00\xBF\x1E \x00h\x00o\x00\xA1\x1Ec\x00h\x00"), want: "Kế hoạch", wantEnc: EncUTF16LE},
		{name: "utf-16be BOM", raw: []byte("\xFE\xFF\x00K\x1E\xBF\x00 \x00h\x00o\x1E\xA1\x00c\x00h"), want: "Kế hoạch", wantEnc: EncUTF16BE},
		{name: "utf-16le no BOM", raw: []byte("K\x00\xBF\x1E \x00h\x00o\x00\xA1\x1Ec\x00h\x00 \x00s\x00\xD1\x1E"), want: "Kế hoạch số", wantEnc: EncUTF16LE},
		{name: "utf-16le odd length", raw: []byte("\xFF\xFEK\x00\xBF\x1E \x00h"), want: "Kế \uFFFD", wantEnc: EncUTF16LE},
		{name: "windows-1258", raw: []byte("K\xEA\xEC ho a\xF2ch"), enc: EncCP1258, want: "Kế ho ạch", wantEnc: EncCP1258},
		{name: "windows-1258 detected", raw: []byte("K\xEA\xEC hoa\xF2ch s\xF4\xEC 12 cu\xD2a Ti\xD2nh u\xD2y v\xEA\xCC vi\xEA\xF2c th\xFD\xF2c hi\xEA\xF2n Nghi\xF2 quy\xEA\xECt"),
			want: "Kế hoạch số 12 của Tỉnh ủy về việc thực hiện Nghị quyết", wantEnc: EncCP1258},
		{name: "tcvn3 bytes", raw: []byte("C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDCa Vi\xD6t Nam"), want: "Cộng hoà xã hội chủ nghĩa Việt Nam", wantEnc: EncTCVN3},
		{name: "tcvn3 header", raw: []byte("\xA7\xE9c l\xCBp - T\xF9 do - H\xB9nh ph\xF3c"), want: "Độc lập - Tự do - Hạnh phúc", wantEnc: EncTCVN3},
		{name: "tcvn3 upper case", raw: []byte("K\xD5 HO\xB9CH t\xE6ng k\xD5t"), want: "KẾ HOẠCH tổng kết", wantEnc: EncTCVN3},
		{name: "vni bytes", raw: []byte("Co\xE4ng ho\xF8a xa\xF5 ho\xE4i chu\xFB ngh\xF3a Vie\xE4t Nam"), want: "Cộng hòa xã hội chủ nghĩa Việt Nam", wantEnc: EncVNI},
		{name: "vni header", raw: []byte("\xD1O\xC4C LA\xC4P - T\xD6\xCF DO - HA\xCFNH PHU\xD9C"), want: "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", wantEnc: EncVNI},
		{name: "tcvn3 font", raw: []byte("KÕ ho¹ch sè 12 cña TØnh ñy vÒ viÖc thùc hiÖn NghÞ quyÕt"), want: "Kế hoạch số 12 của Tỉnh ủy về việc thực hiện Nghị quyết", wantEnc: EncTCVN3Font},
		{name: "vni font", raw: []byte("Keá hoaïch soá 12 cuûa Tænh uûy veà vieäc thöïc hieän Nghò quyeát"), want: "Kế hoạch số 12 của Tỉnh ủy về việc thực hiện Nghị quyết", wantEnc: EncVNIFont},
		{name: "vni font upper", raw: []byte("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"), want: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", wantEnc: EncVNIFont},
		{name: "tcvn3 font forced", raw: []byte("KÕ ho¹ch"), enc: "TCVN3", want: "Kế hoạch", wantEnc: EncTCVN3Font},
		{name: "vni font forced", raw: []byte("Keá hoaïch"), enc: "vni", want: "Kế hoạch", wantEnc: EncVNIFont},
		{name: "tcvn3 forced bytes", raw: []byte("K\xD5 ho\xB9ch"), enc: "tcvn3", want: "Kế hoạch", wantEnc: EncTCVN3},
		{name: "utf-8 forced", raw: []byte("K\xD5 ho\xB9ch"), enc: "utf-8", want: "K\uFFFD ho\uFFFDch", wantEnc: EncUTF8},
		{name: "cut-off utf-8", raw: []byte("Kế hoạch tổng kết công tác dân vận\xE1\xBB"), want: "Kế hoạch tổng kết công tác dân vận\uFFFD", wantEnc: EncUTF8},
		{name: "empty", raw: nil, want: "", wantEnc: EncUTF8},
		{name: "ascii", raw: []byte("KE HOACH 82-KH/TW"), want: "KE HOACH 82-KH/TW", wantEnc: EncUTF8},
		{name: "crlf", raw: []byte("Kế hoạch\r\nsố 1\r\n"), want: "Kế hoạch\nsố 1\n", wantEnc: EncUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert(tc.raw, "", tc.enc)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if res.Text != want || res.Encoding != tc.wantEnc || res.Format != FormatTxt {
				t.Errorf("got %q (%s, %s), want %q (%s)", res.Text, res.Format, res.Encoding, want, tc.wantEnc)
			}
		})
	}
}

func TestUnknownEncoding(t *testing.T) {
	_, err := Convert([]byte("x"), "", "koi8-r")
	if !errors.Is(err, ErrUnknownEncoding) {
		t.Fatalf("got %v", err)
	}
}

// TestUTF8NeverConverted runs the detector on every UTF-8 document of the
// repository (the corpus and the extractor's test documents): each must
// be read as UTF-8 and come back unchanged but for NFC and line ends.
func TestUTF8NeverConverted(t *testing.T) {
	var files []string
	for _, g := range []string{"../corpus/*.txt", "../testdata/*.txt", "../testdata/gold/*.txt", "../testdata/convert/*.utf-8*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(raw) {
			continue // a legacy fixture
		}
		n++
		res, err := Convert(raw, filepath.Base(f), "")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		want := finish(strings.TrimPrefix(string(raw), "\uFEFF"))
		if res.Encoding != EncUTF8 || res.Text != want {
			t.Errorf("%s: read as %s, text changed: %v", f, res.Encoding, res.Text != want)
		}
	}
	// short Unicode texts that legacy decodings could misread
	for _, s := range []string{"Hoà bình", "và các", "Hoá ra", "José Martí, Café, naïve", "Tiếng Việt có dấu",
		"Thành phố Hồ Chí Minh", "Ông Bà Anh Chị", "ÂU Á", "Ban chỉ đạo: Trưởng ban", "Đà Nẵng", "Õ ± ¹ µ",
		"Lào Cai, Hà Giang, Yên Bái", "Bắc Ninh – “Kết luận”…", "résumé à la carte", "Müller Straße"} {
		res, err := Convert([]byte(s), "", "")
		if err != nil || res.Encoding != EncUTF8 || res.Text != norm.NFC.String(s) {
			t.Errorf("%q: read as %q (%v)", s, res.Text, res.Encoding)
		}
	}
	t.Logf("%d UTF-8 files and 15 short texts read as UTF-8, unchanged", n)
	if n < 10 {
		t.Errorf("only %d UTF-8 files found", n)
	}
}

func TestIsSyllable(t *testing.T) {
	for _, w := range []string{"của", "Nghị", "quyết", "kĩ", "ghế", "nghề", "gìn", "nghiêng", "khuya", "người", "giữa", "gì", "thuở", "quốc", "KHUYẾN", "yêu", "ươm", "oai", "xoong", "hoà"} {
		if !isSyllable(w) {
			t.Errorf("%q: not a syllable", w)
		}
	}
	for _, w := range []string{"Keá", "hoaïch", "ho¹ch", "kõ", "cinh", "ngeo", "ghà", "café", "straße", "tác̀", "bat", "aă", "thư̛", "ñoäc", "wifi"} {
		if isSyllable(w) {
			t.Errorf("%q: a syllable", w)
		}
	}
}

func TestFinishContract(t *testing.T) {
	in := "\uFEFFa\r\nb\rc\x00d\xFF" + "e\u0301"
	got := finish(in)
	if got != "a\nb\ncd\uFFFDé" || !norm.NFC.IsNormalString(got) {
		t.Errorf("got %q", got)
	}
	for _, r := range got {
		if unicode.Is(unicode.Mn, r) {
			t.Errorf("combining mark left")
		}
	}
}
