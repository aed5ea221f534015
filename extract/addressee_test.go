package extract

import "testing"

// TestAddressee: a deadline whose item names no body falls to the body a
// letter asks to act; one row per written form, and the cases that give
// none.
func TestAddressee(t *testing.T) {
	head := "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 512/BYT-KCB\tHà Nội, ngày 05 tháng 3 năm 2022\nV/v phòng chống dịch\n\n"
	tests := []struct{ name, text, want string }{
		{"đề nghị in the sentence before the items",
			head + "Kính gửi: Các Cục, Vụ thuộc Bộ\n\nĐể triển khai Thông tư 05, Bộ Y tế đề nghị Sở Y tế các tỉnh, thành phố thực hiện một số nội dung sau:\n1. Rà soát quy trình\nRà soát quy trình tiếp nhận; hoàn thành trước ngày 30/4/2022.\n",
			"Sở Y tế các tỉnh, thành phố"},
		{"yêu cầu",
			head + "Để bảo đảm tiến độ, Bộ yêu cầu Sở Y tế các tỉnh khẩn trương thực hiện:\n1. Tổng hợp danh sách, gửi về Bộ trước ngày 15/4/2022.\n",
			"Sở Y tế các tỉnh"},
		{"one-line Kính gửi",
			head + "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\n\nĐể bảo đảm tiến độ tiêm chủng, đề nghị quý cơ quan thực hiện các nội dung sau:\n1. Tổng hợp danh sách, gửi về Bộ trước ngày 15/4/2022.\n",
			"Ủy ban nhân dân các tỉnh, thành phố"},
		{"the item's own body wins",
			head + "Bộ Y tế đề nghị các Sở Y tế thực hiện:\n1. Cục Quản lý Khám, chữa bệnh tổng hợp, báo cáo trước ngày 15/4/2022.\n",
			"Cục Quản lý Khám, chữa bệnh"},
		{"no request: a plan's introduction",
			head + "Thực hiện Kế hoạch số 35-KH/TU, Ban Thường vụ xây dựng kế hoạch như sau:\n1. Tổng hợp danh sách, gửi về Bộ trước ngày 15/4/2022.\n",
			""},
		{"several addressees listed",
			head + "Kính gửi:\n- Các Sở Y tế;\n- Các bệnh viện.\n\nĐể bảo đảm tiến độ tiêm chủng, đề nghị quý cơ quan thực hiện các nội dung sau:\n1. Tổng hợp danh sách, gửi về Bộ trước ngày 15/4/2022.\n",
			""},
	}
	for _, tt := range tests {
		doc, _, err := Extract([]byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Deadlines) != 1 {
			t.Errorf("%s: %d deadlines, want 1", tt.name, len(doc.Deadlines))
			continue
		}
		if got := string(doc.Deadlines[0].Responsible); got != tt.want {
			t.Errorf("%s: responsible %q, want %q", tt.name, got, tt.want)
		}
	}
}
