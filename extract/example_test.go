package extract_test

import (
	"fmt"

	"vanban/extract"
)

// Extract reads a plan and returns its structure; spans point into the
// normalised text returned with it.
func ExampleExtract() {
	raw := []byte(`THÀNH UỶ HẢI PHÒNG
Số 256-KH/TU
Hải Phòng, ngày 02 tháng 6 năm 2023

KẾ HOẠCH
tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng

I. MỤC ĐÍCH, YÊU CẦU
Đánh giá kết quả thực hiện Nghị quyết số 25.

II. TỔ CHỨC THỰC HIỆN
1. Các ban đảng Thành ủy gửi báo cáo về Ban Thường vụ Thành ủy trước ngày 30/6/2023.
`)
	doc, text, err := extract.Extract(raw)
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.Kind, doc.Symbol, doc.Issuer, doc.Date)
	for _, s := range doc.Sections {
		fmt.Println(s.Heading, "→", s.Kind)
	}
	for _, r := range doc.References {
		m := r.Mentions[len(r.Mentions)-1]
		fmt.Println(r.ID, r.Relation, len(r.Mentions), text[m.Span[0]:m.Span[1]])
	}
	for _, d := range doc.Deadlines {
		fmt.Println(d.Text, d.Start, d.Precision, d.Responsible)
	}
	// Output:
	// Kế hoạch 256-KH/TU Thành ủy Hải Phòng 2023-06-02
	// I. MỤC ĐÍCH, YÊU CẦU → purpose
	// II. TỔ CHỨC THỰC HIỆN → organization
	// 25-NQ/TW@2013-06-03 reviews 2 Nghị quyết số 25
	// trước ngày 30/6/2023 2023-06-30 day Các ban đảng Thành ủy
}
