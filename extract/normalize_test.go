package extract

import (
	"errors"
	"strings"
	"testing"
)

// TestNormalize: one row per kind of damage repaired.
func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"crlf", "KẾ HOẠCH\r\nSố 1\r\n", "KẾ HOẠCH\nSố 1"},
		{"bom", "\uFEFFKẾ HOẠCH", "KẾ HOẠCH"},
		{"nbsp and tabs trimmed", "\u00a0 Ban\u00a0Dân vận\t", "Ban Dân vận"},
		{"soft hyphen", "Nghị\u00ad quyết", "Nghị quyết"},
		{"nfd to nfc", "Nghi\u0323 quyê\u0301t", "Nghị quyết"},
		{"bold", "vào **tháng 6/2018**.", "vào tháng 6/2018."},
		{"italic", "“*Dân vận khéo*”", "“Dân vận khéo”"},
		{"lone star kept", "THÀNH ỦY\n*\nSố 256", "THÀNH ỦY\n*\nSố 256"},
		{"spaces collapsed", "Ban   Dân  vận", "Ban Dân vận"},
		{"page break joined", "KẾ HOẠCH\n" + strings.Repeat("x ", 40) + "trách nhiệm của cả hệ\n\nthống chính trị.", "KẾ HOẠCH\n" + strings.Repeat("x ", 40) + "trách nhiệm của cả hệ thống chính trị."},
		{"headline stands alone", strings.Repeat("Kế hoạch ", 12) + "\n\nNgày 02/3/2020, Ban Thường vụ", strings.Repeat("Kế hoạch ", 11) + "Kế hoạch\n\nNgày 02/3/2020, Ban Thường vụ"},
		{"hard wrap joined", strings.Repeat("từ ", 25) + "của Thủ tướng\nChính phủ về việc", strings.Repeat("từ ", 25) + "của Thủ tướng Chính phủ về việc"},
		{"heading kept apart", "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích", "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích"},
		{"list items kept apart", "Nơi nhận:\n- Ban Dân vận TW,\n- Lưu VT.", "Nơi nhận:\n- Ban Dân vận TW,\n- Lưu VT."},
		{"sentence end kept", strings.Repeat("a ", 40) + "xong.\n\nCăn cứ", strings.Repeat("a ", 40) + "xong.\n\nCăn cứ"},
		{"page date dropped", "Thứ Tư, 24/7/2024\nKẾ HOẠCH", "KẾ HOẠCH"},
		{"trailing chrome dropped", "KẾ HOẠCH\nNội dung.\nNội dung.\nGửi cho bạn bè\nPhản hồi\nXem nhiều nhất", "KẾ HOẠCH\nNội dung.\nNội dung."},
		{"page number dropped", "KẾ HOẠCH\n" + strings.Repeat("từ ", 40) + "trách nhiệm của cả hệ\n\n- 2 -\n\nthống chính trị.", "KẾ HOẠCH\n" + strings.Repeat("từ ", 40) + "trách nhiệm của cả hệ thống chính trị."},
		{"a date alone on a line is not a page number", "KẾ HOẠCH\n" + strings.Repeat("từ ", 20) + "gửi báo cáo trước ngày\n10/10/2014.\n\nNơi nhận:", "KẾ HOẠCH\n" + strings.Repeat("từ ", 20) + "gửi báo cáo trước ngày 10/10/2014.\n\nNơi nhận:"},
		{"page info dropped", "Ngày đăng: 12/03/2024 | Lượt xem: 1234\nCỡ chữ: A A A\nKẾ HOẠCH", "KẾ HOẠCH"},
		{"breadcrumb dropped", "Trang chủ > Văn bản\nKẾ HOẠCH", "KẾ HOẠCH"},
		{"pandoc multiline table: wrapped cells joined, one tabbed line per row",
			"  -----------------------------------------\n  Thời hạn     Công việc          Đơn vị\n  ------------ ------------------ ---------\n  Quý I/2024   Rà soát danh mục   Sở Tư pháp\n               văn bản\n\n  Tháng 6/2024 Tổng kết           Văn phòng\n                                  UBND tỉnh\n  -----------------------------------------\n\nIV. TỔ CHỨC",
			"-----------------------------------------\nThời hạn\tCông việc\tĐơn vị\n------------ ------------------ ---------\nQuý I/2024\tRà soát danh mục văn bản\tSở Tư pháp\n\nTháng 6/2024\tTổng kết\tVăn phòng UBND tỉnh\n-----------------------------------------\n\nIV. TỔ CHỨC"},
		{"pandoc multiline table with a two-line header",
			"-------------------------------------\nThời gian    Nội dung      Chủ thể\nhoàn thành                 thực hiện\n------------ ------------- ----------\nQuý I/2024   Rà soát       Sở Tư pháp\n-------------------------------------",
			"-------------------------------------\nThời gian hoàn thành\tNội dung\tChủ thể thực hiện\n------------ ------------- ----------\nQuý I/2024\tRà soát\tSở Tư pháp\n-------------------------------------"},
		{"pandoc simple table: a row per line, a continuation under a later column joined, ends at a blank line",
			"Nội dung      Thời gian\n------------- ----------\nTập huấn      Quý II/2024\nKiểm tra      Tháng 9/2024\n              (dự kiến)\n\nCác sở      báo cáo.",
			"Nội dung\tThời gian\n------------- ----------\nTập huấn\tQuý II/2024\nKiểm tra\tTháng 9/2024 (dự kiến)\n\nCác sở\tbáo cáo."},
		{"a line across a column's start ends the table", "Nội dung      Thời gian\n------------- ----------\nTập huấn cán bộ các xã phường trong tỉnh",
			"Nội dung\tThời gian\n------------- ----------\nTập huấn cán bộ các xã phường trong tỉnh"},
		{"a column rule with no header above is left alone", "\n------ ------\nTháng 6/2024 Tập huấn", "------ ------\nTháng 6/2024 Tập huấn"},
		{"a .docx table flattened to one cell per line is put back in rows",
			"STT\nNội dung công việc\nĐơn vị chủ trì\nThời gian hoàn thành\n1\nTập huấn cán bộ\nSở Tư pháp\nQuý II/2024\n2\nKiểm tra, đôn đốc\nThanh tra tỉnh\nTháng 9 - 10/2024\n\nIV. TỔ CHỨC THỰC HIỆN",
			"STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian hoàn thành\n1\tTập huấn cán bộ\tSở Tư pháp\tQuý II/2024\n2\tKiểm tra, đôn đốc\tThanh tra tỉnh\tTháng 9 - 10/2024\n\nIV. TỔ CHỨC THỰC HIỆN"},
		{"flattened table: \"TT\", numbered \"1.\", a heading right after the last row",
			"TT\nNhiệm vụ\nThời hạn\nCơ quan thực hiện\n1.\nBan hành quy chế\nTháng 6/2024\nVăn phòng\nIV. TỔ CHỨC THỰC HIỆN",
			"TT\tNhiệm vụ\tThời hạn\tCơ quan thực hiện\n1.\tBan hành quy chế\tTháng 6/2024\tVăn phòng\nIV. TỔ CHỨC THỰC HIỆN"},
		{"flattened table: a row with a cell of two lines stops the rewriting there",
			"Số TT\nNội dung\nThời gian\n1\nTập huấn\nQuý I/2024\n2\nKiểm tra\ncác xã\nQuý II/2024\n",
			"Số TT\tNội dung\tThời gian\n1\tTập huấn\tQuý I/2024\n2\nKiểm tra các xã\nQuý II/2024"},
		{"a one-cell-per-line list without a time column is left alone",
			"STT\nHọ và tên\nChức vụ\n1\nNguyễn Văn An\nTrưởng ban", "STT\nHọ và tên\nChức vụ\n1\nNguyễn Văn An\nTrưởng ban"},
		{"\"TT\" before prose is left alone", "TT\nThời gian qua, các cấp ủy đã thực hiện tốt.\n1\nx", "TT\nThời gian qua, các cấp ủy đã thực hiện tốt.\n1 x"},
		{"dashes in prose and a one-run rule are left alone", "Điểm -- -- trống\nĐộc lập - Tự do - Hạnh phúc\n---------------",
			"Điểm -- -- trống\nĐộc lập - Tự do - Hạnh phúc\n---------------"},
	}
	for _, tt := range tests {
		got, _ := Normalize([]byte(tt.in))
		if got != tt.want {
			t.Errorf("%s: Normalize(%q) =\n%q\nwant\n%q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestNormalizeInvalidUTF8 repairs bad bytes and says where.
func TestNormalizeInvalidUTF8(t *testing.T) {
	text, diags := Normalize([]byte("Kế hoạch \xff\xfe số 5"))
	if !strings.Contains(text, "\uFFFD") {
		t.Fatalf("no replacement character in %q", text)
	}
	found := false
	for _, d := range diags {
		if d.Code == "invalid_utf8" && text[d.Span[0]:d.Span[1]] == "\uFFFD" {
			found = true
		}
	}
	if !found {
		t.Fatalf("no invalid_utf8 diagnostic pointing at the repair: %+v", diags)
	}
}

// TestNormalizeIdempotent: normalising normalised text changes nothing.
func TestNormalizeIdempotent(t *testing.T) {
	for in := range goldenCases(t) {
		raw := mustRead(t, in)
		once, _ := Normalize(raw)
		twice, _ := Normalize([]byte(once))
		if once != twice {
			t.Errorf("%s: Normalize is not idempotent", in)
		}
	}
}

// TestCheckInput refuses what is not text.
func TestCheckInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", []byte("  \n"), ErrEmpty},
		{"nothing left once normalised", []byte(" \x7f"), ErrEmpty},
		{"nul bytes", []byte("PK\x03\x04\x00\x00binary"), ErrBinary},
		{"controls", []byte(strings.Repeat("\x01\x02\x03a", 100)), ErrBinary},
		{"too large", make([]byte, MaxInputSize+1), ErrTooLarge},
		{"text", []byte("KẾ HOẠCH"), nil},
	}
	for _, tt := range tests {
		_, _, err := Extract(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Extract error = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestStripStars: the one-pass path of stripEmphasis agrees with the
// three-pass one on text it may take.
func TestStripStars(t *testing.T) {
	for _, s := range []string{"**a**", "*a*", "a * b", "***a***", " *** ", "x****y", "*", "* *", "**", "é*\n*é", "a_*b", "** _x_ **"} {
		want := strings.ReplaceAll(s, "**", "")
		want = strings.ReplaceAll(want, "__", "")
		var b strings.Builder
		for {
			i := strings.IndexByte(want, '*')
			if i < 0 {
				b.WriteString(want)
				break
			}
			b.WriteString(want[:i])
			if (i == 0 || isSpace(lastRune(want[:i]))) && (i+1 == len(want) || isSpace(firstRune(want[i+1:]))) {
				b.WriteByte('*')
			}
			want = want[i+1:]
		}
		if got := stripEmphasis(s); got != b.String() {
			t.Errorf("stripEmphasis(%q) = %q, want %q", s, got, b.String())
		}
	}
}

// TestStripStarsBytes: stars stripped straight from the input bytes give
// what stripEmphasis gives on the text.
func TestStripStarsBytes(t *testing.T) {
	parts := []string{"*", "**", " ", "a", "é", "\n", "_", "ế*", "\xe1\xbb"}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := n % 13; k >= 0; k-- {
			b.WriteString(parts[(n*7+k*k*3+k)%len(parts)])
		}
		raw := []byte(b.String())
		if !onlyStars(raw) {
			continue
		}
		if got, want := stripStars(raw), stripEmphasis(string(raw)); got != want {
			t.Fatalf("stripStars(%q) = %q, want %q", raw, got, want)
		}
	}
}
