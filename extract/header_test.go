package extract

import "testing"

// TestHeader: one row per way a document says what it is.
func TestHeader(t *testing.T) {
	tests := []struct {
		name, text                               string
		kind, symbol, issuer, place, date, title string
	}{
		{"party header", "THÀNH UỶ HẢI PHÒNG\n*\nSố 256-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHải Phòng, ngày 02 tháng 6 năm 2023\n\nKẾ HOẠCH\ntổng kết 10 năm\n-----\nThực hiện …",
			"Kế hoạch", "256-KH/TU", "Thành ủy Hải Phòng", "Hải Phòng", "2023-06-02", "tổng kết 10 năm"},
		{"two columns with tabs", "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH DƯƠNG\tĐộc lập - Tự do - Hạnh phúc\nSố: 1187/KH-UBND\t\tBình Dương, ngày 02 tháng 4 năm 2021\n\nKẾ HOẠCH\nTriển khai thi hành Bộ luật Lao động năm 2019\n\nThực hiện …",
			"Kế hoạch", "1187/KH-UBND", "Ủy ban nhân dân tỉnh Bình Dương", "Bình Dương", "2021-04-02", "Triển khai thi hành Bộ luật Lao động năm 2019"},
		{"lost hyphen in number", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 1961/QĐUBND\nQuảng Nam, ngày 15 tháng 7\nnăm 2019\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n\nCăn cứ …",
			"Quyết định", "1961/QĐ-UBND", "Ủy ban nhân dân tỉnh Quảng Nam", "Quảng Nam", "2019-07-15", "Về việc ban hành Kế hoạch"},
		{"công văn with V/v", "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2613/BGDĐT-GDTrH\nV/v triển khai thực hiện Thông tư\n\nHà Nội, ngày 23 tháng 6 năm 2021\n\nKính gửi: Các Sở",
			"Công văn", "2613/BGDĐT-GDTrH", "Bộ Giáo dục và Đào tạo", "Hà Nội", "2021-06-23", "triển khai thực hiện Thông tư"},
		{"web title line", "Thứ Tư, 24/7/2024\nKế hoạch số 82-KH/BDVTW ngày 18/5/2023 của Ban Dân vận Trung ương về tổng kết 10 năm\n\nThực hiện …",
			"Kế hoạch", "82-KH/BDVTW", "Ban Dân vận Trung ương", "", "2023-05-18", "tổng kết 10 năm"},
		{"number from the attachment line", "KẾ HOẠCH\nsơ kết 5 năm\n\nI. MỤC ĐÍCH\nNội dung.\n\nĐỀ CƯƠNG\n(ban hành kèm theo Kế hoạch số 58KH/TU, ngày 17/4/2018 của Ban Thường vụ Tỉnh ủy)\n",
			"Kế hoạch", "58-KH/TU", "Ban Thường vụ Tỉnh ủy", "", "2018-04-17", "sơ kết 5 năm"},
		{"number from a news lead", "Kế hoạch tổng kết Chỉ thị 43\n\n(BPY) - Ngày 02/3/2020, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 186-KH/TU về tổng kết.\n\nI. MỤC ĐÍCH\n",
			"Kế hoạch", "186-KH/TU", "Ban Thường vụ Tỉnh ủy", "", "2020-03-02", "tổng kết Chỉ thị 43"},
		{"kind and upper-case title on one line", "TỈNH ỦY NAM ĐỊNH\nSố 12-KH/TU\n\nKẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 21-NQ/TW\n\nThực hiện …",
			"Kế hoạch", "12-KH/TU", "Tỉnh ủy Nam Định", "", "", "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 21-NQ/TW"},
		{"number glued to the place-date (PDF copy)", "HỘI LHPN TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN THƯỜNG VỤ Độc lập - Tự do - Hạnh phúc\nSố: 112/KH-HPN Thanh Hóa, ngày 04 tháng 6 năm 2018\nKẾ HOẠCH\nThực hiện Chỉ thị số 21-CT/TW\nThực hiện …",
			"Kế hoạch", "112/KH-HPN", "", "Thanh Hóa", "2018-06-04", "Thực hiện Chỉ thị số 21-CT/TW"},
		{"space before the slash, issuer over two lines", "BỘ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN\nSố:4738 /BNN-KH\tHà Nội, ngày 05 tháng 12 năm 2017\nV/v triển khai công tác an toàn\n\nKính gửi: Các tỉnh.",
			"Công văn", "4738/BNN-KH", "Bộ Nông nghiệp và Phát triển nông thôn", "Hà Nội", "2017-12-05", "triển khai công tác an toàn"},
		{"markdown table header and heading mark", "| HỘI NÔNG DÂN VIỆT NAM<br>**HỘI NÔNG DÂN TỈNH AN GIANG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n|---|---|\n| Số: 45/KH-HND | *An Giang, ngày 12 tháng 3 năm 2024* |\n\n# KẾ HOẠCH\n\n**Tổ chức hội nghị tổng kết**\n\nThực hiện …",
			"Kế hoạch", "45/KH-HND", "Hội Nông dân tỉnh An Giang", "An Giang", "2024-03-12", "Tổ chức hội nghị tổng kết"},
		{"kind with its issuer", "BỘ NÔNG NGHIỆP\nSố: 52/2001/QĐ/BNN-KH\nHà Nội, ngày 28 tháng 3 năm 2001\n\nQUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ NÔNG NGHIỆP\nVề việc giao nhiệm vụ\n\nCăn cứ …",
			"Quyết định", "52/2001/QĐ/BNN-KH", "Bộ Nông nghiệp", "Hà Nội", "2001-03-28", "Về việc giao nhiệm vụ"},
	}
	for _, tt := range tests {
		d := Parse(mustNormalize(tt.text))
		got := []Str{d.Kind, d.Symbol, d.Issuer, d.Place, d.Date, d.Title}
		want := []Str{Str(tt.kind), Str(tt.symbol), Str(tt.issuer), Str(tt.place), Str(tt.date), Str(tt.title)}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: field %d = %q, want %q", tt.name, i, got[i], want[i])
			}
		}
	}
}

func mustNormalize(s string) string {
	t, _ := Normalize([]byte(s))
	return t
}

// TestSignerRank: a rank before the signer's name is not part of it.
func TestSignerRank(t *testing.T) {
	base := "CÔNG AN TỈNH BẮC NINH\nSố: 12/KH-CAT\n\nKẾ HOẠCH\nTuần tra\n\nThực hiện nhiệm vụ.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n"
	for _, tt := range []struct{ signed, want string }{
		{"Thượng tá Lê Văn Nam", "Lê Văn Nam"},
		{"Lê Văn Nam", "Lê Văn Nam"},
		{"Đại tá", ""}, // a rank alone names nobody
	} {
		d := Parse(mustNormalize(base + tt.signed + "\n"))
		got := ""
		if d.Signature != nil {
			got = string(d.Signature.Name)
		}
		if got != tt.want {
			t.Errorf("%q: signer %q, want %q", tt.signed, got, tt.want)
		}
	}
}
